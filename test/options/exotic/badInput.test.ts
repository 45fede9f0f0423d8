// Bad input for every field of the exotic pricers: InvalidInputError (code INVALID_INPUT) whose details
// name the field and carry the value, and whose message shows it.
import { describe, expect, it } from 'vitest';
import { barrierOption, geometricAsian, InvalidInputError, lookbackOption } from '../../../src/index.js';
import { useWasm } from '../../helpers/wasm.js';

useWasm();

function rejects(f: () => unknown, field: string, value: unknown): void {
  let err: unknown;
  try { f(); } catch (e) { err = e; }
  expect(err, `${field} = ${String(value)} should throw`).toBeInstanceOf(InvalidInputError);
  const e = err as InvalidInputError;
  expect(e.code).toBe('INVALID_INPUT');
  expect(e.details.field).toBe(field);
  if (typeof value === 'number' && !Array.isArray(value)) expect(e.message).toContain(String(value));
}

const COMMON_BAD: [string, unknown][] = [
  ['type', 'straddle'], ['type', undefined], ['spot', -1], ['spot', 0], ['spot', NaN], ['spot', '100'], ['spot', 1e101],
  ['expiryYears', -0.1], ['expiryYears', 365], ['expiryYears', Infinity], ['vol', -0.2], ['vol', 20], ['vol', NaN],
  ['rate', 5], ['rate', NaN], ['dividendYield', -3], ['dividendYield', '0.01'],
];

const asian = { type: 'call', spot: 100, strike: 100, expiryYears: 1, vol: 0.2, rate: 0.05, dividendYield: 0.03 };
const barrier = { ...asian, barrier: 90, direction: 'down', knock: 'out', rebate: 1 };
const lookback = { type: 'call', spot: 100, expiryYears: 1, vol: 0.2, rate: 0.05, strikeType: 'floating' };

describe('geometricAsian bad input', () => {
  for (const [field, value] of [...COMMON_BAD, ['strike', 0], ['strike', -5], ['strike', null]] as [string, unknown][]) {
    it(`${field} = ${String(value)}`, () => rejects(() => geometricAsian({ ...asian, [field]: value } as never), field, value));
  }
  for (const value of [0, -3, 2.5, 100_001, NaN, '12', true]) {
    it(`fixings = ${String(value)}`, () => rejects(() => geometricAsian({ ...asian, fixings: value } as never), 'fixings', value));
  }
  it('fixings: empty array', () => rejects(() => geometricAsian({ ...asian, fixings: [] } as never), 'fixings', []));
  it('fixings[0] = 0 (t = 0 excluded)', () => rejects(() => geometricAsian({ ...asian, fixings: [0, 0.5, 1] } as never), 'fixings[0]', 0));
  it('fixings not increasing', () => rejects(() => geometricAsian({ ...asian, fixings: [0.2, 0.6, 0.6, 1] } as never), 'fixings[2]', 0.6));
  it('fixings beyond expiry', () => rejects(() => geometricAsian({ ...asian, fixings: [0.5, 1.01] } as never), 'fixings[1]', 1.01));
  it('fixings with NaN', () => rejects(() => geometricAsian({ ...asian, fixings: new Float64Array([0.5, NaN]) } as never), 'fixings[1]', NaN));
  it('fixings times with expiry 0 (none can lie in (0, 0])', () => rejects(() => geometricAsian({ ...asian, expiryYears: 0, fixings: [0.1] } as never), 'fixings[0]', 0.1));
  it('a forward is not an input', () => rejects(() => geometricAsian({ ...asian, forward: 100 } as never), 'forward', 100));
  it('input not an object', () => rejects(() => geometricAsian(null as never), 'input', null));
});

describe('barrierOption bad input', () => {
  const bad: [string, unknown][] = [...COMMON_BAD, ['strike', 0], ['barrier', 0], ['barrier', -90], ['barrier', NaN], ['barrier', undefined],
    ['barrier', 1e101], ['direction', 'sideways'], ['direction', undefined], ['knock', 'knock-out'], ['knock', undefined],
    ['rebate', -1], ['rebate', NaN], ['rebate', '3'], ['rebate', Infinity], ['monitoring', 'daily']];
  for (const [field, value] of bad) {
    it(`${field} = ${String(value)}`, () => rejects(() => barrierOption({ ...barrier, [field]: value } as never), field, value));
  }
  it('fixings without discrete monitoring', () => rejects(() => barrierOption({ ...barrier, fixings: 12 } as never), 'fixings', 12));
  it('discrete monitoring without fixings', () => rejects(() => barrierOption({ ...barrier, monitoring: 'discrete' } as never), 'fixings', undefined));
  for (const value of [0, 1.5, 200_000, [0.5, 1]]) {
    it(`discrete monitoring with fixings = ${String(value)}`, () => rejects(() => barrierOption({ ...barrier, monitoring: 'discrete', fixings: value } as never), 'fixings', value));
  }
});

describe('lookbackOption bad input', () => {
  const bad: [string, unknown][] = [...COMMON_BAD, ['strikeType', 'american'], ['strikeType', undefined], ['runningExtremum', 0],
    ['runningExtremum', NaN], ['runningExtremum', -100]];
  for (const [field, value] of bad) {
    it(`${field} = ${String(value)}`, () => rejects(() => lookbackOption({ ...lookback, [field]: value } as never), field, value));
  }
  it('floating call: runningExtremum above the spot (it is a minimum)', () => rejects(() => lookbackOption({ ...lookback, runningExtremum: 101 } as never), 'runningExtremum', 101));
  it('floating put: runningExtremum below the spot (it is a maximum)', () => rejects(() => lookbackOption({ ...lookback, type: 'put', runningExtremum: 99 } as never), 'runningExtremum', 99));
  it('fixed call: runningExtremum below the spot', () => rejects(() => lookbackOption({ ...lookback, strikeType: 'fixed', strike: 100, runningExtremum: 99 } as never), 'runningExtremum', 99));
  it('fixed put: runningExtremum above the spot', () => rejects(() => lookbackOption({ ...lookback, type: 'put', strikeType: 'fixed', strike: 100, runningExtremum: 101 } as never), 'runningExtremum', 101));
  it('fixed without strike', () => rejects(() => lookbackOption({ ...lookback, strikeType: 'fixed' } as never), 'strike', undefined));
  it('fixed with a bad strike', () => rejects(() => lookbackOption({ ...lookback, strikeType: 'fixed', strike: -1 } as never), 'strike', -1));
  it('floating with a strike', () => rejects(() => lookbackOption({ ...lookback, strike: 100 } as never), 'strike', 100));
});
