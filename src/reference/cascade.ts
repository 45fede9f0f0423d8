/**
 * Plain-TypeScript liquidation cascade: the straightforward algorithm (every round re-scans every open
 * position, sorts the liquidatable ones, liquidates them in that order), written independently of the
 * sorted sweep in assembly/lending/cascadeKernel.ts, whose header states the mechanics. It is the test
 * oracle and the benchmark's comparison; O(n·rounds). Same validation as the facade.
 */
import { bookColumns } from '../lending/cascadePrepare.js';
import { P, VENUE_CONSTANT_PRODUCT } from '../lending/cascadeLayout.js';
import type { CascadeBookInput, CascadeOptions, CascadePositions, CascadeResult } from '../lending/cascadeTypes.js';
import { checkRules, checkShock } from '../lending/cascadeValidate.js';

/**
 * Totals, rounds and per-position state of a reference cascade: the totals of `CascadeResult` (same names and
 * meanings, declared once in ../lending/cascadeTypes.ts), the kernel-only fields (initialPrice, totalBadDebt,
 * kernelMs) left out; per-round columns as plain arrays; per-position columns with `valid` instead of `status`.
 */
export interface ReferenceCascadeResult extends Omit<CascadeResult, 'initialPrice' | 'totalBadDebt' | 'kernelMs' | 'perRound' | 'positions'> {
  perRound: Record<'oraclePrice' | 'priceStart' | 'priceEnd' | 'liquidations' | 'debtRepaid' | 'badDebt' | 'collateralSold', number[]>;
  positions: Omit<CascadePositions, 'status'> & { valid: boolean[] };
}

/** Impact of selling `size` on a depth curve (assembly/amm/depthCurve.ts rule, restated). */
function depthImpact(sizes: Float64Array, impacts: Float64Array, size: number): number {
  if (size === 0) return 0;
  const n = sizes.length;
  const sLast = sizes[n - 1]!, pLast = impacts[n - 1]!;
  if (size >= sLast) {
    if (size === sLast) return pLast;
    if (pLast <= 0) return 0;
    return size / (sLast * (1 - pLast) / pLast + size);
  }
  let hi = 0;
  while (sizes[hi]! <= size) hi++;
  const s0 = hi > 0 ? sizes[hi - 1]! : 0, p0 = hi > 0 ? impacts[hi - 1]! : 0;
  return p0 + (impacts[hi]! - p0) * ((size - s0) / (sizes[hi]! - s0));
}

/** The venue as a small object: constant product (x, y, fee) or depth curve (reference spot, units sold). */
class Venue {
  x: number; y: number; fee: number; ref: number; q = 0; keep = 1;
  constructor(readonly cp: boolean, p: number[], readonly sizes: Float64Array, readonly impacts: Float64Array) {
    this.x = p[P.reserveRisky]!; this.y = p[P.reserveStable]!; this.fee = p[P.fee]!; this.ref = p[P.spot]!;
  }
  spot(): number { return this.cp ? this.y / this.x : this.ref * this.keep * this.keep; }
  quote(q: number): number {
    if (this.cp) { const net = q * (1 - this.fee); return net * this.y / (this.x + net); }
    const after = this.q + q;
    return this.ref * (after * (1 - depthImpact(this.sizes, this.impacts, after)) - this.q * this.keep);
  }
  sell(q: number, out: number): void {
    if (this.cp) { this.x += q; this.y -= out; } else { this.q += q; this.keep = 1 - depthImpact(this.sizes, this.impacts, this.q); }
  }
  move(m: number): void {
    if (m === 1) return;
    if (this.cp) { const s = Math.sqrt(m); this.x = this.x / s; this.y = this.y * s; } else { this.ref = this.spot() * m; this.q = 0; this.keep = 1; }
  }
}

/**
 * The cascade of `book` under `options` (as `simulateCascade`), by re-scanning every position each round.
 * @throws InvalidInputError as `simulateCascade`.
 */
export function referenceCascade(book: CascadeBookInput, options: CascadeOptions): ReferenceCascadeResult {
  const rules = checkRules(options);
  const moves = checkShock(options.shock);
  const p = rules.params;
  const { collateral, debt, lt, bonus } = bookColumns(book);
  const n = collateral.length;
  const knots = p[P.knots]!;
  const venue = new Venue(p[P.venue] === VENUE_CONSTANT_PRODUCT, p, rules.curve.subarray(0, knots), rules.curve.subarray(knots));
  const c = Float64Array.from(collateral), d = Float64Array.from(debt);
  const valid: boolean[] = [];
  for (let i = 0; i < n; i++) {
    valid.push(c[i]! >= 0 && c[i]! < Infinity && d[i]! >= 0 && d[i]! < Infinity && lt[i]! > 0 && lt[i]! <= 1 && bonus[i]! >= 0 && bonus[i]! < 1);
  }
  const bad = new Float64Array(n), seized = new Float64Array(n), first = new Float64Array(n).fill(-1);
  const lag = p[P.lag]!, gas = p[P.gas]!, cf = p[P.closeFactor]!, fullHf = p[P.fullHf]!, pFee = p[P.protocolFee]!;
  const oracle0 = p[P.oracle0]!, maxRounds = rules.maxRounds;
  const t = { positions: 0, liquidations: 0, skipped: 0, repaid: 0, seized: 0, sold: 0, treasury: 0, proceeds: 0, value: 0, bad: 0 };
  const perRound: ReferenceCascadeResult['perRound'] = { oraclePrice: [], priceStart: [], priceEnd: [], liquidations: [], debtRepaid: [], badDebt: [], collateralSold: [] };
  const hist: number[] = [];
  let r = 0;
  let lastChange = oracle0 === venue.spot() ? -lag - 1 : 0;
  let converged = true;
  let minPrice = venue.spot();
  let oracle = oracle0;
  const lp = (i: number): number => d[i]! / (c[i]! * lt[i]!);
  for (let s = 0; s < moves.length && converged; s++) {
    if (moves[s] !== 1) { venue.move(moves[s]!); lastChange = r; }
    for (;;) {
      if (r >= maxRounds) { converged = false; break; }
      const pStart = venue.spot();
      hist[r] = pStart;
      if (pStart < minPrice) minPrice = pStart;
      const po = r - lag >= 0 ? hist[r - lag]! : oracle0;
      oracle = po;
      const candidates: number[] = [];
      for (let i = 0; i < n; i++) if (valid[i] && d[i]! > 0 && lp(i) > po) candidates.push(i);
      const key = candidates.map(lp);
      const order = candidates.map((_, k) => k).sort((a, b) => (key[b]! - key[a]!) || (candidates[a]! - candidates[b]!));
      let liq = 0, sold = 0, proceedsSum = 0, repaidSum = 0, badSum = 0;
      for (const k of order) {
        const i = candidates[k]!;
        const onePlus = 1 + bonus[i]!;
        let take: number, repay: number, whole: boolean, shortfall = 0;
        if (c[i]! * po < onePlus * d[i]!) {
          take = c[i]!; repay = c[i]! * po / onePlus; whole = true; shortfall = d[i]! - repay;
        } else {
          const f = c[i]! * po * lt[i]! / d[i]! <= fullHf ? 1 : cf;
          repay = f * d[i]!; take = repay * onePlus / po; whole = f === 1;
        }
        const fee = (take - take / onePlus) * pFee;
        const sell = take - fee;
        const out = venue.quote(sell);
        if (out - repay - gas < 0) { t.skipped++; continue; }
        venue.sell(sell, out);
        liq++; sold += sell; proceedsSum += out; repaidSum += repay; badSum += shortfall;
        t.treasury += fee; t.seized += take; t.value += take * po;
        if (first[i] === -1) { first[i] = r; t.positions++; }
        c[i] = whole && shortfall > 0 ? 0 : c[i]! - take;
        d[i] = whole ? 0 : d[i]! - repay;
        bad[i] = bad[i]! + shortfall;
        seized[i] = seized[i]! + take;
      }
      if (liq === 0 && r - lag >= lastChange) break;
      const pEnd = venue.spot();
      t.liquidations += liq; t.sold += sold; t.proceeds += proceedsSum; t.repaid += repaidSum; t.bad += badSum;
      perRound.oraclePrice.push(po); perRound.priceStart.push(pStart); perRound.priceEnd.push(pEnd);
      perRound.liquidations.push(liq); perRound.debtRepaid.push(repaidSum); perRound.badDebt.push(badSum); perRound.collateralSold.push(sold);
      r++;
      if (pEnd !== pStart) lastChange = r;
      if (pEnd < minPrice) minPrice = pEnd;
    }
  }
  const pFinal = venue.spot();
  let insolvent = 0, insolventPositions = 0;
  for (let i = 0; i < n; i++) {
    if (!valid[i] || !(d[i]! > 0)) continue;
    const short = d[i]! - c[i]! * pFinal;
    if (short > 0) { insolvent += short; insolventPositions++; }
  }
  return {
    rounds: r, converged, finalPrice: pFinal, finalOraclePrice: oracle, minPrice, positionsLiquidated: t.positions,
    liquidations: t.liquidations, skippedLiquidations: t.skipped, debtRepaid: t.repaid, collateralSeized: t.seized,
    collateralSold: t.sold, collateralToProtocol: t.treasury, proceedsUsd: t.proceeds, liquidatedValueUsd: t.value,
    badDebt: t.bad, insolventDebt: insolvent, insolventPositions, perRound,
    positions: { collateral: c, debt: d, badDebt: bad, collateralSeized: seized, firstRound: first, valid },
  };
}
