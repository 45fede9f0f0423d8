// Merging partials and the standard error (case C08), the hash and the version.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { emptyAccumulator, estimate, foldBlocks } from '../../src/mc/stats.js';
import { canonicalJson, fnv1a64 } from '../../src/mc/hash.js';
import { VERSION } from '../../src/mc/version.js';
import { WIDTH_BASE } from '../../src/mc/slots.js';

/** Partials of one block from per-sample values y (and control variates c). */
function block(y: number[], c: number[] = y.map(() => 0)): number[] {
  let sy = 0, syy = 0, sc = 0, scc = 0, syc = 0;
  y.forEach((v, i) => { sy += v; syy += v * v; sc += c[i]!; scc += c[i]! * c[i]!; syc += v * c[i]!; });
  return [y.length, sy, syy, sc, scc, syc];
}

describe('case C08: antithetic standard error from pair means', () => {
  const S = 100, K = 100, r = 0.05, v = 0.2, T = 1;
  const z = [0.3, -1.1, 0.7, 1.9];
  const ST = (x: number) => S * Math.exp((r - 0.5 * v * v) * T + v * Math.sqrt(T) * x);
  const disc = Math.exp(-r * T);
  const call = (x: number) => disc * Math.max(ST(x) - K, 0);
  const straddle = (x: number) => disc * Math.abs(ST(x) - K);

  for (const [name, f, price, se, naive] of [['call', call, 12.726526256, 4.2171748, 6.1952960], ['straddle', straddle, 19.885397, 6.8950069, 5.0846040]] as const) {
    it(`${name}: estimate ${price}, SE ${se} (not the naive ${naive})`, () => {
      const pairs = z.map((x) => 0.5 * (f(x) + f(-x)));
      const acc = foldBlocks(emptyAccumulator(), new Float64Array(block(pairs)), WIDTH_BASE, 0, 1);
      const e = estimate(acc, false, 0);
      expect(e.price).toBeCloseTo(price, 6);
      expect(e.standardError).toBeCloseTo(se, 6);
      // what treating the 8 draws as independent would give
      const draws = z.flatMap((x) => [f(x), f(-x)]);
      const naiveE = estimate(foldBlocks(emptyAccumulator(), new Float64Array(block(draws)), WIDTH_BASE, 0, 1), false, 0);
      expect(naiveE.standardError).toBeCloseTo(naive, 6);
    });
  }

  it('splitting the pairs over blocks (1 + 3, 2 + 2) gives the same estimate and SE to rounding', () => {
    const pairs = z.map((x) => 0.5 * (call(x) + call(-x)));
    for (const split of [1, 2, 3]) {
      const p = new Float64Array([...block(pairs.slice(0, split)), ...block(pairs.slice(split))]);
      const e = estimate(foldBlocks(emptyAccumulator(), p, WIDTH_BASE, 0, 2), false, 0);
      expect(e.price).toBeCloseTo(12.726526256, 9);
      expect(e.standardError).toBeCloseTo(4.2171748, 6);
    }
  });
});

describe('control-variate estimate', () => {
  it('removes an exactly linear dependence: y = 3 + 2c gives price 3 + 2·μ_C and SE 0', () => {
    const c = [1, 2, 4, 7, 11];
    const y = c.map((x) => 3 + 2 * x);
    const e = estimate(foldBlocks(emptyAccumulator(), new Float64Array(block(y, c)), WIDTH_BASE, 0, 1), true, 5);
    expect(e.price).toBeCloseTo(13, 12);
    expect(e.standardError).toBeLessThan(1e-7);
  });
  it('a constant control gives β = 0 (the plain mean)', () => {
    const e = estimate(foldBlocks(emptyAccumulator(), new Float64Array(block([1, 2, 3], [4, 4, 4])), WIDTH_BASE, 0, 1), true, 4);
    expect(e.price).toBe(2);
  });
  it('empty blocks are skipped; one sample has SE NaN', () => {
    const p = new Float64Array([...block([]), ...block([5])]);
    const e = estimate(foldBlocks(emptyAccumulator(), p, WIDTH_BASE, 0, 2), false, 0);
    expect(e.price).toBe(5);
    expect(e.standardError).toBeNaN();
  });
});

describe('hash and version', () => {
  it('FNV-1a 64 reference values ("" and "a", "foobar")', () => {
    expect(fnv1a64('')).toBe('cbf29ce484222325');
    expect(fnv1a64('a')).toBe('af63dc4c8601ec8c');
    expect(fnv1a64('foobar')).toBe('85944171f73967e8');
  });
  it('canonical JSON sorts keys at every level', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { f: 1, e: 2 }], c: 'x' } })).toBe('{"a":{"c":"x","d":[3,{"e":2,"f":1}]},"b":1}');
  });
  it('the manifest version is package.json version', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(VERSION).toBe(pkg.version);
  });
});
