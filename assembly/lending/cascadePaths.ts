// Monte Carlo over price paths through the cascade (./cascadeKernel.ts). Path i draws its `steps`
// exogenous log-moves from the Philox stream of (seed, i) (../rng/stream.ts), so its outcome depends on
// (seed, i) only, whatever block or worker runs it (DESIGN §6).
//
// Moves over Δt = horizon/steps years, as in ../mc/kernel.ts (same draw order per step: z, then for Merton
// u and z'):
//   GBM     ln m = (drift − vol²/2)·Δt + vol·√Δt·z
//   Merton  the same with drift − λκ (κ = e^{jumpMean + jumpVol²/2} − 1) plus N·jumpMean + √N·jumpVol·z',
//           N ~ Poisson(λΔt) by inversion of u (Merton 1976; the shared step `mertonJump` of ../rng/poisson.ts)
// `drift` is the real-world drift of a stress model (default 0 in the facade), not a risk-neutral rate.

import { nextNormal, streamStart } from "../rng/stream";
import { mertonJump } from "../rng/poisson";
import {
  P_BLOCK, P_DRIFT, P_DT, P_FEE, P_JUMP_INTENSITY, P_JUMP_MEAN, P_JUMP_VOL, P_KNOTS, P_MODEL, P_PATHS,
  P_RESERVE_RISKY, P_RESERVE_STABLE, P_SEED_HI, P_SEED_LO, P_SPOT, P_STEPS, P_VENUE, P_VOL, P_MAX_ROUNDS,
  gMoves, lastBadDebt, lastCollateralSold, lastConverged, lastDebtRepaid, lastInsolventDebt, lastLiquidatedValue,
  lastMinPrice, lastPositions, lastRounds, runCascade, setupBook, setupRules,
} from "./cascadeKernel";
import { venueSetConstantProduct, venueSetDepthCurve, venueSpot, VENUE_CONSTANT_PRODUCT } from "./cascadeVenue";

/** f64 outcomes per path, in this order (mirrored in src/lending/cascadeLayout.ts). */
export const K_BAD_DEBT: i32 = 0; // realised bad debt + insolvent debt left at the end
export const K_REALISED_BAD_DEBT: i32 = 1;
export const K_INSOLVENT_DEBT: i32 = 2;
export const K_LIQUIDATED_VALUE: i32 = 3;
export const K_DEBT_REPAID: i32 = 4;
export const K_COLLATERAL_SOLD: i32 = 5;
export const K_FINAL_PRICE: i32 = 6;
export const K_MIN_PRICE: i32 = 7;
export const K_ROUNDS: i32 = 8;
export const K_POSITIONS: i32 = 9;
export const K_CONVERGED: i32 = 10;
export const K_COUNT: i32 = 11;

export const MODEL_GBM: i32 = 0;
export const MODEL_MERTON: i32 = 1;

/** Sets the venue to its initial state from the parameter block. */
export function resetVenue(params: usize, curve: usize): void {
  const type = <i32>load<f64>(params, P_VENUE << 3);
  if (type == VENUE_CONSTANT_PRODUCT) {
    venueSetConstantProduct(load<f64>(params, P_RESERVE_RISKY << 3), load<f64>(params, P_RESERVE_STABLE << 3), load<f64>(params, P_FEE << 3));
  } else {
    const knots = <i32>load<f64>(params, P_KNOTS << 3);
    venueSetDepthCurve(load<f64>(params, P_SPOT << 3), curve, curve + ((<usize>knots) << 3), knots);
  }
}

/**
 * Outcomes of paths in blocks [first, end): block b holds paths [b·B, (b+1)·B) (B = P_BLOCK); path slots
 * at or beyond P_PATHS get NaN. Writes K_COUNT f64 per path slot, (end − first)·B slots, to `out`.
 * Returns the number of paths whose cascade did not converge within maxRounds.
 */
export function cascadePathsImpl(params: usize, book: usize, stride: i32, m: i32, curve: usize, scratch: usize,
  first: i32, end: i32, out: usize): i32 {
  const maxRounds = <i32>load<f64>(params, P_MAX_ROUNDS << 3);
  setupBook(book, stride, m, scratch, maxRounds);
  setupRules(params);
  const steps = <i32>load<f64>(params, P_STEPS << 3);
  const paths = <i64>load<f64>(params, P_PATHS << 3);
  const block = <i64>load<f64>(params, P_BLOCK << 3);
  const k0 = <u32>load<f64>(params, P_SEED_LO << 3);
  const k1 = <u32>load<f64>(params, P_SEED_HI << 3);
  const merton = <i32>load<f64>(params, P_MODEL << 3) == MODEL_MERTON;
  const vol = load<f64>(params, P_VOL << 3);
  const dt = load<f64>(params, P_DT << 3);
  const lambda = merton ? load<f64>(params, P_JUMP_INTENSITY << 3) : 0.0;
  const jm = load<f64>(params, P_JUMP_MEAN << 3);
  const jv = load<f64>(params, P_JUMP_VOL << 3);
  const kappa = merton ? Math.exp(jm + 0.5 * jv * jv) - 1.0 : 0.0;
  const mu = (load<f64>(params, P_DRIFT << 3) - 0.5 * vol * vol - lambda * kappa) * dt;
  const sd = vol * Math.sqrt(dt);
  const lamDt = lambda * dt;
  const p0 = Math.exp(-lamDt);
  let failed: i32 = 0;
  let slot: usize = out;
  for (let b: i64 = <i64>first; b < <i64>end; b++) {
    for (let q: i64 = 0; q < block; q++) {
      const path = b * block + q;
      if (path >= paths) {
        for (let k: i32 = 0; k < K_COUNT; k++) store<f64>(slot + ((<usize>k) << 3), NaN);
        slot += (<usize>K_COUNT) << 3;
        continue;
      }
      streamStart(k0, k1, <u64>path, false);
      for (let s: i32 = 0; s < steps; s++) {
        let x = mu + sd * nextNormal();
        if (merton) x += mertonJump(p0, lamDt, jm, jv);
        store<f64>(gMoves + ((<usize>s) << 3), Math.exp(x));
      }
      resetVenue(params, curve);
      runCascade(gMoves, steps, 0, 0, 0);
      const bad = lastBadDebt();
      const ins = lastInsolventDebt();
      store<f64>(slot, bad + ins, K_BAD_DEBT << 3);
      store<f64>(slot, bad, K_REALISED_BAD_DEBT << 3);
      store<f64>(slot, ins, K_INSOLVENT_DEBT << 3);
      store<f64>(slot, lastLiquidatedValue(), K_LIQUIDATED_VALUE << 3);
      store<f64>(slot, lastDebtRepaid(), K_DEBT_REPAID << 3);
      store<f64>(slot, lastCollateralSold(), K_COLLATERAL_SOLD << 3);
      store<f64>(slot, venueSpot(), K_FINAL_PRICE << 3);
      store<f64>(slot, lastMinPrice(), K_MIN_PRICE << 3);
      store<f64>(slot, lastRounds(), K_ROUNDS << 3);
      store<f64>(slot, lastPositions(), K_POSITIONS << 3);
      const ok = lastConverged();
      store<f64>(slot, ok ? 1.0 : 0.0, K_CONVERGED << 3);
      if (!ok) failed++;
      slot += (<usize>K_COUNT) << 3;
    }
  }
  return failed;
}
