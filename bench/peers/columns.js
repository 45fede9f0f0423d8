// Output buffers for the per-option peers. Each adapter writes into Float64Array columns allocated
// once per input set (cached on the input object), so the timed loop measures pricing, not
// allocation; the tailguard facade, by contrast, allocates its result columns on every call.

export const FIRST = ['price', 'delta', 'gamma', 'vega', 'theta', 'rho'];
export const ALL = [...FIRST, 'vanna', 'volga', 'charm'];

const cache = new WeakMap();

/** Columns `names` of length inp.n for adapter `key`, reused across calls with the same inputs. */
export function outputColumns(key, inp, names) {
  let perInput = cache.get(inp);
  if (!perInput) cache.set(inp, (perInput = new Map()));
  let cols = perInput.get(key);
  if (!cols) {
    cols = {};
    for (const name of names) cols[name] = new Float64Array(inp.n);
    perInput.set(key, cols);
  }
  return cols;
}

/** `'call'` / `'put'` strings of an input set, built once (what a user of a string-typed API holds). */
export function typeStrings(inp) {
  let perInput = cache.get(inp);
  if (!perInput) cache.set(inp, (perInput = new Map()));
  let types = perInput.get('types');
  if (!types) {
    types = Array.from(inp.isCall, (c) => (c === 1 ? 'call' : 'put'));
    perInput.set('types', types);
  }
  return types;
}
