import { describe, expect, it } from 'vitest';
import { barrierOption, black76, geometricAsian } from '../../src/index.js';
import { solveChain } from '../../src/cli/chainIv.js';
import { exoticProtection } from '../../src/cli/exotic.js';
import { DEFAULT_SNAPSHOT } from '../../src/cli/paths.js';
import { progressBar, progressLine } from '../../src/cli/progress.js';
import { protectionTable } from '../../src/cli/protection.js';
import { loadSnapshot, selectCurrency } from '../../src/cli/snapshot.js';
import { useWasm } from '../helpers/wasm.js';

useWasm();

async function section(paths = 20_000) {
  const chain = selectCurrency(loadSnapshot(DEFAULT_SNAPSHOT), 'BTC');
  const solved = solveChain(chain);
  const { spot } = protectionTable(chain, solved);
  return { x: (await exoticProtection(chain, solved, spot, { paths }))!, spot };
}

describe('exotic protection on the shipped snapshot', () => {
  it('closed forms match direct calls at the 30JAN26 80000 put', async () => {
    const { x, spot } = await section();
    expect(x.expiryLabel).toBe('30JAN26');
    expect(x.volInstrument).toBe('BTC-30JAN26-80000-P');
    expect(x.forward).toBeCloseTo(88866.01, 6);
    const base = { type: 'put' as const, expiryYears: x.expiryYears, vol: x.vol, rate: 0 };
    const byKind = Object.fromEntries(x.rows.map((r) => [r.kind, r]));
    expect(byKind.vanilla!.closedFormUsd).toBe(black76({ ...base, forward: x.forward, strike: 80000 }).price);
    expect(byKind.vanilla!.closedFormUsd).toBeCloseTo(1213.35, 0); // the mark, repriced at its own IV
    expect(byKind.asian!.closedFormUsd).toBe(geometricAsian({ ...base, spot: x.forward, strike: 80000, fixings: x.fixings }).price);
    expect(x.fixings).toBe(30);
    expect(byKind.downAndIn!.barrier).toBeCloseTo(0.8 * spot, 8);
    expect(byKind.downAndIn!.closedFormUsd).toBe(barrierOption({
      ...base, spot: x.forward, strike: 80000, barrier: 0.8 * spot, direction: 'down', knock: 'in',
    }).price);
    const s = byKind.putSpread!;
    expect(s.closedFormUsd).toBeCloseTo(black76({ ...base, forward: x.forward, strike: s.strike }).price -
      black76({ ...base, forward: x.forward, strike: s.shortStrike! }).price, 8);
    for (const r of x.rows) expect(r.mcPctSpot).toBeCloseTo(r.mcUsd / spot, 12);
  });

  it('MC is within 4 SE of the closed forms (vanilla, down-and-in, spread) and below the geometric bound', async () => {
    const { x } = await section(200_000);
    for (const r of x.rows) {
      expect(r.mcStandardErrorUsd).toBeGreaterThan(0);
      if (r.kind === 'asian') expect(r.mcUsd).toBeLessThan(r.closedFormUsd);
      else expect(Math.abs(r.mcUsd - r.closedFormUsd), r.kind).toBeLessThan(4 * r.mcStandardErrorUsd);
    }
    expect(x.rows.find((r) => r.kind === 'vanilla')!.ratioToVanilla).toBe(1);
  });

  it('is deterministic for a fixed seed', async () => {
    const [a, b] = [await section(4000), await section(4000)];
    expect(a.x.rows.map((r) => r.mcUsd)).toEqual(b.x.rows.map((r) => r.mcUsd));
  });
});

describe('progress bar', () => {
  it('draws nothing off a TTY, and only after a second on one', () => {
    expect(progressBar({ write: () => true })).toBeUndefined();
    const written: string[] = [];
    let t = 0;
    const bar = progressBar({ isTTY: true, write: (s: string) => written.push(s) }, () => t)!;
    const cb = bar('Asian put')!;
    cb({ fraction: 0.1, price: 1, standardError: 1 });
    expect(written).toEqual([]);
    t = 1500;
    cb({ fraction: 0.5, price: 1, standardError: 1 });
    expect(written[0]).toBe(`\r${progressLine('Asian put', 0.5)}`);
    cb({ fraction: 1, price: 1, standardError: 1 });
    expect(written.at(-1)).toBe('\r\x1b[2K');
    expect(progressLine('x'.repeat(200), 1).length).toBeLessThanOrEqual(100);
  });
});
