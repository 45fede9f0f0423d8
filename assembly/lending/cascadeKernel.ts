// Liquidation cascade over a prepared single-collateral book (./cascadeSort.ts) and one venue
// (./cascadeVenue.ts). Liquidators sell seized collateral at once into the venue; the sale moves the
// price; the oracle (lagging the venue by `lag` rounds) makes more positions liquidatable; repeat to a
// fixed point. Mechanics are Aave v3's (PROTOCOLS §1, aave-v3-core LiquidationLogic):
//
//   liquidatable      HF = c·p_o·LT / d < 1, i.e. p_o < liquidation price d/(c·LT)   (p_o the oracle price)
//   close factor      repay f·d with f = closeFactor, or f = 1 when HF ≤ fullLiquidationHf (v3.0: 0.5 / 0.95)
//   seized collateral repay·(1 + bonus)/p_o; treasury keeps protocolFee × the bonus part, the liquidator sells
//                     the rest at once into the venue
//   C16 (cases README) when c·p_o < (1 + bonus)·d, i.e. HF < (1 + bonus)·LT, any partial liquidation lowers
//                     HF, and the collateral cannot cover debt plus bonus: the position is taken whole (all
//                     collateral seized, repay = c·p_o/(1 + bonus)) and the rest of its debt is booked as
//                     bad debt (Aave v3.3 "deficit"); the position is closed, so it cannot loop.
//   liquidator        skips a liquidation whose proceeds − repay − gasUsd < 0 (proceeds quoted on the venue's
//                     current state, i.e. after the slippage of this sale and of all earlier ones)
//
// Rounds. In round r every position liquidatable at that round's oracle price is liquidated once, in
// descending order of its liquidation price (ties: original index), each sale hitting the venue at once.
// A position partially liquidated (or skipped) in round r is looked at again from round r + 1. The
// oracle in round r is the venue price at the start of round r − lag (before round 0: `oracle0`).
// Price path: `steps` exogenous moves (factors); before step s's cascade the outside market moves the
// venue by moves[s]; each step's cascade runs until a round with no liquidation in which the oracle has
// caught up with the venue (that last, quiet round is not counted). `maxRounds` bounds all rounds.
//
// Complexity. Positions are sorted once by liquidation price (descending); under a falling oracle a
// pointer walks down the sorted columns and each position is reached once. Positions partially
// liquidated get a new, lower liquidation price and go to a binary max-heap keyed by it. Positions
// skipped as unprofitable keep theirs and go to a skip list that stays sorted for free: a round
// processes candidates in descending order, so the ones it skips come out sorted, and they all rank
// above the list's unreached tail (liquidation price ≤ the oracle). A round merges the three sorted
// sources (pointer, heap, skip list). Work per run: O(liquidations·log(heap) + skips + rounds), not
// O(n) per round; a position skipped in many rounds is looked at in each (O(1) each). The book columns
// are only read: a position's current state lives in the heap or the skip list, so a prepared book
// serves any number of runs.

import { venueMove, venueQuote, venueSell, venueSpot } from "./cascadeVenue";

// Parameter block (f64 slots); mirrored in src/lending/cascadeLayout.ts.
export const P_VENUE: i32 = 0;
export const P_RESERVE_RISKY: i32 = 1;
export const P_RESERVE_STABLE: i32 = 2;
export const P_FEE: i32 = 3;
export const P_SPOT: i32 = 4;
export const P_KNOTS: i32 = 5;
export const P_LAG: i32 = 6;
export const P_GAS: i32 = 7;
export const P_CLOSE_FACTOR: i32 = 8;
export const P_FULL_HF: i32 = 9;
export const P_PROTOCOL_FEE: i32 = 10;
export const P_MAX_ROUNDS: i32 = 11;
export const P_ORACLE0: i32 = 12;
export const P_STEPS: i32 = 13;
export const P_PATHS: i32 = 14;
export const P_BLOCK: i32 = 15;
export const P_SEED_LO: i32 = 16;
export const P_SEED_HI: i32 = 17;
export const P_MODEL: i32 = 18;
export const P_VOL: i32 = 19;
export const P_DRIFT: i32 = 20;
export const P_DT: i32 = 21;
export const P_JUMP_INTENSITY: i32 = 22;
export const P_JUMP_MEAN: i32 = 23;
export const P_JUMP_VOL: i32 = 24;
export const P_COUNT: i32 = 25;

// Summary slots (f64).
export const S_ROUNDS: i32 = 0;
export const S_FINAL_PRICE: i32 = 1;
export const S_FINAL_ORACLE: i32 = 2;
export const S_POSITIONS: i32 = 3;
export const S_LIQUIDATIONS: i32 = 4;
export const S_DEBT_REPAID: i32 = 5;
export const S_COLLATERAL_SOLD: i32 = 6;
export const S_COLLATERAL_TREASURY: i32 = 7;
export const S_PROCEEDS: i32 = 8;
export const S_BAD_DEBT: i32 = 9;
export const S_INSOLVENT_DEBT: i32 = 10;
export const S_LIQUIDATED_VALUE: i32 = 11;
export const S_SKIPPED: i32 = 12;
export const S_CONVERGED: i32 = 13;
export const S_MIN_PRICE: i32 = 14;
export const S_INSOLVENT_POSITIONS: i32 = 15;
export const S_COLLATERAL_SEIZED: i32 = 16;
export const S_COUNT: i32 = 17;

// Per-round columns (f64, row-major: round r at roundsOut + 8·R_COUNT·r).
export const R_ORACLE: i32 = 0;
export const R_PRICE_START: i32 = 1;
export const R_PRICE_END: i32 = 2;
export const R_LIQUIDATIONS: i32 = 3;
export const R_COLLATERAL_SOLD: i32 = 4;
export const R_PROCEEDS: i32 = 5;
export const R_DEBT_REPAID: i32 = 6;
export const R_BAD_DEBT: i32 = 7;
export const R_STEP: i32 = 8;
export const R_SKIPPED: i32 = 9;
export const R_COUNT: i32 = 10;

// Per-position output columns (f64, n each, original order): set by the caller to the initial state
// (collateral, debt, 0, 0, −1), updated here for every position liquidated.
export const O_COLLATERAL: i32 = 0;
export const O_DEBT: i32 = 1;
export const O_BAD_DEBT: i32 = 2;
export const O_SEIZED: i32 = 3;
export const O_FIRST_ROUND: i32 = 4;
export const O_COUNT: i32 = 5;

/** Scratch bytes a run over a book of m positions with at most maxRounds rounds and `steps` moves needs. */
export function cascadeScratchBytesImpl(m: i32, maxRounds: i32, steps: i32): f64 {
  return <f64>m * 104.0 + 8.0 * (<f64>maxRounds + 2.0) + 8.0 * (<f64>steps + 2.0) + 64.0;
}

// ---- book columns (read only) ----
let kC: usize = 0;
let kD: usize = 0;
let kLt: usize = 0;
let kB: usize = 0;
let kLp: usize = 0;
let kOrd: usize = 0;
let kM: i32 = 0;

// ---- heap (revisits) and the round's pending entries ----
let hLp: usize = 0;
let hC: usize = 0;
let hD: usize = 0;
let hJ: usize = 0;
let hN: i32 = 0;
let qC: usize = 0;
let qD: usize = 0;
let qJ: usize = 0;
let qN: i32 = 0;
let gHist: usize = 0;
export let gMoves: usize = 0;
// skip list: two buffers (current, next) of lp, c, d (f64) and jf (i32)
let sLp: usize = 0;
let sC: usize = 0;
let sD: usize = 0;
let sJ: usize = 0;
let sN: i32 = 0;
let sPos: i32 = 0;
let nLp: usize = 0;
let nC: usize = 0;
let nD: usize = 0;
let nJ: usize = 0;
let nN: i32 = 0;

// ---- run parameters ----
let gLag: i32 = 0;
let gGas: f64 = 0.0;
let gCf: f64 = 0.5;
let gFullHf: f64 = 0.95;
let gPFee: f64 = 0.0;
let gMaxRounds: i32 = 0;
let gOracle0: f64 = 0.0;

// ---- results of the last run ----
let tRounds: i32 = 0;
let tPositions: f64 = 0.0;
let tLiquidations: f64 = 0.0;
let tRepaid: f64 = 0.0;
let tSold: f64 = 0.0;
let tTreasury: f64 = 0.0;
let tProceeds: f64 = 0.0;
let tBad: f64 = 0.0;
let tInsolvent: f64 = 0.0;
let tInsolventPositions: f64 = 0.0;
let tLiqValue: f64 = 0.0;
let tSkipped: f64 = 0.0;
let tConverged: bool = true;
let tMinPrice: f64 = 0.0;
let tOracle: f64 = 0.0;
let tSeized: f64 = 0.0;

// ---- the current round's sums ----
let rLiq: f64 = 0.0;
let rSold: f64 = 0.0;
let rProceeds: f64 = 0.0;
let rRepaid: f64 = 0.0;
let rBad: f64 = 0.0;
let rSkipped: f64 = 0.0;

// @ts-ignore: decorator
@inline function f64At(base: usize, i: i32): f64 { return load<f64>(base + ((<usize>i) << 3)); }
// @ts-ignore: decorator
@inline function setF64(base: usize, i: i32, v: f64): void { store<f64>(base + ((<usize>i) << 3), v); }
// @ts-ignore: decorator
@inline function i32At(base: usize, i: i32): i32 { return load<i32>(base + ((<usize>i) << 2)); }
// @ts-ignore: decorator
@inline function setI32(base: usize, i: i32, v: i32): void { store<i32>(base + ((<usize>i) << 2), v); }

/** Points the kernel at a prepared book (columns of stride n, m rows used) and carves the scratch. */
export function setupBook(book: usize, stride: i32, m: i32, scratch: usize, maxRounds: i32): void {
  const nb = (<usize>stride) << 3;
  kC = book; kD = book + nb; kLt = book + 2 * nb; kB = book + 3 * nb; kLp = book + 4 * nb; kOrd = book + 5 * nb;
  kM = m;
  const mb = (<usize>m) << 3;
  hLp = scratch; hC = hLp + mb; hD = hC + mb; qC = hD + mb; qD = qC + mb;
  sLp = qD + mb; sC = sLp + mb; sD = sC + mb; nLp = sD + mb; nC = nLp + mb; nD = nC + mb;
  hJ = nD + mb; qJ = hJ + ((<usize>m) << 2); sJ = qJ + ((<usize>m) << 2); nJ = sJ + ((<usize>m) << 2);
  gHist = (nJ + ((<usize>m) << 2) + 15) & ~(<usize>15);
  gMoves = gHist + ((<usize>maxRounds + 2) << 3);
}

/** Reads the run parameters (liquidation rules, oracle, bounds) from the parameter block. */
export function setupRules(params: usize): void {
  gLag = <i32>f64At(params, P_LAG);
  gGas = f64At(params, P_GAS);
  gCf = f64At(params, P_CLOSE_FACTOR);
  gFullHf = f64At(params, P_FULL_HF);
  gPFee = f64At(params, P_PROTOCOL_FEE);
  gMaxRounds = <i32>f64At(params, P_MAX_ROUNDS);
  gOracle0 = f64At(params, P_ORACLE0);
}

/** Original index of sorted row j. */
// @ts-ignore: decorator
@inline function orig(j: i32): i32 { return i32At(kOrd, j); }

/** True if (lpA, row a) is liquidated before (lpB, row b): higher liquidation price, then lower index. */
// @ts-ignore: decorator
@inline function before(lpA: f64, a: i32, lpB: f64, b: i32): bool {
  return lpA > lpB || (lpA == lpB && orig(a) < orig(b));
}

function heapPush(lp: f64, jf: i32, c: f64, d: f64): void {
  let i = hN++;
  const j = jf >> 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    const plp = f64At(hLp, parent);
    const pjf = i32At(hJ, parent);
    if (!before(lp, j, plp, pjf >> 1)) break;
    setF64(hLp, i, plp); setI32(hJ, i, pjf); setF64(hC, i, f64At(hC, parent)); setF64(hD, i, f64At(hD, parent));
    i = parent;
  }
  setF64(hLp, i, lp); setI32(hJ, i, jf); setF64(hC, i, c); setF64(hD, i, d);
}

function heapPop(): void {
  const last = --hN;
  if (last == 0) return;
  const lp = f64At(hLp, last);
  const jf = i32At(hJ, last);
  const j = jf >> 1;
  const c = f64At(hC, last);
  const d = f64At(hD, last);
  let i: i32 = 0;
  while (true) {
    let child = 2 * i + 1;
    if (child >= last) break;
    let clp = f64At(hLp, child);
    let cjf = i32At(hJ, child);
    if (child + 1 < last) {
      const rlp = f64At(hLp, child + 1);
      const rjf = i32At(hJ, child + 1);
      if (before(rlp, rjf >> 1, clp, cjf >> 1)) { child++; clp = rlp; cjf = rjf; }
    }
    if (!before(clp, cjf >> 1, lp, j)) break;
    setF64(hLp, i, clp); setI32(hJ, i, cjf); setF64(hC, i, f64At(hC, child)); setF64(hD, i, f64At(hD, child));
    i = child;
  }
  setF64(hLp, i, lp); setI32(hJ, i, jf); setF64(hC, i, c); setF64(hD, i, d);
}

// @ts-ignore: decorator
@inline function pend(jf: i32, c: f64, d: f64): void {
  setI32(qJ, qN, jf); setF64(qC, qN, c); setF64(qD, qN, d); qN++;
}

// @ts-ignore: decorator
@inline function skipNext(lp: f64, jf: i32, c: f64, d: f64): void {
  setF64(nLp, nN, lp); setI32(nJ, nN, jf); setF64(nC, nN, c); setF64(nD, nN, d); nN++;
}

/** One liquidation call on sorted row j (liquidation price lp) with current collateral c and debt d at oracle price po. */
function liquidate(j: i32, jf: i32, lp: f64, c: f64, d: f64, po: f64, round: i32, posOut: usize, nOrig: i32): void {
  const lt = f64At(kLt, j);
  const onePlus = 1.0 + f64At(kB, j);
  let seize: f64, repay: f64;
  let whole = false;
  let bad = 0.0;
  if (c * po < onePlus * d) { // C16: take it whole, book the shortfall
    seize = c;
    repay = c * po / onePlus;
    whole = true;
    bad = d - repay;
  } else {
    const hf = c * po * lt / d;
    const f = hf <= gFullHf ? 1.0 : gCf;
    repay = f * d;
    seize = repay * onePlus / po;
    whole = f == 1.0;
  }
  const fee = (seize - seize / onePlus) * gPFee;
  const sell = seize - fee;
  const proceeds = venueQuote(sell);
  if (proceeds - repay - gGas < 0.0) { // unprofitable after slippage and gas: skipped, looked at again next round
    skipNext(lp, jf, c, d);
    rSkipped += 1.0;
    return;
  }
  venueSell(sell, proceeds);
  const newC = whole && bad > 0.0 ? 0.0 : c - seize;
  const newD = whole ? 0.0 : d - repay;
  rLiq += 1.0; rSold += sell; rProceeds += proceeds; rRepaid += repay; rBad += bad;
  tTreasury += fee; tSeized += seize; tLiqValue += seize * po;
  if ((jf & 1) == 0) tPositions += 1.0;
  if (newD > 0.0) pend(j << 1 | 1, newC, newD);
  if (posOut != 0) {
    const nb = (<usize>nOrig) << 3;
    const o = (<usize>orig(j)) << 3;
    store<f64>(posOut + o, newC);
    store<f64>(posOut + nb + o, newD);
    store<f64>(posOut + 2 * nb + o, load<f64>(posOut + 2 * nb + o) + bad);
    store<f64>(posOut + 3 * nb + o, load<f64>(posOut + 3 * nb + o) + seize);
    if ((jf & 1) == 0) store<f64>(posOut + 4 * nb + o, <f64>round);
  }
}

/**
 * Runs the cascade over `steps` exogenous moves (factors at `moves`) from the venue's current state (set
 * by the caller). Rounds are recorded at `roundsOut` (R_COUNT f64 each, up to maxRounds) unless 0;
 * per-position results at `posOut` unless 0. Totals in the module state (`writeSummary`).
 */
export function runCascade(moves: usize, steps: i32, roundsOut: usize, posOut: usize, nOrig: i32): void {
  hN = 0; qN = 0; sN = 0; sPos = 0;
  let ptr: i32 = 0;
  tRounds = 0; tPositions = 0.0; tLiquidations = 0.0; tRepaid = 0.0; tSold = 0.0; tTreasury = 0.0;
  tProceeds = 0.0; tBad = 0.0; tInsolvent = 0.0; tInsolventPositions = 0.0; tLiqValue = 0.0; tSkipped = 0.0;
  tConverged = true; tSeized = 0.0;
  tMinPrice = venueSpot();
  let r: i32 = 0;
  // first round from which the venue price is what it is now (the oracle has caught up when r − lag ≥ it)
  let lastChange: i32 = gOracle0 == venueSpot() ? -gLag - 1 : 0;
  let oracle = gOracle0;
  for (let s: i32 = 0; s < steps && tConverged; s++) {
    const move = f64At(moves, s);
    if (move != 1.0) { venueMove(move); lastChange = r; }
    while (true) {
      if (r >= gMaxRounds) { tConverged = false; break; }
      const pStart = venueSpot();
      setF64(gHist, r, pStart);
      if (pStart < tMinPrice) tMinPrice = pStart;
      const po = r - gLag >= 0 ? f64At(gHist, r - gLag) : gOracle0;
      oracle = po;
      rLiq = 0.0; rSold = 0.0; rProceeds = 0.0; rRepaid = 0.0; rBad = 0.0; rSkipped = 0.0;
      qN = 0; nN = 0;
      while (true) {
        // the best of three sorted sources: 0 stream, 1 heap, 2 skip list
        let src: i32 = -1;
        let bestLp: f64 = 0.0;
        let bestJ: i32 = 0;
        if (ptr < kM) {
          const lp = f64At(kLp, ptr);
          if (lp > po) { src = 0; bestLp = lp; bestJ = ptr; }
        }
        if (hN > 0) {
          const lp = f64At(hLp, 0);
          const j = i32At(hJ, 0) >> 1;
          if (lp > po && (src < 0 || before(lp, j, bestLp, bestJ))) { src = 1; bestLp = lp; bestJ = j; }
        }
        if (sPos < sN) {
          const lp = f64At(sLp, sPos);
          const j = i32At(sJ, sPos) >> 1;
          if (lp > po && (src < 0 || before(lp, j, bestLp, bestJ))) { src = 2; bestLp = lp; bestJ = j; }
        }
        if (src < 0) break;
        if (src == 0) {
          ptr++;
          liquidate(bestJ, bestJ << 1, bestLp, f64At(kC, bestJ), f64At(kD, bestJ), po, r, posOut, nOrig);
        } else if (src == 1) {
          const jf = i32At(hJ, 0);
          const c = f64At(hC, 0);
          const d = f64At(hD, 0);
          heapPop();
          liquidate(bestJ, jf, bestLp, c, d, po, r, posOut, nOrig);
        } else {
          const jf = i32At(sJ, sPos);
          const c = f64At(sC, sPos);
          const d = f64At(sD, sPos);
          sPos++;
          liquidate(bestJ, jf, bestLp, c, d, po, r, posOut, nOrig);
        }
      }
      // next skip list: this round's skips (sorted, all above po) then the unreached tail (all ≤ po)
      for (let e = sPos; e < sN; e++) skipNext(f64At(sLp, e), i32At(sJ, e), f64At(sC, e), f64At(sD, e));
      let t: usize = sLp; sLp = nLp; nLp = t;
      t = sC; sC = nC; nC = t;
      t = sD; sD = nD; nD = t;
      t = sJ; sJ = nJ; nJ = t;
      sN = nN; sPos = 0; nN = 0;
      for (let e: i32 = 0; e < qN; e++) {
        const jf = i32At(qJ, e);
        const c = f64At(qC, e);
        const d = f64At(qD, e);
        heapPush(d / (c * f64At(kLt, jf >> 1)), jf, c, d);
      }
      tSkipped += rSkipped;
      if (rLiq == 0.0 && r - gLag >= lastChange) break; // fixed point: the quiet round is not counted
      const pEnd = venueSpot();
      tLiquidations += rLiq; tSold += rSold; tProceeds += rProceeds; tRepaid += rRepaid; tBad += rBad;
      if (roundsOut != 0) {
        const row = roundsOut + (<usize>r) * (<usize>R_COUNT << 3);
        store<f64>(row, po, R_ORACLE << 3);
        store<f64>(row, pStart, R_PRICE_START << 3);
        store<f64>(row, pEnd, R_PRICE_END << 3);
        store<f64>(row, rLiq, R_LIQUIDATIONS << 3);
        store<f64>(row, rSold, R_COLLATERAL_SOLD << 3);
        store<f64>(row, rProceeds, R_PROCEEDS << 3);
        store<f64>(row, rRepaid, R_DEBT_REPAID << 3);
        store<f64>(row, rBad, R_BAD_DEBT << 3);
        store<f64>(row, <f64>s, R_STEP << 3);
        store<f64>(row, rSkipped, R_SKIPPED << 3);
      }
      r++;
      if (pEnd != pStart) lastChange = r;
      if (pEnd < tMinPrice) tMinPrice = pEnd;
    }
  }
  tRounds = r;
  tOracle = oracle;
  // insolvent (underwater) debt left at the final venue price: positions still open and looked at again
  const pFinal = venueSpot();
  for (let e: i32 = 0; e < hN; e++) {
    const short = f64At(hD, e) - f64At(hC, e) * pFinal;
    if (short > 0.0) { tInsolvent += short; tInsolventPositions += 1.0; }
  }
  for (let e: i32 = 0; e < sN; e++) {
    const short = f64At(sD, e) - f64At(sC, e) * pFinal;
    if (short > 0.0) { tInsolvent += short; tInsolventPositions += 1.0; }
  }
  if (!tConverged) { // rounds ran out: the stream may still hold underwater positions
    for (let j = ptr; j < kM; j++) {
      const short = f64At(kD, j) - f64At(kC, j) * pFinal;
      if (short > 0.0) { tInsolvent += short; tInsolventPositions += 1.0; }
    }
  }
}

/** Writes the last run's totals into S_COUNT f64 at `out`. */
export function writeSummary(out: usize): void {
  setF64(out, S_ROUNDS, <f64>tRounds);
  setF64(out, S_FINAL_PRICE, venueSpot());
  setF64(out, S_FINAL_ORACLE, tOracle);
  setF64(out, S_POSITIONS, tPositions);
  setF64(out, S_LIQUIDATIONS, tLiquidations);
  setF64(out, S_DEBT_REPAID, tRepaid);
  setF64(out, S_COLLATERAL_SOLD, tSold);
  setF64(out, S_COLLATERAL_TREASURY, tTreasury);
  setF64(out, S_PROCEEDS, tProceeds);
  setF64(out, S_BAD_DEBT, tBad);
  setF64(out, S_INSOLVENT_DEBT, tInsolvent);
  setF64(out, S_LIQUIDATED_VALUE, tLiqValue);
  setF64(out, S_SKIPPED, tSkipped);
  setF64(out, S_CONVERGED, tConverged ? 1.0 : 0.0);
  setF64(out, S_MIN_PRICE, tMinPrice);
  setF64(out, S_INSOLVENT_POSITIONS, tInsolventPositions);
  setF64(out, S_COLLATERAL_SEIZED, tSeized);
}

/** Last run's totals for the Monte Carlo outcomes (see cascadePaths.ts). */
export function lastBadDebt(): f64 { return tBad; }
export function lastInsolventDebt(): f64 { return tInsolvent; }
export function lastLiquidatedValue(): f64 { return tLiqValue; }
export function lastDebtRepaid(): f64 { return tRepaid; }
export function lastCollateralSold(): f64 { return tSold; }
export function lastRounds(): f64 { return <f64>tRounds; }
export function lastPositions(): f64 { return tPositions; }
export function lastConverged(): bool { return tConverged; }
export function lastMinPrice(): f64 { return tMinPrice; }
