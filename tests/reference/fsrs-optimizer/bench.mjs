// Times the fsrs-rs Node binding's fit of a review history (the `fsrs replay` input format) and prints
// one JSON line: {"seconds":..,"parameters":[..],"log_loss":..,"rmse_bins":..,"items":..}.
// Conversion to items is not timed. Usage: node bench.mjs HISTORIES.json
import { readFileSync } from 'node:fs'
import * as binding from '@open-spaced-repetition/binding'
import { toItems } from './simulate.mjs'

const histories = JSON.parse(readFileSync(process.argv[2], 'utf8'))
const items = toItems(histories, binding)
const started = process.hrtime.bigint()
const parameters = await binding.computeParameters(items, { enableShortTerm: true })
const seconds = Number(process.hrtime.bigint() - started) / 1e9
const { logLoss, rmseBins } = new binding.FSRSBinding(parameters).evaluate(items)
console.log(JSON.stringify({ seconds, parameters, log_loss: logLoss, rmse_bins: rmseBins, items: items.length }))
