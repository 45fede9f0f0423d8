/**
 * A package: a holding of the underlying plus European option legs of one expiry. Its value at expiry is
 * piecewise linear in the terminal spot with kinks at the strikes, so floor, cap and break-evens are exact
 * (evaluated at the kinks and on the last ray), not sampled.
 */
import { checkArray, checkHolding, checkHorizon, checkLeg, checkModel, type CheckedModel } from './validate.js';
import { priceLeg } from './legs.js';
import type { Holding, LegSpec, PackageGreeks, PricedLeg, PricingModel, Strategy } from './types.js';
import { MAX_LEVEL, checkKnownFields, fail } from '../options/validate.js';

/**
 * The argument of `payoff` / `pnl`: a terminal spot in [0, MAX_LEVEL] (0 allowed: the asset can go to zero).
 * NaN or a negative spot would give a NaN or meaningless P&L (DESIGN §5: never silent).
 */
function checkSpotAtExpiry(s: unknown): number {
  if (typeof s !== 'number' || !(s >= 0 && s <= MAX_LEVEL)) {
    fail('spotAtExpiry', s, `in [0, ${MAX_LEVEL}]`, `must be a number in [0, ${MAX_LEVEL}] (a terminal spot, USD)`);
  }
  return s;
}

/** Input of {@link optionPackage}. */
export interface OptionPackageInput {
  name?: string;
  holding: Holding;
  expiryYears: number;
  model: PricingModel;
  legs: LegSpec[];
}

/** V(S) = q·S + Σ quantity·payoff: the value at expiry of holding and legs (USD). */
function valueAt(q: number, legs: readonly PricedLeg[], s: number): number {
  let v = q * s;
  for (const l of legs) v += l.quantity * (l.type === 'call' ? Math.max(s - l.strike, 0) : Math.max(l.strike - s, 0));
  return v;
}

/**
 * Floor, cap and break-evens of a piecewise-linear value with kinks at the strikes.
 * Nodes 0 < K₁ < … < K_m; beyond K_m the slope is q + Σ_calls quantity (treated as 0 within 1e-12 of the
 * package's gross size, so 0.1 + 0.2 − 0.3 reads as flat).
 */
function shape(q: number, legs: readonly PricedLeg[], base: number, carry: number): { floor: number; cap: number; breakEven: number[] } {
  const nodes = [0, ...new Set(legs.map((l) => l.strike))].sort((a, b) => a - b);
  let slope = q, gross = q;
  for (const l of legs) { if (l.type === 'call') slope += l.quantity; gross += Math.abs(l.quantity); }
  if (Math.abs(slope) <= 1e-12 * gross) slope = 0;
  const values = nodes.map((s) => valueAt(q, legs, s));
  const lo = Math.min(...values), hi = Math.max(...values);
  const floor = slope >= 0 ? lo - carry : -Infinity;
  const cap = slope <= 0 ? hi - carry : Infinity;
  const pnl = values.map((v) => v - base - carry);
  const roots: number[] = [];
  for (let j = 0; j < nodes.length; j++) {
    const a = pnl[j]!;
    if (a === 0) roots.push(nodes[j]!);
    if (j + 1 < nodes.length) {
      const b = pnl[j + 1]!;
      if ((a < 0 && b > 0) || (a > 0 && b < 0)) roots.push(nodes[j]! + (-a) * (nodes[j + 1]! - nodes[j]!) / (b - a));
    } else if ((a < 0 && slope > 0) || (a > 0 && slope < 0)) {
      roots.push(nodes[j]! - a / slope);
    }
  }
  return { floor, cap, breakEven: [...new Set(roots)].sort((x, y) => x - y) };
}

/** Builds the result from validated pieces (used by every strategy constructor). */
export function buildPackage(name: string, holding: Holding, expiryYears: number, m: CheckedModel, specs: readonly LegSpec[]): Strategy {
  const legs = specs.map((l) => priceLeg(l, holding.spot, expiryYears, m));
  const q = holding.quantity;
  let cost = 0;
  const greeks: PackageGreeks = { delta: q, gamma: 0, vega: 0, theta: 0, rho: 0 };
  for (const l of legs) {
    cost += l.quantity * l.premium;
    greeks.delta += l.quantity * l.greeks.delta;
    greeks.gamma += l.quantity * l.greeks.gamma;
    greeks.vega += l.quantity * l.greeks.vega;
    greeks.theta += l.quantity * l.greeks.theta;
    greeks.rho += l.quantity * l.greeks.rho;
  }
  const growth = Math.exp(m.rate * expiryYears);
  const carry = cost * growth;
  const base = q * holding.spot;
  const { floor, cap, breakEven } = shape(q, legs, base, carry);
  return {
    name, holding: { ...holding }, expiryYears, rate: m.rate, legs, cost, floor, cap,
    maxLoss: base - floor, maxGain: cap - base, breakEven, greeks,
    payoff: (s: number) => valueAt(q, legs, checkSpotAtExpiry(s)),
    pnl: (s: number) => valueAt(q, legs, checkSpotAtExpiry(s)) - base - carry,
  };
}

/**
 * A general package: the holding plus any European legs of one expiry.
 * @param input `{ name?, holding: { quantity ≥ 0, spot > 0 }, expiryYears > 0, model: { vol, rate?, dividendYield?, forward? },
 *   legs: [{ type, strike, quantity (signed units; + bought), premium? (USD per unit; else model price), vol?, name? }] }`.
 * @returns a {@link Strategy}: `cost` = Σ quantity·premium (USD today), `floor`/`cap` = min/max of V(S_T) − cost·e^{rT}
 *   over S_T ≥ 0 (exact: V is piecewise linear with kinks at the strikes), `breakEven` the roots of the P&L,
 *   `greeks` of the package (holding delta q), and `payoff(S_T)`, `pnl(S_T)`.
 * @throws InvalidInputError naming the field and value (e.g. `legs[1].strike`), including an empty `legs`.
 */
export function optionPackage(input: OptionPackageInput): Strategy {
  if (typeof input !== 'object' || input === null) fail('input', input, 'object', 'must be an object');
  checkKnownFields('', input as unknown as Record<string, unknown>, ['name', 'holding', 'expiryYears', 'model', 'legs']);
  const holding = checkHolding(input.holding);
  const t = checkHorizon('expiryYears', input.expiryYears);
  const m = checkModel(input.model);
  const legs = checkArray('legs', input.legs).map((l, i) => checkLeg(`legs[${i}]`, l));
  return buildPackage(input.name ?? 'package', holding, t, m, legs);
}

/**
 * The payoff diagram of a strategy sampled on `points` equally spaced terminal prices in [from, to] (for charts).
 * @param options `{ from? = 0.5·S₀, to? = 1.5·S₀, points? = 101 }`.
 * @returns `{ spots, value, pnl }` columns (USD).
 * @throws InvalidInputError naming the field and value (from ≥ to, points < 2).
 */
export function samplePayoff(strategy: Strategy, options: { from?: number; to?: number; points?: number } = {}): { spots: Float64Array; value: Float64Array; pnl: Float64Array } {
  const s0 = strategy.holding.spot;
  const from = options.from ?? 0.5 * s0, to = options.to ?? 1.5 * s0, points = options.points ?? 101;
  if (!(Number.isFinite(from) && from >= 0)) fail('from', from, '>= 0', 'must be a finite number >= 0');
  if (!(Number.isFinite(to) && to > from)) fail('to', to, `> from (${from})`, `must be a finite number > from (${from})`);
  if (!Number.isInteger(points) || points < 2 || points > 1_000_000) fail('points', points, 'integer in [2, 1e6]', 'must be an integer in [2, 1000000]');
  const spots = new Float64Array(points), value = new Float64Array(points), pnl = new Float64Array(points);
  for (let i = 0; i < points; i++) {
    const s = from + (to - from) * i / (points - 1);
    spots[i] = s; value[i] = strategy.payoff(s); pnl[i] = strategy.pnl(s);
  }
  return { spots, value, pnl };
}
