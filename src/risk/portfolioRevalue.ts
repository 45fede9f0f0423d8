/**
 * Full revaluation of a compiled portfolio under many scenarios at once: every option leg in every scenario
 * goes into one `blackScholesBatch` and one `black76Batch` call (prices only), so the WASM kernels do the work
 * and the JavaScript side only fills columns and sums.
 */
import { Status } from '../errors.js';
import { healthOf } from '../lending/healthFactor.js';
import type { Account } from '../lending/types.js';
import { black76Batch } from '../options/black76.js';
import { blackScholesBatch } from '../options/blackScholes.js';
import type { Book, OptionLegs } from './portfolioValidate.js';

/** A set of scenarios: spot factors per underlying, vol shifts and ages, one entry per scenario. */
export interface ScenarioSet {
  count: number;
  /** Per underlying (Book.underlyings order): S' = S·spotFactor[u][j]; factor > 0. */
  spotFactor: Float64Array[];
  /** Additive vol shift per scenario (decimal); shifted vols are floored at 0. */
  volShift: Float64Array;
  /** Years by which every expiry is shortened per scenario (floored at 0). */
  age: Float64Array;
}

/** Values of a portfolio per scenario. */
export interface Revalued {
  /** Portfolio value in USD per scenario (NaN where a leg's status is not OK). */
  value: Float64Array;
  /** Status.OK or the first non-OK leg status per scenario. */
  status: Uint8Array;
  /** Lowest loan health factor per scenario (+∞ without loans with debt). */
  minHealth: Float64Array;
  /** Option legs priced (scenarios × legs). */
  legs: number;
}

/**
 * Revalues `book` under every scenario of `set` (order of summation fixed: linear positions, then BSM legs,
 * then Black-76 legs, each in position order), so that two scenarios with identical inputs give bit-identical
 * values: the P&L of a zero shock against a base scenario in the same set is exactly 0.
 */
export function revalue(book: Book, set: ScenarioSet): Revalued {
  const c = set.count;
  const value = new Float64Array(c);
  const status = new Uint8Array(c);
  const minHealth = new Float64Array(c).fill(Infinity);
  const { linear, loans, spot } = book;
  // one account reused for every loan and scenario (validated when the portfolio was compiled)
  const account: Account = { collaterals: [{ amount: 0, price: 0, liquidationThreshold: 0 }], debts: [{ amount: 0, price: 1 }] };
  for (let j = 0; j < c; j++) {
    let v = 0;
    for (let l = 0; l < linear.u.length; l++) {
      const u = linear.u[l]!;
      v += linear.coins[l]! * (spot[u]! * set.spotFactor[u]![j]!) + linear.constant[l]!;
    }
    value[j] = v;
    for (let l = 0; l < loans.u.length; l++) {
      const coll = account.collaterals[0]!;
      coll.amount = loans.collateral[l]!;
      coll.price = spot[loans.u[l]!]! * set.spotFactor[loans.u[l]!]![j]!;
      coll.liquidationThreshold = loans.threshold[l]!;
      account.debts[0]!.amount = loans.debt[l]!;
      const hf = healthOf(account); // Aave v3 HF (src/lending): collateral·price·LT / debt, +∞ without debt
      if (hf < minHealth[j]!) minHealth[j] = hf;
    }
  }
  const nb = addLegs(book, book.bsm, set, value, status, false);
  const n7 = addLegs(book, book.black76, set, value, status, true);
  return { value, status, minHealth, legs: nb + n7 };
}

function addLegs(book: Book, L: OptionLegs, set: ScenarioSet, value: Float64Array, status: Uint8Array, black76: boolean): number {
  const m = L.u.length;
  const c = set.count;
  if (m === 0) return 0;
  const n = m * c;
  const isCall = new Uint8Array(n), under = new Float64Array(n), strikes = new Float64Array(n), expiries = new Float64Array(n);
  const vols = new Float64Array(n), rates = new Float64Array(n), yields = new Float64Array(n), spotNow = new Float64Array(n);
  for (let j = 0; j < c; j++) {
    const dv = set.volShift[j]!, age = set.age[j]!;
    const at = j * m;
    // scenario-independent columns: one block copy per scenario
    isCall.set(L.isCall, at); strikes.set(L.strike, at); rates.set(L.rate, at); yields.set(L.dividendYield, at);
    for (let l = 0; l < m; l++) {
      const e = at + l;
      const u = L.u[l]!;
      const s = book.spot[u]! * set.spotFactor[u]![j]!;
      spotNow[e] = s;
      under[e] = black76 ? s * L.basis[l]! : s;
      const T = L.expiry[l]! - age;
      expiries[e] = T > 0 ? T : 0;
      const v = L.vol[l]! + dv;
      vols[e] = v > 0 ? v : 0;
    }
  }
  const out = black76
    ? black76Batch({ isCall, forwards: under, strikes, expiriesYears: expiries, vols, rates, greeks: 'none' })
    : blackScholesBatch({ isCall, spots: under, strikes, expiriesYears: expiries, vols, rates, dividendYields: yields, greeks: 'none' });
  for (let j = 0; j < c; j++) {
    let v = value[j]!;
    for (let l = 0; l < m; l++) {
      const e = j * m + l;
      if (out.status[e] !== Status.OK && status[j] === Status.OK) status[j] = out.status[e]!;
      const p = out.price[e]!;
      // inverse (Deribit): value in coin = Black-76 USD price / forward (PROTOCOLS §7), converted to USD at spot
      v += L.quantity[l]! * (L.inverse[l] === 1 ? (p / under[e]!) * spotNow[e]! : p);
    }
    value[j] = status[j] === Status.OK ? v : NaN;
  }
  return n;
}

/** A scenario set of `count` scenarios with every factor 1, no vol shift and no ageing (to be filled in). */
export function emptyScenarios(book: Book, count: number): ScenarioSet {
  return {
    count,
    spotFactor: book.underlyings.map(() => new Float64Array(count).fill(1)),
    volShift: new Float64Array(count),
    age: new Float64Array(count),
  };
}
