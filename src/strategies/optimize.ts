/**
 * Protection optimiser: among puts, put spreads and collars built from listed strikes (or model strikes),
 * in whole lots of the exchange's contract, choose the one with the least CVaR within a budget, or the least
 * cost that guarantees a floor; and return the efficient frontier of cost against CVaR (the non-dominated
 * candidates; H. Markowitz, "Portfolio Selection", J. Finance 7(1), 1952 — here with CVaR as the risk measure,
 * R. T. Rockafellar, S. Uryasev, "Optimization of conditional value-at-risk", J. Risk 2(3), 2000).
 *
 * The search is exhaustive over the candidate set (a few thousand packages), every candidate evaluated on the
 * same seeded terminal prices (common random numbers), so the ranking is not sampling noise between candidates.
 */
import { sortedTailRisk } from './compare.js';
import { buildPackage } from './package.js';
import { checkTerminal, drawTerminal } from './terminal.js';
import type { Holding, LegSpec, PricingModel, Strategy, TerminalModel } from './types.js';
import {
  checkArray, checkFinite, checkHolding, checkHorizon, checkLevel, checkModel, checkObject, checkOpenUnit, fail,
  checkNonNegative, checkRate, type CheckedModel,
} from './validate.js';
import type { OptionType } from '../options/types.js';
import { checkKnownFields } from '../options/validate.js';

/** An instrument the optimiser may trade: bought at `askPremium`, sold at `bidPremium` (USD per unit; NaN: not on that side). */
export interface ProtectionInstrument {
  name?: string;
  type: OptionType;
  strike: number;
  askPremium: number;
  bidPremium: number;
}

/** Kinds of package searched. */
export type ProtectionKind = 'put' | 'putSpread' | 'collar';

/** Input of {@link optimizeProtection}. */
export interface OptimizeProtectionInput {
  holding: Holding;
  /** The instruments' expiry = the horizon, years. */
  expiryYears: number;
  /** Listed instruments of that expiry (e.g. from `chainExpiries`); or give `modelStrikes`. */
  instruments?: ProtectionInstrument[];
  /** Strikes priced by a model (bought and sold at the model price), instead of `instruments`. */
  modelStrikes?: { strikes: number[]; model: PricingModel };
  /** Largest net premium (USD) with objective `'cvar'`. */
  budget?: number;
  /** Least guaranteed value at expiry net of premium (USD; the package's `floor`) with objective `'cost'`. */
  floor?: number;
  /** `'cvar'` (default with a budget): least CVaR within the budget; `'cost'` (default with a floor): cheapest with that floor. */
  objective?: 'cvar' | 'cost';
  /** CVaR confidence α (default 0.95). */
  confidence?: number;
  /** Terminal-price model (spot and horizon are the holding's and `expiryYears`); default 20,000 paths, seed 1. */
  simulation: Omit<TerminalModel, 'spot' | 'expiryYears'>;
  /**
   * Quantity step in units of the underlying (default 0.1: Deribit BTC options have contract_size 1 and
   * min_trade_amount 0.1 in the exchange API's `public/get_instruments` instrument records).
   */
  lotSize?: number;
  /** Hedge ratios tried, as fractions of the holding (rounded down to lots; default [0.5, 1]). */
  hedgeRatios?: number[];
  /** Kinds searched (default all three). */
  kinds?: ProtectionKind[];
  /** Rate at which premiums are carried to expiry (default: the model's with `modelStrikes`, else 0, Deribit's convention). */
  rate?: number;
  /** The expiry's forward: listed premiums' implied vols and Greeks by Black-76 on it (default: BSM on the spot). */
  forward?: number;
}

/** One candidate on the frontier. */
export interface ProtectionPoint {
  kind: ProtectionKind | 'none';
  /** Legs with signed quantities (units of the underlying) and the premium paid or received per unit (USD). */
  instruments: { name: string; type: OptionType; strike: number; quantity: number; premium: number }[];
  /** Net premium (USD; < 0 a credit). */
  cost: number;
  floor: number;
  cap: number;
  /** CVaR and VaR of the P&L at expiry at the confidence, positive losses (USD; src/risk historical). */
  expectedShortfall: number;
  valueAtRisk: number;
  expectedPnl: number;
  /** The package (payoff, Greeks …). */
  strategy: Strategy;
}

/** Result of {@link optimizeProtection}. */
export interface OptimizeProtectionResult {
  objective: 'cvar' | 'cost';
  confidence: number;
  paths: number;
  seed: number | string;
  /** Candidates evaluated (the unhedged holding included). */
  candidates: number;
  /** The holding without protection. */
  unhedged: ProtectionPoint;
  /** The optimum under the constraint (null when no candidate satisfies it). */
  best: ProtectionPoint | null;
  /** Non-dominated candidates sorted by cost ascending; CVaR strictly descending along it. */
  frontier: ProtectionPoint[];
  /**
   * The frontier within each kind searched (the unhedged holding included in each). CVaR ignores the upside a
   * collar sells, so collars tend to dominate the overall frontier; these show what puts alone, or spreads, offer.
   */
  frontierByKind: Partial<Record<ProtectionKind, ProtectionPoint[]>>;
}

interface Candidate { kind: ProtectionKind | 'none'; legs: LegSpec[] }

function checkInstruments(value: unknown): ProtectionInstrument[] {
  return checkArray('instruments', value).map((v, i) => {
    const o = checkObject(`instruments[${i}]`, v);
    if (o.type !== 'call' && o.type !== 'put') fail(`instruments[${i}].type`, o.type, "'call' | 'put'", "must be 'call' or 'put'");
    const price = (f: string): number => {
      const x = o[f];
      if (typeof x === 'number' && Number.isNaN(x)) return NaN;
      return checkNonNegative(`instruments[${i}].${f}`, x);
    };
    const askPremium = price('askPremium');
    const bidPremium = price('bidPremium');
    // a crossed quote (ask < bid) would let the optimiser buy below its sale price: negative-cost "protection"
    if (askPremium < bidPremium) {
      fail(`instruments[${i}].askPremium`, askPremium, `>= bidPremium (${bidPremium})`, `must be >= instruments[${i}].bidPremium (${bidPremium}): a crossed quote`);
    }
    return {
      name: typeof o.name === 'string' ? o.name : `${o.type as string} ${String(o.strike)}`,
      type: o.type, strike: checkLevel(`instruments[${i}].strike`, o.strike), askPremium, bidPremium,
    };
  });
}

function leg(x: ProtectionInstrument, quantity: number, side: 1 | -1): LegSpec {
  return { type: x.type, strike: x.strike, quantity: side * quantity, premium: side === 1 ? x.askPremium : x.bidPremium, name: x.name! };
}

/**
 * All candidate packages (buys need an ask, sells a bid). Bought puts are struck at or below the forward and sold
 * calls at or above it (the textbook collar: out-of-the-money legs); an in-the-money call sold against an
 * in-the-money put is a sale of the holding in disguise (K_p = K_c is a short forward), whose large premium
 * credit is not a protection cost. The collar's sold call is struck strictly above the bought put (K_p < K_c),
 * which excludes the short forward K_p = K_c = F as well.
 */
function enumerate(instruments: ProtectionInstrument[], quantities: number[], kinds: Set<ProtectionKind>, forward: number): Candidate[] {
  const puts = instruments.filter((x) => x.type === 'put' && x.strike <= forward).sort((a, b) => a.strike - b.strike);
  const calls = instruments.filter((x) => x.type === 'call' && x.strike >= forward).sort((a, b) => a.strike - b.strike);
  const out: Candidate[] = [];
  for (const q of quantities) {
    for (const p of puts) {
      if (!Number.isFinite(p.askPremium)) continue;
      if (kinds.has('put')) out.push({ kind: 'put', legs: [leg(p, q, 1)] });
      if (kinds.has('putSpread')) {
        for (const s of puts) if (s.strike < p.strike && Number.isFinite(s.bidPremium)) out.push({ kind: 'putSpread', legs: [leg(p, q, 1), leg(s, q, -1)] });
      }
      if (kinds.has('collar')) {
        for (const c of calls) if (c.strike > p.strike && Number.isFinite(c.bidPremium)) out.push({ kind: 'collar', legs: [leg(p, q, 1), leg(c, q, -1)] });
      }
    }
  }
  return out;
}

/**
 * The efficient frontier of (cost, CVaR) points: sorted by cost (ties: lower CVaR first), keeping each point
 * whose CVaR (or `risk(p)`) is strictly below every cheaper point's. Cheaper frontier points therefore have worse risk.
 */
export function efficientFrontier<T extends { cost: number }>(points: readonly T[],
  risk: (p: T) => number = (p) => (p as unknown as { expectedShortfall: number }).expectedShortfall): T[] {
  const sorted = [...points].sort((a, b) => a.cost - b.cost || risk(a) - risk(b));
  const out: T[] = [];
  let bestRisk = Infinity;
  for (const p of sorted) if (risk(p) < bestRisk) { out.push(p); bestRisk = risk(p); }
  return out;
}

/**
 * Chooses protection for a holding among listed (or model-priced) options of one expiry.
 *
 * Candidates: for each hedge ratio h (quantity ⌊h·q/lot⌋·lot, skipped when 0) — every put K ≤ F bought at its ask;
 * every put spread (buy put K₁ ≤ F at the ask, sell put K₂ < K₁ at the bid); every collar (buy put K_p ≤ F, sell call, K_c > K_p,
 * K_c ≥ F at the bid), F the forward — plus the unhedged holding. Each is evaluated on the same seeded terminal prices: P&L = q·(S_T − S₀) + Σ payoffs −
 * cost·e^{rT}; CVaR by `expectedShortfall` (src/risk, historical, Rockafellar–Uryasev).
 *
 * @param input see {@link OptimizeProtectionInput}: `budget` with objective `'cvar'`, `floor` with `'cost'`.
 * @returns `{ objective, confidence, paths, seed, candidates, unhedged, best, frontier, frontierByKind }`; `best` is the least-CVaR
 *   candidate with cost ≤ budget (ties: cheaper), or the cheapest with floor ≥ `floor` (ties: lower CVaR); null if none.
 * @throws InvalidInputError naming the field and value: neither or both of `instruments` / `modelStrikes`; the
 *   objective without its constraint (`budget` / `floor`); both `budget` and `floor`; a crossed quote
 *   (`instruments[i].askPremium` below its bidPremium); bad holding, expiry, simulation, lot or ratios.
 */
export function optimizeProtection(input: OptimizeProtectionInput): OptimizeProtectionResult {
  const o = checkObject('input', input);
  checkKnownFields('', o, ['holding', 'expiryYears', 'instruments', 'modelStrikes', 'budget', 'floor', 'objective', 'confidence',
    'simulation', 'lotSize', 'hedgeRatios', 'kinds', 'rate', 'forward']);
  const holding = checkHolding(o.holding);
  const t = checkHorizon('expiryYears', o.expiryYears);
  if ((o.instruments === undefined) === (o.modelStrikes === undefined)) {
    fail('instruments/modelStrikes', o.instruments === undefined ? 'neither' : 'both', 'exactly one', 'exactly one of instruments or modelStrikes must be given');
  }
  let instruments: ProtectionInstrument[];
  let m: CheckedModel;
  if (o.modelStrikes !== undefined) {
    const ms = checkObject('modelStrikes', o.modelStrikes);
    m = checkModel(ms.model);
    const strikes = checkArray('modelStrikes.strikes', ms.strikes).map((k, i) => checkLevel(`modelStrikes.strikes[${i}]`, k));
    instruments = [];
    for (const type of ['put', 'call'] as const) {
      for (const k of strikes) {
        const p = buildPackage('', { quantity: 0, spot: holding.spot }, t, m, [{ type, strike: k, quantity: 1 }]).legs[0]!.premium;
        instruments.push({ name: `${type} ${k}`, type, strike: k, askPremium: p, bidPremium: p });
      }
    }
  } else {
    instruments = checkInstruments(o.instruments);
    m = { vol: 0, rate: 0, dividendYield: 0, forward: o.forward === undefined ? undefined : checkLevel('forward', o.forward) };
  }
  // premiums are carried at the given rate; default the model's (model strikes) or 0 (Deribit's convention)
  if (o.rate !== undefined) m = { ...m, rate: checkRate('rate', o.rate) };
  const objective = o.objective === undefined ? (o.floor !== undefined ? 'cost' : 'cvar') : o.objective;
  if (objective !== 'cvar' && objective !== 'cost') fail('objective', objective, "'cvar' | 'cost'", "must be 'cvar' or 'cost'");
  const budget = o.budget === undefined ? undefined : checkFinite('budget', o.budget);
  const floor = o.floor === undefined ? undefined : checkFinite('floor', o.floor);
  if (budget !== undefined && floor !== undefined) {
    fail('floor', floor, 'not with budget', `cannot be given with budget (${budget}): give budget (least CVaR within it) or floor (cheapest with that floor), not both`);
  }
  if (objective === 'cvar' && budget === undefined) fail('budget', o.budget, 'a number with objective cvar', "is required with objective 'cvar'");
  if (objective === 'cost' && floor === undefined) fail('floor', o.floor, 'a number with objective cost', "is required with objective 'cost'");
  const confidence = o.confidence === undefined ? 0.95 : checkOpenUnit('confidence', o.confidence);
  const lot = o.lotSize === undefined ? 0.1 : checkLevel('lotSize', o.lotSize);
  const ratios = o.hedgeRatios === undefined ? [0.5, 1] : checkArray('hedgeRatios', o.hedgeRatios).map((r, i) => {
    const x = checkFinite(`hedgeRatios[${i}]`, r);
    if (x <= 0 || x > 1) fail(`hedgeRatios[${i}]`, x, 'in (0, 1]', 'must be in (0, 1] (more puts than the holding is speculation)');
    return x;
  });
  const kinds = new Set(o.kinds === undefined ? ['put', 'putSpread', 'collar'] : checkArray('kinds', o.kinds).map((k, i) => {
    if (k !== 'put' && k !== 'putSpread' && k !== 'collar') fail(`kinds[${i}]`, k, "'put' | 'putSpread' | 'collar'", "must be 'put', 'putSpread' or 'collar'");
    return k;
  })) as Set<ProtectionKind>;
  const quantities = [...new Set(ratios.map((r) => Math.round(Math.floor(r * holding.quantity / lot + 1e-9) * lot * 1e12) / 1e12))].filter((q) => q > 0);
  const forward = m.forward ?? holding.spot * Math.exp((m.rate - m.dividendYield) * t);
  const sim = checkTerminal('simulation', { paths: 20_000, ...(o.simulation as object), spot: holding.spot, expiryYears: t });
  const sample = drawTerminal(sim);
  // Ascending terminal prices: the candidates' P&L is non-decreasing in S_T, so their loss vectors arrive
  // nearly sorted and the risk functions' sort runs in about linear time (statistics do not depend on order).
  const spots = sample.spots.slice().sort();
  const pnl = new Float64Array(spots.length);
  const evaluate = (c: Candidate): ProtectionPoint => {
    const s = buildPackage(c.kind, holding, t, m, c.legs);
    let sum = 0;
    for (let i = 0; i < spots.length; i++) { const v = s.pnl(spots[i]!); pnl[i] = v; sum += v; }
    return {
      kind: c.kind,
      instruments: s.legs.map((l) => ({ name: l.name ?? `${l.type} ${l.strike}`, type: l.type, strike: l.strike, quantity: l.quantity, premium: l.premium })),
      cost: s.cost, floor: s.floor, cap: s.cap, ...sortedTailRisk(pnl, confidence), expectedPnl: sum / spots.length, strategy: s,
    };
  };
  const unhedged = evaluate({ kind: 'none', legs: [] });
  const points = [unhedged, ...enumerate(instruments, quantities, kinds, forward).map(evaluate)];
  const frontier = efficientFrontier(points);
  const frontierByKind: Partial<Record<ProtectionKind, ProtectionPoint[]>> = {};
  for (const kind of kinds) frontierByKind[kind] = efficientFrontier(points.filter((p) => p.kind === kind || p === unhedged));
  let best: ProtectionPoint | null = null;
  for (const p of points) {
    if (objective === 'cvar') {
      if (p.cost <= budget! && (best === null || p.expectedShortfall < best.expectedShortfall || (p.expectedShortfall === best.expectedShortfall && p.cost < best.cost))) best = p;
    } else if (p.floor >= floor! && (best === null || p.cost < best.cost || (p.cost === best.cost && p.expectedShortfall < best.expectedShortfall))) {
      best = p;
    }
  }
  return { objective, confidence, paths: sample.paths, seed: sample.seed, candidates: points.length, unhedged, best, frontier, frontierByKind };
}

export type { PricingModel };
