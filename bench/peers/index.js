// Every implementation the suite measures, in table order.
import { blackScholesNpm } from './blackScholesNpm.js';
import { newtonBisection } from './newtonBisection.js';
import { optionPricing } from './optionPricing.js';
import { quantlib } from './quantlib.js';
import { reference } from './reference.js';
import { tailguardBatch, tailguardScalar } from './tailguard.js';
import { uqee } from './uqee.js';

/**
 * @param tg the tailguard facade (initialised); @param ref dist/reference.
 * @returns adapters `{ id, label, kind, dividends, workloads: { price?, first?, all?, iv? }, sameCall? }`:
 *   each workload maps inputs (bench/inputs.js columns, plus `prices` for iv) to output columns in
 *   tailguard's units; `sameCall[w] = w2` marks a workload served by the same call as w2 (timed once).
 */
export function adapters(tg, ref, kernel) {
  return [
    tailguardBatch(tg),
    tailguardScalar(tg),
    ...(kernel ? [kernel] : []),
    reference(ref),
    newtonBisection(),
    uqee(),
    uqee('double'),
    blackScholesNpm(),
    optionPricing(),
    quantlib(),
  ];
}

export const WORKLOADS = {
  price: 'price only',
  first: 'price + 5 Greeks',
  all: 'price + 9 Greeks',
  iv: 'implied vol',
};
