// Discrete delta hedging of a European option position along simulated or supplied price paths, with
// trading costs (issue #6 §3). One path at a time; per-path outcomes written as K_COUNT f64 (./params.ts).
//
// The book: w = position·quantity option units (w < 0 short). At t = 0 the option is traded at its BSM price at
// the premium vol (cash −w·V_p) and the hedge h = −w·Δ (BSM delta at the hedge vol; ../options/european.ts,
// `europeanOne`) is bought at mid S plus costs. Between grid times t_i = i·T/N the cash accrues at e^{rΔt}
// and the spot moves; at t_i (i = 1 … N−1) the hedge is rebalanced
//   - time mode: every k-th step, to −w·Δ (a change of at most 1e-12·|w| units is not traded: MIN_TRADE);
//   - band mode (Whalley & Wilmott, "An asymptotic analysis of an optimal hedging model for option pricing
//     with transaction costs", Mathematical Finance 7(3), 1997, 307–324): when |h − h*| > H with
//     H = (3/2 · e^{−r(T−t)} · λ · S · Γ_w² / γ)^{1/3}, Γ_w = |w|·Γ, λ the proportional cost, γ the risk
//     aversion, moving h to the nearer edge of the band h* ± H (their optimal policy). λ = 0 gives H = 0.
// At T the hedge is marked at S_T (no closing trade: cash settlement against a held hedge, or physical
// delivery) and the option pays w·payoff(S_T). P&L = cash + h·S_T + w·payoff.
//
// Costs of a trade of q units at mid S: fee = feeRate·|q|·S; venue slippage (execution shortfall against
// q·S, the pool's own fee included): constant product (../amm/constantProduct.ts) with the pool re-centred
// on S by arbitrage before each trade at constant k = x0·y0 (x = √(k/S), y = √(k·S)): buying q pays
// cpAmountIn(y, x, q, fee), selling q receives cpAmountOut(x, y, q, fee); depth curve
// (../amm/depthCurve.ts): shortfall q·S·I(q) for a sale and, by symmetry (an assumption), for a purchase;
// gas: a fixed USD amount per trade. A purchase of the whole re-centred pool (q ≥ x) cannot be filled: the
// path gets NaN outputs and K_FILLED = 0.
//
// P&L attribution (book B_i = cash + h·S + w·V(S, T − t_i; hedge vol)): B_0 = w·(V_h − V_p) − costs_0 (vega),
// B_{i+1} − B_i = cash·(e^{rΔt} − 1) + h·ΔS + w·ΔV − costs, and by Taylor w·ΔV ≈ w·(Δ·ΔS + ½Γ·ΔS² + Θ·Δt),
// so P&L = vega + Σ gamma + Σ theta + Σ financing + Σ (w·Δ + h)·ΔS − costs + residual, the residual being
// the Taylor remainders (third order in ΔS, ΔS·Δt, Δt²). With r = 0, Θ = −½σ_h²S²Γ and gamma + theta is
// Σ ½ΓS²((ΔS/S)² − σ_h²Δt): the realised-versus-hedge-vol term.
//
// Paths: path i's draws come from the Philox stream of (seed, i) (../rng/stream.ts), in the step order of
// ../mc/kernel.ts (GBM: z; Merton: z, u_N, z'; Heston: u_v, z per QE sub-step via ../mc/hestonQE.ts
// `qeStep`), so a path's outcome depends on (seed, i) only. GBM steps are exact; Merton exact per step;
// Heston Andersen's QE with ../mc/kernel.ts's sub-steps and constants. The spot's drift is P_DRIFT.
// Never throws; allocates nothing.

import { nextNormal, nextUniform, streamStart } from "../rng/stream";
import { mertonJump } from "../rng/poisson";
import { europeanOne, MODEL_BSM } from "../options/european";
import { cpAmountIn, cpAmountOut } from "../amm/constantProduct";
import { depthCurveImpact } from "../amm/depthCurve";
import { qeStep, qeVn } from "../mc/hestonQE";
import {
  P_MODEL, P_OPTION, P_POSITION, P_QUANTITY, P_SPOT, P_STRIKE, P_EXPIRY, P_RATE, P_HEDGE_VOL, P_PREMIUM_VOL,
  P_VOL, P_JUMP_INTENSITY, P_JUMP_MEAN, P_JUMP_VOL, P_V0, P_KAPPA, P_THETA, P_VOL_OF_VOL, P_RHO, P_HESTON_DT,
  P_STEPS, P_MODE, P_EVERY, P_RISK_AVERSION, P_FEE_RATE, P_VENUE, P_RESERVE_RISKY, P_RESERVE_STABLE,
  P_VENUE_FEE, P_KNOTS, P_GAS, P_INITIAL_COSTS, P_PATHS, P_BLOCK, P_SEED_LO, P_SEED_HI, P_DRIFT, P_BAND_COST,
  MODEL_MERTON, MODEL_HESTON, MODEL_PATH, OPTION_CALL, OPTION_PUT, OPTION_STRADDLE,
  VENUE_CONSTANT_PRODUCT, VENUE_DEPTH_CURVE,
  K_PNL, K_FEES, K_SLIPPAGE, K_GAS, K_TRADES, K_GAMMA, K_THETA, K_VEGA, K_FINANCING, K_DELTA_MISMATCH,
  K_RESIDUAL, K_FINAL_SPOT, K_TURNOVER, K_FILLED, K_COUNT,
} from "./params";

/** Scratch for `europeanOne`: 6 f64 (price, delta, gamma, vega, theta, rho), one column each of 8 bytes. */
const GREEKS: usize = memory.data(64, 16);

/**
 * Trades of at most MIN_TRADE·|w| units are skipped: they only re-hedge rounding (a delta of 1 − 1e-16 against
 * 1), and would otherwise pay gas and count as trades depending on the last bit of Φ.
 */
export const MIN_TRADE: f64 = 1e-12;

// Configuration of the current call (module globals; the kernel is single-threaded).
let gModel: i32 = 0;
let gOption: i32 = 0;
let gW: f64 = 0.0;        // signed option units
let gS0: f64 = 0.0;
let gK: f64 = 0.0;
let gT: f64 = 0.0;
let gR: f64 = 0.0;
let gSigH: f64 = 0.0;
let gSigP: f64 = 0.0;
let gN: i32 = 0;
let gDt: f64 = 0.0;
let gGrowth: f64 = 1.0;   // e^{rΔt}
let gBand: bool = false;
let gEvery: i32 = 1;
let gGamma: f64 = 1.0;    // risk aversion
let gLambdaBand: f64 = 0.0;
let gFee: f64 = 0.0;
let gVenue: i32 = 0;
let gPoolK: f64 = 0.0;    // x0·y0
let gVenueFee: f64 = 0.0;
let gSizes: usize = 0;
let gImpacts: usize = 0;
let gKnots: i32 = 0;
let gGas: f64 = 0.0;
let gInitialCosts: bool = true;
// path model
let gMu: f64 = 0.0;       // GBM/Merton log drift per step (μ − ½σ² − λκ)Δt
let gSd: f64 = 0.0;       // σ√Δt
let gLamDt: f64 = 0.0;
let gPoissonP0: f64 = 1.0;
let gJm: f64 = 0.0;
let gJv: f64 = 0.0;
let gDrift: f64 = 0.0;
let gV0: f64 = 0.0;
let gHKappa: f64 = 0.0;
let gHTheta: f64 = 0.0;
let gXiZero: bool = false;
let gNs: i32 = 1;
let gH: f64 = 0.0;
let gE: f64 = 0.0;
let gC1: f64 = 0.0;
let gC2: f64 = 0.0;
let gK1: f64 = 0.0;
let gK2: f64 = 0.0;
let gK3: f64 = 0.0;
let gA: f64 = 0.0;
let gPath: usize = 0;

// Greeks of the last `greeksAt` (the whole option position per option unit).
let oPrice: f64 = 0.0;
let oDelta: f64 = 0.0;
let oGamma: f64 = 0.0;
let oTheta: f64 = 0.0;

// Per-path trade state.
let tFees: f64 = 0.0;
let tSlip: f64 = 0.0;
let tGas: f64 = 0.0;
let tTrades: f64 = 0.0;
let tTurnover: f64 = 0.0;
let tFilled: bool = true;

/** BSM price, delta, gamma, theta per option unit at spot s, time to expiry tau, vol sig (straddle: call + put). */
function greeksAt(s: f64, tau: f64, sig: f64): void {
  if (gOption == OPTION_STRADDLE) {
    europeanOne(MODEL_BSM, 1, true, s, gK, tau, sig, gR, 0.0, GREEKS, 8, 0);
    const p = load<f64>(GREEKS), d = load<f64>(GREEKS, 8), g = load<f64>(GREEKS, 16), th = load<f64>(GREEKS, 32);
    europeanOne(MODEL_BSM, 1, false, s, gK, tau, sig, gR, 0.0, GREEKS, 8, 0);
    oPrice = p + load<f64>(GREEKS);
    oDelta = d + load<f64>(GREEKS, 8);
    oGamma = g + load<f64>(GREEKS, 16);
    oTheta = th + load<f64>(GREEKS, 32);
  } else {
    europeanOne(MODEL_BSM, 1, gOption == OPTION_CALL, s, gK, tau, sig, gR, 0.0, GREEKS, 8, 0);
    oPrice = load<f64>(GREEKS);
    oDelta = load<f64>(GREEKS, 8);
    oGamma = load<f64>(GREEKS, 16);
    oTheta = load<f64>(GREEKS, 32);
  }
}

/** Payoff per option unit at expiry. */
function payoff(s: f64): f64 {
  const c = s > gK ? s - gK : 0.0;
  const p = gK > s ? gK - s : 0.0;
  return gOption == OPTION_CALL ? c : (gOption == OPTION_PUT ? p : c + p);
}

/** Books a trade of q units at mid s (costs only when `charge`); returns the total cost in USD. */
function trade(q: f64, s: f64, charge: bool): f64 {
  if (q == 0.0) return 0.0;
  tTrades += 1.0;
  const a = Math.abs(q);
  tTurnover += a * s;
  if (!charge) return 0.0;
  const fee = gFee * a * s;
  let slip: f64 = 0.0;
  if (gVenue == VENUE_CONSTANT_PRODUCT) {
    const x = Math.sqrt(gPoolK / s);
    const y = Math.sqrt(gPoolK * s);
    if (q > 0.0) {
      if (q >= x) { tFilled = false; return NaN; }
      slip = cpAmountIn(y, x, q, gVenueFee) - q * s;
    } else {
      slip = a * s - cpAmountOut(x, y, a, gVenueFee);
    }
  } else if (gVenue == VENUE_DEPTH_CURVE) {
    slip = a * s * depthCurveImpact(gSizes, gImpacts, gKnots, a);
  }
  tFees += fee;
  tSlip += slip;
  tGas += gGas;
  return fee + slip + gGas;
}

/** Reads the parameter block; `curve` holds the depth curve (sizes then impacts), `path` the supplied prices. */
export function hedgeSetup(params: usize, curve: usize, path: usize): void {
  gModel = <i32>load<f64>(params, P_MODEL << 3);
  gOption = <i32>load<f64>(params, P_OPTION << 3);
  gW = load<f64>(params, P_POSITION << 3) * load<f64>(params, P_QUANTITY << 3);
  gS0 = load<f64>(params, P_SPOT << 3);
  gK = load<f64>(params, P_STRIKE << 3);
  gT = load<f64>(params, P_EXPIRY << 3);
  gR = load<f64>(params, P_RATE << 3);
  gSigH = load<f64>(params, P_HEDGE_VOL << 3);
  gSigP = load<f64>(params, P_PREMIUM_VOL << 3);
  gN = <i32>load<f64>(params, P_STEPS << 3);
  gDt = gT / <f64>gN;
  gGrowth = Math.exp(gR * gDt);
  gBand = <i32>load<f64>(params, P_MODE << 3) == 1;
  gEvery = <i32>load<f64>(params, P_EVERY << 3);
  if (gEvery < 1) gEvery = 1;
  gGamma = load<f64>(params, P_RISK_AVERSION << 3);
  gLambdaBand = load<f64>(params, P_BAND_COST << 3);
  gFee = load<f64>(params, P_FEE_RATE << 3);
  gVenue = <i32>load<f64>(params, P_VENUE << 3);
  gPoolK = load<f64>(params, P_RESERVE_RISKY << 3) * load<f64>(params, P_RESERVE_STABLE << 3);
  gVenueFee = load<f64>(params, P_VENUE_FEE << 3);
  gKnots = <i32>load<f64>(params, P_KNOTS << 3);
  gSizes = curve;
  gImpacts = curve + ((<usize>gKnots) << 3);
  gGas = load<f64>(params, P_GAS << 3);
  gInitialCosts = load<f64>(params, P_INITIAL_COSTS << 3) != 0.0;
  gPath = path;
  gDrift = load<f64>(params, P_DRIFT << 3);
  const vol = load<f64>(params, P_VOL << 3);
  const lambda = gModel == MODEL_MERTON ? load<f64>(params, P_JUMP_INTENSITY << 3) : 0.0;
  gJm = load<f64>(params, P_JUMP_MEAN << 3);
  gJv = load<f64>(params, P_JUMP_VOL << 3);
  const kappaJ = gModel == MODEL_MERTON ? Math.expm1(gJm + 0.5 * gJv * gJv) : 0.0;
  gMu = (gDrift - 0.5 * vol * vol - lambda * kappaJ) * gDt;
  gSd = vol * Math.sqrt(gDt);
  gLamDt = lambda * gDt;
  gPoissonP0 = Math.exp(-gLamDt);
  if (gModel == MODEL_HESTON) {
    // the per-step constants of ../mc/kernel.ts `setup` (Andersen 2008, γ1 = γ2 = ½) on the uniform grid
    gV0 = load<f64>(params, P_V0 << 3);
    const kappa = load<f64>(params, P_KAPPA << 3);
    const theta = load<f64>(params, P_THETA << 3);
    const xi = load<f64>(params, P_VOL_OF_VOL << 3);
    const rho = load<f64>(params, P_RHO << 3);
    const subDt = load<f64>(params, P_HESTON_DT << 3);
    gHKappa = kappa;
    gHTheta = theta;
    gXiZero = xi == 0.0;
    let ns: f64 = subDt > 0.0 ? Math.ceil(gDt / subDt) : 1.0;
    if (ns < 1.0) ns = 1.0;
    gNs = <i32>ns;
    const h = gDt / ns;
    gH = h;
    const e = Math.exp(-kappa * h);
    gE = e;
    gC1 = xi * xi * e * (1.0 - e) / kappa;
    gC2 = theta * xi * xi * (1.0 - e) * (1.0 - e) / (2.0 * kappa);
    const g = 0.5 * h * (kappa * rho / xi - 0.5);
    gK1 = g - rho / xi;
    gK2 = g + rho / xi;
    gK3 = 0.5 * h * (1.0 - rho * rho);
    gA = gK2 + 0.5 * gK3;
  }
}

let hV: f64 = 0.0; // Heston variance along the current path

/** The spot after step i (0-based) from spot s, drawing the step's numbers from the current stream. */
function nextSpot(i: i32, s: f64): f64 {
  if (gModel == MODEL_PATH) return load<f64>(gPath + ((<usize>(i + 1)) << 3));
  if (gModel == MODEL_HESTON) {
    let inc: f64 = 0.0;
    for (let j: i32 = 0; j < gNs; j++) {
      const uv = nextUniform();
      const z = nextNormal();
      inc += qeStep(hV, uv, z, gH, gE, gC1, gC2, gK1, gK2, gK3, gA, gHTheta, gHKappa, gDrift, gXiZero);
      hV = qeVn;
    }
    return s * Math.exp(inc);
  }
  let x = gMu + gSd * nextNormal();
  if (gModel == MODEL_MERTON) x += mertonJump(gPoissonP0, gLamDt, gJm, gJv);
  return s * Math.exp(x);
}

/**
 * Hedges one path (the stream must be started for simulated models) and writes its K_COUNT outcomes at `slot`.
 * `pathOut` ≠ 0: the N + 1 spots of the path are written there too (for the reference and tests).
 */
export function hedgeOnePath(slot: usize, pathOut: usize): void {
  tFees = 0.0; tSlip = 0.0; tGas = 0.0; tTrades = 0.0; tTurnover = 0.0; tFilled = true;
  hV = gV0;
  const w = gW;
  let s = gModel == MODEL_PATH ? load<f64>(gPath) : gS0;
  if (pathOut != 0) store<f64>(pathOut, s);
  greeksAt(s, gT, gSigP);
  const premium = oPrice;
  greeksAt(s, gT, gSigH);
  const vega = w * (oPrice - premium);
  let cash = -w * premium;
  const minTrade = MIN_TRADE * Math.abs(w);
  let h: f64 = -w * oDelta;
  if (Math.abs(h) <= minTrade) h = 0.0;
  cash -= h * s + trade(h, s, gInitialCosts);
  let gamma: f64 = 0.0, theta: f64 = 0.0, fin: f64 = 0.0, mis: f64 = 0.0;
  for (let i: i32 = 0; i < gN; i++) {
    const s1 = nextSpot(i, s);
    if (pathOut != 0) store<f64>(pathOut + ((<usize>(i + 1)) << 3), s1);
    const ds = s1 - s;
    gamma += w * 0.5 * oGamma * ds * ds;
    theta += w * oTheta * gDt;
    mis += (w * oDelta + h) * ds;
    const f = cash * (gGrowth - 1.0);
    fin += f;
    cash += f;
    s = s1;
    if (i + 1 < gN) {
      const tau = gT - <f64>(i + 1) * gDt;
      greeksAt(s, tau, gSigH);
      const target = -w * oDelta;
      let q: f64 = 0.0;
      if (gBand) {
        const gw = Math.abs(w) * oGamma;
        const band = gLambdaBand > 0.0 ? Math.cbrt(1.5 * Math.exp(-gR * tau) * gLambdaBand * s * gw * gw / gGamma) : 0.0;
        const gap = h - target;
        if (Math.abs(gap) > band) q = (gap > 0.0 ? target + band : target - band) - h;
      } else if ((i + 1) % gEvery == 0) {
        q = target - h;
      }
      if (Math.abs(q) > minTrade) {
        const c = trade(q, s, true);
        h += q;
        cash -= q * s + c;
      }
    }
  }
  const pnl = cash + h * s + w * payoff(s);
  const allCosts = tFees + tSlip + tGas;
  if (!tFilled) {
    for (let k: i32 = 0; k < K_COUNT; k++) store<f64>(slot + ((<usize>k) << 3), NaN);
    store<f64>(slot, 0.0, K_FILLED << 3);
    return;
  }
  store<f64>(slot, pnl, K_PNL << 3);
  store<f64>(slot, tFees, K_FEES << 3);
  store<f64>(slot, tSlip, K_SLIPPAGE << 3);
  store<f64>(slot, tGas, K_GAS << 3);
  store<f64>(slot, tTrades, K_TRADES << 3);
  store<f64>(slot, gamma, K_GAMMA << 3);
  store<f64>(slot, theta, K_THETA << 3);
  store<f64>(slot, vega, K_VEGA << 3);
  store<f64>(slot, fin, K_FINANCING << 3);
  store<f64>(slot, mis, K_DELTA_MISMATCH << 3);
  store<f64>(slot, pnl - (vega + gamma + theta + fin + mis - allCosts), K_RESIDUAL << 3);
  store<f64>(slot, s, K_FINAL_SPOT << 3);
  store<f64>(slot, tTurnover, K_TURNOVER << 3);
  store<f64>(slot, 1.0, K_FILLED << 3);
}

/**
 * Outcomes of the paths of blocks [first, end): block b holds paths [b·B, (b+1)·B) (B = P_BLOCK); slots at
 * or beyond P_PATHS get NaN. Writes K_COUNT f64 per path slot to `out`; `paths` ≠ 0 receives the N + 1
 * spots of each path slot (row-major). Supplied-path model: one path. Returns the number of unfilled paths.
 */
export function hedgeBlocksImpl(params: usize, curve: usize, path: usize, first: i32, end: i32, out: usize, paths: usize): i32 {
  hedgeSetup(params, curve, path);
  const total = <i64>load<f64>(params, P_PATHS << 3);
  const block = <i64>load<f64>(params, P_BLOCK << 3);
  const k0 = <u32>load<f64>(params, P_SEED_LO << 3);
  const k1 = <u32>load<f64>(params, P_SEED_HI << 3);
  const rowBytes = (<usize>(gN + 1)) << 3;
  let unfilled: i32 = 0;
  let slot = out;
  let row = paths;
  for (let b: i64 = <i64>first; b < <i64>end; b++) {
    for (let q: i64 = 0; q < block; q++) {
      const index = b * block + q;
      if (index >= total) {
        for (let k: i32 = 0; k < K_COUNT; k++) store<f64>(slot + ((<usize>k) << 3), NaN);
      } else {
        if (gModel != MODEL_PATH) streamStart(k0, k1, <u64>index, false);
        hedgeOnePath(slot, row);
        if (load<f64>(slot, K_FILLED << 3) == 0.0) unfilled++;
      }
      slot += (<usize>K_COUNT) << 3;
      if (paths != 0) row += rowBytes;
    }
  }
  return unfilled;
}
