// Input rules of the model kernels beyond those of ../limits.ts, mirrored by the facade's validation in
// src/options/models/validate.ts. Upper bounds catch unit errors (percent for decimals, days for years)
// and keep the series and integrals of ./merton.ts and ./heston.ts within their stated term counts.

/** Largest jump intensity λ (jumps per year). */
export const MAX_JUMP_INTENSITY: f64 = 1000.0;
/** Largest |jumpMean| (mean of ln(1 + jump)); e^{±10} is a factor of 22,026. */
export const MAX_ABS_JUMP_MEAN: f64 = 10.0;
/** Largest jumpVol (standard deviation of ln(1 + jump)). */
export const MAX_JUMP_VOL: f64 = 10.0;
/** Largest v0 and θ (variances per year; 100 = a vol of 1000%). */
export const MAX_VARIANCE: f64 = 100.0;
/** Largest κ (per year; mean-reversion half-life ≥ 6 hours). */
export const MAX_KAPPA: f64 = 1000.0;
/** Largest ξ (vol of variance, per √year). */
export const MAX_VOL_OF_VOL: f64 = 10.0;

/** Jump intensity rule: finite, 0 ≤ λ ≤ MAX_JUMP_INTENSITY. */
// @ts-ignore: decorator
@inline
export function validJumpIntensity(v: f64): bool { return v >= 0.0 && v <= MAX_JUMP_INTENSITY; }
/** Jump mean rule: finite, |μ| ≤ MAX_ABS_JUMP_MEAN. */
// @ts-ignore: decorator
@inline
export function validJumpMean(v: f64): bool { return Math.abs(v) <= MAX_ABS_JUMP_MEAN; }
/** Jump vol rule: finite, 0 ≤ δ ≤ MAX_JUMP_VOL. */
// @ts-ignore: decorator
@inline
export function validJumpVol(v: f64): bool { return v >= 0.0 && v <= MAX_JUMP_VOL; }
/** Variance rule (v0, θ): finite, 0 ≤ v ≤ MAX_VARIANCE. */
// @ts-ignore: decorator
@inline
export function validVariance(v: f64): bool { return v >= 0.0 && v <= MAX_VARIANCE; }
/** Mean-reversion rule: finite, 0 < κ ≤ MAX_KAPPA. */
// @ts-ignore: decorator
@inline
export function validKappa(v: f64): bool { return v > 0.0 && v <= MAX_KAPPA; }
/** Vol-of-vol rule: finite, 0 ≤ ξ ≤ MAX_VOL_OF_VOL. */
// @ts-ignore: decorator
@inline
export function validVolOfVol(v: f64): bool { return v >= 0.0 && v <= MAX_VOL_OF_VOL; }
/** Correlation rule: finite, |ρ| ≤ 1. */
// @ts-ignore: decorator
@inline
export function validCorrelation(v: f64): bool { return Math.abs(v) <= 1.0; }
