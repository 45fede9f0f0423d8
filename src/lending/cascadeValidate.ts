/**
 * Validation of cascade inputs (DESIGN §5): each failure an InvalidInputError naming the field (dotted:
 * `venue.reserveRisky`, `shock.moves[2]`) and the value. Returns the kernel's parameter block.
 */
import { checkInteger, checkKnownFields, checkObject, checkPositive, checkNonNegative, checkRange, checkVol, fail } from '../options/validate.js';
import { MAX_LEVEL, MIN_LEVEL } from '../options/validate.js';
import { checkSeed, type CheckedSeed } from '../mc/validate.js';
import { toColumn } from '../options/columns.js';
import { MODEL_GBM, MODEL_MERTON, P, P_COUNT, VENUE_CONSTANT_PRODUCT, VENUE_DEPTH_CURVE } from './cascadeLayout.js';
import type { CascadeColumn, CascadeMonteCarloSpec, CascadeRules } from './cascadeTypes.js';

/** Defaults (sources in cascadeTypes.ts). */
export const DEFAULT_FEE = 0.003;
export const DEFAULT_CLOSE_FACTOR = 0.5;
export const DEFAULT_FULL_LIQUIDATION_HF = 0.95;
export const DEFAULT_MAX_ROUNDS = 10_000;
export const MAX_ROUNDS = 1_000_000;
export const MAX_LAG = 1000;
export const MAX_CASCADE_STEPS = 10_000;
export const MAX_CASCADE_PATHS = 10_000_000;
export const DEFAULT_CASCADE_BLOCK = 64;
/** Largest book (positions): the sorted rows are addressed as i32 with a flag bit. */
export const MAX_BOOK = 1 << 28;

/** The venue's parameter slots and its curve (sizes then impacts), or an empty curve. */
function checkVenue(value: unknown, p: number[]): Float64Array {
  const v = checkObject('venue', value);
  if (v.type === 'constantProduct') checkKnownFields('venue', v, ['type', 'reserveRisky', 'reserveStable', 'fee'], "venue (type 'constantProduct')");
  else if (v.type === 'depthCurve') checkKnownFields('venue', v, ['type', 'spot', 'sizes', 'impacts'], "venue (type 'depthCurve')");
  if (v.type === 'constantProduct') {
    p[P.venue] = VENUE_CONSTANT_PRODUCT;
    p[P.reserveRisky] = checkPositive('venue.reserveRisky', v.reserveRisky);
    p[P.reserveStable] = checkPositive('venue.reserveStable', v.reserveStable);
    p[P.fee] = v.fee === undefined ? DEFAULT_FEE : checkRange('venue.fee', v.fee, 0, 1, false, true);
    p[P.spot] = p[P.reserveStable]! / p[P.reserveRisky]!;
    if (!(p[P.spot]! >= MIN_LEVEL && p[P.spot]! <= MAX_LEVEL)) fail('venue.reserveStable', v.reserveStable, 'spot within range', `gives a spot of ${p[P.spot]} per unit (a unit error?)`);
    return new Float64Array(0);
  }
  if (v.type === 'depthCurve') {
    p[P.venue] = VENUE_DEPTH_CURVE;
    p[P.spot] = checkPositive('venue.spot', v.spot);
    const sizes = toColumn('venue.sizes', v.sizes);
    const impacts = toColumn('venue.impacts', v.impacts);
    if (sizes.length < 1 || sizes.length > 100_000) fail('venue.sizes', v.sizes, '1 … 100000 points', 'must hold 1 to 100000 points');
    if (impacts.length !== sizes.length) fail('venue.impacts', v.impacts, `${sizes.length} points`, `must have as many points as venue.sizes (${sizes.length})`);
    for (let i = 0; i < sizes.length; i++) {
      const s = checkPositive(`venue.sizes[${i}]`, sizes[i]);
      if (i > 0 && s <= sizes[i - 1]!) fail(`venue.sizes[${i}]`, s, 'increasing', 'must be greater than the previous size');
      const m = checkRange(`venue.impacts[${i}]`, impacts[i], 0, 1, false, true);
      if (i > 0 && m < impacts[i - 1]!) fail(`venue.impacts[${i}]`, m, 'non-decreasing', 'must be >= the previous impact');
    }
    p[P.knots] = sizes.length;
    const curve = new Float64Array(2 * sizes.length);
    curve.set(sizes, 0);
    curve.set(impacts, sizes.length);
    return curve;
  }
  return fail('venue.type', v.type, "'constantProduct' | 'depthCurve'", "must be 'constantProduct' or 'depthCurve'");
}

/** Validated rules: the parameter block (venue, oracle, liquidation rules) and the depth curve. */
export interface CheckedRules {
  params: number[];
  curve: Float64Array;
  maxRounds: number;
}

/** Fields of {@link CascadeRules}, shared by `simulateCascade` and `cascadeMonteCarlo`. */
export const RULE_FIELDS = ['venue', 'oracleLagRounds', 'oraclePrice', 'gasUsd', 'closeFactor', 'fullLiquidationHealthFactor',
  'protocolFee', 'maxRounds'] as const;
/** Fields of `simulateCascade`'s options. */
export const CASCADE_OPTION_FIELDS = [...RULE_FIELDS, 'shock', 'positions'] as const;
/** Fields of `cascadeMonteCarlo`'s spec. */
export const CASCADE_MC_FIELDS = [...RULE_FIELDS, 'book', 'model', 'horizonYears', 'steps', 'paths', 'seed', 'blockSize'] as const;

/** Validates the rules shared by `simulateCascade` and `cascadeMonteCarlo`. @throws InvalidInputError */
export function checkRules(o: CascadeRules): CheckedRules {
  const p = new Array<number>(P_COUNT).fill(0);
  const curve = checkVenue(o.venue, p);
  p[P.lag] = o.oracleLagRounds === undefined ? 0 : checkInteger('oracleLagRounds', o.oracleLagRounds, 0, MAX_LAG);
  p[P.oracle0] = o.oraclePrice === undefined ? p[P.spot]! : checkPositive('oraclePrice', o.oraclePrice);
  p[P.gas] = o.gasUsd === undefined ? 0 : checkNonNegative('gasUsd', o.gasUsd);
  p[P.closeFactor] = o.closeFactor === undefined ? DEFAULT_CLOSE_FACTOR : checkRange('closeFactor', o.closeFactor, 0, 1, true);
  p[P.fullHf] = o.fullLiquidationHealthFactor === undefined ? DEFAULT_FULL_LIQUIDATION_HF : checkRange('fullLiquidationHealthFactor', o.fullLiquidationHealthFactor, 0, 1);
  p[P.protocolFee] = o.protocolFee === undefined ? 0 : checkRange('protocolFee', o.protocolFee, 0, 1, false, true);
  const maxRounds = o.maxRounds === undefined ? DEFAULT_MAX_ROUNDS : checkInteger('maxRounds', o.maxRounds, 1, MAX_ROUNDS);
  p[P.maxRounds] = maxRounds;
  return { params: p, curve, maxRounds };
}

/** The shock as move factors: `{ drop }` → [1 − drop]; `{ moves }` → the factors (each > 0, finite). */
export function checkShock(value: unknown): Float64Array {
  const s = checkObject('shock', value);
  checkKnownFields('shock', s, ['drop', 'moves'], 'shock');
  if (s.drop !== undefined) {
    if (s.moves !== undefined) fail('shock.moves', s.moves, 'absent with drop', 'cannot be given with shock.drop');
    return Float64Array.of(1 - checkRange('shock.drop', s.drop, 0, 1, false, true));
  }
  if (s.moves === undefined) fail('shock', value, '{ drop } | { moves }', 'must have drop (a fraction in [0, 1)) or moves (factors > 0)');
  const moves = toColumn('shock.moves', s.moves as CascadeColumn);
  if (moves.length < 1 || moves.length > MAX_CASCADE_STEPS) fail('shock.moves', s.moves, `1 … ${MAX_CASCADE_STEPS} moves`, `must hold 1 to ${MAX_CASCADE_STEPS} moves`);
  for (let i = 0; i < moves.length; i++) checkRange(`shock.moves[${i}]`, moves[i], 0, 1e6, true);
  return moves.slice();
}

/** Validated Monte Carlo fields (the book is checked by prepareCascadeBook). */
export interface CheckedMonteCarlo extends CheckedRules {
  seed: CheckedSeed;
  paths: number;
  steps: number;
  blockSize: number;
}

/** Validates model, horizon, steps, paths, seed and blockSize, and fills their slots. @throws InvalidInputError */
export function checkMonteCarlo(spec: CascadeMonteCarloSpec): CheckedMonteCarlo {
  const o = checkObject('spec', spec) as unknown as CascadeMonteCarloSpec;
  checkKnownFields('', o as unknown as Record<string, unknown>, CASCADE_MC_FIELDS, "cascadeMonteCarlo's spec");
  const rules = checkRules(o);
  const p = rules.params;
  const model = checkObject('model', o.model);
  checkKnownFields('model', model, model.type === 'merton'
    ? ['type', 'vol', 'drift', 'jumpIntensity', 'jumpMean', 'jumpVol'] : ['type', 'vol', 'drift'], `model (type ${JSON.stringify(model.type)})`);
  const horizon = checkRange('horizonYears', o.horizonYears, 0, 50, true);
  const steps = checkInteger('steps', o.steps, 1, MAX_CASCADE_STEPS);
  const paths = checkInteger('paths', o.paths, 1, MAX_CASCADE_PATHS);
  const seed = checkSeed(o.seed);
  const blockSize = o.blockSize === undefined ? DEFAULT_CASCADE_BLOCK : checkInteger('blockSize', o.blockSize, 1, 65_536);
  p[P.vol] = checkVol('model.vol', model.vol);
  p[P.drift] = model.drift === undefined ? 0 : checkRange('model.drift', model.drift, -10, 10);
  if (model.type === 'gbm') p[P.model] = MODEL_GBM;
  else if (model.type === 'merton') {
    p[P.model] = MODEL_MERTON;
    p[P.jumpIntensity] = checkRange('model.jumpIntensity', model.jumpIntensity, 0, 1000);
    p[P.jumpMean] = checkRange('model.jumpMean', model.jumpMean, -10, 10);
    p[P.jumpVol] = checkRange('model.jumpVol', model.jumpVol, 0, 10);
    if (p[P.jumpIntensity]! * horizon / steps > 50) fail('steps', steps, `jumpIntensity·horizonYears/steps <= 50`, 'is too small for the jump intensity (over 50 expected jumps per step): use more steps');
  } else fail('model.type', model.type, "'gbm' | 'merton'", "must be 'gbm' or 'merton'");
  p[P.dt] = horizon / steps;
  p[P.steps] = steps;
  p[P.paths] = paths;
  p[P.block] = blockSize;
  p[P.seedLo] = seed.lo;
  p[P.seedHi] = seed.hi;
  return { ...rules, seed, paths, steps, blockSize };
}
