// Simulated review histories: students whose memory follows FSRS-6 with known parameters, studying
// with ts-fsrs (pinned in package.json) and recalling each card with the probability the model gives.
import { createEmptyCard, forgetting_curve, fsrs } from 'ts-fsrs'

// Known, non-default parameters (every value inside fsrs-rs's clamps).
export const TRUE_PARAMETERS = [
  0.1, 0.5, 1.2, 4.0, 7.5, 0.4, 1.5, 0.05, 1.2, 0.3, 1.3, 2.2, 0.15, 0.5, 1.2, 0.3, 2.8, 0.6, 0.2, 0.2, 0.5,
]

const MINUTE = 60_000
const DAY = 86_400_000

// mulberry32: small, seeded, and the same on every machine.
export function rng(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

// Histories until `reviews` reviews are reached (whole cards), in the `fsrs replay` input format.
export function simulate({ reviews: target, seed, w = TRUE_PARAMETERS }) {
  const random = rng(seed)
  const between = (lo, hi) => lo + random() * (hi - lo)
  const decay = -w[20]
  const factor = Math.pow(0.9, 1 / decay) - 1
  const schedulers = [0.75, 0.8, 0.85, 0.9, 0.95].map((r) =>
    fsrs({ w, request_retention: r, enable_fuzz: true, enable_short_term: true }),
  )
  const start = Date.UTC(2024, 0, 1)
  const end = start + 500 * DAY
  const histories = []
  let total = 0
  for (let id = 1; total < target; id++) {
    const scheduler = schedulers[Math.floor(random() * schedulers.length)]
    let t = start + Math.round(between(0, 365) * DAY)
    let card = createEmptyCard(new Date(t))
    const log = []
    for (let i = 0; i < 40 && t < end; i++) {
      let rating
      if (i === 0) {
        const x = random()
        rating = x < 0.25 ? 1 : x < 0.4 ? 2 : x < 0.85 ? 3 : 4
      } else {
        // Recall with the model's probability after the time that really passed.
        const elapsed = (t - card.last_review.getTime()) / DAY
        const r = Math.pow(1 + (factor * elapsed) / card.stability, decay)
        if (random() >= r) rating = 1
        else {
          const x = random()
          rating = x < 0.15 ? 2 : x < 0.85 ? 3 : 4
        }
      }
      log.push({ rating, t: new Date(t).toISOString() })
      card = scheduler.next(card, new Date(t), rating).card
      const due = card.due.getTime()
      const wait = Math.max(due - t, MINUTE)
      const x = random()
      if (wait < DAY) t = due + Math.round(between(0, 20) * MINUTE)
      else if (x < 0.1) t = t + Math.round(wait * between(0.5, 1))
      else t = t + Math.round(wait * between(1, 1.6)) + Math.round(between(-6, 6) * 60 * MINUTE)
      t = Math.max(t, due - wait)
    }
    histories.push({ cardId: id, reviews: log })
    total += log.length
  }
  return { histories, reviews: total }
}

// The training items fsrs-rs gets from these logs: delta_t in whole UTC days, one item per review on
// a later day than the card's previous one, ordered by the time of the predicted review (stable).
export function toItems(histories, { FSRSBindingItem, FSRSBindingReview }) {
  const keyed = []
  for (const { reviews } of histories) {
    const steps = []
    let previousDay = 0
    reviews.forEach(({ rating, t }, i) => {
      const ms = Date.parse(t)
      const day = Math.floor(ms / DAY)
      steps.push([rating, i === 0 ? 0 : day - previousDay])
      previousDay = day
      if (i > 0 && steps[i][1] > 0) keyed.push({ ms, steps: steps.slice() })
    })
  }
  keyed.sort((a, b) => a.ms - b.ms)
  return keyed.map(({ steps }) => new FSRSBindingItem(steps.map(([r, d]) => new FSRSBindingReview(r, d))))
}

export { forgetting_curve }
