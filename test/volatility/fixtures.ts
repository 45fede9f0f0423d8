// Shared inputs of the volatility tests.

/** Bars V1 of case C12 as (open, high, low, close). */
export const V1 = [
  [100, 101, 99, 100.5], [100.8, 102, 100.2, 101.5], [101, 101.8, 99.5, 100],
  [99.6, 100.9, 98.8, 100.7], [101.2, 103, 101, 102.6], [102.3, 103.1, 101.4, 101.9],
] as const;
export const v1 = {
  open: V1.map((b) => b[0]), high: V1.map((b) => b[1]), low: V1.map((b) => b[2]), close: V1.map((b) => b[3]),
};
