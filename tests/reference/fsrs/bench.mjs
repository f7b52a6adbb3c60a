// Times ts-fsrs (pinned in package.json) on a file of review histories, in the replay command's
// input format, and prints one JSON line for StudyBot's `fsrs` benchmark suite:
//   {"reviews":N,"next_per_s":..,"next_state_per_s":..,"next_cpu_per_s":..,"next_state_cpu_per_s":..}
// next:       FSRS.next(card, now, rating), the full path an app calls (default parameters).
// next_state: FSRSAlgorithm.next_state(memory, elapsed_days, rating), the memory math alone, with
//             elapsed days by UTC calendar date as FSRS.next computes them.
// Usage: node bench.mjs HISTORIES.json
import { readFileSync } from 'node:fs'
import { createEmptyCard, fsrs } from 'ts-fsrs'

const file = process.argv[2]
if (!file) {
  console.error('usage: node bench.mjs HISTORIES.json')
  process.exit(2)
}
const histories = JSON.parse(readFileSync(file, 'utf8'))

// Everything a timed loop needs is prepared here, outside the timing.
let total = 0
for (const h of histories) total += h.reviews.length
const dates = new Array(total)
const ratings = new Int32Array(total)
const elapsed = new Int32Array(total)
const first = new Uint8Array(total)
const DAY = 86_400_000
let k = 0
for (const h of histories) {
  let previous = 0
  h.reviews.forEach((r, i) => {
    const ms = Date.parse(r.t)
    dates[k] = new Date(ms)
    ratings[k] = r.rating
    first[k] = i === 0 ? 1 : 0
    elapsed[k] = i === 0 ? 0 : Math.floor(ms / DAY) - Math.floor(previous / DAY)
    previous = ms
    k++
  })
}

const scheduler = fsrs({})

function runNext(count) {
  let card = null
  let checksum = 0
  for (let i = 0; i < count; i++) {
    if (first[i]) card = createEmptyCard(dates[i])
    card = scheduler.next(card, dates[i], ratings[i]).card
    checksum += card.scheduled_days
  }
  return checksum
}

function runNextState(count) {
  let memory = null
  let checksum = 0
  for (let i = 0; i < count; i++) {
    memory = scheduler.next_state(first[i] ? null : memory, elapsed[i], ratings[i])
    checksum += memory.stability
  }
  return checksum
}

// Best of RUNS passes after a warm-up, in wall-clock time and in CPU time (user + system, all
// threads), the second being steadier on a machine shared with other work.
const RUNS = Number(process.env.FSRS_BENCH_RUNS ?? 3)
function time(run) {
  run(Math.min(total, 200_000)) // warm-up: let the JIT settle
  let wall = Infinity
  let cpu = Infinity
  let checksum = 0
  for (let i = 0; i < RUNS; i++) {
    const cpuStart = process.cpuUsage()
    const start = process.hrtime.bigint()
    checksum = run(total)
    wall = Math.min(wall, Number(process.hrtime.bigint() - start) / 1e9)
    const used = process.cpuUsage(cpuStart)
    cpu = Math.min(cpu, (used.user + used.system) / 1e6)
  }
  return { perSecond: total / wall, cpuPerSecond: total / cpu, checksum }
}

const next = time(runNext)
const nextState = time(runNextState)
console.log(JSON.stringify({
  reviews: total,
  next_per_s: Math.round(next.perSecond),
  next_state_per_s: Math.round(nextState.perSecond),
  next_cpu_per_s: Math.round(next.cpuPerSecond),
  next_state_cpu_per_s: Math.round(nextState.cpuPerSecond),
  checksum_next: next.checksum,
}))
