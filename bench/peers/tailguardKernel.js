// Diagnostic, not the public API: tailguard's WASM kernels called through their raw exports on columns
// already staged in linear memory (what the facade does minus copying the inputs in, allocating and
// copying the result columns out). The gap to the batch facade row is the facade's data movement.
// Uses its own instance of dist/wasm/tailguard.wasm; each input set is staged once, outside the timing.
import { readFileSync } from 'node:fs';

const LEVEL = { price: 0, first: 1, all: 2 };
const NAMES = ['price', 'delta', 'gamma', 'vega', 'theta', 'rho', 'vanna', 'volga', 'charm'];
const COUNT = { price: 1, first: 6, all: 9 };

export async function tailguardKernel(wasmFile) {
  const { instance } = await WebAssembly.instantiate(readFileSync(wasmFile), {
    env: { abort: (msg, file, line, col) => { throw new Error(`wasm abort at ${line}:${col}`); } },
  });
  const ex = instance.exports;
  const staged = new WeakMap();
  const stage = (inp, iv) => {
    let p = staged.get(inp);
    if (p) return p;
    const n = Math.max(inp.n, 1);
    const cols = iv ? ['prices', 'spots', 'strikes', 'expiries', 'rates', 'dividendYields'] : ['spots', 'strikes', 'expiries', 'vols', 'rates', 'dividendYields'];
    p = { isCall: ex.alloc(n), status: ex.alloc(n), out: ex.alloc(8 * n * (iv ? 1 : 9)), cols: {} };
    for (const c of cols) p.cols[c] = ex.alloc(8 * n);
    const mem = ex.memory.buffer; // after every allocation (growth detaches views)
    new Uint8Array(mem, p.isCall, inp.n).set(inp.isCall);
    for (const c of cols) new Float64Array(mem, p.cols[c], inp.n).set(inp[c]);
    staged.set(inp, p);
    return p;
  };
  const price = (w) => (inp) => {
    const p = stage(inp, false);
    const c = p.cols;
    ex.blackScholesBatch(inp.n, LEVEL[w], p.isCall, c.spots, c.strikes, c.expiries, c.vols, c.rates, c.dividendYields, p.out, p.status);
    const out = {};
    NAMES.slice(0, COUNT[w]).forEach((g, k) => { out[g] = new Float64Array(ex.memory.buffer, p.out + 8 * k * inp.n, inp.n); });
    return out;
  };
  const iv = (inp) => {
    const p = stage(inp, true);
    const c = p.cols;
    ex.impliedVolBatch(inp.n, 0, p.isCall, c.prices, c.spots, c.strikes, c.expiries, c.rates, c.dividendYields, p.out, p.status);
    return { vol: new Float64Array(ex.memory.buffer, p.out, inp.n) };
  };
  return {
    id: 'tailguard-kernel',
    label: 'diagnostic: tailguard kernel only (raw export, columns pre-staged)',
    kind: 'diagnostic',
    dividends: true,
    workloads: { price: price('price'), first: price('first'), all: price('all'), iv },
  };
}
