// The liquidation-cascade part of the WASM ABI, re-exported by ../index.ts. Layouts: ./cascadeSort.ts
// (prepared book), ./cascadeKernel.ts (parameter block, summary, rounds, per-position columns),
// ./cascadePaths.ts (Monte Carlo outcomes); mirrored in src/lending/cascadeLayout.ts.

import { cascadePrepareImpl, prepareScratchBytes } from "./cascadeSort";
import { cascadeScratchBytesImpl, runCascade, setupBook, setupRules, writeSummary, P_MAX_ROUNDS, P_STEPS, S_CONVERGED } from "./cascadeKernel";
import { cascadePathsImpl, resetVenue } from "./cascadePaths";

/**
 * Validates and sorts a book of n single-collateral positions (collateral units, debt USD, liquidation
 * threshold and bonus as fractions; f64 columns) by liquidation price, descending. status: n u8
 * (INVALID_INPUT for a bad position, which is left out). book: 44·n bytes. scratch:
 * cascadePrepareScratchBytes(n). Returns the number of positions sorted (debt > 0, valid).
 */
export function cascadePrepare(n: i32, collateral: usize, debt: usize, lt: usize, bonus: usize, status: usize,
  book: usize, scratch: usize): i32 {
  return cascadePrepareImpl(n, collateral, debt, lt, bonus, status, book, scratch);
}

/** Scratch bytes `cascadePrepare` needs for n positions. */
export function cascadePrepareScratchBytes(n: i32): f64 {
  return <f64>prepareScratchBytes(n);
}

/** Scratch bytes `cascadeRun` / `cascadePaths` need for m sorted positions, maxRounds and steps. */
export function cascadeScratchBytes(m: i32, maxRounds: i32, steps: i32): f64 {
  return cascadeScratchBytesImpl(m, maxRounds, steps);
}

/**
 * One cascade over a prepared book (column stride `stride`, m rows; original book size nOrig) with the parameters at `params` (P_COUNT f64),
 * the depth curve's sizes then impacts at `curve` (if any) and P_STEPS exogenous move factors at `moves`.
 * Writes the summary (S_COUNT f64), rounds (R_COUNT f64 each, up to maxRounds; 0 = none) and, unless
 * posOut is 0, the per-position columns (O_COUNT × n f64, pre-filled by the caller). Returns 1 if the
 * cascade reached its fixed point within maxRounds, else 0.
 */
export function cascadeRun(params: usize, book: usize, stride: i32, m: i32, nOrig: i32, curve: usize, moves: usize,
  scratch: usize, summary: usize, roundsOut: usize, posOut: usize): i32 {
  setupBook(book, stride, m, scratch, <i32>load<f64>(params, P_MAX_ROUNDS << 3));
  setupRules(params);
  resetVenue(params, curve);
  runCascade(moves, <i32>load<f64>(params, P_STEPS << 3), roundsOut, posOut, nOrig);
  writeSummary(summary);
  return <i32>load<f64>(summary, S_CONVERGED << 3);
}

/**
 * Monte Carlo outcomes (K_COUNT f64 per path slot) of blocks [first, end) of paths; see cascadePaths.ts.
 * Returns the number of paths that did not converge within maxRounds.
 */
export function cascadePaths(params: usize, book: usize, stride: i32, m: i32, curve: usize, scratch: usize,
  first: i32, end: i32, out: usize): i32 {
  return cascadePathsImpl(params, book, stride, m, curve, scratch, first, end, out);
}
