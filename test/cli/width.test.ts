// The promise of the text report: no line wider than 100 columns on any valid input. Checked on the
// tester's cases through the built CLI, and as a property over generated snapshots in process.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderText } from '../../src/cli/render.js';
import { buildReport } from '../../src/cli/report.js';
import { loadSnapshot } from '../../src/cli/snapshot.js';
import { useWasm } from '../helpers/wasm.js';
import { type RowEdit, SHIPPED_ROWS, expiryYear, first, generatedSnapshot, scaleUsd } from './generated.js';

useWasm();

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MAIN = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [MAIN, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function tooWide(text: string): string[] {
  return text.split('\n').filter((l) => l.length > 100).map((l) => `${l.length}: ${l}`);
}

const both = (...edits: RowEdit[]): RowEdit => (c) => { for (const e of edits) e(c); };

beforeAll(() => {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: build first (npx tsc -p tsconfig.json after the WASM build)`);
});

describe('text report width (built CLI)', () => {
  const cases: [string, () => string][] = [
    ['the first 49 rows (ATM marked *, far strikes)', () => generatedSnapshot(first(49))],
    ['expiries in 2075', () => generatedSnapshot(first(60), expiryYear(2075))],
    ['expiries more than 50 years out (failures)', () => generatedSnapshot(first(30), expiryYear(2080))],
    ['a tiny underlying (USD x 1e-6)', () => generatedSnapshot(first(80), scaleUsd(1e-6))],
    ['a tinier underlying (USD x 1e-9)', () => generatedSnapshot(first(80), scaleUsd(1e-9))],
    ['a tiny underlying only (strikes kept)', () => generatedSnapshot(first(60), (c) => { c.underlying = String(Number(c.underlying) * 1e-8); })],
    ['a tiny index price only', () => generatedSnapshot(first(60), (c) => { c.index_price = String(Number(c.index_price) * 1e-9); })],
    ['a huge underlying (USD x 1e6)', () => generatedSnapshot(first(80), scaleUsd(1e6))],
    ['a strike of 1e12 USD, the largest accepted', () => generatedSnapshot(first(40), (c) => { if (c.instrument_name === 'BTC-3JAN26-88000-C') c.strike = '1e12'; })],
    ['a single row', () => generatedSnapshot([0])],
    ['long instrument names and crossed books', () => generatedSnapshot(first(60), (c) => {
      c.instrument_name = `${c.instrument_name}-${'X'.repeat(150)}`;
      c.bid_price = '0.9';
      c.ask_price = '0.1';
    })],
    ['huge marks and vols', () => generatedSnapshot(first(60), both(expiryYear(2030), (c) => {
      c.mark_price = '123456789.123';
      c.implied_volatility = '9.99';
    }))],
  ];
  for (const [what, make] of cases) {
    it(`stays within 100 columns: ${what}`, () => {
      const file = make();
      const r = run('report', '--snapshot', file);
      expect(r.stderr, r.stderr).not.toMatch(/tailguard: /);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('3. Protection');
      expect(tooWide(r.stdout)).toEqual([]);
    });
  }
});

describe('text report width (property over generated snapshots)', () => {
  it('no line wider than 100 for random subsets, scales and expiry years', async () => {
    const arb = fc.record({
      rows: fc.uniqueArray(fc.integer({ min: 0, max: SHIPPED_ROWS - 1 }), { minLength: 1, maxLength: 40 }),
      scale: fc.integer({ min: -9, max: 6 }).map((e) => 10 ** e),
      // one USD column scaled on its own: inconsistent rows (IVs in the thousands of vol points)
      skew: fc.option(fc.record({
        column: fc.constantFrom('strike', 'underlying', 'index_price'),
        scale: fc.integer({ min: -12, max: 3 }).map((e) => 10 ** e),
      }), { nil: undefined }),
      year: fc.option(fc.integer({ min: 2026, max: 2200 }), { nil: undefined }),
      ivScale: fc.double({ min: 0.01, max: 20, noNaN: true }),
    });
    await fc.assert(
      fc.asyncProperty(arb, async ({ rows, scale, skew, year, ivScale }) => {
        const file = generatedSnapshot(rows, both(scaleUsd(scale), year === undefined ? () => {} : expiryYear(year), (c) => {
          c.implied_volatility = String(Math.min(10, Number(c.implied_volatility) * ivScale));
          if (skew !== undefined) c[skew.column] = String(Math.min(1e12, Number(c[skew.column]) * skew.scale));
        }));
        const chain = loadSnapshot(file);
        const text = renderText(await buildReport(chain, chain.currency[0]!, { paths: 2000, menuPaths: 2000, hedgePaths: 64 }));
        expect(tooWide(text)).toEqual([]);
      }),
      { numRuns: 60, seed: 20260205 },
    );
  });
});
