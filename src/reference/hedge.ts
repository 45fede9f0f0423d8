/**
 * Plain-TypeScript reference of the hedging kernel (assembly/hedge/kernel.ts): the same book, rebalancing rules,
 * costs and attribution, written out directly for one given path of spots. The test oracle of the WASM
 * kernel (same formulas on the same paths → equal to rounding) and the plain-JS side of bench/hedge.js.
 * BSM Greeks from ./closedForm.ts (Haug 2007 ch. 1–2); constant-product amounts from Uniswap v2's
 * getAmountIn/getAmountOut in real arithmetic (UniswapV2Library, v2-periphery @ 0335e8f7); depth-curve
 * impact linear between points and constant-product beyond the last (src/amm/depthCurve.ts's rule).
 */
import { checkHedgeSpec } from '../hedge/validate.js';
import type { HedgeSpec } from '../hedge/types.js';
import { generalizedBlackScholes } from './closedForm.js';

/** Outcomes of one hedged path (names and meaning as `HedgeOutcomes`, one value each). */
export interface ReferenceHedgeOutcome {
  pnl: number; fees: number; slippage: number; gas: number; trades: number; gamma: number; theta: number;
  vega: number; financing: number; deltaMismatch: number; residual: number; finalSpot: number; turnover: number;
  /** False when the constant-product pool could not fill a purchase (outputs NaN). */
  filled: boolean;
}

function impactOf(sizes: number[], impacts: number[], size: number): number {
  const n = sizes.length;
  if (size === 0) return 0;
  const sLast = sizes[n - 1]!, pLast = impacts[n - 1]!;
  if (size >= sLast) {
    if (size === sLast) return pLast;
    if (pLast <= 0) return 0;
    const r = sLast * (1 - pLast) / pLast;
    return size / (r + size);
  }
  let hi = 0;
  while (sizes[hi]! <= size) hi++;
  const s0 = hi > 0 ? sizes[hi - 1]! : 0, p0 = hi > 0 ? impacts[hi - 1]! : 0;
  return p0 + (impacts[hi]! - p0) * ((size - s0) / (sizes[hi]! - s0));
}

/**
 * Hedges the path `spots` (N + 1 values at t_i = i·T/N, N = spec.steps) as the kernel does.
 * @param spec a `simulateHedge` spec (validated here; its model only fixes N for simulated models).
 * @throws InvalidInputError for a bad spec, or when spots.length ≠ steps + 1 (field `spots`).
 */
export function referenceHedgePath(spec: HedgeSpec, spots: ArrayLike<number>): ReferenceHedgeOutcome {
  const c = checkHedgeSpec(spec).normalised;
  const o = c.option;
  const N = c.steps!;
  if (spots.length !== N + 1) throw new Error(`spots has ${spots.length} values, expected steps + 1 = ${N + 1}`);
  const w = (o.position === 'long' ? 1 : -1) * (o.quantity ?? 1);
  const K = o.strike, T = o.expiryYears, r = c.rate ?? 0;
  const costs = c.costs!;
  const fee = (costs.feeBps ?? 0) / 10_000, gasUsd = costs.gasUsd ?? 0;
  const rb = c.rebalance!;
  const band = rb.type === 'band';
  const every = rb.type === 'interval' ? rb.every ?? 1 : 1;
  const lambda = rb.type === 'band' ? rb.cost ?? fee : 0;
  const gammaRA = rb.type === 'band' ? rb.riskAversion : 1;
  const venue = costs.venue;
  const dt = T / N;
  const growth = Math.exp(r * dt);

  const greeks = (s: number, tau: number, vol: number): { price: number; delta: number; gamma: number; theta: number } => {
    const call = generalizedBlackScholes(true, s, K, tau, vol, r, 0);
    const put = generalizedBlackScholes(false, s, K, tau, vol, r, 0);
    const pick = o.type === 'call' ? [call] : o.type === 'put' ? [put] : [call, put];
    return pick.reduce((a, g) => ({ price: a.price + g.price, delta: a.delta + g.delta, gamma: a.gamma + g.gamma, theta: a.theta + g.theta }),
      { price: 0, delta: 0, gamma: 0, theta: 0 });
  };
  let fees = 0, slippage = 0, gas = 0, trades = 0, turnover = 0, filled = true;
  const trade = (q: number, s: number, charge: boolean): number => {
    if (q === 0) return 0;
    trades++;
    const a = Math.abs(q);
    turnover += a * s;
    if (!charge) return 0;
    let slip = 0;
    if (venue?.type === 'constantProduct') {
      const k = venue.reserveRisky * venue.reserveStable;
      const x = Math.sqrt(k / s), y = Math.sqrt(k * s), f = venue.fee ?? 0.003;
      if (q > 0) {
        if (q >= x) { filled = false; return NaN; }
        slip = y * q / ((x - q) * (1 - f)) - q * s;            // getAmountIn − mid
      } else {
        const net = a * (1 - f);
        slip = a * s - net * y / (x + net);                     // mid − getAmountOut
      }
    } else if (venue?.type === 'depthCurve') {
      slip = a * s * impactOf(Array.from(venue.sizes), Array.from(venue.impacts), a);
    }
    fees += fee * a * s;
    slippage += slip;
    gas += gasUsd;
    return fee * a * s + slip + gasUsd;
  };

  let s = spots[0]!;
  const premium = greeks(s, T, c.premiumVol!).price;
  let g = greeks(s, T, c.hedgeVol);
  const vega = w * (g.price - premium);
  let cash = -w * premium;
  const minTrade = 1e-12 * Math.abs(w); // the kernel's MIN_TRADE
  let h = -w * g.delta;
  if (Math.abs(h) <= minTrade) h = 0;
  cash -= h * s + trade(h, s, costs.initialHedge !== false);
  let gam = 0, the = 0, fin = 0, mis = 0;
  for (let i = 0; i < N; i++) {
    const s1 = spots[i + 1]!;
    const ds = s1 - s;
    gam += w * 0.5 * g.gamma * ds * ds;
    the += w * g.theta * dt;
    mis += (w * g.delta + h) * ds;
    const f = cash * (growth - 1);
    fin += f;
    cash += f;
    s = s1;
    if (i + 1 < N) {
      const tau = T - (i + 1) * dt;
      g = greeks(s, tau, c.hedgeVol);
      const target = -w * g.delta;
      let q = 0;
      if (band) {
        const gw = Math.abs(w) * g.gamma;
        const H = lambda > 0 ? Math.cbrt(1.5 * Math.exp(-r * tau) * lambda * s * gw * gw / gammaRA) : 0;
        const gap = h - target;
        if (Math.abs(gap) > H) q = (gap > 0 ? target + H : target - H) - h;
      } else if ((i + 1) % every === 0) {
        q = target - h;
      }
      if (Math.abs(q) > minTrade) {
        const cost = trade(q, s, true);
        h += q;
        cash -= q * s + cost;
      }
    }
  }
  const payoff = o.type === 'call' ? Math.max(s - K, 0) : o.type === 'put' ? Math.max(K - s, 0) : Math.abs(s - K);
  const pnl = cash + h * s + w * payoff;
  if (!filled) {
    return { pnl: NaN, fees: NaN, slippage: NaN, gas: NaN, trades: NaN, gamma: NaN, theta: NaN, vega: NaN, financing: NaN,
      deltaMismatch: NaN, residual: NaN, finalSpot: NaN, turnover: NaN, filled };
  }
  const total = fees + slippage + gas;
  return {
    pnl, fees, slippage, gas, trades, gamma: gam, theta: the, vega, financing: fin, deltaMismatch: mis,
    residual: pnl - (vega + gam + the + fin + mis - total), finalSpot: s, turnover, filled,
  };
}
