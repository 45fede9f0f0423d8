/**
 * Mirror of assembly/mc/params.ts: the f64 parameter slots of the Monte Carlo kernel and the layout of
 * one block's partial sums. Keep the two files in step (test/mc/plan.test.ts checks the widths).
 */
export const Slot = {
  model: 0, payoff: 1, call: 2, spot: 3, strike: 4, expiry: 5, rate: 6, dividendYield: 7, vol: 8, cash: 9,
  geometric: 10, barrier: 11, up: 12, out: 13, rebate: 14, continuous: 15, floating: 16, jumpIntensity: 17,
  jumpMean: 18, jumpVol: 19, v0: 20, kappa: 21, theta: 22, volOfVol: 23, rho: 24, paths: 25, blockSize: 26,
  antithetic: 27, cvGeometric: 28, greeks: 29, seedLo: 30, seedHi: 31, grid: 32, spotBump: 33, volBump: 34, noFast: 35, hestonSubDt: 36, qmc: 37, replications: 38, blocksPerReplication: 39,
} as const;

/** Number of parameter slots (P_COUNT). */
export const SLOT_COUNT = 40;

export const ModelCode = { gbm: 0, merton: 1, heston: 2 } as const;
export const PayoffCode = { european: 0, digital: 1, asian: 2, barrier: 3, lookback: 4 } as const;

/**
 * Offsets inside one block's partials: samples (paths, or antithetic pairs), Σ Y, Σ Y², Σ C, Σ C², Σ Y·C
 * (Y the discounted payoff or pair mean, C the control variate), then with Greeks Σ Δ, Σ Δ², Σ Γ, Σ Γ²,
 * Σ vega, Σ vega².
 */
export const Partial = { n: 0, y: 1, yy: 2, c: 3, cc: 4, yc: 5, d: 6, dd: 7, g: 8, gg: 9, v: 10, vv: 11 } as const;
export const WIDTH_BASE = 6;
export const WIDTH_GREEKS = 12;
