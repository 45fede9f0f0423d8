/**
 * Batch versions of the reference functions, with the shapes of the WASM facade's batch calls
 * (DESIGN §4–5): structure-of-arrays input columns, one output column per value plus a
 * `status: Uint8Array`. Each element is computed by exactly the scalar code path, so a batch element
 * equals the scalar result bit for bit.
 *
 * Structural faults (a missing or mistyped column, columns of different lengths, a column that the
 * model does not take) throw InvalidInputError. A bad element never throws: its outputs are NaN and
 * its status says why (Status.INVALID_INPUT under the rules of `src/options/validate.ts`, with
 * `isCall` 1 or 0 only; BELOW_INTRINSIC / ABOVE_MAXIMUM / NO_CONVERGENCE for implied vol). A Greek
 * that has no limit at an element (gamma at the money-forward at expiry or vol 0) is NaN and the
 * element's status is Status.DEGENERATE; its other values are filled in.
 */
import { InvalidInputError, Status, type StatusCode } from '../errors.js';
import type {
  Black76BatchInput, BlackScholesBatchInput, Greeks, GreeksBatch, ImpliedVolBatch, ImpliedVolBatchInput,
} from '../options/types.js';
import { checkBlack76, checkBlackScholes, checkImpliedVol, checkObject } from '../options/validate.js';
import { black76Greeks, generalizedBlackScholes } from './closedForm.js';
import { solveImpliedVol } from './impliedVol.js';

const GREEK_NAMES = ['price', 'delta', 'gamma', 'vega', 'theta', 'rho', 'vanna', 'volga', 'charm'] as const;

function structural(field: string, value: unknown, rule: string, message: string): never {
  throw new InvalidInputError(`${field} (${describe(value)}) ${message}`, { field, value, rule });
}

function describe(value: unknown): string {
  if (value === undefined || value === null) return String(value);
  if (ArrayBuffer.isView(value)) return `${value.constructor.name}(${(value as unknown as ArrayLike<unknown>).length})`;
  if (Array.isArray(value)) return `Array(${value.length})`;
  return typeof value === 'object' ? 'object' : String(value);
}

/** A required Float64Array column of length n (n = undefined: take its length). */
function float64Column(o: Record<string, unknown>, field: string, n: number): Float64Array {
  const v = o[field];
  if (!(v instanceof Float64Array)) structural(field, v, 'Float64Array', 'must be a Float64Array');
  if (v.length !== n) structural(field, v, 'length', `must have the same length as isCall (${n}), not ${v.length}`);
  return v;
}

/** The isCall column: a Uint8Array; its length is the batch size. */
function isCallColumn(o: Record<string, unknown>): Uint8Array {
  const v = o.isCall;
  if (!(v instanceof Uint8Array)) structural('isCall', v, 'Uint8Array', 'must be a Uint8Array (1 = call, 0 = put)');
  return v;
}

/**
 * An optional rate-like column: undefined (→ 0), a number broadcast to every element (validated per
 * element like the column values, so a bad number marks every element INVALID_INPUT), or a
 * Float64Array of length n. Returns the accessor for element i (undefined means "not given").
 */
function broadcastColumn(o: Record<string, unknown>, field: string, n: number): (i: number) => number | undefined {
  const v = o[field];
  if (v === undefined) return () => undefined;
  if (typeof v === 'number') return () => v;
  if (!(v instanceof Float64Array)) structural(field, v, 'Float64Array | number', 'must be a Float64Array or a number');
  if (v.length !== n) structural(field, v, 'length', `must have the same length as isCall (${n}), not ${v.length}`);
  return (i) => v[i];
}

/** The option type of element i for the scalar validators: 1 → 'call', 0 → 'put', else the raw code (rejected). */
function typeOf(code: number): unknown {
  return code === 1 ? 'call' : code === 0 ? 'put' : code;
}

function emptyGreeksBatch(n: number): GreeksBatch {
  return {
    price: new Float64Array(n), delta: new Float64Array(n), gamma: new Float64Array(n), vega: new Float64Array(n),
    theta: new Float64Array(n), rho: new Float64Array(n), vanna: new Float64Array(n), volga: new Float64Array(n),
    charm: new Float64Array(n), status: new Uint8Array(n),
  };
}

/** Writes element i: the Greeks (or NaN everywhere when `g` is null) and its status. */
function store(out: GreeksBatch, i: number, g: Greeks | null): void {
  let status: StatusCode = Status.OK;
  for (const name of GREEK_NAMES) {
    const value = g === null ? NaN : g[name];
    out[name][i] = value;
    if (g !== null && Number.isNaN(value)) status = Status.DEGENERATE;
  }
  out.status[i] = g === null ? Status.INVALID_INPUT : status;
}

/** Runs `compute`; an InvalidInputError (a bad element) becomes null, anything else propagates. */
function orNull<T>(compute: () => T): T | null {
  try {
    return compute();
  } catch (e) {
    if (e instanceof InvalidInputError) return null;
    throw e;
  }
}

/**
 * Black–Scholes–Merton prices and Greeks of n options (the batch form of `blackScholes`).
 * @param input columns `isCall: Uint8Array` (1 call, 0 put), `spots`, `strikes`, `expiriesYears`,
 *   `vols: Float64Array` of the same length n, and optional `rates`, `dividendYields` (Float64Array of
 *   length n or one number for all; default 0). Units and ranges as in `blackScholes`.
 * @returns `{ price, delta, gamma, vega, theta, rho, vanna, volga, charm }` as Float64Arrays of length n
 *   (units as in `blackScholes`) and `status: Uint8Array` (Status.OK, INVALID_INPUT with NaN outputs,
 *   DEGENERATE where a Greek has no limit and is NaN).
 * @throws InvalidInputError for structural faults only (missing or mistyped column, unequal lengths).
 */
export function blackScholesBatch(input: BlackScholesBatchInput): GreeksBatch {
  const o = checkObject('input', input);
  const isCall = isCallColumn(o);
  const n = isCall.length;
  const spots = float64Column(o, 'spots', n);
  const strikes = float64Column(o, 'strikes', n);
  const expiries = float64Column(o, 'expiriesYears', n);
  const vols = float64Column(o, 'vols', n);
  const rates = broadcastColumn(o, 'rates', n);
  const yields = broadcastColumn(o, 'dividendYields', n);

  const out = emptyGreeksBatch(n);
  for (let i = 0; i < n; i++) {
    const g = orNull(() => {
      const c = checkBlackScholes({
        type: typeOf(isCall[i]!), spot: spots[i], strike: strikes[i], expiryYears: expiries[i], vol: vols[i],
        rate: rates(i), dividendYield: yields(i),
      });
      return generalizedBlackScholes(c.isCall, c.spot, c.strike, c.expiryYears, c.vol, c.rate, c.dividendYield);
    });
    store(out, i, g);
  }
  return out;
}

/**
 * Black-76 prices and Greeks of n options on forwards (the batch form of `black76`).
 * @param input columns `isCall: Uint8Array`, `forwards`, `strikes`, `expiriesYears`, `vols:
 *   Float64Array` of length n and optional `rates` (Float64Array of length n or a number; default 0).
 *   A `dividendYields` column is a structural fault (the forward already carries the yield).
 * @returns the columns of `black76`'s results (Greeks with respect to the forward) and `status`.
 * @throws InvalidInputError for structural faults only.
 */
export function black76Batch(input: Black76BatchInput): GreeksBatch {
  const o = checkObject('input', input);
  if (o.dividendYields !== undefined) {
    structural('dividendYields', o.dividendYields, 'absent', 'is not a Black-76 input (the forward already carries it)');
  }
  const isCall = isCallColumn(o);
  const n = isCall.length;
  const forwards = float64Column(o, 'forwards', n);
  const strikes = float64Column(o, 'strikes', n);
  const expiries = float64Column(o, 'expiriesYears', n);
  const vols = float64Column(o, 'vols', n);
  const rates = broadcastColumn(o, 'rates', n);

  const out = emptyGreeksBatch(n);
  for (let i = 0; i < n; i++) {
    const g = orNull(() => {
      const c = checkBlack76({
        type: typeOf(isCall[i]!), forward: forwards[i], strike: strikes[i], expiryYears: expiries[i], vol: vols[i],
        rate: rates(i),
      });
      return black76Greeks(c.isCall, c.forward, c.strike, c.expiryYears, c.vol, c.rate);
    });
    store(out, i, g);
  }
  return out;
}

/**
 * Implied vols of n option prices (the batch form of `impliedVol`): Black–Scholes–Merton with
 * `spots`, Black-76 with `forwards` (exactly one of them).
 * @param input columns `isCall: Uint8Array`, `prices`, `spots` | `forwards`, `strikes`,
 *   `expiriesYears: Float64Array` of length n, optional `rates` and (with `spots` only)
 *   `dividendYields` (Float64Array of length n or a number; default 0).
 * @returns `{ vol: Float64Array, status: Uint8Array }`: vol as an annualised decimal where status is
 *   Status.OK (0 for a price exactly at intrinsic), else NaN with INVALID_INPUT, BELOW_INTRINSIC,
 *   ABOVE_MAXIMUM or NO_CONVERGENCE.
 * @throws InvalidInputError for structural faults only (including both or neither of spots/forwards,
 *   or dividendYields with forwards).
 */
export function impliedVolBatch(input: ImpliedVolBatchInput): ImpliedVolBatch {
  const o = checkObject('input', input);
  const hasSpots = o.spots !== undefined;
  const hasForwards = o.forwards !== undefined;
  if (hasSpots === hasForwards) {
    structural(hasSpots ? 'spots/forwards' : 'spots', hasSpots ? 'both' : undefined, 'exactly one of spots, forwards',
      'exactly one of spots (Black–Scholes–Merton) or forwards (Black-76) must be given');
  }
  if (hasForwards && o.dividendYields !== undefined) {
    structural('dividendYields', o.dividendYields, 'absent with forwards', 'cannot be given with forwards (Black-76)');
  }
  const isCall = isCallColumn(o);
  const n = isCall.length;
  const prices = float64Column(o, 'prices', n);
  const underlyings = float64Column(o, hasSpots ? 'spots' : 'forwards', n);
  const strikes = float64Column(o, 'strikes', n);
  const expiries = float64Column(o, 'expiriesYears', n);
  const rates = broadcastColumn(o, 'rates', n);
  const yields = broadcastColumn(o, 'dividendYields', n);

  const vol = new Float64Array(n);
  const status = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const c = orNull(() => checkImpliedVol({
      type: typeOf(isCall[i]!), price: prices[i], strike: strikes[i], expiryYears: expiries[i], rate: rates(i),
      ...(hasSpots ? { spot: underlyings[i], dividendYield: yields(i) } : { forward: underlyings[i] }),
    }));
    if (c === null) {
      vol[i] = NaN;
      status[i] = Status.INVALID_INPUT;
      continue;
    }
    const outcome = solveImpliedVol(c);
    vol[i] = outcome.vol;
    status[i] = outcome.status;
  }
  return { vol, status };
}
