// Input rules of the batch kernels (DESIGN §5), mirrored by the facade's scalar validation in
// src/options/validate.ts (MIN_LEVEL, MAX_LEVEL, MAX_EXPIRY_YEARS, MAX_VOL, MAX_ABS_RATE). Outside these
// ranges an input is a unit error (days for years, percent for decimals), and levels outside
// [1e-100, 1e100] would take ratios and discounted values (× e^{±50}) out of the kernels' exact range.

/** Smallest accepted spot, forward and strike. */
export const MIN_LEVEL: f64 = 1e-100;
/** Largest accepted spot, forward and strike. */
export const MAX_LEVEL: f64 = 1e100;
/** Largest accepted expiry, years. */
export const MAX_EXPIRY: f64 = 50.0;
/** Largest accepted vol (decimal). */
export const MAX_VOL: f64 = 10.0;
/** Largest accepted |rate| and |dividend yield| (decimal). */
export const MAX_ABS_RATE: f64 = 1.0;

/** Price-level rule: MIN_LEVEL ≤ v ≤ MAX_LEVEL (so finite and > 0). */
// @ts-ignore: decorator
@inline
export function validLevel(v: f64): bool { return v >= MIN_LEVEL && v <= MAX_LEVEL; }
/** Expiry rule: finite, 0 ≤ T ≤ MAX_EXPIRY. */
// @ts-ignore: decorator
@inline
export function validExpiry(T: f64): bool { return T >= 0.0 && T <= MAX_EXPIRY; }
/** Vol rule: finite, 0 ≤ σ ≤ MAX_VOL. */
// @ts-ignore: decorator
@inline
export function validVol(v: f64): bool { return v >= 0.0 && v <= MAX_VOL; }
/** Rate / yield rule: finite, |v| ≤ MAX_ABS_RATE. */
// @ts-ignore: decorator
@inline
export function validRate(v: f64): bool { return Math.abs(v) <= MAX_ABS_RATE; }
