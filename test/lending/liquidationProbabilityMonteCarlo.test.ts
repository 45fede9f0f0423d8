// Monte Carlo cross-checks of the probability of liquidation (issue #5 §4, item 2):
//  (b) the closed form against seeded Monte Carlo: the `monteCarlo` engine with continuous monitoring
//      (Brownian-bridge crossing probability between steps: exact for GBM), an independent plain-JS path
//      loop written here, and discrete monitoring — which lies below the continuous value and matches the
//      closed form at the Broadie–Glasserman–Kou shifted barrier (Math. Finance 7 (1997) 325–349);
//  (c) Merton jumps, where no closed form exists: `liquidationProbabilityMonteCarlo` against the plain-JS
//      loop, and the comparison with the diffusion-only closed form at equal total variance
//      σ² = σ_d² + λ(m_J² + v_J²).
// Every comparison is within 4 standard errors; all runs are seeded, so the test is deterministic.
import { describe, expect, it } from 'vitest';
import { liquidationProbability, liquidationProbabilityMonteCarlo, monteCarlo } from '../../src/index.js';
import { expectInvalid } from '../helpers/invalid.js';
import { useWasm } from '../helpers/wasm.js';

useWasm();

/** Broadie–Glasserman–Kou β = −ζ(1/2)/√(2π). */
const BGK_BETA = 0.5825971579390107;

/** mulberry32 (a small seeded 32-bit generator) → uniforms in (0, 1); Box–Muller normals. */
function rng(seed: number): { u(): number; z(): number } {
  let a = seed >>> 0;
  let spare: number | undefined;
  const u = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) + 0.5) / 4294967296;
  };
  const z = () => {
    if (spare !== undefined) { const s = spare; spare = undefined; return s; }
    const r = Math.sqrt(-2 * Math.log(u()));
    const th = 2 * Math.PI * u();
    spare = r * Math.sin(th);
    return r * Math.cos(th);
  };
  return { u, z };
}

/**
 * Plain-JS estimate of P(min ln HF ≤ 0 by T): ln HF on `steps` equal steps with the exact Gaussian increment
 * (drift m − σ²/2 − λk for jumps, k = e^{m_J + v_J²/2} − 1, so E[HF_t] = HF0·e^{mt}); between grid points
 * the Brownian-bridge survival probability 1 − exp(−2·x_i·x⁻_{i+1}/(σ²Δ)) of the diffusion part (x⁻ before the
 * step's jumps), then the step's Poisson jumps (placed at its end) are added and checked. Estimator: the
 * mean of 1 − Π survival (a conditional expectation of the hit indicator); returns it and its standard error.
 */
function jsLoop(hf: number, sig: number, T: number, m: number, steps: number, paths: number, seed: number,
  jumps?: { intensity: number; mean: number; vol: number }): { p: number; se: number } {
  const g = rng(seed);
  const dt = T / steps;
  const k = jumps ? Math.exp(jumps.mean + 0.5 * jumps.vol * jumps.vol) - 1 : 0;
  const lam = jumps ? jumps.intensity : 0;
  const mu = m - 0.5 * sig * sig - lam * k;
  const emLdt = Math.exp(-lam * dt);
  let sum = 0; let sum2 = 0;
  for (let p = 0; p < paths; p++) {
    let x = Math.log(hf);
    let q = 1;
    for (let i = 0; i < steps && q > 0; i++) {
      const xPre = x + mu * dt + sig * Math.sqrt(dt) * g.z();
      if (xPre <= 0) { q = 0; break; }
      q *= 1 - Math.exp(-2 * x * xPre / (sig * sig * dt));
      x = xPre;
      if (jumps) {
        // Poisson(λΔ) by inversion
        let n = 0; let prob = emLdt; let cdf = prob; const u = g.u();
        while (u > cdf && n < 50) { n++; prob *= lam * dt / n; cdf += prob; }
        for (let j = 0; j < n; j++) x += jumps.mean + jumps.vol * g.z();
        if (x <= 0) { q = 0; break; }
      }
    }
    const y = 1 - q;
    sum += y; sum2 += y * y;
  }
  const mean = sum / paths;
  return { p: mean, se: Math.sqrt((sum2 / paths - mean * mean) / (paths - 1)) };
}

const GBM_CASES = [
  { healthFactor: 1.5, vol: 0.6, horizonYears: 30 / 365 },
  { healthFactor: 1.2, vol: 0.8, horizonYears: 1, drift: 0.1, borrowRate: 0.05 },
  { healthFactor: 2, vol: 0.9, horizonYears: 0.5, drift: -0.3, collateralYield: 0.04 },
  { healthFactor: 1.05, vol: 0.3, horizonYears: 7 / 365, borrowRate: 0.2 },
];

describe('(b) closed form vs Monte Carlo, GBM', () => {
  for (const c of GBM_CASES) {
    it(`monteCarlo engine, continuous monitoring (bridge): ${JSON.stringify(c)}`, async () => {
      const exact = liquidationProbability(c).probability;
      const mc = await liquidationProbabilityMonteCarlo({ ...c, paths: 200_000, seed: 11 });
      expect(Math.abs(mc.probability - exact), `MC ${mc.probability} ± ${mc.standardError} vs ${exact}`).toBeLessThan(4 * mc.standardError);
      expect(mc.standardError).toBeLessThan(0.002);
    });
  }

  it('the engine on a fine grid (30 daily steps) agrees too', async () => {
    const c = GBM_CASES[0]!;
    const mc = await liquidationProbabilityMonteCarlo({ ...c, paths: 60_000, steps: 30, seed: 5 });
    expect(Math.abs(mc.probability - liquidationProbability(c).probability)).toBeLessThan(4 * mc.standardError);
    expect(mc.steps).toBe(30);
  });

  it('an independent plain-JS path loop (60 steps, bridge-corrected) agrees within 4 SE', () => {
    for (const c of [GBM_CASES[0]!, GBM_CASES[1]!]) {
      const m = (c.drift ?? 0) + ((c as { collateralYield?: number }).collateralYield ?? 0) - ((c as { borrowRate?: number }).borrowRate ?? 0);
      const { p, se } = jsLoop(c.healthFactor, c.vol, c.horizonYears, m, 60, 40_000, 20261129);
      const exact = liquidationProbability(c).probability;
      expect(Math.abs(p - exact), `JS ${p} ± ${se} vs ${exact}`).toBeLessThan(4 * se);
    }
  });

  it('discrete monitoring lies below the continuous value and matches the closed form at the BGK-shifted barrier', async () => {
    // HF 1.4, vol 0.7, 30 days, checked once a day: the engine's 'discrete' barrier at the 30 fixings
    const hf = 1.4; const sig = 0.7; const T = 30 / 365; const days = 30;
    const mc = await monteCarlo({
      model: { type: 'gbm', spot: hf, vol: sig },
      payoff: { type: 'barrier', optionType: 'put', strike: 1e-100, barrier: 1, direction: 'down', knock: 'out', rebate: 1, monitoring: 'discrete', fixings: days },
      expiryYears: T, paths: 200_000, steps: days, seed: 3, antithetic: true,
    });
    const continuous = liquidationProbability({ healthFactor: hf, vol: sig, horizonYears: T }).probability;
    // a barrier checked at m dates ≈ a continuous one moved away by e^{−βσ√(T/m)}: HF0 → HF0·e^{βσ√(T/m)}
    const shifted = liquidationProbability({ healthFactor: hf * Math.exp(BGK_BETA * sig * Math.sqrt(T / days)), vol: sig, horizonYears: T }).probability;
    expect(mc.price).toBeLessThan(continuous - 4 * mc.standardError);
    expect(Math.abs(mc.price - shifted), `discrete ${mc.price} ± ${mc.standardError}, BGK ${shifted}, continuous ${continuous}`).toBeLessThan(4 * mc.standardError);
  });
});

describe('(c) Merton jumps: Monte Carlo only', () => {
  // Equal total variance: σ_total² = σ_d² + λ(m_J² + v_J²) per year.
  const jumps = { intensity: 2, mean: -0.15, vol: 0.1 };
  const total = 0.6;
  const diffusionVol = Math.sqrt(total * total - jumps.intensity * (jumps.mean ** 2 + jumps.vol ** 2));

  it('liquidationProbabilityMonteCarlo with jumps agrees with the plain-JS loop (within 4 combined SE)', async () => {
    const c = { healthFactor: 1.5, vol: diffusionVol, horizonYears: 30 / 365 };
    const mc = await liquidationProbabilityMonteCarlo({ ...c, jumps, paths: 100_000, steps: 30, seed: 9 });
    const js = jsLoop(c.healthFactor, c.vol, c.horizonYears, 0, 30, 60_000, 77, jumps);
    const se = Math.hypot(mc.standardError, js.se);
    expect(Math.abs(mc.probability - js.p), `engine ${mc.probability} ± ${mc.standardError}, JS ${js.p} ± ${js.se}`).toBeLessThan(4 * se);
  });

  it('far from the barrier, P with jumps ≥ the diffusion-only P at equal total variance (by more than 4 SE)', async () => {
    // HF 1.5 and 2 over 30 days: 2.3 and 4 total standard deviations above liquidation
    for (const healthFactor of [1.5, 2]) {
      const horizonYears = 30 / 365;
      const diffusionOnly = liquidationProbability({ healthFactor, vol: total, horizonYears }).probability;
      const mc = await liquidationProbabilityMonteCarlo({ healthFactor, vol: diffusionVol, horizonYears, jumps, paths: 100_000, steps: 30, seed: 21 });
      expect(mc.probability - 4 * mc.standardError, `jumps ${mc.probability} ± ${mc.standardError} vs diffusion ${diffusionOnly}`).toBeGreaterThan(diffusionOnly);
    }
  });

  it('near the barrier the order reverses: the smaller diffusion vol lowers P (documented limit of the claim)', async () => {
    // HF 1.1, 30 days: 0.6 total standard deviations above liquidation
    const c = { healthFactor: 1.1, horizonYears: 30 / 365 };
    const diffusionOnly = liquidationProbability({ ...c, vol: total }).probability;
    const mc = await liquidationProbabilityMonteCarlo({ ...c, vol: diffusionVol, jumps, paths: 100_000, steps: 30, seed: 21 });
    expect(mc.probability + 4 * mc.standardError, `jumps ${mc.probability} ± ${mc.standardError} vs diffusion ${diffusionOnly}`).toBeLessThan(diffusionOnly);
  });
});

describe('liquidationProbabilityMonteCarlo edges and errors', () => {
  it('HF ≤ 1: every path starts liquidated, probability 1 with standard error 0', async () => {
    const r = await liquidationProbabilityMonteCarlo({ healthFactor: 0.95, vol: 0.5, horizonYears: 0.1, paths: 1000 });
    expect(r.probability).toBeCloseTo(1, 14);
    expect(r.standardError).toBe(0);
  });
  it('is deterministic: the same seed gives the same bits', async () => {
    const c = { healthFactor: 1.4, vol: 0.5, horizonYears: 0.2, paths: 20_000, seed: 42, jumps: { intensity: 3, mean: -0.05, vol: 0.05 }, steps: 40 };
    const [a, b] = await Promise.all([liquidationProbabilityMonteCarlo(c), liquidationProbabilityMonteCarlo(c)]);
    expect(a.probability).toBe(b.probability);
    expect(a.manifest.hash).toBe(b.manifest.hash);
  });
  it('typed errors', async () => {
    const base = { healthFactor: 1.4, vol: 0.5, horizonYears: 0.2 };
    const sync = async (input: unknown, field: string, value: unknown) => {
      let err: unknown;
      try { await liquidationProbabilityMonteCarlo(input as never); } catch (e) { err = e; }
      expectInvalid(() => { if (err) throw err; }, field, value);
    };
    await sync({ ...base, healthFactor: Infinity }, 'healthFactor', Infinity);
    await sync({ ...base, horizonYears: 0 }, 'horizonYears', 0);
    await sync({ ...base, vol: -1 }, 'vol', -1);
    await sync({ ...base, jumps: { intensity: -1, mean: 0, vol: 0.1 } }, 'jumps.intensity', -1);
    await sync({ ...base, jumps: { intensity: 1, mean: NaN, vol: 0.1 } }, 'jumps.mean', NaN);
    await sync({ ...base, jumps: { intensity: 1, mean: 0, vol: 0.1, size: 2 } }, 'jumps.size', 2);
    await sync({ ...base, paths: 3 }, 'paths', 3);
  });
});
