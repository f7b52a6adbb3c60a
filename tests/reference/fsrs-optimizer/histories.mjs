// Writes simulated review histories (simulate.mjs) to a file, for the optimize benchmark.
// Usage: node histories.mjs OUT.json [--reviews 100000] [--seed 7]
import { writeFileSync } from 'node:fs'
import { simulate } from './simulate.mjs'

const args = process.argv.slice(2)
const option = (name, fallback) => {
  const i = args.indexOf(name)
  return i >= 0 ? Number(args[i + 1]) : fallback
}
const { histories, reviews } = simulate({ reviews: option('--reviews', 100000), seed: option('--seed', 7) })
writeFileSync(args[0], JSON.stringify(histories) + '\n')
console.log(`${histories.length} histories, ${reviews} reviews`)
