// Makes StudyBot's FSRS optimizer reference data with the fsrs-rs Node binding and ts-fsrs (pinned in
// package.json):
//   data/histories.json   simulated review histories (the `fsrs replay` input format), from known
//                         non-default parameters (simulate.mjs)
//   data/expected.json    the binding's fitted parameters (short-term on and off) and its evaluation
//                         (log loss, RMSE(bins)) of the fits, the defaults and the true parameters
// Usage: node generate.mjs [--reviews 15000] [--seed 15] [--out DIR (default data)]
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as binding from '@open-spaced-repetition/binding'
import { TRUE_PARAMETERS, simulate, toItems } from './simulate.mjs'

const args = process.argv.slice(2)
const option = (name, fallback) => {
  const i = args.indexOf(name)
  return i >= 0 ? Number(args[i + 1]) : fallback
}
const REVIEWS = option('--reviews', 15000)
const SEED = option('--seed', 15)
const DEFAULTS = [
  0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796, 1.4835, 0.0614, 0.2629, 1.6483,
  0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
]
const here = dirname(fileURLToPath(import.meta.url))
const outIndex = args.indexOf('--out')
const out = outIndex >= 0 ? args[outIndex + 1] : join(here, 'data')

const { histories, reviews } = simulate({ reviews: REVIEWS, seed: SEED })
const items = toItems(histories, binding)
const evaluate = (parameters) => {
  const { logLoss, rmseBins } = new binding.FSRSBinding(parameters).evaluate(items)
  return { log_loss: logLoss, rmse_bins: rmseBins }
}
const fit = async (enableShortTerm) => {
  const parameters = await binding.computeParameters(items, { enableShortTerm })
  return { parameters, ...evaluate(parameters) }
}
const expected = {
  seed: SEED,
  reviews,
  items: items.length,
  true_parameters: TRUE_PARAMETERS,
  fit_short_term_on: await fit(true),
  fit_short_term_off: await fit(false),
  defaults: { parameters: DEFAULTS, ...evaluate(DEFAULTS) },
  truth: { parameters: TRUE_PARAMETERS, ...evaluate(TRUE_PARAMETERS) },
}
mkdirSync(out, { recursive: true })
writeFileSync(join(out, 'histories.json'), JSON.stringify(histories) + '\n')
writeFileSync(join(out, 'expected.json'), JSON.stringify(expected, null, 2) + '\n')
console.log(`${histories.length} histories, ${reviews} reviews, ${items.length} items`)
for (const key of ['fit_short_term_on', 'fit_short_term_off', 'defaults', 'truth']) {
  console.log(`${key}: log loss ${expected[key].log_loss.toFixed(6)}, rmse(bins) ${expected[key].rmse_bins.toFixed(6)}`)
}
