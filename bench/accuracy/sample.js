// Writes bench/accuracy/sample-inputs.json: the accuracy sample (committed; regenerate only when the
// generators in bench/inputs.js change, then rerun mpmath_reference.py).
//   main        the first 2,000 options of the timing inputs (bench/inputs.js makeInputs)
//   deepOtm     300 deep out-of-the-money options (standardised moneyness 6–25)
//   shortExpiry 300 options expiring in 1 minute to 1 day, strikes within ±4 standard deviations
// Each set also carries `ivIsCall`: the out-of-the-money side used by the implied-vol workload.
//
// Usage: node bench/accuracy/sample.js
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { head, ivInputs, makeDeepOtm, makeInputs, makeShortExpiry, toJson, MAIN_DOMAIN, MAIN_SEED } from '../inputs.js';

export const SAMPLE_SIZES = { main: 2000, deepOtm: 300, shortExpiry: 300 };

const here = dirname(fileURLToPath(import.meta.url));
const sets = {
  main: head(makeInputs(SAMPLE_SIZES.main), SAMPLE_SIZES.main),
  deepOtm: makeDeepOtm(SAMPLE_SIZES.deepOtm),
  shortExpiry: makeShortExpiry(SAMPLE_SIZES.shortExpiry),
};
const out = {
  description: 'Accuracy sample for the benchmark suite (bench/accuracy/sample.js). Units: DESIGN §4.',
  mainDomain: `first ${SAMPLE_SIZES.main} of the timing inputs (seed ${MAIN_SEED}): ${MAIN_DOMAIN}`,
  sets: {},
};
for (const [name, inp] of Object.entries(sets)) {
  const iv = ivInputs(inp, (x) => new Float64Array(x.n)); // only the out-of-the-money side is needed here
  out.sets[name] = { ...toJson(inp), ivIsCall: Array.from(iv.isCall) };
  delete out.sets[name].prices;
}
writeFileSync(join(here, 'sample-inputs.json'), `${JSON.stringify(out)}\n`);
console.log('wrote bench/accuracy/sample-inputs.json', Object.fromEntries(Object.entries(sets).map(([k, v]) => [k, v.n])));
