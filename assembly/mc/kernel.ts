// Monte Carlo kernel: simulates the paths of whole blocks and writes each block's partial sums
// (DESIGN §6). The facade (src/mc/plan.ts) fills the parameter block (./params.ts), the time grid and
// the fixing weights, and merges the partials in block order.
//
// Processes (exact where possible):
//   GBM       x_{i+1} = x_i + (r − q − σ²/2)Δ_i + σ√Δ_i·z_i                      (exact log-normal step)
//   Merton    the same drift minus λk (k = e^{m+s²/2} − 1), plus N_i·m + √N_i·s·z'_i with N_i ~ Poisson(λΔ_i)
//             by inversion of a uniform: exact for each step (Merton 1976). Draws per step: z, u_N, z'.
//   Heston    Andersen's QE scheme (L. Andersen, "Simple and efficient simulation of the Heston stochastic
//             volatility model", J. Comp. Finance 11(3), 2008), ψ_c = 1.5, γ1 = γ2 = ½, with the martingale
//             correction of his §4.2 (K0* so that E[S_{i+1} | S_i] = S_i·e^{(r−q)Δ}). Each grid step is cut
//             into ⌈Δ/h⌉ internal sub-steps, h = min(1/κ, 1/(2ξ)) (P_HESTON_DT), which keeps the correction's
//             moment generating function in existence in practice; where it still does not exist (A ≥ 1/(2a)
//             or A ≥ β) the sub-step uses the conditionally Gaussian increment (r−q)h − ½V + √V·z with
//             V = ½h(v + v'), exactly a martingale given the variances. ξ = 0: deterministic variance with
//             the exact integral. Draws per sub-step: u_v (variance), z (log-spot).
// Payoffs, all discounted by e^{−rT} and paid at expiry T: European, cash-or-nothing digital, Asian (weights
//   on the grid: arithmetic Σw·S, geometric exp Σw·ln S), barrier (discrete: S ≥ H (up) or S ≤ H (down) at a
//   monitoring time; continuous: the Brownian-bridge probability of no crossing between grid times,
//   1 − exp(−2(h − x_i)(h − x_{i+1})/(σ²Δ_i)) in log space — exact for GBM; for Heston σ² is the variance at
//   the step's start, for Merton the jumps are placed at the step's end — and a spot already at or beyond
//   the barrier counts as a hit; the payoff is weighted by the survival probability q: out → V·q + R·(1 − q),
//   in → V·(1 − q) + R·q, rebate R paid at expiry T and discounted from T — unlike the closed-form
//   barrierOption, which pays a knock-out's rebate at the hit), lookback (extremes over S_0 and the monitoring times).
// Greeks (GBM and Merton):
//   European, Asian, lookback: delta and vega pathwise (Broadie & Glasserman 1996; Glasserman, "Monte Carlo
//     Methods in Financial Engineering", 2004, §7.2): payoffs are homogeneous of degree 1 in S_0, so
//     ∂/∂S_0 = (∂payoff/∂X)·X/S_0, and ∂S_t/∂σ = S_t·(W_t − σt). Gamma by the likelihood-ratio/pathwise mix
//     (Glasserman §7.3): the pathwise delta D times the first step's score, Γ = D·(z_1/(S_0σ√Δ_1) − 1/S_0).
//   Digital: likelihood ratio (Glasserman §7.3): delta P·z_1/(S_0σ√Δ_1), gamma P·((z_1² − 1)/(S_0σ√Δ_1)² −
//     z_1/(S_0²σ√Δ_1)), vega P·Σ((z_i² − 1)/σ − z_i√Δ_i).
//   Barrier: common-random-number bumps (the same draws re-evaluated): spot ×(1 ± h_S) central differences
//     for delta and gamma, vol ± h_σ for vega.
// Antithetics: the pair's second path uses 1 − u for every uniform; a sample is the pair's mean (its
// variance is what the standard error needs, case C08).
// Randomised QMC (P_QMC, GBM only; validated in src/mc/validate.ts): point j of replication r is Sobol' point j
// (../rng/sobol.ts, dimension k = construction step k) XOR-ed with replication r's digital shift (Philox
// counter (⌊k/4⌋, 1, r, 0) under the seed), mapped to (x + ½)·2^-32 and Φ⁻¹, and turned into the path by a
// Brownian bridge (terminal value first, then midpoints breadth-first). Block b holds points of replication
// ⌊b / P_BPR⌋ only; the facade takes the standard error from the R replication means. No antithetics,
// control variates or Greeks with QMC.
// Fast paths: GBM + European + one-step grid + no Greeks runs four samples per iteration in ./fastEuropean.ts
// (f64x2/i32x4 SIMD); GBM + Asian, or European on a multi-step grid, without Greeks runs four samples per
// iteration in ./fastPaths.ts; Heston (ξ > 0) + European or Asian without Greeks in ./fastHeston.ts. All are
// bit-identical to the generic path below (P_NO_FAST forces the generic path in tests).
// Never throws; allocates nothing; reads its columns with load/store.

import { streamStart, nextUniform, nextNormal } from "../rng/stream";
import { mertonJump } from "../rng/poisson";
import { normInv } from "../math/normal";
import { philox4x32, philoxR0, philoxR1, philoxR2, philoxR3 } from "../rng/philox";
import { sobolBits } from "../rng/sobol";
import { fastEuropeanRun, fastReset, fSy, fSyy, fSc, fScc, fSyc } from "./fastEuropean";
import { qeStep, qeVn } from "./hestonQE";
import { fastHestonRun } from "./fastHeston";
import { fastPathsRun, fastPathsReset, pSy, pSyy, pSc, pScc, pSyc } from "./fastPaths";
import {
  P_MODEL, P_PAYOFF, P_CALL, P_SPOT, P_STRIKE, P_EXPIRY, P_RATE, P_DIV, P_VOL, P_CASH, P_GEOMETRIC, P_BARRIER,
  P_UP, P_OUT, P_REBATE, P_CONTINUOUS, P_FLOATING, P_LAMBDA, P_JMEAN, P_JVOL, P_V0, P_KAPPA, P_THETA, P_XI,
  P_RHO, P_PATHS, P_BLOCK, P_ANTI, P_CV_GEOM, P_GREEKS, P_SEED_LO, P_SEED_HI, P_NGRID, P_SPOT_BUMP, P_VOL_BUMP,
  P_NO_FAST, P_HESTON_DT, P_QMC, P_REPS, P_BPR, MODEL_GBM, MODEL_MERTON, MODEL_HESTON, PAY_EUROPEAN, PAY_DIGITAL, PAY_ASIAN, PAY_BARRIER, PAY_LOOKBACK,
  S_N, S_Y, S_YY, S_C, S_CC, S_YC, S_D, WIDTH_BASE, WIDTH_GREEKS,
} from "./params";

/** Scratch columns (each N f64) the facade must provide after the grid: see `mcScratchColumns`. */
const SC_DT: i32 = 0;
const SC_SQ: i32 = 1;
const SC_Z: i32 = 2;
const SC_JMP: i32 = 3;
const SC_INC: i32 = 4;
const SC_VAR: i32 = 5;
const SC_E: i32 = 6;    // Heston e^{−κΔ}
const SC_C1: i32 = 7;   // Heston ξ²e(1−e)/κ
const SC_C2: i32 = 8;   // Heston θξ²(1−e)²/(2κ)
const SC_K0: i32 = 9;
const SC_K1: i32 = 10;
const SC_K2: i32 = 11;
const SC_K3: i32 = 12;  // = K4 (γ1 = γ2)
const SC_A: i32 = 13;
const SC_PE: i32 = 14;  // Merton e^{−λΔ}
const SC_PM: i32 = 15;  // Merton λΔ
const SC_NS: i32 = 16;  // Heston internal QE sub-steps of the grid step
// QMC (Brownian bridge): construction step k sets W at grid index BI from W at BL (−1: t = 0) and BR
const SC_BI: i32 = 17;
const SC_BL: i32 = 18;
const SC_BR: i32 = 19;  // −1: none (the terminal step)
const SC_BWL: i32 = 20;
const SC_BWR: i32 = 21;
const SC_BSD: i32 = 22;
const SC_QL: i32 = 23;  // interval queue of the construction (left, right grid indices)
const SC_QR: i32 = 24;
const SC_SHIFT: i32 = 25; // digital shift (u32 as f64) of each dimension for the current replication
const SC_W: i32 = 26;   // bridged Brownian values W(t_i)
export const SCRATCH_COLUMNS: i32 = 27;

// Configuration of the current call (module globals; the kernel is single-threaded).
let gModel: i32 = 0;
let gPayoff: i32 = 0;
let gOmega: f64 = 1.0;
let gS0: f64 = 0.0;
let gX0: f64 = 0.0;
let gK: f64 = 0.0;
let gT: f64 = 0.0;
let gR: f64 = 0.0;
let gB: f64 = 0.0;     // carry r − q
let gSigma: f64 = 0.0;
let gCash: f64 = 0.0;
let gGeom: bool = false;
let gH: f64 = 0.0;     // ln barrier
let gUp: bool = false;
let gOut: bool = false;
let gRebate: f64 = 0.0;
let gCont: bool = false;
let gFloating: bool = false;
let gLambda: f64 = 0.0;
let gJMean: f64 = 0.0;
let gJVol: f64 = 0.0;
let gJk: f64 = 0.0;
let gV0: f64 = 0.0;
let gCvGeom: bool = false;
let gGreeks: bool = false;
let gN: i32 = 0;
let gDisc: f64 = 1.0;
let gTimes: usize = 0;
let gW: usize = 0;
let gScr: usize = 0;

// Outputs of one path evaluation.
let oC: f64 = 0.0;   // control variate
let oD: f64 = 0.0;   // pathwise delta
let oV: f64 = 0.0;   // pathwise vega
let oX0: f64 = 0.0;  // lookback: ∂payoff/∂S_0 with the path fixed (S_0 is one of the monitored values)

// @ts-ignore: decorator
@inline function col(c: i32, i: i32): usize { return gScr + ((<usize>c * <usize>gN + <usize>i) << 3); }
// @ts-ignore: decorator
@inline function ld(c: i32, i: i32): f64 { return load<f64>(col(c, i)); }
// @ts-ignore: decorator
@inline function st(c: i32, i: i32, v: f64): void { store<f64>(col(c, i), v); }

/** True when log-spot x is at or beyond the barrier (up: S ≥ H, down: S ≤ H). */
// @ts-ignore: decorator
@inline function beyond(x: f64): bool { return gUp ? x >= gH : x <= gH; }

/** Draws the random inputs of one path into the scratch columns (z, jumps; Heston: log increments, variances). */
function generate(): void {
  const n = gN;
  if (gModel == MODEL_HESTON) {
    let v = gV0;
    for (let i = 0; i < n; i++) {
      const ns = <i32>ld(SC_NS, i);
      const h = ld(SC_DT, i) / <f64>ns;
      const e = ld(SC_E, i);
      const vStart = v;
      let inc: f64 = 0.0;
      for (let j = 0; j < ns; j++) {
        const uv = nextUniform();
        const z = nextNormal();
        const dx = qeStep(v, uv, z, h, e, ld(SC_C1, i), ld(SC_C2, i), ld(SC_K1, i), ld(SC_K2, i), ld(SC_K3, i),
          ld(SC_A, i), gThetaH, gKappa, gB, gXiZero);
        const vn = qeVn;
        inc += dx;
        v = vn;
      }
      st(SC_VAR, i, vStart);
      st(SC_INC, i, inc);
    }
  } else if (gModel == MODEL_MERTON) {
    for (let i = 0; i < n; i++) {
      st(SC_Z, i, nextNormal());
      st(SC_JMP, i, mertonJump(ld(SC_PE, i), ld(SC_PM, i), gJMean, gJVol));
    }
  } else {
    for (let i = 0; i < n; i++) st(SC_Z, i, nextNormal());
  }
}

let gThetaH: f64 = 0.0;
let gKappa: f64 = 0.0;
let gXiZero: bool = false;

/**
 * Evaluates the discounted payoff of the drawn path started at log-spot x0 with diffusion vol sigma.
 * Sets oC (control variate) and, when `pw`, oD/oV (pathwise delta and vega).
 */
function evalPath(x0: f64, sigma: f64, pw: bool): f64 {
  const n = gN;
  const heston = gModel == MODEL_HESTON;
  const mu = gB - gLambda * gJk - 0.5 * sigma * sigma;
  const payoff = gPayoff;
  let x = x0;
  let w: f64 = 0.0;
  let arith: f64 = 0.0, darith: f64 = 0.0, geo: f64 = 0.0, dgeo: f64 = 0.0;
  const s0 = Math.exp(x0);
  let mx = s0, mn = s0, dmx: f64 = 0.0, dmn: f64 = 0.0;
  let q: f64 = 1.0;
  oX0 = 0.0;
  if (payoff == PAY_BARRIER && gCont && beyond(x0)) q = 0.0;
  for (let i = 0; i < n; i++) {
    const xPrev = x;
    if (heston) {
      x += ld(SC_INC, i);
    } else {
      const dw = ld(SC_SQ, i) * ld(SC_Z, i);
      x += mu * ld(SC_DT, i) + sigma * dw + ld(SC_JMP, i);
      w += dw;
    }
    if (payoff == PAY_ASIAN) {
      const wt = load<f64>(gW + (<usize>i << 3));
      if (wt != 0.0) {
        const s = Math.exp(x);
        arith += wt * s;
        geo += wt * x;
        if (pw) {
          const g = w - sigma * load<f64>(gTimes + (<usize>i << 3));
          darith += wt * s * g;
          dgeo += wt * g;
        }
      }
    } else if (payoff == PAY_LOOKBACK) {
      if (load<f64>(gW + (<usize>i << 3)) != 0.0) {
        const s = Math.exp(x);
        if (s > mx) { mx = s; if (pw) dmx = s * (w - sigma * load<f64>(gTimes + (<usize>i << 3))); }
        if (s < mn) { mn = s; if (pw) dmn = s * (w - sigma * load<f64>(gTimes + (<usize>i << 3))); }
      }
    } else if (payoff == PAY_BARRIER) {
      if (q != 0.0) {
        if (gCont) {
          if (beyond(x)) {
            q = 0.0;
          } else {
            const v = heston ? ld(SC_VAR, i) : sigma * sigma;
            q *= 1.0 - Math.exp(-2.0 * (gH - xPrev) * (gH - x) / (v * ld(SC_DT, i)));
          }
        } else if (load<f64>(gW + (<usize>i << 3)) != 0.0 && beyond(x)) {
          q = 0.0;
        }
      }
    }
  }
  const sT = Math.exp(x);
  const om = gOmega;
  const disc = gDisc;
  oC = disc * sT;
  let y: f64 = 0.0;
  if (payoff == PAY_EUROPEAN || payoff == PAY_ASIAN) {
    let X = sT;
    let dX = sT * (w - sigma * gT);
    if (payoff == PAY_ASIAN) {
      const g = Math.exp(geo);
      if (gGeom) { X = g; dX = g * dgeo; } else { X = arith; dX = darith; }
      if (gCvGeom) oC = disc * Math.max(om * (g - gK), 0.0);
    }
    const itm = om * (X - gK) > 0.0;
    y = itm ? disc * om * (X - gK) : 0.0;
    if (pw) {
      oD = itm ? disc * om * X / s0 : 0.0;
      oV = itm ? disc * om * dX : 0.0;
    }
  } else if (payoff == PAY_DIGITAL) {
    y = om * (sT - gK) > 0.0 ? disc * gCash : 0.0;
  } else if (payoff == PAY_BARRIER) {
    const vanilla = Math.max(om * (sT - gK), 0.0);
    y = disc * (gOut ? vanilla * q + gRebate * (1.0 - q) : vanilla * (1.0 - q) + gRebate * q);
  } else { // lookback
    const dsT = sT * (w - sigma * gT);
    if (gFloating) {
      y = disc * (om > 0.0 ? sT - mn : mx - sT);
      if (pw) {
        oD = y / s0;
        oV = disc * (om > 0.0 ? dsT - dmn : dmx - dsT);
        oX0 = om > 0.0 ? (mn == s0 ? -1.0 : 0.0) : (mx == s0 ? 1.0 : 0.0);
      }
    } else {
      const X = om > 0.0 ? mx : mn;
      const dX = om > 0.0 ? dmx : dmn;
      const itm = om * (X - gK) > 0.0;
      y = itm ? disc * om * (X - gK) : 0.0;
      if (pw) {
        oD = itm ? disc * om * X / s0 : 0.0;
        oV = itm ? disc * om * dX : 0.0;
        oX0 = itm && X == s0 ? om : 0.0;
      }
    }
  }
  return y;
}

let rY: f64 = 0.0;
let rC: f64 = 0.0;
let rD: f64 = 0.0;
let rG: f64 = 0.0;
let rV: f64 = 0.0;
let gHs: f64 = 0.0;
let gHv: f64 = 0.0;

/** Simulates one path (the stream is positioned) and sets rY, rC and (with Greeks) rD, rG, rV. */
function onePath(): void {
  if (!gQmc) generate();
  const greeks = gGreeks && gModel != MODEL_HESTON;
  const payoff = gPayoff;
  const pw = greeks && (payoff == PAY_EUROPEAN || payoff == PAY_ASIAN || payoff == PAY_LOOKBACK);
  rY = evalPath(gX0, gSigma, pw);
  rC = oC;
  if (!greeks) return;
  const s0 = gS0;
  const sig = gSigma;
  if (pw) {
    const z1 = ld(SC_Z, 0);
    rD = oD;
    rV = oV;
    // Γ = E[D·score] + E[∂D/∂S_0 | path]: −D/S_0, plus, for lookbacks, disc·∂payoff/∂S_0 / S_0 where S_0
    // itself is the extreme (the payoff is piecewise linear, so no second-derivative terms)
    rG = oD * (z1 / (s0 * sig * ld(SC_SQ, 0)) - 1.0 / s0) + gDisc * oX0 / s0;
  } else if (payoff == PAY_DIGITAL) {
    const z1 = ld(SC_Z, 0);
    const a = s0 * sig * ld(SC_SQ, 0);
    rD = rY * z1 / a;
    rG = rY * ((z1 * z1 - 1.0) / (a * a) - z1 / (s0 * a));
    let score: f64 = 0.0;
    for (let i = 0; i < gN; i++) {
      const z = ld(SC_Z, i);
      score += (z * z - 1.0) / sig - z * ld(SC_SQ, i);
    }
    rV = rY * score;
  } else { // barrier: CRN bumps
    const h = gHs;
    const up = evalPath(gX0 + Math.log1p(h), sig, false);
    const dn = evalPath(gX0 + Math.log1p(-h), sig, false);
    rD = (up - dn) / (2.0 * h * s0);
    rG = (up - 2.0 * rY + dn) / (h * s0 * h * s0);
    const hv = gHv;
    const vu = evalPath(gX0, sig + hv, false);
    const vd = evalPath(gX0, sig - hv, false);
    rV = (vu - vd) / (2.0 * hv);
  }
}

let gQmc: bool = false;

/**
 * Brownian-bridge construction order (QMC): the terminal W(t_N) first, then breadth-first the midpoint (by
 * grid index) of each interval, so dimension k of the Sobol' point drives construction step k (the first
 * dimensions carry the large-scale shape of the path). Works on any grid (times need not be equally spaced).
 */
function setupBridge(): void {
  const n = gN;
  let t0: f64 = 0.0;
  st(SC_BI, 0, <f64>(n - 1)); st(SC_BL, 0, -1.0); st(SC_BR, 0, -1.0);
  st(SC_BWL, 0, 0.0); st(SC_BWR, 0, 0.0); st(SC_BSD, 0, Math.sqrt(load<f64>(gTimes + (<usize>(n - 1) << 3)) - t0));
  let k = 1;
  let qh = 0, qt = 0;
  st(SC_QL, qt, -1.0); st(SC_QR, qt, <f64>(n - 1)); qt++;
  while (qh < qt) {
    const l = <i32>ld(SC_QL, qh), r = <i32>ld(SC_QR, qh); qh++;
    if (r - l < 2) continue;
    const m = (l + r) >> 1;
    const tl = l < 0 ? 0.0 : load<f64>(gTimes + (<usize>l << 3));
    const tr = load<f64>(gTimes + (<usize>r << 3));
    const tm = load<f64>(gTimes + (<usize>m << 3));
    st(SC_BI, k, <f64>m); st(SC_BL, k, <f64>l); st(SC_BR, k, <f64>r);
    st(SC_BWL, k, (tr - tm) / (tr - tl)); st(SC_BWR, k, (tm - tl) / (tr - tl));
    st(SC_BSD, k, Math.sqrt((tm - tl) * (tr - tm) / (tr - tl)));
    k++;
    st(SC_QL, qt, <f64>l); st(SC_QR, qt, <f64>m); qt++;
    st(SC_QL, qt, <f64>m); st(SC_QR, qt, <f64>r); qt++;
  }
}

/** Digital shifts of replication `rep`: dimension d's u32 from Philox counter (⌊d/4⌋, 1, rep, 0), word d mod 4. */
function setShifts(rep: u32, k0: u32, k1: u32): void {
  for (let d = 0; d < gN; d++) {
    if ((d & 3) == 0) philox4x32(<u32>(d >> 2), 1, rep, 0, k0, k1);
    const q = d & 3;
    const w = q == 0 ? philoxR0 : q == 1 ? philoxR1 : q == 2 ? philoxR2 : philoxR3;
    st(SC_SHIFT, d, <f64>w);
  }
}

/** 2^-32. */
const TWO_M32: f64 = 2.3283064365386963e-10;

/** The normals SC_Z of QMC point `index` (shifted Sobol' point → Φ⁻¹ → Brownian bridge → increments). */
function generateQmc(index: u32): void {
  const n = gN;
  for (let k = 0; k < n; k++) {
    const bits = sobolBits(index, k) ^ <u32>ld(SC_SHIFT, k);
    const z = normInv((<f64>bits + 0.5) * TWO_M32);
    const m = <i32>ld(SC_BI, k), l = <i32>ld(SC_BL, k), r = <i32>ld(SC_BR, k);
    const wl = l < 0 ? 0.0 : ld(SC_W, l);
    const wr = r < 0 ? 0.0 : ld(SC_W, r);
    st(SC_W, m, ld(SC_BWL, k) * wl + ld(SC_BWR, k) * wr + ld(SC_BSD, k) * z);
  }
  let prev: f64 = 0.0;
  for (let i = 0; i < n; i++) {
    const w = ld(SC_W, i);
    st(SC_Z, i, (w - prev) / ld(SC_SQ, i));
    prev = w;
  }
}

/** Reads the parameter block and prepares the per-step constants. */
function setup(params: usize, times: usize, weights: usize, scratch: usize): void {
  gModel = <i32>load<f64>(params + (<usize>P_MODEL << 3));
  gPayoff = <i32>load<f64>(params + (<usize>P_PAYOFF << 3));
  gOmega = load<f64>(params + (<usize>P_CALL << 3)) != 0.0 ? 1.0 : -1.0;
  gS0 = load<f64>(params + (<usize>P_SPOT << 3));
  gX0 = Math.log(gS0);
  gK = load<f64>(params + (<usize>P_STRIKE << 3));
  gT = load<f64>(params + (<usize>P_EXPIRY << 3));
  gR = load<f64>(params + (<usize>P_RATE << 3));
  gB = gR - load<f64>(params + (<usize>P_DIV << 3));
  gSigma = load<f64>(params + (<usize>P_VOL << 3));
  gCash = load<f64>(params + (<usize>P_CASH << 3));
  gGeom = load<f64>(params + (<usize>P_GEOMETRIC << 3)) != 0.0;
  gH = Math.log(load<f64>(params + (<usize>P_BARRIER << 3)));
  gUp = load<f64>(params + (<usize>P_UP << 3)) != 0.0;
  gOut = load<f64>(params + (<usize>P_OUT << 3)) != 0.0;
  gRebate = load<f64>(params + (<usize>P_REBATE << 3));
  gCont = load<f64>(params + (<usize>P_CONTINUOUS << 3)) != 0.0;
  gFloating = load<f64>(params + (<usize>P_FLOATING << 3)) != 0.0;
  gLambda = gModel == MODEL_MERTON ? load<f64>(params + (<usize>P_LAMBDA << 3)) : 0.0;
  gJMean = load<f64>(params + (<usize>P_JMEAN << 3));
  gJVol = load<f64>(params + (<usize>P_JVOL << 3));
  gJk = Math.expm1(gJMean + 0.5 * gJVol * gJVol);
  gV0 = load<f64>(params + (<usize>P_V0 << 3));
  gCvGeom = load<f64>(params + (<usize>P_CV_GEOM << 3)) != 0.0;
  gGreeks = load<f64>(params + (<usize>P_GREEKS << 3)) != 0.0;
  gN = <i32>load<f64>(params + (<usize>P_NGRID << 3));
  gHs = load<f64>(params + (<usize>P_SPOT_BUMP << 3));
  gHv = load<f64>(params + (<usize>P_VOL_BUMP << 3));
  gDisc = Math.exp(-gR * gT);
  gTimes = times;
  gW = weights;
  gScr = scratch;
  const kappa = load<f64>(params + (<usize>P_KAPPA << 3));
  const theta = load<f64>(params + (<usize>P_THETA << 3));
  const xi = load<f64>(params + (<usize>P_XI << 3));
  const rho = load<f64>(params + (<usize>P_RHO << 3));
  gThetaH = theta;
  gKappa = kappa;
  gXiZero = xi == 0.0;
  gQmc = load<f64>(params + (<usize>P_QMC << 3)) != 0.0;
  const subDt = load<f64>(params + (<usize>P_HESTON_DT << 3));
  let prev: f64 = 0.0;
  for (let i = 0; i < gN; i++) {
    const t = load<f64>(times + (<usize>i << 3));
    const dt = t - prev;
    prev = t;
    st(SC_DT, i, dt);
    st(SC_SQ, i, Math.sqrt(dt));
    st(SC_JMP, i, 0.0);
    if (gModel == MODEL_HESTON) {
      // sub-steps of at most subDt years (src/mc/plan.ts hestonSubStep, the same arithmetic)
      let ns: f64 = subDt > 0.0 ? Math.ceil(dt / subDt) : 1.0;
      if (ns < 1.0) ns = 1.0;
      st(SC_NS, i, ns);
      const h = dt / ns;
      const e = Math.exp(-kappa * h);
      st(SC_E, i, e);
      st(SC_C1, i, xi * xi * e * (1.0 - e) / kappa);
      st(SC_C2, i, theta * xi * xi * (1.0 - e) * (1.0 - e) / (2.0 * kappa));
      const k0 = -rho * kappa * theta * h / xi;
      const g = 0.5 * h * (kappa * rho / xi - 0.5);
      const k1 = g - rho / xi;
      const k2 = g + rho / xi;
      const k3 = 0.5 * h * (1.0 - rho * rho);
      st(SC_K0, i, k0);
      st(SC_K1, i, k1);
      st(SC_K2, i, k2);
      st(SC_K3, i, k3);
      st(SC_A, i, k2 + 0.5 * k3);
    } else if (gModel == MODEL_MERTON) {
      const m = gLambda * dt;
      st(SC_PE, i, Math.exp(-m));
      st(SC_PM, i, m);
    }
  }
  if (gQmc) setupBridge();
}

/**
 * Runs blocks [firstBlock, endBlock) and writes their partial sums (WIDTH_BASE or WIDTH_GREEKS f64 per block,
 * layout in ./params.ts) to `out`. `params`: P_COUNT f64; `times`, `weights`: N f64 each (grid t_1…t_N in
 * years, t_N = T; fixing weights, nonzero at averaging/monitoring times); `scratch`: SCRATCH_COLUMNS·N f64.
 * Returns the number of blocks written.
 */
export function mcRunBlocksImpl(params: usize, times: usize, weights: usize, scratch: usize,
  firstBlock: i32, endBlock: i32, out: usize): i32 {
  setup(params, times, weights, scratch);
  const paths = <i64>load<f64>(params + (<usize>P_PATHS << 3));
  const block = <i64>load<f64>(params + (<usize>P_BLOCK << 3));
  const anti = load<f64>(params + (<usize>P_ANTI << 3)) != 0.0;
  const k0 = <u32><u64>load<f64>(params + (<usize>P_SEED_LO << 3));
  const k1 = <u32><u64>load<f64>(params + (<usize>P_SEED_HI << 3));
  const width = gGreeks ? WIDTH_GREEKS : WIDTH_BASE;
  const reps = <i64>load<f64>(params + (<usize>P_REPS << 3));
  const bpr = <i64>load<f64>(params + (<usize>P_BPR << 3));
  const perRep = gQmc ? paths / reps : 0;
  const useFast = !gQmc && gModel == MODEL_GBM && gPayoff == PAY_EUROPEAN && gN == 1 && !gGreeks
    && load<f64>(params + (<usize>P_NO_FAST << 3)) == 0.0;
  const fastMu = gB - gLambda * gJk - 0.5 * gSigma * gSigma;
  const usePaths = !gQmc && gModel == MODEL_GBM && !gGreeks && load<f64>(params + (<usize>P_NO_FAST << 3)) == 0.0
    && (gPayoff == PAY_ASIAN || (gPayoff == PAY_EUROPEAN && gN > 1));
  const useHeston = !gQmc && gModel == MODEL_HESTON && !gXiZero && !gGreeks
    && load<f64>(params + (<usize>P_NO_FAST << 3)) == 0.0 && (gPayoff == PAY_ASIAN || gPayoff == PAY_EUROPEAN);
  let o = out;
  for (let b = firstBlock; b < endBlock; b++) {
    const first = <i64>b * block;
    let last = first + block;
    if (last > paths) last = paths;
    let s0: i64 = first, s1: i64 = last;
    if (anti) { s0 = first >> 1; s1 = last >> 1; }
    if (gQmc) {
      // block b: points [(b mod bpr)·block, …) of replication ⌊b / bpr⌋ (each replication perRep points)
      const rep = <i64>b / bpr;
      s0 = (<i64>b - rep * bpr) * block;
      s1 = s0 + block;
      if (s1 > perRep) s1 = perRep;
      setShifts(<u32>rep, k0, k1);
    }
    let sy: f64 = 0.0, syy: f64 = 0.0, sc: f64 = 0.0, scc: f64 = 0.0, syc: f64 = 0.0;
    let sd: f64 = 0.0, sdd: f64 = 0.0, sg: f64 = 0.0, sgg: f64 = 0.0, sv: f64 = 0.0, svv: f64 = 0.0;
    let jFirst = s0;
    if (useFast) {
      const groups = (s1 - s0) >> 2;
      fastReset();
      fastEuropeanRun(s0, groups, k0, k1, anti, gX0, fastMu, ld(SC_DT, 0), gSigma, ld(SC_SQ, 0), gK, gDisc, gOmega);
      sy = fSy; syy = fSyy; sc = fSc; scc = fScc; syc = fSyc;
      jFirst = s0 + (groups << 2);
    } else if (usePaths) {
      const groups = (s1 - s0) >> 2;
      fastPathsReset();
      fastPathsRun(s0, groups, k0, k1, anti, gN, col(SC_DT, 0), col(SC_SQ, 0), gW, gX0, fastMu, gSigma, gK, gDisc,
        gOmega, gPayoff == PAY_ASIAN, gGeom, gCvGeom);
      sy = pSy; syy = pSyy; sc = pSc; scc = pScc; syc = pSyc;
      jFirst = s0 + (groups << 2);
    } else if (useHeston) {
      const groups = (s1 - s0) >> 2;
      fastPathsReset();
      fastHestonRun(s0, groups, k0, k1, anti, gN, col(SC_DT, 0), col(SC_NS, 0), col(SC_E, 0), col(SC_C1, 0),
        col(SC_C2, 0), col(SC_K1, 0), col(SC_K2, 0), col(SC_K3, 0), col(SC_A, 0), gW, gX0, gV0, gThetaH, gKappa, gB,
        gK, gDisc, gOmega, gPayoff == PAY_ASIAN, gGeom);
      sy = pSy; syy = pSyy; sc = pSc; scc = pScc; syc = pSyc;
      jFirst = s0 + (groups << 2);
    }
    for (let j = jFirst; j < s1; j++) {
      if (gQmc) generateQmc(<u32>j);
      else streamStart(k0, k1, <u64>j, false);
      onePath();
      let y = rY, c = rC, d = rD, g = rG, v = rV;
      if (anti) {
        streamStart(k0, k1, <u64>j, true);
        onePath();
        y = 0.5 * (y + rY); c = 0.5 * (c + rC);
        d = 0.5 * (d + rD); g = 0.5 * (g + rG); v = 0.5 * (v + rV);
      }
      sy += y; syy += y * y; sc += c; scc += c * c; syc += y * c;
      sd += d; sdd += d * d; sg += g; sgg += g * g; sv += v; svv += v * v;
    }
    store<f64>(o + (<usize>S_N << 3), <f64>(s1 - s0));
    store<f64>(o + (<usize>S_Y << 3), sy);
    store<f64>(o + (<usize>S_YY << 3), syy);
    store<f64>(o + (<usize>S_C << 3), sc);
    store<f64>(o + (<usize>S_CC << 3), scc);
    store<f64>(o + (<usize>S_YC << 3), syc);
    if (gGreeks) {
      store<f64>(o + (<usize>(S_D) << 3), sd);
      store<f64>(o + (<usize>(S_D + 1) << 3), sdd);
      store<f64>(o + (<usize>(S_D + 2) << 3), sg);
      store<f64>(o + (<usize>(S_D + 3) << 3), sgg);
      store<f64>(o + (<usize>(S_D + 4) << 3), sv);
      store<f64>(o + (<usize>(S_D + 5) << 3), svv);
    }
    o += <usize>width << 3;
  }
  return endBlock - firstBlock;
}
