/**
 * Exotic protection for a holder of 1 coin (issue #4 §8): at the listed expiry nearest 30 days, an
 * arithmetic Asian put, a down-and-in put and a put spread against the vanilla put, priced by Monte
 * Carlo under GBM on the expiry forward (r = 0, one flat vol: the recomputed IV of the put nearest
 * 90 % of spot) and by the closed forms where they exist.
 */
import { MAX_EXPIRY_YEARS, MAX_VOL, type McPayoff, type McProgress, TailguardError, barrierOption, black76, geometricAsian, monteCarlo } from '../index.js';
import type { ChainIv } from './chainIv.js';
import { groupByExpiry, nearestIndex } from './select.js';
import type { OptionChain } from './snapshot.js';
import { grouped } from './numbers.js';
import { expiryLabel } from './time.js';

/** Horizon (calendar days) of the section. */
export const EXOTIC_DAYS = 30;
/** Strike of the vanilla, Asian and down-and-in puts, as a fraction of spot (nearest listed put strike). */
export const EXOTIC_MONEYNESS = 0.9;
/** Barrier of the down-and-in put, as a fraction of spot (used as is, not a listed strike). */
export const BARRIER_MONEYNESS = 0.8;
/** Put spread: long the listed put strike nearest `long` × spot, short the one nearest `short` × spot. */
export const SPREAD_MONEYNESS = { long: 0.95, short: 0.8 } as const;
/** The section is left out (null) when the expiry nearest 30 days is further out than this. */
export const MAX_EXOTIC_DAYS = 120;
/** Default Monte Carlo settings: paths per run (antithetic pairs count twice) and the fixed seed. */
export const MC_PATHS = 200_000;
export const MC_SEED = 20251231;

/** Which closed form a row's `closedFormUsd` is and how it relates to the contract. */
export type ClosedFormKind = 'black76' | 'geometricAsian' | 'barrierOption' | 'black76Spread';

/** One contract of the section. USD per 1 coin of protection; `…PctSpot` as decimals of spot. */
export interface ExoticRow {
  kind: 'vanilla' | 'asian' | 'downAndIn' | 'putSpread';
  label: string;
  /** Strike (the long strike of the spread), USD. */
  strike: number;
  /** Short strike of the spread, USD; null otherwise. */
  shortStrike: number | null;
  /** Barrier of the down-and-in, USD; null otherwise. */
  barrier: number | null;
  /** Monte Carlo price and standard error, USD. For the spread the SE is the bound SE(long) + SE(short). */
  mcUsd: number;
  mcStandardErrorUsd: number;
  mcPctSpot: number;
  /** MC price / MC price of the vanilla. */
  ratioToVanilla: number;
  /** Closed-form price, USD (for the Asian: the geometric Asian on the same fixings, an upper bound). */
  closedFormUsd: number;
  closedFormPctSpot: number;
  closedFormKind: ClosedFormKind;
  /** (MC − closed form) / SE: a check for exact closed forms; for the Asian, the gap to the bound. */
  zScore: number;
  /** One line: what it costs relative to the vanilla and what protection it leaves out. */
  note: string;
}

/** Result of {@link exoticProtection}. */
export interface ExoticProtection {
  /** Spot = median index_price, USD. */
  spot: number;
  expiryLabel: string;
  days: number;
  expiryYears: number;
  /** The expiry's forward F (of the vanilla's row), USD: the GBM's starting level. */
  forward: number;
  /** Flat vol for every contract: the recomputed IV of the put nearest 90 % of spot. */
  vol: number;
  /** Instrument whose IV is used. */
  volInstrument: string;
  /** Daily fixings of the Asian (round(days), at least 1). */
  fixings: number;
  mc: { paths: number; seed: number; antithetic: true; model: 'gbm'; rate: 0; barrierMonitoring: 'continuous' };
  rows: ExoticRow[];
}

/** Options of {@link exoticProtection}. */
export interface ExoticOptions {
  paths?: number;
  seed?: number;
  /** Called when a Monte Carlo run starts; returns that run's progress callback (or undefined). */
  progress?: (label: string) => ((p: McProgress) => void) | undefined;
}

const pctFmt = (x: number): string => `${(x * 100).toFixed(0)}%`;

/**
 * Prices the section; null when the chain has no unexpired put expiry or too few put strikes.
 * @param chain one currency's options
 * @param solved its recomputed IVs
 * @param spot USD (median index_price).
 */
export async function exoticProtection(chain: OptionChain, solved: ChainIv, spot: number,
  opts: ExoticOptions = {}): Promise<ExoticProtection | null> {
  const paths = opts.paths ?? MC_PATHS;
  const seed = opts.seed ?? MC_SEED;
  const groups = groupByExpiry(chain).filter((g) => g.days > 0);
  const gi = nearestIndex(groups.map((g) => g.days), EXOTIC_DAYS);
  if (gi < 0) return null;
  const g = groups[gi]!;
  const puts = g.indices
    .filter((i) => chain.isCall[i] === 0 && Number.isFinite(solved.vol[i]!) && solved.vol[i]! > 0)
    .sort((a, b) => chain.strike[a]! - chain.strike[b]!);
  const strikes = puts.map((i) => chain.strike[i]!);
  const at = (m: number): number => puts[nearestIndex(strikes, m * spot)]!;
  if (puts.length < 2) return null;
  const i90 = at(EXOTIC_MONEYNESS);
  const [iLong, iShort] = [at(SPREAD_MONEYNESS.long), at(SPREAD_MONEYNESS.short)];
  const F = chain.forward[i90]!;
  const T = solved.expiryYears[i90]!;
  const vol = solved.vol[i90]!;
  const K = chain.strike[i90]!;
  const [kLong, kShort] = [chain.strike[iLong]!, chain.strike[iShort]!];
  const H = BARRIER_MONEYNESS * spot;
  const days = solved.days[i90]!;
  const fixings = Math.max(1, Math.round(days));
  if (!(T > 0) || T > MAX_EXPIRY_YEARS || days > MAX_EXOTIC_DAYS || !(F > 0) || !(vol <= MAX_VOL)) return null;
  try {
    return await price();
  } catch (err) {
    if (err instanceof TailguardError) return null; // inputs outside the pricers' ranges (e.g. a tiny F)
    throw err;
  }

  async function price(): Promise<ExoticProtection> {

  const model = { type: 'gbm' as const, spot: F, vol, rate: 0 };
  const mc = async (label: string, payoff: McPayoff) => {
    const onProgress = opts.progress?.(label);
    return monteCarlo({ model, payoff, expiryYears: T, paths, seed, antithetic: true }, onProgress ? { onProgress } : undefined);
  };
  const common = { type: 'put' as const, spot: F, expiryYears: T, vol, rate: 0 };
  const bl = (k: number): number => black76({ type: 'put', forward: F, strike: k, expiryYears: T, vol, rate: 0 }).price;

  const van = await mc('vanilla put', { type: 'european', optionType: 'put', strike: K });
  const asian = await mc('Asian put', { type: 'asian', average: 'arithmetic', optionType: 'put', strike: K, fixings });
  // Down-and-in: the barrier must be below F for 'down'; if it is not, the option is already knocked in.
  const di = await mc('down-and-in put', {
    type: 'barrier', optionType: 'put', strike: K, barrier: H, direction: 'down', knock: 'in', monitoring: 'continuous',
  });
  const long = await mc('spread, long leg', { type: 'european', optionType: 'put', strike: kLong });
  const short = await mc('spread, short leg', { type: 'european', optionType: 'put', strike: kShort });

  const vanCf = bl(K);
  const asianCf = geometricAsian({ ...common, strike: K, fixings }).price;
  const diCf = barrierOption({ ...common, strike: K, barrier: H, direction: 'down', knock: 'in' }).price;
  const spreadCf = bl(kLong) - bl(kShort);

  const row = (kind: ExoticRow['kind'], label: string, price: number, se: number, cf: number, cfKind: ClosedFormKind,
    extra: { strike: number; shortStrike?: number; barrier?: number }, note: (ratio: number) => string): ExoticRow => {
    const ratio = price / van.price;
    return {
      kind, label, strike: extra.strike, shortStrike: extra.shortStrike ?? null, barrier: extra.barrier ?? null,
      mcUsd: price, mcStandardErrorUsd: se, mcPctSpot: price / spot, ratioToVanilla: ratio,
      closedFormUsd: cf, closedFormPctSpot: cf / spot, closedFormKind: cfKind,
      zScore: se > 0 ? (price - cf) / se : Number.NaN, note: note(ratio),
    };
  };
  const kPct = pctFmt(K / spot);
  const rows: ExoticRow[] = [
    row('vanilla', `vanilla put K ${kPct}`, van.price, van.standardError, vanCf, 'black76', { strike: K },
      () => `the reference: pays K - S at expiry on any fall below K ${kPct} of spot`),
    row('asian', `Asian put K ${kPct}, ${fixings} daily fixings`, asian.price, asian.standardError, asianCf, 'geometricAsian',
      { strike: K }, (r) => `${pctFmt(r)} of the vanilla: pays on the average, so a late crash is only partly covered`),
    row('downAndIn', `down-and-in put K ${kPct}, H ${pctFmt(BARRIER_MONEYNESS)}`, di.price, di.standardError, diCf,
      'barrierOption', { strike: K, barrier: H },
      (r) => `${pctFmt(r)} of the vanilla: pays nothing unless spot touches H (${pctFmt(BARRIER_MONEYNESS)}) before expiry`),
    row('putSpread', `put spread ${pctFmt(kLong / spot)}/${pctFmt(kShort / spot)}`, long.price - short.price,
      long.standardError + short.standardError, spreadCf, 'black76Spread', { strike: kLong, shortStrike: kShort },
      (r) => `${pctFmt(r)} of the vanilla (higher long strike): pays at most ${grouped(kLong - kShort)} USD, nothing more below the short strike`),
  ];
  return {
    spot, expiryLabel: expiryLabel(g.expiryMs), days, expiryYears: T, forward: F, vol,
    volInstrument: chain.instrument[i90]!, fixings,
    mc: { paths, seed, antithetic: true, model: 'gbm', rate: 0, barrierMonitoring: 'continuous' },
    rows,
  };
  }
}
