// Makes StudyBot's FSRS reference vectors with ts-fsrs (pinned in package.json):
//   vectors/histories.json            seeded review histories (the replay command's input format)
//   vectors/expected-short-term-on.json, vectors/expected-short-term-off.json
//                                     ts-fsrs's card after every review (the replay command's output format)
//   vectors/expected-fuzz-on.json     the first FUZZ_CARDS histories with fuzz on (short-term on)
//   vectors/retrievability.json       get_retrievability at assorted instants
// Usage: node generate.mjs [--cards 1200] [--seed 20240807]
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createEmptyCard, fsrs } from 'ts-fsrs'

const args = process.argv.slice(2)
const option = (name, fallback) => {
  const i = args.indexOf(name)
  return i >= 0 ? Number(args[i + 1]) : fallback
}
const CARDS = option('--cards', 1200)
const SEED = option('--seed', 20240807)
const FUZZ_CARDS = 300
const here = dirname(fileURLToPath(import.meta.url))
const out = join(here, 'vectors')

// mulberry32: small, seeded, and the same on every machine.
function rng(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
const random = rng(SEED)
const between = (lo, hi) => lo + random() * (hi - lo)
const MINUTE = 60_000
const DAY = 86_400_000

// About 10 % Again, 10 % Hard, 70 % Good, 10 % Easy.
function rating() {
  const x = random()
  return x < 0.1 ? 1 : x < 0.2 ? 2 : x < 0.9 ? 3 : 4
}

// When the learner comes back, relative to the card's due time under short-term scheduling.
function nextTime(last, card) {
  const scheduled = Math.max(card.due.getTime() - last, MINUTE)
  const x = random()
  let t
  if (x < 0.12) t = last + Math.round(between(0, 6 * 60) * MINUTE) // same day (or just past midnight)
  else if (x < 0.22) t = last + Math.round(scheduled * between(0.2, 0.95)) // early
  else if (x < 0.6) t = last + Math.round(scheduled * between(1.0, 1.3)) // on time
  else if (x < 0.9) t = last + Math.round(scheduled * between(1.3, 4)) // late
  else if (x < 0.95) t = last + Math.round(between(100, 1500) * DAY) // long gap
  else {
    // Across a UTC midnight by a few minutes: 1 calendar day, not a 24-hour period.
    const midnight = Math.ceil((last + 1) / DAY) * DAY
    t = midnight + Math.round(between(0, 5) * MINUTE)
  }
  if (random() < 0.5) t -= t % 1000 // whole seconds half of the time
  return Math.max(t, last)
}

function makeHistories() {
  const scheduler = fsrs({ enable_short_term: true })
  const histories = []
  for (let id = 1; id <= CARDS; id++) {
    let t = Date.UTC(2023, 0, 1) + Math.round(between(0, 900) * DAY)
    if (id % 7 === 0) t = Math.floor(t / DAY) * DAY + DAY - Math.round(between(1, 120)) * 1000 // starts just before midnight
    const length = 1 + Math.floor(random() ** 1.3 * 25)
    const reviews = []
    let card = createEmptyCard(new Date(t))
    for (let i = 0; i < length; i++) {
      if (i > 0) t = nextTime(t, card)
      const r = rating()
      reviews.push({ rating: r, t: new Date(t).toISOString() })
      card = scheduler.next(card, new Date(t), r).card
    }
    histories.push({ cardId: id, reviews })
  }
  return histories
}

const result = (c) => ({
  due: c.due.toISOString(),
  stability: c.stability,
  difficulty: c.difficulty,
  scheduled_days: c.scheduled_days,
  reps: c.reps,
  lapses: c.lapses,
  state: c.state,
  learning_steps: c.learning_steps,
})

function replay(histories, params) {
  const scheduler = fsrs(params)
  return histories.map(({ cardId, reviews }) => {
    let card = createEmptyCard(new Date(reviews[0].t))
    const results = reviews.map(({ rating: r, t }) => {
      card = scheduler.next(card, new Date(t), r).card
      return result(card)
    })
    return { cardId, results }
  })
}

function retrievability(histories, expected) {
  const scheduler = fsrs({ enable_short_term: true })
  const cases = []
  for (let i = 0; i < histories.length && cases.length < 600; i += 2) {
    const { results } = expected[i]
    const reviews = histories[i].reviews
    const k = Math.floor(random() * results.length)
    const card = { ...results[k], due: new Date(results[k].due), elapsed_days: 0, last_review: new Date(reviews[k].t) }
    const offsets = [0, random() * DAY, between(1, 3) * DAY, between(3, 400) * DAY]
    for (const offset of offsets) {
      const now = new Date(card.last_review.getTime() + Math.round(offset))
      cases.push({
        card: { ...results[k], last_review: reviews[k].t },
        now: now.toISOString(),
        retrievability: scheduler.get_retrievability(card, now, false),
      })
    }
  }
  return cases
}

mkdirSync(out, { recursive: true })
const histories = makeHistories()
const on = replay(histories, { enable_short_term: true })
const off = replay(histories, { enable_short_term: false })
const fuzz = replay(histories.slice(0, FUZZ_CARDS), { enable_short_term: true, enable_fuzz: true })
const write = (name, value) => writeFileSync(join(out, name), JSON.stringify(value) + '\n')
write('histories.json', histories)
write('expected-short-term-on.json', on)
write('expected-short-term-off.json', off)
write('expected-fuzz-on.json', fuzz)
write('retrievability.json', retrievability(histories, on))
const reviews = histories.reduce((n, h) => n + h.reviews.length, 0)
console.log(`${histories.length} histories, ${reviews} reviews per mode; fuzz-on: ${FUZZ_CARDS} histories`)
