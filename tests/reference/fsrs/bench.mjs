// Times ts-fsrs (pinned in package.json) on a file of review histories, in the replay command's
// input format, and prints one JSON line for StudyBot's `fsrs` benchmark suite:
//   {"reviews":N,"next_per_s":..,"next_state_per_s":..,"next_cpu_per_s":..,"next_state_cpu_per_s":..}
// next:       FSRS.next(card, now, rating), the full path an app calls (default parameters).
// next_state: FSRSAlgorithm.next_state(memory, elapsed_days, rating), the memory math alone, with
//             elapsed days by UTC calendar date as FSRS.next computes them.
// The timing matches the C# side's: WARMUP whole replays, then the best of PASSES passes of
// REPLAYS whole replays each. checksum_days (sum of scheduled_days) and checksum_stability (sum of
// stability) after FSRS.next over one replay are compared with the C# scheduler's by the suite.
// Usage: node bench.mjs HISTORIES.json [--warmup 2] [--passes 5] [--replays 3]
import { readFileSync } from 'node:fs'
import { createEmptyCard, fsrs } from 'ts-fsrs'

const file = process.argv[2]
if (!file) {
  console.error('usage: node bench.mjs HISTORIES.json [--warmup N] [--passes N] [--replays N]')
  process.exit(2)
}
const option = (name, fallback) => {
  const i = process.argv.indexOf(name)
  return i >= 0 ? Number(process.argv[i + 1]) : fallback
}
const WARMUP = option('--warmup', 2)
const PASSES = option('--passes', 5)
const REPLAYS = option('--replays', 3)
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

// The same loop as the C# side's replay: both sums are kept in the timed loop on both sides.
function runNext(count) {
  let card = null
  let days = 0
  let stability = 0
  for (let i = 0; i < count; i++) {
    if (first[i]) card = createEmptyCard(dates[i])
    card = scheduler.next(card, dates[i], ratings[i]).card
    days += card.scheduled_days
    stability += card.stability
  }
  return { days, stability }
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

// Best of PASSES passes after WARMUP whole replays, in wall-clock time and in CPU time (user +
// system, all threads), the second being steadier on a machine shared with other work.
function time(run) {
  for (let i = 0; i < WARMUP; i++) run(total) // warm-up: let the JIT settle
  let wall = Infinity
  let cpu = Infinity
  for (let i = 0; i < PASSES; i++) {
    const cpuStart = process.cpuUsage()
    const start = process.hrtime.bigint()
    for (let r = 0; r < REPLAYS; r++) run(total)
    wall = Math.min(wall, Number(process.hrtime.bigint() - start) / 1e9)
    const used = process.cpuUsage(cpuStart)
    cpu = Math.min(cpu, (used.user + used.system) / 1e6)
  }
  return { perSecond: (total * REPLAYS) / wall, cpuPerSecond: (total * REPLAYS) / cpu }
}

const next = time(runNext)
const nextState = time(runNextState)
const sums = runNext(total) // one more replay, for the checksums
console.log(JSON.stringify({
  reviews: total,
  warmup_replays: WARMUP,
  passes: PASSES,
  replays_per_pass: REPLAYS,
  next_per_s: Math.round(next.perSecond),
  next_state_per_s: Math.round(nextState.perSecond),
  next_cpu_per_s: Math.round(next.cpuPerSecond),
  next_state_cpu_per_s: Math.round(nextState.cpuPerSecond),
  checksum_days: sums.days,
  checksum_stability: sums.stability,
}))
