/**
 * Validation of `simulateHedge` specs (DESIGN §5): each failure an InvalidInputError naming the field (dotted:
 * `option.strike`, `costs.venue.reserveRisky`, `model.prices[3]`) and the value. Produces the kernel's parameter
 * block and the normalised spec that the manifest records.
 */
import {
  checkExpiry, checkInteger, checkKnownFields, checkLevel, checkNonNegative, checkObject, checkPositive, checkRange, checkRate, checkVol, fail,
} from '../options/validate.js';
import { toColumn } from '../options/columns.js';
import { checkSeed } from '../mc/validate.js';
import { hestonSubStep } from '../mc/plan.js';
import { ModelCode, OptionCode, P, P_COUNT, VenueCode } from './layout.js';
import type { HedgeCosts, HedgeModel, HedgeOption, HedgeRebalance, HedgeSpec, HedgeVenue } from './types.js';

/** Default paths per block. */
export const DEFAULT_HEDGE_BLOCK = 256;
/** Largest number of time steps (simulated) or supplied prices − 1. */
export const MAX_HEDGE_STEPS = 1_000_000;
/** Largest number of simulated paths. */
export const MAX_HEDGE_PATHS = 100_000_000;
/** Default constant-product pool fee (Uniswap v2: 30 bps; PROTOCOLS §4). */
export const DEFAULT_POOL_FEE = 0.003;

/** A validated spec: kernel parameters, the depth curve, the supplied path and the normalised spec. */
export interface CheckedHedge {
  params: number[];
  curve: Float64Array;
  path: Float64Array;
  paths: number;
  blockSize: number;
  seed: number | string;
  normalised: Omit<HedgeSpec, 'hash'>;
}

/** Fields of a spec: the spec's own and a manifest's (version, blocks, hash). */
const SPEC_FIELDS = ['option', 'spot', 'rate', 'hedgeVol', 'premiumVol', 'model', 'steps', 'rebalance', 'costs', 'paths', 'seed',
  'blockSize', 'hash', 'version', 'blocks'] as const;

/** Fields of each model type. */
const MODEL_FIELDS = {
  gbm: ['type', 'vol', 'drift'],
  merton: ['type', 'vol', 'jumpIntensity', 'jumpMean', 'jumpVol', 'drift'],
  heston: ['type', 'v0', 'kappa', 'theta', 'volOfVol', 'rho', 'drift'],
  path: ['type', 'prices'],
} as const;

function oneOf<T extends string>(field: string, value: unknown, choices: readonly T[]): T {
  if (typeof value !== 'string' || !(choices as readonly string[]).includes(value)) {
    fail(field, value, choices.join(' | '), `must be one of ${choices.map((c) => `'${c}'`).join(', ')}`);
  }
  return value as T;
}

function checkOption(value: unknown, p: number[]): Required<HedgeOption> {
  const o = checkObject('option', value);
  checkKnownFields('option', o, ['type', 'strike', 'expiryYears', 'position', 'quantity']);
  const type = oneOf('option.type', o.type, ['call', 'put', 'straddle'] as const);
  const position = oneOf('option.position', o.position, ['long', 'short'] as const);
  const strike = checkLevel('option.strike', o.strike);
  const expiryYears = checkExpiry('option.expiryYears', o.expiryYears);
  if (expiryYears === 0) fail('option.expiryYears', expiryYears, '> 0', 'must be > 0 (there is nothing to hedge at expiry)');
  const quantity = o.quantity === undefined ? 1 : checkRange('option.quantity', o.quantity, 0, 1e12, true);
  p[P.option] = OptionCode[type];
  p[P.position] = position === 'long' ? 1 : -1;
  p[P.quantity] = quantity;
  p[P.strike] = strike;
  p[P.expiry] = expiryYears;
  return { type, strike, expiryYears, position, quantity };
}

function checkModel(value: unknown, p: number[], rate: number): { model: HedgeModel; path: Float64Array } {
  const m = checkObject('model', value);
  const type = oneOf('model.type', m.type, ['gbm', 'merton', 'heston', 'path'] as const);
  checkKnownFields('model', m, MODEL_FIELDS[type], `model (type '${type}')`);
  p[P.model] = ModelCode[type];
  if (type === 'path') {
    const prices = toColumn('model.prices', m.prices);
    if (prices.length < 2 || prices.length > MAX_HEDGE_STEPS + 1) fail('model.prices', m.prices, `2 … ${MAX_HEDGE_STEPS + 1} prices`, `must hold 2 to ${MAX_HEDGE_STEPS + 1} prices`);
    for (let i = 0; i < prices.length; i++) checkLevel(`model.prices[${i}]`, prices[i]);
    return { model: { type, prices: Array.from(prices) }, path: prices.slice() };
  }
  const drift = m.drift === undefined ? rate : checkRange('model.drift', m.drift, -10, 10);
  p[P.drift] = drift;
  if (type === 'gbm') {
    p[P.vol] = checkVol('model.vol', m.vol);
    return { model: { type, vol: p[P.vol]!, drift }, path: new Float64Array(0) };
  }
  if (type === 'merton') {
    p[P.vol] = checkVol('model.vol', m.vol);
    p[P.jumpIntensity] = checkRange('model.jumpIntensity', m.jumpIntensity, 0, 1000);
    p[P.jumpMean] = checkRange('model.jumpMean', m.jumpMean, -10, 10);
    p[P.jumpVol] = checkRange('model.jumpVol', m.jumpVol, 0, 10);
    return {
      model: { type, vol: p[P.vol]!, jumpIntensity: p[P.jumpIntensity]!, jumpMean: p[P.jumpMean]!, jumpVol: p[P.jumpVol]!, drift },
      path: new Float64Array(0),
    };
  }
  p[P.v0] = checkRange('model.v0', m.v0, 0, 100);
  p[P.kappa] = checkRange('model.kappa', m.kappa, 0, 1000, true);
  p[P.theta] = checkRange('model.theta', m.theta, 0, 100);
  p[P.volOfVol] = checkRange('model.volOfVol', m.volOfVol, 0, 100);
  p[P.rho] = checkRange('model.rho', m.rho, -1, 1);
  p[P.hestonSubDt] = hestonSubStep(p[P.kappa]!, p[P.volOfVol]!);
  return {
    model: { type, v0: p[P.v0]!, kappa: p[P.kappa]!, theta: p[P.theta]!, volOfVol: p[P.volOfVol]!, rho: p[P.rho]!, drift },
    path: new Float64Array(0),
  };
}

function checkRebalance(value: unknown, p: number[]): HedgeRebalance {
  if (value === undefined) { p[P.mode] = 0; p[P.every] = 1; return { type: 'interval', every: 1 }; }
  const r = checkObject('rebalance', value);
  const type = oneOf('rebalance.type', r.type, ['interval', 'band'] as const);
  checkKnownFields('rebalance', r, type === 'interval' ? ['type', 'every'] : ['type', 'riskAversion', 'cost'], `rebalance (type '${type}')`);
  if (type === 'interval') {
    const every = r.every === undefined ? 1 : checkInteger('rebalance.every', r.every, 1, MAX_HEDGE_STEPS);
    p[P.mode] = 0; p[P.every] = every;
    return { type, every };
  }
  p[P.mode] = 1; p[P.every] = 1;
  p[P.riskAversion] = checkRange('rebalance.riskAversion', r.riskAversion, 0, 1e12, true);
  const cost = r.cost === undefined ? undefined : checkRange('rebalance.cost', r.cost, 0, 1, false, true);
  p[P.bandCost] = cost ?? p[P.feeRate]!;
  return cost === undefined ? { type, riskAversion: p[P.riskAversion]! } : { type, riskAversion: p[P.riskAversion]!, cost };
}

function checkVenue(value: unknown, p: number[], spot: number): { venue: HedgeVenue; curve: Float64Array } {
  const v = checkObject('costs.venue', value);
  const type = oneOf('costs.venue.type', v.type, ['constantProduct', 'depthCurve'] as const);
  checkKnownFields('costs.venue', v, type === 'constantProduct' ? ['type', 'reserveRisky', 'reserveStable', 'fee'] : ['type', 'sizes', 'impacts'],
    `costs.venue (type '${type}')`);
  p[P.venue] = VenueCode[type];
  if (type === 'constantProduct') {
    const x = checkPositive('costs.venue.reserveRisky', v.reserveRisky);
    const y = checkPositive('costs.venue.reserveStable', v.reserveStable);
    const fee = v.fee === undefined ? DEFAULT_POOL_FEE : checkRange('costs.venue.fee', v.fee, 0, 1, false, true);
    if (!(x * y > 0 && Number.isFinite(x * y))) fail('costs.venue.reserveStable', y, 'finite reserveRisky·reserveStable', 'gives a pool invariant that is not finite');
    void spot;
    p[P.reserveRisky] = x; p[P.reserveStable] = y; p[P.venueFee] = fee;
    return { venue: { type, reserveRisky: x, reserveStable: y, fee }, curve: new Float64Array(0) };
  }
  const sizes = toColumn('costs.venue.sizes', v.sizes);
  const impacts = toColumn('costs.venue.impacts', v.impacts);
  if (sizes.length < 1 || sizes.length > 100_000) fail('costs.venue.sizes', v.sizes, '1 … 100000 points', 'must hold 1 to 100000 points');
  if (impacts.length !== sizes.length) fail('costs.venue.impacts', v.impacts, `${sizes.length} points`, `must have as many points as costs.venue.sizes (${sizes.length})`);
  for (let i = 0; i < sizes.length; i++) {
    const s = checkPositive(`costs.venue.sizes[${i}]`, sizes[i]);
    if (i > 0 && s <= sizes[i - 1]!) fail(`costs.venue.sizes[${i}]`, s, 'increasing', 'must be greater than the previous size');
    const m = checkRange(`costs.venue.impacts[${i}]`, impacts[i], 0, 1, false, true);
    if (i > 0 && m < impacts[i - 1]!) fail(`costs.venue.impacts[${i}]`, m, 'non-decreasing', 'must be >= the previous impact');
  }
  p[P.knots] = sizes.length;
  const curve = new Float64Array(2 * sizes.length);
  curve.set(sizes, 0);
  curve.set(impacts, sizes.length);
  return { venue: { type, sizes: Array.from(sizes), impacts: Array.from(impacts) }, curve };
}

function checkCosts(value: unknown, p: number[], spot: number): { costs: Required<Omit<HedgeCosts, 'venue'>> & { venue?: HedgeVenue }; curve: Float64Array } {
  if (value === undefined) { p[P.initialCosts] = 1; return { costs: { feeBps: 0, gasUsd: 0, initialHedge: true }, curve: new Float64Array(0) }; }
  const c = checkObject('costs', value);
  checkKnownFields('costs', c, ['feeBps', 'gasUsd', 'venue', 'initialHedge']);
  const feeBps = c.feeBps === undefined ? 0 : checkRange('costs.feeBps', c.feeBps, 0, 10_000, false, true);
  const gasUsd = c.gasUsd === undefined ? 0 : checkNonNegative('costs.gasUsd', c.gasUsd);
  if (c.initialHedge !== undefined && typeof c.initialHedge !== 'boolean') fail('costs.initialHedge', c.initialHedge, 'boolean', 'must be true or false');
  const initialHedge = c.initialHedge === undefined ? true : c.initialHedge;
  p[P.feeRate] = feeBps / 10_000;
  p[P.gas] = gasUsd;
  p[P.initialCosts] = initialHedge ? 1 : 0;
  if (c.venue === undefined) return { costs: { feeBps, gasUsd, initialHedge }, curve: new Float64Array(0) };
  const { venue, curve } = checkVenue(c.venue, p, spot);
  return { costs: { feeBps, gasUsd, venue, initialHedge }, curve };
}

/**
 * Validates a `simulateHedge` spec (see {@link HedgeSpec}).
 * @throws InvalidInputError naming the first bad field and its value.
 */
export function checkHedgeSpec(spec: unknown): CheckedHedge {
  const o = checkObject('spec', spec);
  checkKnownFields('', o, SPEC_FIELDS, 'the hedge spec');
  const p = new Array<number>(P_COUNT).fill(0);
  const option = checkOption(o.option, p);
  const rate = checkRate('rate', o.rate);
  p[P.rate] = rate;
  p[P.hedgeVol] = checkPositive('hedgeVol', o.hedgeVol);
  checkVol('hedgeVol', o.hedgeVol);
  p[P.premiumVol] = o.premiumVol === undefined ? p[P.hedgeVol]! : checkVol('premiumVol', o.premiumVol);
  const { model, path } = checkModel(o.model, p, rate);
  const supplied = model.type === 'path';
  let spot: number;
  let steps: number;
  if (supplied) {
    spot = path[0]!;
    if (o.spot !== undefined && o.spot !== spot) fail('spot', o.spot, `= model.prices[0] (${spot})`, `must be absent or equal model.prices[0] (${spot}) for a supplied path`);
    steps = path.length - 1;
    if (o.steps !== undefined && o.steps !== steps) fail('steps', o.steps, `= model.prices.length − 1 (${steps})`, `must be absent or equal model.prices.length − 1 (${steps}) for a supplied path`);
  } else {
    spot = checkLevel('spot', o.spot);
    steps = checkInteger('steps', o.steps, 1, MAX_HEDGE_STEPS);
    if (model.type === 'merton' && model.jumpIntensity * option.expiryYears / steps > 50) {
      fail('steps', steps, 'jumpIntensity·expiryYears/steps <= 50', 'is too small for the jump intensity (over 50 expected jumps per step): use more steps');
    }
  }
  p[P.spot] = spot;
  p[P.steps] = steps;
  // costs before the rebalance rule: the band's default λ is the fee
  const { costs, curve } = checkCosts(o.costs, p, spot);
  const rebalance = checkRebalance(o.rebalance, p);
  if (rebalance.type === 'interval' && rebalance.every! > steps) fail('rebalance.every', rebalance.every, `<= steps (${steps})`, `must be <= steps (${steps})`);
  const paths = supplied
    ? (o.paths === undefined || o.paths === 1 ? 1 : fail('paths', o.paths, '1 for a supplied path', 'must be 1 (or absent) for a supplied path'))
    : checkInteger('paths', o.paths, 1, MAX_HEDGE_PATHS);
  const seed = supplied ? { lo: 0, hi: 0, value: 0 } : checkSeed(o.seed);
  const blockSize = o.blockSize === undefined ? DEFAULT_HEDGE_BLOCK : checkInteger('blockSize', o.blockSize, 1, 65_536);
  p[P.paths] = paths;
  p[P.block] = blockSize;
  p[P.seedLo] = seed.lo;
  p[P.seedHi] = seed.hi;
  const normalised: Omit<HedgeSpec, 'hash'> = {
    option, rate, hedgeVol: p[P.hedgeVol]!, premiumVol: p[P.premiumVol]!, model, steps, rebalance, costs, paths, blockSize,
    ...(supplied ? {} : { spot, seed: seed.value }),
  };
  return { params: p, curve, path, paths, blockSize, seed: seed.value, normalised };
}
