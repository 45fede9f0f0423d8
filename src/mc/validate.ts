/**
 * Validation of `monteCarlo` specs (DESIGN §5): every field, each failure an {@link InvalidInputError}
 * naming the field (dotted: `model.spot`, `payoff.fixings[3]`) and the value. Returns normalised copies
 * (defaults filled in) from which the manifest and the kernel parameters are built.
 */
import { InvalidInputError } from '../errors.js';
import { checkExpiry, checkFinite, checkKnownFields, checkLevel, checkRange, checkRate, checkVol, fail } from '../options/validate.js';
import { MAX_KAPPA, MAX_VARIANCE, MAX_VOL_OF_VOL } from '../options/models/validate.js';
import type { OptionType } from '../options/types.js';
import type { Fixings, McModel, McPayoff } from './types.js';

/** Largest number of paths per run. */
export const MAX_PATHS = 1e9;
/** Largest `steps`. */
export const MAX_STEPS = 100_000;
/** Largest number of fixing dates. */
export const MAX_FIXINGS = 100_000;
/** Default paths per block (when a block's work allows it, see WORK_BUDGET). */
export const DEFAULT_BLOCK_SIZE = 4096;
/**
 * Most path-steps (blockSize × simulation times × evaluations per path) one block may cost, so that one
 * kernel call is bounded (~10–50 ms) and an abort or progress report is never held up by a whole run.
 * The default blockSize shrinks (a power of two, down to 1) to fit; a larger explicit blockSize is rejected.
 */
export const WORK_BUDGET = 1 << 20;
/** Largest number of blocks in a run (the partials are 6 or 12 f64 per block). */
export const MAX_BLOCKS = 1 << 24;
/** Largest expected number of Merton jumps per time step (λ·Δt); above it, use more steps. */
export const MAX_JUMPS_PER_STEP = 50;
/** Largest number of simulation times (Sobol' dimensions) with quasiRandom: the Joe–Kuo table shipped. */
export const MAX_QMC_DIMENSIONS = 1024;
/** Default and largest number of QMC replications. */
export const DEFAULT_REPLICATIONS = 16;
export const MAX_REPLICATIONS = 1024;



function object(field: string, value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(field, value, 'object', 'must be an object');
  return value as Record<string, unknown>;
}

/** Rejects keys of `o` (with a defined value) outside `allowed`; `prefix` is the dotted path of `o` (shared helper). */
function onlyKeys(prefix: string, o: Record<string, unknown>, allowed: readonly string[]): void {
  checkKnownFields(prefix, o, allowed, `${prefix || 'the spec'}${o.type !== undefined && prefix ? ` (type ${JSON.stringify(o.type)})` : ''}`);
}


function choice<T extends string>(field: string, value: unknown, choices: readonly T[]): T {
  if (typeof value !== 'string' || !(choices as readonly string[]).includes(value)) {
    fail(field, value, choices.join(' | '), `must be one of ${choices.map((c) => `'${c}'`).join(', ')}`);
  }
  return value as T;
}

function bool(field: string, value: unknown): boolean {
  if (value === undefined) return false;
  if (typeof value !== 'boolean') fail(field, value, 'boolean', 'must be true or false');
  return value;
}

function integer(field: string, value: unknown, lo: number, hi: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < lo || value > hi) {
    fail(field, value, `integer in [${lo}, ${hi}]`, `must be an integer from ${lo} to ${hi}`);
  }
  return value;
}

/** The seed as (lo, hi) u32 words plus its manifest form (a number when safe, else a decimal string). */
export interface CheckedSeed { lo: number; hi: number; value: number | string }

/** Seed: a non-negative safe integer, a bigint in [0, 2^64), or a decimal string of one. */
export function checkSeed(value: unknown): CheckedSeed {
  let big: bigint;
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value) || value < 0) fail('seed', value, 'safe integer >= 0', 'must be a non-negative safe integer (or a bigint < 2^64)');
    big = BigInt(value);
  } else if (typeof value === 'bigint') {
    big = value;
  } else if (typeof value === 'string' && /^[0-9]{1,20}$/.test(value)) {
    big = BigInt(value);
  } else {
    return fail('seed', value, 'integer in [0, 2^64)', 'must be a non-negative safe integer, a bigint < 2^64 or its decimal string');
  }
  if (big < 0n || big >= 1n << 64n) fail('seed', value, 'integer in [0, 2^64)', 'must be >= 0 and < 2^64');
  const lo = Number(big & 0xffffffffn);
  const hi = Number(big >> 32n);
  return { lo, hi, value: big <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(big) : big.toString() };
}

function optionType(field: string, value: unknown): OptionType {
  return choice(field, value, ['call', 'put'] as const);
}

/** Fixing dates: a count 1 … MAX_FIXINGS, or strictly increasing times in (0, T]. Returns the normalised form. */
export function checkFixings(field: string, value: unknown, expiryYears: number): Fixings {
  if (typeof value === 'number') return integer(field, value, 1, MAX_FIXINGS);
  if (value instanceof Float64Array || value instanceof Float32Array) value = Array.from(value);
  if (!Array.isArray(value)) return fail(field, value, 'count or array of times', 'must be a number of fixings or an array of times (years)');
  if (value.length < 1 || value.length > MAX_FIXINGS) fail(field, value, `1 … ${MAX_FIXINGS} times`, `must hold 1 to ${MAX_FIXINGS} times`);
  const out: number[] = [];
  let prev = 0;
  for (let i = 0; i < value.length; i++) {
    const t = checkFinite(`${field}[${i}]`, value[i]);
    if (t <= prev) fail(`${field}[${i}]`, t, i === 0 ? '> 0' : 'increasing', i === 0 ? 'must be > 0 (t = 0 is not a fixing)' : 'must be greater than the previous fixing');
    if (t > expiryYears * (1 + 1e-12)) fail(`${field}[${i}]`, t, `<= expiryYears (${expiryYears})`, `must be <= expiryYears (${expiryYears})`);
    out.push(Math.min(t, expiryYears));
    prev = t;
  }
  return out;
}

/** Validates and normalises the model (rate and dividendYield default to 0). */
export function checkModel(value: unknown): McModel {
  const o = object('model', value);
  const type = choice('model.type', o.type, ['gbm', 'merton', 'heston'] as const);
  const spot = checkLevel('model.spot', o.spot);
  const rate = checkRate('model.rate', o.rate);
  const dividendYield = checkRate('model.dividendYield', o.dividendYield);
  const common = ['type', 'spot', 'rate', 'dividendYield'];
  onlyKeys('model', o, type === 'gbm' ? [...common, 'vol'] : type === 'merton' ? [...common, 'vol', 'jumpIntensity', 'jumpMean', 'jumpVol']
    : [...common, 'v0', 'kappa', 'theta', 'volOfVol', 'rho']);
  if (type === 'gbm') return { type, spot, vol: checkVol('model.vol', o.vol), rate, dividendYield };
  if (type === 'merton') {
    return {
      type, spot, vol: checkVol('model.vol', o.vol),
      jumpIntensity: checkRange('model.jumpIntensity', o.jumpIntensity, 0, 1000),
      jumpMean: checkRange('model.jumpMean', o.jumpMean, -10, 10),
      jumpVol: checkRange('model.jumpVol', o.jumpVol, 0, 10),
      rate, dividendYield,
    };
  }
  return {
    type, spot,
    v0: checkRange('model.v0', o.v0, 0, MAX_VARIANCE),
    kappa: checkRange('model.kappa', o.kappa, 0, MAX_KAPPA, true),
    theta: checkRange('model.theta', o.theta, 0, MAX_VARIANCE),
    volOfVol: checkRange('model.volOfVol', o.volOfVol, 0, MAX_VOL_OF_VOL),
    rho: checkRange('model.rho', o.rho, -1, 1),
    rate, dividendYield,
  };
}

/** Validates and normalises the payoff (barrier rebate defaults to 0). */
export function checkPayoff(value: unknown, expiryYears: number): McPayoff {
  const o = object('payoff', value);
  const type = choice('payoff.type', o.type, ['european', 'digital', 'asian', 'barrier', 'lookback'] as const);
  const base = ['type', 'optionType', 'strike'];
  onlyKeys('payoff', o, type === 'european' ? base : type === 'digital' ? [...base, 'cash'] : type === 'asian' ? [...base, 'average', 'fixings']
    : type === 'barrier' ? [...base, 'barrier', 'direction', 'knock', 'rebate', 'monitoring', 'fixings'] : [...base, 'strikeType', 'fixings']);
  const ot = optionType('payoff.optionType', o.optionType);
  switch (type) {
    case 'european':
      return { type, optionType: ot, strike: checkLevel('payoff.strike', o.strike) };
    case 'digital':
      return { type, optionType: ot, strike: checkLevel('payoff.strike', o.strike), cash: checkRange('payoff.cash', o.cash, 0, 1e100) };
    case 'asian':
      if (o.fixings === undefined) fail('payoff.fixings', o.fixings, 'required', 'is required for an Asian (a count or an array of times)');
      return {
        type, average: choice('payoff.average', o.average, ['arithmetic', 'geometric'] as const), optionType: ot,
        strike: checkLevel('payoff.strike', o.strike), fixings: checkFixings('payoff.fixings', o.fixings, expiryYears),
      };
    case 'barrier': {
      const monitoring = choice('payoff.monitoring', o.monitoring, ['continuous', 'discrete'] as const);
      const p: McPayoff = {
        type, optionType: ot, strike: checkLevel('payoff.strike', o.strike), barrier: checkLevel('payoff.barrier', o.barrier),
        direction: choice('payoff.direction', o.direction, ['up', 'down'] as const),
        knock: choice('payoff.knock', o.knock, ['in', 'out'] as const),
        rebate: o.rebate === undefined ? 0 : checkRange('payoff.rebate', o.rebate, 0, 1e100),
        monitoring,
      };
      if (o.fixings !== undefined) {
        if (monitoring === 'continuous') fail('payoff.fixings', o.fixings, 'absent with continuous monitoring', "apply to monitoring: 'discrete' only");
        p.fixings = checkFixings('payoff.fixings', o.fixings, expiryYears);
      }
      return p;
    }
    default: {
      const strikeType = choice('payoff.strikeType', o.strikeType, ['fixed', 'floating'] as const);
      const p: McPayoff = { type, strikeType, optionType: ot };
      if (strikeType === 'fixed') p.strike = checkLevel('payoff.strike', o.strike);
      else if (o.strike !== undefined) fail('payoff.strike', o.strike, 'absent', 'is not used by a floating-strike lookback (leave it out)');
      if (o.fixings !== undefined) p.fixings = checkFixings('payoff.fixings', o.fixings, expiryYears);
      return p;
    }
  }
}

/** A validated, normalised spec. */
export interface CheckedSpec {
  model: McModel;
  payoff: McPayoff;
  expiryYears: number;
  paths: number;
  steps: number;
  seed: CheckedSeed;
  antithetic: boolean;
  controlVariate: boolean;
  quasiRandom: boolean;
  /** QMC replications (0 without quasiRandom). */
  replications: number;
  greeks: boolean;
  confidence: number;
}

/** Fields a spec may have: the spec's own and a manifest's (version, hash, blocks). */
const SPEC_KEYS = ['model', 'payoff', 'expiryYears', 'paths', 'steps', 'seed', 'antithetic', 'controlVariate', 'quasiRandom', 'replications', 'greeks',
  'confidence', 'blockSize', 'version', 'hash', 'blocks'] as const;

/** Validates a whole spec; throws InvalidInputError naming the first bad field. */
export function checkSpec(spec: unknown, packageVersion: string): CheckedSpec {
  const o = object('spec', spec);
  onlyKeys('', o, SPEC_KEYS);
  if (o.version !== undefined && o.version !== packageVersion) {
    fail('version', o.version, `'${packageVersion}'`, `is not this package's version: the manifest was made by tailguard ${String(o.version)} and this is tailguard ${packageVersion}, which cannot promise the same bits (drop version and hash to run it anyway)`);
  }
  const expiryYears = checkExpiry('expiryYears', o.expiryYears);
  if (expiryYears <= 0) fail('expiryYears', expiryYears, '> 0', 'must be > 0 for a simulation');
  const model = checkModel(o.model);
  const payoff = checkPayoff(o.payoff, expiryYears);
  const antithetic = bool('antithetic', o.antithetic);
  const paths = integer('paths', o.paths, 1, MAX_PATHS);
  if (antithetic && paths % 2 !== 0) fail('paths', paths, 'even with antithetic', 'must be even with antithetic: true (each pair is two paths)');
  const controlVariate = bool('controlVariate', o.controlVariate);
  const samples = antithetic ? paths / 2 : paths;
  const minSamples = controlVariate ? 3 : 2;
  if (samples < minSamples) {
    const need = antithetic ? 2 * minSamples : minSamples;
    fail('paths', paths, `>= ${need}`, `must be >= ${need} for a standard error (${minSamples} independent samples${antithetic ? ', antithetic pairs' : ''}${controlVariate ? ' with a control variate' : ''})`);
  }
  let steps: number;
  if (o.steps === undefined) {
    if (payoff.type === 'lookback' && payoff.fixings === undefined) {
      fail('steps', o.steps, 'required', 'is required for a lookback without fixings (the monitoring dates are the steps)');
    }
    steps = model.type === 'heston' ? Math.max(1, Math.ceil(252 * expiryYears)) : 1;
  } else {
    steps = integer('steps', o.steps, 1, MAX_STEPS);
  }
  if (model.type === 'merton' && model.jumpIntensity * expiryYears / steps > MAX_JUMPS_PER_STEP) {
    fail('steps', steps, `jumpIntensity·expiryYears/steps <= ${MAX_JUMPS_PER_STEP}`, `is too small for jumpIntensity ${model.jumpIntensity}: use at least ${Math.ceil(model.jumpIntensity * expiryYears / MAX_JUMPS_PER_STEP)} steps`);
  }
  const seed = checkSeed(o.seed);
  const quasiRandom = bool('quasiRandom', o.quasiRandom);
  const greeks = bool('greeks', o.greeks);
  let replications = 0;
  if (quasiRandom) {
    if (model.type !== 'gbm') fail('quasiRandom', true, "false with model.type '" + model.type + "'", `is available for the gbm model only (model.type is '${model.type}'); use pseudo-random paths`);
    if (antithetic) fail('antithetic', true, 'false with quasiRandom', 'cannot be combined with quasiRandom: true (the Sobol\' points are already balanced; use one or the other)');
    if (controlVariate) fail('controlVariate', true, 'false with quasiRandom', 'cannot be combined with quasiRandom: true');
    if (greeks) fail('greeks', true, 'false with quasiRandom', 'are not available with quasiRandom: true');
    replications = o.replications === undefined ? DEFAULT_REPLICATIONS : integer('replications', o.replications, 2, MAX_REPLICATIONS);
    if (paths % replications !== 0) fail('paths', paths, `multiple of replications (${replications})`, `must be a multiple of replications (${replications}) with quasiRandom: each replication has paths / replications points`);
  } else if (o.replications !== undefined) {
    fail('replications', o.replications, 'absent without quasiRandom', 'applies to quasiRandom: true only');
  }
  if (greeks && model.type === 'heston') fail('greeks', true, 'gbm | merton', 'are available for the gbm and merton models only');
  if (greeks && model.type !== 'heston' && model.vol === 0) fail('model.vol', 0, '> 0 with greeks', 'must be > 0 when greeks are requested');
  const confidence = o.confidence === undefined ? 0.95 : checkRange('confidence', o.confidence, 0, 1, true);
  if (confidence >= 1) fail('confidence', confidence, '< 1', 'must be < 1');
  return { model, payoff, expiryYears, paths, steps, seed, antithetic, controlVariate, quasiRandom, replications, greeks, confidence };
}

/**
 * The block size of a run whose paths each cost `pathWork` path-steps: the given one (a power of two from
 * min(64, largest allowed) to 2^20 with blockSize × pathWork <= WORK_BUDGET), or the default: the largest
 * power of two <= DEFAULT_BLOCK_SIZE within the budget. Also checks the number of blocks (<= MAX_BLOCKS).
 */
export function checkBlockSize(value: unknown, pathWork: number, paths: number): number {
  let largest = 1;
  while (largest < (1 << 20) && largest * 2 * pathWork <= WORK_BUDGET) largest *= 2;
  let blockSize = Math.min(DEFAULT_BLOCK_SIZE, largest);
  if (value !== undefined) {
    const lo = Math.min(64, largest);
    blockSize = integer('blockSize', value, lo, 1 << 20);
    if ((blockSize & (blockSize - 1)) !== 0) fail('blockSize', blockSize, 'power of two', 'must be a power of two');
    if (blockSize > largest) {
      fail('blockSize', blockSize, `<= ${largest}`, `must be <= ${largest} here: a block may cost at most ${WORK_BUDGET} path-steps and each path costs ${pathWork} (leave blockSize out for the default)`);
    }
  }
  const blocks = Math.ceil(paths / blockSize);
  if (blocks > MAX_BLOCKS) {
    fail('paths', paths, `<= ${MAX_BLOCKS} blocks`, `give ${blocks} blocks of ${blockSize} paths (at most ${MAX_BLOCKS}): use fewer paths or fewer steps`);
  }
  return blockSize;
}
