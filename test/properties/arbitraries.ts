// fast-check generators of option inputs shared by the property tests.
import fc from 'fast-check';
import type { OptionType } from '../../src/options/types.js';

/** One option on a spot (Black–Scholes–Merton) or a forward (Black-76, `dividendYield` unused). */
export interface Option {
  type: OptionType;
  /** Spot (BSM) or forward (Black-76). */
  underlying: number;
  strike: number;
  expiryYears: number;
  vol: number;
  rate: number;
  dividendYield: number;
}

/** Seed and run counts: fixed so that every run checks the same inputs. */
export const SEED = 42;

const type = fc.constantFrom<OptionType>('call', 'put');
/** Doubles in [min, max] without NaN (fast-check spreads them over the binary exponents). */
const dbl = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });

/**
 * Moderate inputs: underlying 1…1e5, expiry 0.02…5 years, vol 0.05…2, rate −0.05…0.15, yield 0…0.1,
 * strike = F·e^{z·σ√T} with z in [−2.5, 2.5] (within 2.5 standard deviations of the forward), so that
 * prices and Greeks are well-conditioned numbers rather than underflowed tails.
 */
export const moderateOption: fc.Arbitrary<Option> = fc
  .record({
    type,
    underlying: dbl(1, 1e5),
    expiryYears: dbl(0.02, 5),
    vol: dbl(0.05, 2),
    rate: dbl(-0.05, 0.15),
    dividendYield: dbl(0, 0.1),
    z: dbl(-2.5, 2.5),
  })
  .map(({ z, ...o }) => {
    const forward = o.underlying * Math.exp((o.rate - o.dividendYield) * o.expiryYears);
    return { ...o, strike: forward * Math.exp(z * o.vol * Math.sqrt(o.expiryYears)) };
  });

/**
 * Wide valid inputs: strikes 0.2…5 times the underlying, expiry 0…10 (0 included), vol 0…3 (0
 * included), |rate|, yield ≤ 0.2. Prices may be tiny or exactly intrinsic.
 */
export const wideOption: fc.Arbitrary<Option> = fc
  .record({
    type,
    underlying: dbl(0.01, 1e6),
    moneyness: dbl(0.2, 5),
    expiryYears: fc.oneof({ weight: 1, arbitrary: fc.constant(0) }, { weight: 9, arbitrary: dbl(0, 10) }),
    vol: fc.oneof({ weight: 1, arbitrary: fc.constant(0) }, { weight: 9, arbitrary: dbl(0, 3) }),
    rate: dbl(-0.2, 0.2),
    dividendYield: dbl(-0.2, 0.2),
  })
  .map(({ moneyness, ...o }) => ({ ...o, strike: o.underlying * moneyness }));

/**
 * Limit inputs: expiry 0 or vol 0; either exactly at the money-forward (S = K, r = q) or clearly off it
 * (strike at least 0.1% away or r − q at least 1e-4 apart), so that the side of the money does not hang
 * on rounding.
 */
export const limitOption: fc.Arbitrary<Option> = fc
  .record({
    type,
    underlying: dbl(1, 1e4),
    moneyness: fc.oneof(fc.constant(1), dbl(0.5, 0.999), dbl(1.001, 2)),
    zeroExpiry: fc.boolean(),
    expiryYears: dbl(0.01, 5),
    vol: dbl(0, 2),
    rate: dbl(-0.1, 0.1),
    yieldOffset: fc.oneof(fc.constant(0), dbl(1e-4, 0.1), dbl(-0.1, -1e-4)),
  })
  .map(({ moneyness, zeroExpiry, yieldOffset, ...o }) => ({
    type: o.type,
    underlying: o.underlying,
    strike: moneyness === 1 ? o.underlying : o.underlying * moneyness,
    expiryYears: zeroExpiry ? 0 : o.expiryYears,
    vol: zeroExpiry ? o.vol : 0,
    rate: o.rate,
    dividendYield: o.rate + yieldOffset,
  }));

/** At the money-forward by construction of {@link limitOption} (S = K and r = q, or S = K at expiry 0). */
export function atTheMoneyForward(o: Option, model: 'bsm' | 'black76'): boolean {
  return o.underlying === o.strike && (model === 'black76' || o.expiryYears === 0 || o.rate === o.dividendYield);
}

/** A bad value for each validated field, with the fields it applies to. */
export const BAD_VALUES: Record<'underlying' | 'strike' | 'expiryYears' | 'vol' | 'rate' | 'dividendYield', number[]> = {
  underlying: [0, -1, NaN, Infinity, -Infinity],
  strike: [0, -100, NaN, Infinity],
  expiryYears: [-0.5, 50.5, 365, NaN, Infinity],
  vol: [-0.01, 10.01, 80, NaN, Infinity],
  rate: [1.5, -1.01, 5, NaN, Infinity],
  dividendYield: [1.01, -3, NaN, -Infinity],
};

/** An element of a batch that is either a valid option or one with exactly one bad field (or a bad isCall code). */
export interface BatchElement extends Option {
  isCallCode: number;
  /** The bad field, if any. */
  bad: keyof typeof BAD_VALUES | 'isCall' | null;
}

/** Batch elements: 70% valid wide inputs, 30% with one bad field (isCall codes 2 or 255 included). */
export function batchElement(withYield: boolean): fc.Arbitrary<BatchElement> {
  const fields = (Object.keys(BAD_VALUES) as (keyof typeof BAD_VALUES)[]).filter((f) => withYield || f !== 'dividendYield');
  const good = wideOption.map((o): BatchElement => ({ ...o, isCallCode: o.type === 'call' ? 1 : 0, bad: null, dividendYield: withYield ? o.dividendYield : 0 }));
  const badField = fc.tuple(wideOption, fc.constantFrom(...fields), fc.nat()).map(([o, f, i]): BatchElement => {
    const values = BAD_VALUES[f];
    return { ...o, dividendYield: withYield ? o.dividendYield : 0, [f]: values[i % values.length]!, isCallCode: o.type === 'call' ? 1 : 0, bad: f };
  });
  const badType = fc.tuple(wideOption, fc.constantFrom(2, 3, 255)).map(([o, code]): BatchElement => ({
    ...o, dividendYield: withYield ? o.dividendYield : 0, isCallCode: code, bad: 'isCall',
  }));
  return fc.oneof({ weight: 7, arbitrary: good }, { weight: 2, arbitrary: badField }, { weight: 1, arbitrary: badType });
}

/** Discounted forward S e^{−qT} (BSM) or F e^{−rT} (Black-76), discounted strike, and intrinsic value. */
export function discounted(o: Option, model: 'bsm' | 'black76'): { sd: number; kd: number; intrinsic: number; maximum: number } {
  const q = model === 'bsm' ? o.dividendYield : o.rate;
  const sd = o.underlying * Math.exp(-q * o.expiryYears);
  const kd = o.strike * Math.exp(-o.rate * o.expiryYears);
  const w = o.type === 'call' ? 1 : -1;
  return { sd, kd, intrinsic: Math.max(w * (sd - kd), 0), maximum: o.type === 'call' ? sd : kd };
}
