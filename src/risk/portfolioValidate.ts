/**
 * Validation of a portfolio (DESIGN §5) and its compilation into columns for full revaluation: every
 * check throws InvalidInputError naming the field (`positions[2].strike`, `market.BTC.spot`) and the value.
 */
import {
  MAX_LEVEL, checkExpiry, checkFinite, checkKnownFields, checkLevel, checkNonNegative, checkObject, checkRate, checkType, checkVol, fail,
} from '../options/validate.js';

/** Option legs of one pricing model, as columns (one entry per leg). */
export interface OptionLegs {
  /** Position index in `portfolio.positions`. */
  index: Int32Array;
  /** Underlying index into {@link Book.underlyings}. */
  u: Int32Array;
  isCall: Uint8Array;
  strike: Float64Array;
  expiry: Float64Array;
  vol: Float64Array;
  rate: Float64Array;
  /** BSM: dividend yield; Black-76: unused (0). */
  dividendYield: Float64Array;
  /** Black-76: forward / spot (held fixed under spot shocks); BSM: 1. */
  basis: Float64Array;
  /** Black-76: 1 for an inverse (coin-settled) leg. */
  inverse: Uint8Array;
  quantity: Float64Array;
}

/** A validated portfolio compiled into columns. */
export interface Book {
  underlyings: string[];
  spot: Float64Array;
  /** Flat vol per underlying (NaN when not given). */
  vol: Float64Array;
  /** Linear positions (spot, perpetual, loan): value = coins·S_u + constant. */
  linear: { index: Int32Array; u: Int32Array; coins: Float64Array; constant: Float64Array };
  /** Loans for health factors: collateral coins, debt USD, liquidation threshold. */
  loans: { index: Int32Array; u: Int32Array; collateral: Float64Array; debt: Float64Array; threshold: Float64Array };
  bsm: OptionLegs;
  black76: OptionLegs;
  positionCount: number;
  kinds: string[];
}

/**
 * A position size (quantity, collateral, debt): finite with |x| ≤ MAX_LEVEL = 1e100, the options' limit on levels,
 * so that size × spot (≤ 1e200) and the portfolio's sums stay finite (1e308 × 2 positions overflowed to Infinity).
 */
function size(field: string, value: unknown): number {
  const v = checkFinite(field, value);
  if (Math.abs(v) > MAX_LEVEL) fail(field, v, `|x| <= ${MAX_LEVEL}`, `must be within ±${MAX_LEVEL} (a unit error?)`);
  return v;
}

function legs(n: number): OptionLegs {
  return {
    index: new Int32Array(n), u: new Int32Array(n), isCall: new Uint8Array(n), strike: new Float64Array(n),
    expiry: new Float64Array(n), vol: new Float64Array(n), rate: new Float64Array(n), dividendYield: new Float64Array(n),
    basis: new Float64Array(n), inverse: new Uint8Array(n), quantity: new Float64Array(n),
  };
}

function trim<T extends object>(cols: T, n: number): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(cols)) out[k] = (v as Float64Array).subarray(0, n);
  return out as T;
}

/**
 * Validates `{ positions, market }` and compiles it.
 * @throws InvalidInputError naming the field and value: a missing market for a named underlying, spot outside
 *   [1e-100, 1e100], non-finite quantities, an unknown `kind`, `model` or `settlement`, an inverse BSM leg, a
 *   `forward` on a BSM leg, a leg without a vol (neither `vol` nor `market[u].vol`), and the option rules of
 *   `blackScholes` / `black76` (strike, expiryYears, vol, rate).
 */
export function compilePortfolio(portfolio: unknown): Book {
  const p = checkObject('portfolio', portfolio);
  checkKnownFields('', p, ['positions', 'market'], 'the portfolio');
  const market = checkObject('market', p.market);
  const positions = p.positions;
  if (!Array.isArray(positions)) fail('positions', positions, 'array', 'must be an array of positions');
  if (positions.length === 0) fail('positions', positions, 'non-empty', 'must hold at least one position');
  const underlyings: string[] = [];
  const spots: number[] = [];
  const vols: number[] = [];
  const rates: number[] = [];
  const yields: number[] = [];
  const underlyingOf = (field: string, name: unknown): number => {
    if (typeof name !== 'string' || name === '') fail(field, name, 'string', 'must be a non-empty string naming a key of market');
    const at = underlyings.indexOf(name);
    if (at >= 0) return at;
    if (!Object.prototype.hasOwnProperty.call(market, name)) fail(field, name, 'key of market', `has no entry in market (give market.${name}.spot)`);
    const m = checkObject(`market.${name}`, market[name]);
    checkKnownFields(`market.${name}`, m, ['spot', 'vol', 'rate', 'dividendYield']);
    spots.push(checkLevel(`market.${name}.spot`, m.spot));
    vols.push(m.vol === undefined ? NaN : checkVol(`market.${name}.vol`, m.vol));
    rates.push(checkRate(`market.${name}.rate`, m.rate));
    yields.push(checkRate(`market.${name}.dividendYield`, m.dividendYield));
    underlyings.push(name);
    return underlyings.length - 1;
  };
  const n = positions.length;
  const lin = { index: new Int32Array(n), u: new Int32Array(n), coins: new Float64Array(n), constant: new Float64Array(n) };
  const loans = { index: new Int32Array(n), u: new Int32Array(n), collateral: new Float64Array(n), debt: new Float64Array(n), threshold: new Float64Array(n) };
  const bsm = legs(n);
  const b76 = legs(n);
  let nl = 0, nLoan = 0, nb = 0, n7 = 0;
  const kinds: string[] = [];
  for (let i = 0; i < n; i++) {
    const f = `positions[${i}]`;
    const o = checkObject(f, positions[i]);
    const kind = o.kind;
    const u = underlyingOf(`${f}.underlying`, o.underlying);
    kinds.push(String(kind));
    if (kind === 'spot' || kind === 'perpetual') {
      const q = size(`${f}.quantity`, o.quantity);
      lin.index[nl] = i; lin.u[nl] = u; lin.coins[nl] = q;
      lin.constant[nl] = kind === 'perpetual' ? -q * checkLevel(`${f}.entryPrice`, o.entryPrice) : 0;
      nl++;
    } else if (kind === 'loan') {
      const c = size(`${f}.collateral`, checkNonNegative(`${f}.collateral`, o.collateral));
      const d = size(`${f}.debt`, checkNonNegative(`${f}.debt`, o.debt));
      const lt = checkNonNegative(`${f}.liquidationThreshold`, o.liquidationThreshold);
      if (lt > 1) fail(`${f}.liquidationThreshold`, lt, '<= 1', 'must be <= 1 (a fraction: 0.83 means 83%)');
      lin.index[nl] = i; lin.u[nl] = u; lin.coins[nl] = c; lin.constant[nl] = -d; nl++;
      loans.index[nLoan] = i; loans.u[nLoan] = u; loans.collateral[nLoan] = c; loans.debt[nLoan] = d; loans.threshold[nLoan] = lt; nLoan++;
    } else if (kind === 'option') {
      const model = o.model ?? 'bsm';
      if (model !== 'bsm' && model !== 'black76') fail(`${f}.model`, model, "'bsm' | 'black76'", "must be 'bsm' or 'black76'");
      const settlement = o.settlement ?? 'usd';
      if (settlement !== 'usd' && settlement !== 'inverse') fail(`${f}.settlement`, settlement, "'usd' | 'inverse'", "must be 'usd' or 'inverse'");
      if (settlement === 'inverse' && model !== 'black76') {
        fail(`${f}.settlement`, settlement, "model 'black76'", "'inverse' needs model 'black76' (Deribit prices inverse options with Black-76 on the forward)");
      }
      const isCall = checkType(`${f}.type`, o.type);
      const strike = checkLevel(`${f}.strike`, o.strike);
      const expiry = checkExpiry(`${f}.expiryYears`, o.expiryYears);
      const q = size(`${f}.quantity`, o.quantity);
      let vol: number;
      if (o.vol !== undefined) vol = checkVol(`${f}.vol`, o.vol);
      else if (Number.isNaN(vols[u]!)) return fail(`${f}.vol`, o.vol, 'vol or market vol', `is missing and market.${underlyings[u]!}.vol is not given`);
      else vol = vols[u]!;
      const L = model === 'bsm' ? bsm : b76;
      const k = model === 'bsm' ? nb++ : n7++;
      L.index[k] = i; L.u[k] = u; L.isCall[k] = isCall ? 1 : 0; L.strike[k] = strike; L.expiry[k] = expiry;
      L.vol[k] = vol; L.rate[k] = rates[u]!; L.quantity[k] = q;
      if (model === 'bsm') {
        if (o.forward !== undefined) fail(`${f}.forward`, o.forward, 'absent', "is a Black-76 input (set model: 'black76')");
        L.dividendYield[k] = yields[u]!; L.basis[k] = 1;
      } else {
        const fwd = o.forward === undefined ? spots[u]! * Math.exp((rates[u]! - yields[u]!) * expiry) : checkLevel(`${f}.forward`, o.forward);
        L.basis[k] = fwd / spots[u]!;
        L.inverse[k] = settlement === 'inverse' ? 1 : 0;
      }
    } else {
      fail(`${f}.kind`, kind, "'spot' | 'perpetual' | 'option' | 'loan'", "must be 'spot', 'perpetual', 'option' or 'loan'");
    }
  }
  return {
    underlyings, spot: Float64Array.from(spots), vol: Float64Array.from(vols),
    linear: trim(lin, nl), loans: trim(loans, nLoan), bsm: trim(bsm, nb), black76: trim(b76, n7), positionCount: n, kinds,
  };
}

/**
 * A shock column: array or typed array of finite numbers, non-empty.
 * @param min exclusive lower bound (e.g. −1 for relative spot moves).
 */
export function checkShocks(field: string, value: unknown, min: number, max: number, hint: string): Float64Array {
  const isColumn = Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView));
  if (!isColumn) fail(field, value, 'array', 'must be an array or a typed array of numbers');
  const src = value as ArrayLike<unknown>;
  if (src.length === 0) fail(field, value, 'non-empty', 'must not be empty');
  const out = new Float64Array(src.length);
  for (let i = 0; i < src.length; i++) {
    const v = checkFinite(`${field}[${i}]`, src[i]);
    if (!(v > min) || v > max) fail(`${field}[${i}]`, v, `in (${min}, ${max}]`, `must be in (${min}, ${max}] ${hint}`);
    out[i] = v;
  }
  return out;
}
