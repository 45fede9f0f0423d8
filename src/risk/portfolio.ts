/**
 * Portfolio value and Greeks aggregated per underlying (issue #6 §5), raw and in trader units.
 */
import { black76Batch } from '../options/black76.js';
import { fail } from '../options/validate.js';
import { blackScholesBatch } from '../options/blackScholes.js';
import { healthFactor } from '../lending/healthFactor.js';
import { thetaPerDay, vegaPerVolPoint } from '../units.js';
import type { Portfolio, PortfolioRisk, PositionRisk, UnderlyingGreeks } from './portfolioTypes.js';
import { compilePortfolio, type Book, type OptionLegs } from './portfolioValidate.js';

/** Days per year for theta per day (ACT/365, Deribit's convention: PROTOCOLS §7). */
const DAYS_PER_YEAR = 365;

function optionRisks(book: Book, L: OptionLegs, black76: boolean, out: PositionRisk[]): void {
  const m = L.u.length;
  if (m === 0) return;
  const under = new Float64Array(m);
  for (let l = 0; l < m; l++) under[l] = book.spot[L.u[l]!]! * L.basis[l]!;
  const g = black76
    ? black76Batch({ isCall: L.isCall, forwards: under, strikes: L.strike, expiriesYears: L.expiry, vols: L.vol, rates: L.rate, greeks: 'first' })
    : blackScholesBatch({ isCall: L.isCall, spots: under, strikes: L.strike, expiriesYears: L.expiry, vols: L.vol, rates: L.rate, dividendYields: L.dividendYield, greeks: 'first' });
  for (let l = 0; l < m; l++) {
    const q = L.quantity[l]!;
    const u = L.u[l]!;
    const S = book.spot[u]!;
    const k = L.basis[l]!; // F = k·S; BSM: k = 1
    const p = g.price[l]!, d = g.delta[l]!, gm = g.gamma[l]!, v = g.vega[l]!, th = g.theta[l]!;
    const r: PositionRisk = { index: L.index[l]!, kind: 'option', underlying: book.underlyings[u]!, valueUsd: 0, delta: 0, gamma: 0, vega: 0, theta: 0 };
    if (L.inverse[l] === 1) {
      // V_usd(S) = q·(P(F)/F)·S with F = k·S = q·P(kS)/k ⇒ ∂/∂S = q·∂P/∂F, ∂²/∂S² = q·k·∂²P/∂F²; vega, theta scale by S/F.
      const F = under[l]!;
      const coin = p / F;
      r.valueCoin = q * coin;
      r.valueUsd = q * coin * S;
      r.delta = q * d;
      r.gamma = q * gm * k;
      r.vega = q * v * (S / F);
      r.theta = q * th * (S / F);
      // PROTOCOLS §7 (V_coin = V_usd/F): ∂V_coin/∂F = delta_usd/F − V_coin/F; ×F: the premium-adjusted delta in coins
      r.coinDelta = q * (d / F - coin / F);
      r.coinAdjustedDelta = q * (d - coin);
    } else {
      // USD-settled: V = q·P(F), F = k·S (BSM: k = 1, P on spot)
      r.valueUsd = q * p;
      r.delta = q * d * k;
      r.gamma = q * gm * k * k;
      r.vega = q * v;
      r.theta = q * th;
    }
    out.push(r);
  }
}

/**
 * Value and Greeks of a portfolio of spot holdings, linear perpetuals, European options (BSM, Black-76,
 * Deribit inverse) and loans, aggregated per underlying.
 *
 * Conventions: derivatives are taken with respect to the underlying's spot S; a Black-76 leg's forward moves
 * with spot (F/S fixed), so its spot delta is k·∂P/∂F with k = F/S. Inverse (coin-settled) options are worth
 * V_coin = V_usd/F coins (Deribit, deribit.com/pages/docs/options; PROTOCOLS §7), marked in USD at spot:
 * V_coin·S (Deribit converts coin prices to USD at the index: support.deribit.com "Inverse Options"); their spot
 * delta is then exactly the Black-76 forward delta, and the coin-denominated correction is reported per leg:
 * coinDelta = ∂V_coin/∂F = delta_usd/F − V_coin/F and coinAdjustedDelta = delta_usd − V_coin (what the Deribit FAQ
 * adds to "Delta Total": a 0.50-delta call bought for 0.10 BTC adds 0.40). Theta is ∂V/∂t with spot, forwards
 * and vols fixed. Trader units: delta in coins and in USD (delta·S), gamma as the USD-delta change per +1% move
 * (gamma·S²/100), vega per vol point (`vegaPerVolPoint`), theta per day (`thetaPerDay`, 365 days).
 * @param portfolio `{ positions, market }` (see {@link Portfolio}).
 * @returns `{ valueUsd, underlyings: [UnderlyingGreeks], positions: [PositionRisk] }`. A Greek with no limit
 *   (a leg's gamma exactly at the money at expiry 0) makes the aggregate NaN, as in `blackScholes`.
 * @throws InvalidInputError naming the field and value (see `compilePortfolio`; sizes within ±1e100), or
 *   `positions` when the portfolio value would not be finite; WasmInitError before `init()`.
 */
export function portfolioRisk(portfolio: Portfolio): PortfolioRisk {
  const book = compilePortfolio(portfolio);
  const risks: PositionRisk[] = [];
  const { linear } = book;
  for (let l = 0; l < linear.u.length; l++) {
    const i = linear.index[l]!;
    const u = linear.u[l]!;
    const S = book.spot[u]!;
    const kind = book.kinds[i] as PositionRisk['kind'];
    const r: PositionRisk = {
      index: i, kind, underlying: book.underlyings[u]!, valueUsd: linear.coins[l]! * S + linear.constant[l]!,
      delta: linear.coins[l]!, gamma: 0, vega: 0, theta: 0,
    };
    if (kind === 'loan') {
      const pos = portfolio.positions[i] as { collateral: number; debt: number; liquidationThreshold: number };
      r.healthFactor = healthFactor({
        collaterals: [{ amount: pos.collateral, price: S, liquidationThreshold: pos.liquidationThreshold }],
        debts: [{ amount: pos.debt, price: 1 }],
      });
    }
    risks.push(r);
  }
  optionRisks(book, book.bsm, false, risks);
  optionRisks(book, book.black76, true, risks);
  risks.sort((a, b) => a.index - b.index);
  const underlyings: UnderlyingGreeks[] = book.underlyings.map((name, u) => {
    let valueUsd = 0, delta = 0, gamma = 0, vega = 0, theta = 0;
    let inv: UnderlyingGreeks['inverse'];
    for (const r of risks) {
      if (r.underlying !== name) continue;
      valueUsd += r.valueUsd; delta += r.delta; gamma += r.gamma; vega += r.vega; theta += r.theta;
      if (r.valueCoin !== undefined) {
        inv ??= { valueCoin: 0, forwardDelta: 0, coinAdjustedDelta: 0 };
        inv.valueCoin += r.valueCoin;
        inv.forwardDelta += r.delta;
        inv.coinAdjustedDelta += r.coinAdjustedDelta!;
      }
    }
    const S = book.spot[u]!;
    const g: UnderlyingGreeks = {
      underlying: name, spot: S, valueUsd, delta, gamma, vega, theta,
      deltaCoins: delta, deltaUsd: delta * S, gammaUsdPer1Pct: (gamma * S * S) / 100,
      vegaPerVolPoint: Number.isFinite(vega) ? vegaPerVolPoint(vega) : NaN,
      thetaPerDay: Number.isFinite(theta) ? thetaPerDay(theta, DAYS_PER_YEAR) : NaN,
    };
    if (inv !== undefined) g.inverse = inv;
    return g;
  });
  let valueUsd = 0;
  for (const r of risks) valueUsd += r.valueUsd;
  // Never a silent non-finite value (DESIGN §5); with sizes and levels within 1e100 this is not reached in practice.
  if (!Number.isFinite(valueUsd)) fail('positions', portfolio.positions, 'finite value', `give a portfolio value (${valueUsd}) outside the double range`);
  return { valueUsd, underlyings, positions: risks };
}
