/**
 * Slot layouts shared with the cascade kernels (mirrors of assembly/lending/cascadeKernel.ts and
 * cascadePaths.ts; a change there must be made here too — test/lending/cascade.test.ts checks the
 * results field by field against the plain-JS reference).
 */

/** Parameter block (f64 slots). */
export const P = {
  venue: 0, reserveRisky: 1, reserveStable: 2, fee: 3, spot: 4, knots: 5, lag: 6, gas: 7, closeFactor: 8,
  fullHf: 9, protocolFee: 10, maxRounds: 11, oracle0: 12, steps: 13, paths: 14, block: 15, seedLo: 16,
  seedHi: 17, model: 18, vol: 19, drift: 20, dt: 21, jumpIntensity: 22, jumpMean: 23, jumpVol: 24,
} as const;
export const P_COUNT = 25;

/** Summary slots of one cascade (f64). */
export const S = {
  rounds: 0, finalPrice: 1, finalOracle: 2, positions: 3, liquidations: 4, debtRepaid: 5, collateralSold: 6,
  collateralTreasury: 7, proceeds: 8, badDebt: 9, insolventDebt: 10, liquidatedValue: 11, skipped: 12,
  converged: 13, minPrice: 14, insolventPositions: 15, collateralSeized: 16,
} as const;
export const S_COUNT = 17;

/** Per-round columns (f64, row-major). */
export const R = {
  oracle: 0, priceStart: 1, priceEnd: 2, liquidations: 3, collateralSold: 4, proceeds: 5, debtRepaid: 6,
  badDebt: 7, step: 8, skipped: 9,
} as const;
export const R_COUNT = 10;

/** Per-position output columns (f64 × n, original order). */
export const O = { collateral: 0, debt: 1, badDebt: 2, seized: 3, firstRound: 4 } as const;
export const O_COUNT = 5;

/** Monte Carlo outcomes per path (f64). */
export const K = {
  badDebt: 0, realisedBadDebt: 1, insolventDebt: 2, liquidatedValue: 3, debtRepaid: 4, collateralSold: 5,
  finalPrice: 6, minPrice: 7, rounds: 8, positions: 9, converged: 10,
} as const;
export const K_COUNT = 11;

/** Venue and model codes. */
export const VENUE_CONSTANT_PRODUCT = 0;
export const VENUE_DEPTH_CURVE = 1;
export const MODEL_GBM = 0;
export const MODEL_MERTON = 1;

/** Bytes per position of a prepared book: 5 f64 columns (collateral, debt, LT, bonus, liquidation price) + i32 index. */
export const BOOK_BYTES_PER_POSITION = 44;
