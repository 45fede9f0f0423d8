// Probability of liquidation (issue #5 §4): the closed form against mpmath vectors, named closed-form
// cases, exact edges, analytic sensitivities against central differences, typed errors, and the batch.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  liquidationProbability, liquidationProbabilityBatch, liquidationProbabilityWithinDays, Status,
} from '../../src/index.js';
import { expectInvalid } from '../helpers/invalid.js';
import { useWasm } from '../helpers/wasm.js';

useWasm();

interface Row {
  healthFactor: number; vol: number; horizonYears: number; drift: number; borrowRate: number; collateralYield: number;
  probability: number; distanceToLiquidation: number; distanceToLiquidationWithDrift: number; sensitivityToVol: number;
  sensitivityToLogHealthFactor: number; sensitivityToHorizon: number; sensitivityToDrift: number; source: string;
}
// Generated once by scripts/lending/firstPassage_mpmath.py (mpmath 50 digits: reflection closed form,
// cross-checked against quadrature of the first-passage density; sensitivities by mpmath.diff).
const vectors = JSON.parse(readFileSync(new URL('../vectors/firstPassage_mpmath.json', import.meta.url), 'utf8')) as { rows: Row[] };

/** |a − e| ≤ rel·|e| + abs. */
function close(actual: number, expected: number, rel: number, abs = 0): void {
  expect(Math.abs(actual - expected), `${actual} vs ${expected}`).toBeLessThanOrEqual(rel * Math.abs(expected) + abs);
}

const loan = { healthFactor: 1.5, vol: 0.6, horizonYears: 30 / 365 };

describe('liquidationProbability against mpmath (50 digits)', () => {
  it(`all ${vectors.rows.length} grid rows: probability, distances, sensitivities`, () => {
    expect(vectors.rows.length).toBeGreaterThan(400);
    let worstP = 0; let worstS = 0;
    for (const r of vectors.rows) {
      const { probability, distanceToLiquidation, distanceToLiquidationWithDrift, source, ...rest } = r;
      const input = { healthFactor: rest.healthFactor, vol: rest.vol, horizonYears: rest.horizonYears, drift: rest.drift,
        borrowRate: rest.borrowRate, collateralYield: rest.collateralYield };
      const out = liquidationProbability(input);
      const tag = `${JSON.stringify(input)} (${source})`;
      const relP = Math.abs(out.probability - probability) / Math.max(probability, 1e-300);
      worstP = Math.max(worstP, relP);
      expect(relP, tag).toBeLessThan(1e-12);
      close(out.distanceToLiquidation, distanceToLiquidation, 1e-14);
      close(out.distanceToLiquidationWithDrift, distanceToLiquidationWithDrift, 1e-12, 1e-14);
      // derivatives: relative 1e-11 (observed worst 5.7e-13), or both below 1e-290
      for (const [got, want] of [[out.sensitivityToVol, r.sensitivityToVol], [out.sensitivityToLogHealthFactor, r.sensitivityToLogHealthFactor],
        [out.sensitivityToHorizon, r.sensitivityToHorizon], [out.sensitivityToDrift, r.sensitivityToDrift]] as [number, number][]) {
        const rel = Math.abs(got - want) / Math.max(Math.abs(want), 1e-300);
        if (Math.abs(want) > 1e-280) worstS = Math.max(worstS, rel);
        expect(rel < 1e-11 || Math.abs(got - want) < 1e-290, `${tag}: ${got} vs ${want}`).toBe(true);
      }
      expect(out.sensitivityToHealthFactor).toBeCloseTo(out.sensitivityToLogHealthFactor / input.healthFactor, 14);
      expect(out.sensitivityToBorrowRate).toBe(-out.sensitivityToDrift);
    }
    console.log(`liquidationProbability vs mpmath: worst relative error P ${worstP.toExponential(2)}, sensitivities ${worstS.toExponential(2)}`);
  });
});

describe('named closed-form cases', () => {
  it('zero log-drift: P = 2Φ(−ln HF/(σ√T)) (reflection principle, Shreve II §3.7)', () => {
    // drift 0.02 = σ²/2 makes ν = 0; mpmath: 2·ncdf(−ln(1.5)/0.2) = 0.0426291311909984463100354340562
    const r = liquidationProbability({ healthFactor: 1.5, vol: 0.2, horizonYears: 1, drift: 0.02 });
    close(r.probability, 0.0426291311909984463100354340562, 1e-14);
  });
  it('a typical loan: HF 1.25, vol 60%, 30 days (mpmath 0.217022917655729199424483101153)', () => {
    close(liquidationProbability({ healthFactor: 1.25, vol: 0.6, horizonYears: 30 / 365 }).probability, 0.217022917655729199424483101153, 1e-13);
    // the report's helper is the same call with horizon 30/365
    close(liquidationProbabilityWithinDays(1.25, 0.6, 30), 0.217022917655729199424483101153, 1e-13);
    close(liquidationProbabilityWithinDays(1.1, 0.6), 0.607028766344015871445495178647, 1e-13);
    close(liquidationProbabilityWithinDays(2, 0.6), 0.000078757074286875042058028975733, 1e-12);
  });
  it('value form: HF = collateral × threshold / debt, LTV = debt / collateral, ∂P/∂LTV = −∂P/∂ln HF / LTV', () => {
    const v = liquidationProbability({ collateralValue: 10_000, debtValue: 6_000, liquidationThreshold: 0.8, vol: 0.6, horizonYears: 30 / 365 });
    const h = liquidationProbability({ healthFactor: 10_000 * 0.8 / 6_000, vol: 0.6, horizonYears: 30 / 365 });
    expect(v.healthFactor).toBeCloseTo(4 / 3, 15);
    expect(v.probability).toBe(h.probability);
    expect(v.ltv).toBeCloseTo(0.6, 15);
    expect(v.sensitivityToLtv).toBeCloseTo(-h.sensitivityToLogHealthFactor / 0.6, 12);
    expect(h.ltv).toBeUndefined();
    expect(h.sensitivityToLtv).toBeUndefined();
    // healthFactor with a threshold gives the LTV too
    const t = liquidationProbability({ healthFactor: 4 / 3, liquidationThreshold: 0.8, vol: 0.6, horizonYears: 30 / 365 });
    expect(t.ltv).toBeCloseTo(0.6, 15);
  });
  it('P(HF_T ≤ 1) = Φ(−distanceToLiquidationWithDrift) ≤ P (the barrier is also hit by paths that come back)', () => {
    const r = liquidationProbability({ healthFactor: 1.3, vol: 0.5, horizonYears: 0.5, drift: 0.1, borrowRate: 0.05 });
    // ν = 0.1 − 0.05 − 0.125 = −0.075; (ln 1.3 − 0.0375)/(0.5·√0.5)
    expect(r.distanceToLiquidationWithDrift).toBeCloseTo((Math.log(1.3) - 0.0375) / (0.5 * Math.sqrt(0.5)), 14);
    expect(r.distanceToLiquidation).toBeCloseTo(Math.log(1.3) / (0.5 * Math.sqrt(0.5)), 14);
  });
});

describe('exact edges', () => {
  it('HF ≤ 1: already liquidatable, P = 1, sensitivities 0', () => {
    for (const healthFactor of [1, 0.999, 0.5, 1e-300]) {
      const r = liquidationProbability({ ...loan, healthFactor });
      expect(r.probability).toBe(1);
      expect([r.sensitivityToVol, r.sensitivityToLogHealthFactor, r.sensitivityToHorizon, r.sensitivityToDrift]).toEqual([0, 0, 0, 0]);
    }
    expect(liquidationProbability({ ...loan, healthFactor: 1 }).distanceToLiquidation).toBe(0);
    expect(liquidationProbability({ ...loan, healthFactor: 0.5 }).distanceToLiquidation).toBeLessThan(0);
  });
  it('case C15: debt 0 → HF +∞ → P = 0, distances +∞', () => {
    for (const r of [liquidationProbability({ ...loan, healthFactor: Infinity }),
      liquidationProbability({ collateralValue: 10_000, debtValue: 0, liquidationThreshold: 0.8, vol: 0.6, horizonYears: 1 })]) {
      expect(r.probability).toBe(0);
      expect(r.distanceToLiquidation).toBe(Infinity);
      expect(r.distanceToLiquidationWithDrift).toBe(Infinity);
      expect(r.sensitivityToVol).toBe(0);
      expect(r.sensitivityToHealthFactor).toBe(0);
    }
  });
  it('horizon 0: P = 1 iff HF ≤ 1', () => {
    expect(liquidationProbability({ ...loan, horizonYears: 0 }).probability).toBe(0);
    expect(liquidationProbability({ ...loan, healthFactor: 1.0000001, horizonYears: 0 }).probability).toBe(0);
    expect(liquidationProbability({ ...loan, healthFactor: 1, horizonYears: 0 }).probability).toBe(1);
    expect(liquidationProbability({ ...loan, horizonYears: 0 }).distanceToLiquidation).toBe(Infinity);
  });
  it('vol 0: the deterministic path ln HF + (μ + y − b)t decides', () => {
    // ln 1.1 = 0.0953: a 10% borrow rate reaches it in 0.953 years
    const base = { healthFactor: 1.1, vol: 0, borrowRate: 0.1 };
    expect(liquidationProbability({ ...base, horizonYears: 1 }).probability).toBe(1);
    expect(liquidationProbability({ ...base, horizonYears: 0.95 }).probability).toBe(0);
    expect(liquidationProbability({ ...base, horizonYears: 1, collateralYield: 0.01 }).probability).toBe(0); // needs 1.06 y
    expect(liquidationProbability({ ...base, borrowRate: 0, drift: 0.5, horizonYears: 10 }).probability).toBe(0);
    const d = liquidationProbability({ ...base, horizonYears: 1 });
    expect(d.distanceToLiquidation).toBe(Infinity);
    expect(d.distanceToLiquidationWithDrift).toBe(-Infinity);
    expect(d.sensitivityToVol).toBe(0);
  });
  it('vol → 0 approaches the deterministic answer away from its boundary', () => {
    const base = { healthFactor: 1.1, borrowRate: 0.1 };
    expect(liquidationProbability({ ...base, vol: 1e-4, horizonYears: 1 }).probability).toBeCloseTo(1, 12);
    expect(liquidationProbability({ ...base, vol: 1e-4, horizonYears: 0.9 }).probability).toBeLessThan(1e-300);
    // tiny vols against a strong drift: no overflow of e^{−2νx0/σ²} (exponent ~1e14 here)
    const tiny = liquidationProbability({ ...base, vol: 1e-7, horizonYears: 0.9, borrowRate: 1 });
    expect(tiny.probability).toBe(1);
    expect(Number.isFinite(tiny.sensitivityToVol)).toBe(true);
  });
  it('HF → 1⁺: P → 1', () => {
    const p = [1e-2, 1e-4, 1e-8, 1e-12].map((e) => liquidationProbability({ ...loan, healthFactor: 1 + e }).probability);
    for (let i = 1; i < p.length; i++) expect(p[i]!).toBeGreaterThan(p[i - 1]!);
    expect(1 - p[3]!).toBeLessThan(1e-9);
  });
  it('deep tails keep their relative accuracy (P ≈ 1e-120 from the second term)', () => {
    // mpmath vector row HF 1.5, vol 0.05, T 1, μ 0.8, y 0.05 has P = 2.7166588297934190e-120
    const r = liquidationProbability({ healthFactor: 1.5, vol: 0.05, horizonYears: 1, drift: 0.8, collateralYield: 0.05 });
    close(r.probability, 2.7166588297934190391e-120, 1e-12);
  });
});

describe('analytic sensitivities = central differences', () => {
  const cases = [
    { healthFactor: 1.3, vol: 0.6, horizonYears: 30 / 365 },
    { healthFactor: 1.8, vol: 0.8, horizonYears: 1, drift: 0.2, borrowRate: 0.06, collateralYield: 0.03 },
    { healthFactor: 1.05, vol: 0.25, horizonYears: 0.25, drift: -0.4, borrowRate: 0.1 },
    { healthFactor: 3, vol: 1.5, horizonYears: 2, drift: 0.1 },
  ];
  for (const c of cases) {
    it(JSON.stringify(c), () => {
      const r = liquidationProbability(c);
      const p = (d: Partial<typeof c & { drift: number }>) => liquidationProbability({ ...c, ...d }).probability;
      const h = 1e-5;
      const fd = (f: (x: number) => number, x: number, step: number) => (f(x + step) - f(x - step)) / (2 * step);
      close(r.sensitivityToVol, fd((v) => p({ vol: v }), c.vol, h * c.vol), 1e-6, 1e-10);
      close(r.sensitivityToHealthFactor, fd((x) => p({ healthFactor: x }), c.healthFactor, h * c.healthFactor), 1e-6, 1e-10);
      close(r.sensitivityToHorizon, fd((t) => p({ horizonYears: t }), c.horizonYears, h * c.horizonYears), 1e-6, 1e-10);
      close(r.sensitivityToDrift, fd((m) => p({ drift: m }), c.drift ?? 0, h), 1e-6, 1e-10);
      close(r.sensitivityToBorrowRate, fd((b) => p({ borrowRate: b }), (c as { borrowRate?: number }).borrowRate ?? 0, h), 1e-6, 1e-10);
      const withT = liquidationProbability({ ...c, liquidationThreshold: 0.8 });
      const ltv = 0.8 / c.healthFactor;
      close(withT.sensitivityToLtv!, fd((l) => p({ healthFactor: 0.8 / l }), ltv, h * ltv), 1e-6, 1e-10);
    });
  }
});

describe('typed errors name the field and the value', () => {
  const cases: [Record<string, unknown>, string, unknown][] = [
    [{ ...loan, vol: -0.1 }, 'vol', -0.1],
    [{ ...loan, vol: 60 }, 'vol', 60],
    [{ ...loan, vol: NaN }, 'vol', NaN],
    [{ ...loan, healthFactor: 0 }, 'healthFactor', 0],
    [{ ...loan, healthFactor: -1.2 }, 'healthFactor', -1.2],
    [{ ...loan, healthFactor: NaN }, 'healthFactor', NaN],
    [{ ...loan, healthFactor: '1.5' }, 'healthFactor', '1.5'],
    [{ ...loan, horizonYears: 51 }, 'horizonYears', 51],
    [{ ...loan, horizonYears: 30 }, 'horizonYears', 30], // accepted: 30 years is a valid horizon
    [{ ...loan, horizonYears: -1 }, 'horizonYears', -1],
    [{ ...loan, horizonYears: Infinity }, 'horizonYears', Infinity],
    [{ ...loan, drift: 5 }, 'drift', 5],
    [{ ...loan, borrowRate: 12 }, 'borrowRate', 12],
    [{ ...loan, collateralYield: NaN }, 'collateralYield', NaN],
    [{ ...loan, liquidationThreshold: 83 }, 'liquidationThreshold', 83],
    [{ ...loan, liquidationThreshold: 0 }, 'liquidationThreshold', 0],
    [{ ...loan, collateralValue: 100 }, 'healthFactor', 1.5],
    [{ vol: 0.5, horizonYears: 1 }, 'healthFactor', undefined],
    [{ collateralValue: 0, debtValue: 5, liquidationThreshold: 0.8, vol: 0.5, horizonYears: 1 }, 'collateralValue', 0],
    [{ collateralValue: 10, debtValue: -5, liquidationThreshold: 0.8, vol: 0.5, horizonYears: 1 }, 'debtValue', -5],
    [{ collateralValue: 10, debtValue: 5, vol: 0.5, horizonYears: 1 }, 'liquidationThreshold', undefined],
    [{ ...loan, volatility: 0.5 }, 'volatility', 0.5],
  ];
  for (const [input, field, value] of cases) {
    if (field === 'horizonYears' && value === 30) {
      it('horizonYears 30 is accepted', () => expect(liquidationProbability(input as never).probability).toBeGreaterThan(0.9));
      continue;
    }
    it(`${field} = ${String(value)}`, () => expectInvalid(() => liquidationProbability(input as never), field, value));
  }
  it('days < 0 in the 30-day helper', () => expectInvalid(() => liquidationProbabilityWithinDays(1.5, 0.6, -1), 'days', -1));
  it('input not an object', () => expectInvalid(() => liquidationProbability(null as never), 'input', null));
});

describe('liquidationProbabilityBatch', () => {
  it('equals the scalar call bit for bit, marks bad elements INVALID_INPUT with NaN outputs and goes on', () => {
    const hfs = Float64Array.from([1.5, 0, 1.2, NaN, Infinity, 0.9, 2, 1.1, 1.3]);
    const vols = Float64Array.from([0.6, 0.6, -1, 0.6, 0.6, 0.6, 0.8, 0, 11]);
    const out = liquidationProbabilityBatch({ healthFactors: hfs, vols, horizonsYears: 30 / 365, borrowRates: 0.05 });
    expect(Array.from(out.status)).toEqual([Status.OK, Status.INVALID_INPUT, Status.INVALID_INPUT, Status.INVALID_INPUT,
      Status.OK, Status.OK, Status.OK, Status.OK, Status.INVALID_INPUT]);
    for (let i = 0; i < hfs.length; i++) {
      if (out.status[i] !== Status.OK) {
        expect(Number.isNaN(out.probability[i]) && Number.isNaN(out.sensitivityToVol[i]) && Number.isNaN(out.sensitivityToDrift[i])).toBe(true);
        continue;
      }
      const s = liquidationProbability({ healthFactor: hfs[i]!, vol: vols[i]!, horizonYears: 30 / 365, borrowRate: 0.05 });
      expect(out.probability[i]).toBe(s.probability);
      expect(out.distanceToLiquidation[i]).toBe(s.distanceToLiquidation);
      expect(out.distanceToLiquidationWithDrift[i]).toBe(s.distanceToLiquidationWithDrift);
      expect(out.sensitivityToVol[i]).toBe(s.sensitivityToVol);
      expect(out.sensitivityToLogHealthFactor[i]).toBe(s.sensitivityToLogHealthFactor);
      expect(out.sensitivityToHorizon[i]).toBe(s.sensitivityToHorizon);
      expect(out.sensitivityToDrift[i]).toBe(s.sensitivityToDrift);
    }
  });
  it('bad per-element horizons, drifts, rates and yields', () => {
    const n = 5;
    const out = liquidationProbabilityBatch({
      healthFactors: new Float64Array(n).fill(1.4), vols: 0.5,
      horizonsYears: Float64Array.from([1, 51, 1, 1, 1]), drifts: Float64Array.from([0, 0, 2, 0, 0]),
      borrowRates: Float64Array.from([0, 0, 0, -1.5, 0]), collateralYields: Float64Array.from([0, 0, 0, 0, Infinity]),
    });
    expect(Array.from(out.status)).toEqual([0, 1, 1, 1, 1]);
  });
  it('structural faults throw', () => {
    expectInvalid(() => liquidationProbabilityBatch({ healthFactors: [1.5] as never, vols: 0.5, horizonsYears: 1 }), 'healthFactors', undefined);
    expectInvalid(() => liquidationProbabilityBatch({ healthFactors: new Float64Array(2), vols: new Float64Array(3), horizonsYears: 1 }), 'vols', undefined);
    expectInvalid(() => liquidationProbabilityBatch({ healthFactors: new Float64Array(2), horizonsYears: 1 } as never), 'vols', undefined);
  });
  it('an empty batch', () => {
    const out = liquidationProbabilityBatch({ healthFactors: new Float64Array(0), vols: 0.5, horizonsYears: 1 });
    expect(out.probability.length).toBe(0);
  });
});
