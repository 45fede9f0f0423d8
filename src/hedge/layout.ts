/**
 * Slot layouts of the hedging kernel: mirror of assembly/hedge/params.ts (a change there must be made here
 * too; test/hedge/simulate.test.ts checks the counts against the kernel's `hedgeLayout`).
 */

/** Parameter block (f64 slots). */
export const P = {
  model: 0, option: 1, position: 2, quantity: 3, spot: 4, strike: 5, expiry: 6, rate: 7, hedgeVol: 8, premiumVol: 9,
  vol: 10, jumpIntensity: 11, jumpMean: 12, jumpVol: 13, v0: 14, kappa: 15, theta: 16, volOfVol: 17, rho: 18,
  hestonSubDt: 19, steps: 20, mode: 21, every: 22, riskAversion: 23, feeRate: 24, venue: 25, reserveRisky: 26,
  reserveStable: 27, venueFee: 28, knots: 29, gas: 30, initialCosts: 31, paths: 32, block: 33, seedLo: 34,
  seedHi: 35, drift: 36, bandCost: 37,
} as const;
export const P_COUNT = 38;

/** Outcomes per path (f64). */
export const K = {
  pnl: 0, fees: 1, slippage: 2, gas: 3, trades: 4, gamma: 5, theta: 6, vega: 7, financing: 8, deltaMismatch: 9,
  residual: 10, finalSpot: 11, turnover: 12, filled: 13,
} as const;
export const K_COUNT = 14;

export const ModelCode = { gbm: 0, merton: 1, heston: 2, path: 3 } as const;
export const OptionCode = { call: 0, put: 1, straddle: 2 } as const;
export const VenueCode = { none: 0, constantProduct: 1, depthCurve: 2 } as const;
