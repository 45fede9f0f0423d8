import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/cli/render.js';
import { buildReport } from '../../src/cli/report.js';
import { loadSnapshot } from '../../src/cli/snapshot.js';
import { useWasm } from '../helpers/wasm.js';
import { first, generatedSnapshot } from './generated.js';

useWasm();

const FEB = fileURLToPath(new URL('../../data/deribit/deribit_options_snapshot_20260205T093647Z.csv', import.meta.url));

const text = async (file: string, currency = 'BTC'): Promise<string> =>
  renderText(await buildReport(loadSnapshot(file), currency, { paths: 2000 }));

describe('text report wording', () => {
  it('uses the singular for one (strike, row, option)', async () => {
    const out = await text(generatedSnapshot(first(49)));
    expect(out).toContain('ATM 40.28%  1 strike\n'); // 9JAN26
    expect(out).not.toMatch(/\b1 (strikes|rows|options)\b/);
    expect(out).not.toMatch(/without the 1 rows/);
    const one = await text(generatedSnapshot([0]));
    expect(one).toContain('options:  1 BTC options of 1 row\n');
    expect(one).not.toMatch(/\b1 of them are\b/);
  });

  it('prints n/a for an ATM IV with no strike near F, with the reason in the footnote', async () => {
    const out = await text(generatedSnapshot(first(49)));
    const row = out.split('\n').filter((l) => /^ {2}27FEB26 +57\.95 /.test(l)).at(-1)!; // the term-structure row
    expect(row).toMatch(/^ {2}27FEB26 +57\.95 +89,117 +n\/a +n\/a/);
    expect(out).not.toContain('61.41%*');
    expect(out.replace(/\s+/g, ' ')).toContain('27FEB26: no strike below F; the nearest, 170,000, is at ln K/F = +0.646');
  });

  it('2026-02-05: the note names the deep in-the-money 1-day put behind the 200 vp maximum', async () => {
    const out = (await text(FEB)).replace(/\s+/g, ' ');
    expect(out).toContain('The largest difference, 200.09 vp on BTC-6FEB26-115000-P (row 640, 0.93 days, K/F 1.610), ' +
      'is a deep in-the-money put marked 1.08 ticks above intrinsic');
    expect(out).toContain('The 10 options marked exactly at intrinsic (listed above) are not in these figures.');
    expect(out).toContain('Marked exactly at intrinsic (not failed, but left out of the |dIV| columns; listed below): 6FEB26 10.');
    expect(out).not.toMatch(/marked 0 \(IV 0/);
    expect(out).toMatch(/ 6FEB26 0\.93 92 0 0\.3836 200\.091 /);
  });

  it('warns about rows quoted with bid > ask and keeps them', async () => {
    const file = generatedSnapshot(first(20), (c) => {
      if (c.instrument_name === 'BTC-3JAN26-88000-C') [c.bid_price, c.ask_price] = ['0.0175', '0.0165'];
    });
    const report = await buildReport(loadSnapshot(file), 'BTC', { paths: 2000 });
    expect(report.snapshot.crossedBooks.count).toBe(1);
    expect(report.snapshot.crossedBooks.rows[0]).toEqual({ instrument: 'BTC-3JAN26-88000-C', row: 1, bid: 0.0175, ask: 0.0165 });
    expect(renderText(report).replace(/\s+/g, ' ')).toContain('warning: 1 option quoted with bid > ask (crossed book), kept: BTC-3JAN26-88000-C (row 1:');
  });
});
