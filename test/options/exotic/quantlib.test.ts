// Exotic closed forms against QuantLib 1.29 (test/vectors/quantlib_exotic.json, generated once by
// scripts/vectors/quantlib_exotic.py). Prices: the same formulas, so 1e-12 relative (or 1e-13·spot);
// Asian delta and vega are QuantLib's analytic values (1e-12); barrier and lookback delta and vega are
// Richardson differences of QuantLib's NPV against our in-kernel central differences (1e-7 relative or
// 1e-8·scale, scale = 1 for delta and spot for vega). Rows with an mpmath part say so in their source.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { barrierOption, geometricAsian, lookbackOption } from '../../../src/index.js';
import type { ExoticResult } from '../../../src/index.js';
import { useWasm } from '../../helpers/wasm.js';
import { close, relDiff } from './helpers.js';

useWasm();

interface Row {
  family: 'geometricAsian' | 'barrier' | 'lookback';
  price: number;
  delta?: number;
  vega?: number;
  greeksFrom?: string;
  tolerance: { relative: number; absoluteScale: number; greeksRelative?: number; greeksAbsoluteScale?: number };
  source: string;
  [k: string]: unknown;
}

const doc = JSON.parse(readFileSync(new URL('../../vectors/quantlib_exotic.json', import.meta.url), 'utf8')) as { rows: Row[] };

function price(row: Row): ExoticResult {
  const { family, price: _p, delta: _d, vega: _v, greeksFrom: _g, tolerance: _t, source: _s, ...input } = row;
  if (family === 'geometricAsian') return geometricAsian(input as never);
  if (family === 'barrier') return barrierOption(input as never);
  return lookbackOption(input as never);
}

const worst: Record<string, number> = {};
function note(key: string, v: number): void { worst[key] = Math.max(worst[key] ?? 0, v); }

describe('QuantLib 1.29 exotic vectors', () => {
  it('has rows of every family', () => {
    for (const f of ['geometricAsian', 'barrier', 'lookback']) expect(doc.rows.filter((r) => r.family === f).length).toBeGreaterThan(10);
  });
  for (const [i, row] of doc.rows.entries()) {
    const label = `${i} ${row.family} ${String(row.direction ?? row.strikeType ?? '')} ${String(row.knock ?? '')} ${String(row.type)} S ${String(row.spot)} K ${String(row.strike)}`;
    it(label, () => {
      const got = price(row);
      const S = row.spot as number;
      close(got.price, row.price, row.tolerance.relative, row.tolerance.absoluteScale * S, `${row.source} price`);
      note(`${row.family}${row.source.includes("mpmath") ? " (mpmath)" : ""} price`, relDiff(got.price, row.price));
      const gRel = row.tolerance.greeksRelative ?? row.tolerance.relative;
      const gAbs = row.tolerance.greeksAbsoluteScale ?? row.tolerance.absoluteScale;
      if (row.delta !== undefined) {
        close(got.delta, row.delta, gRel, gAbs, `${row.source} delta`);
        note(`${row.family} delta`, relDiff(got.delta, row.delta));
      }
      if (row.vega !== undefined) {
        close(got.vega, row.vega, gRel, gAbs * S, `${row.source} vega`);
        note(`${row.family} vega`, relDiff(got.vega, row.vega));
      }
    });
  }
  it('reports the worst relative differences', () => {
    console.log('worst relative difference vs QuantLib:', Object.fromEntries(Object.entries(worst).map(([k, v]) => [k, v.toExponential(2)])));
  });
});
