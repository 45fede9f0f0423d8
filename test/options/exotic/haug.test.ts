// Published values, as quoted in QuantLib's test-suite (github.com/lballabio/QuantLib, test-suite/):
//   barrieroption.cpp testHaugValues — E. G. Haug, "Option Pricing Formulas", McGraw-Hill 1998, p. 72
//     (S 100, r 0.08, q 0.04, T 0.5, rebate 3; printed to 4 decimals);
//   barrieroption.cpp testBabsiriValues — M. El Babsiri, G. Noel, J. Derivatives 6(2) 1998 (1e-5);
//   barrieroption.cpp testBeagleholeValues — Beaglehole, Dybvig, Zhou, FAJ 53(1) 1997 (1e-3);
//   asianoptions.cpp testAnalyticContinuousGeometricAveragePrice — Haug 1998 pp. 96–97 (4.6922);
//   asianoptions.cpp testAnalyticDiscreteGeometricAveragePrice — Clewlow & Strickland, "Implementing
//     Derivatives Models" pp. 118–123 (5.3425606635, 10 fixings every 36 days of an Actual360 year);
//   lookbackoptions.cpp testAnalyticContinuousFloatingLookback — Haug 1998 pp. 61–62, and Broadie,
//     Glasserman, Kou 1999 pp. 70–74; testAnalyticContinuousFixedLookback — Haug 1998 pp. 63–64;
//   lookbackoptions.cpp testAnalyticContinuousLookbackZeroCarry — r = q limits at 50 digits (1e-8).
// Times: QuantLib's tests use Actual360 with whole days, so T = 0.5 and 1 exactly.
import { describe, it } from 'vitest';
import { barrierOption, blackScholes, geometricAsian, lookbackOption } from '../../../src/index.js';
import { useWasm } from '../../helpers/wasm.js';
import { close } from './helpers.js';

useWasm();

type T3 = [dir: 'down' | 'up', knock: 'in' | 'out', H: number];
const BT: Record<string, T3> = { DO: ['down', 'out', 95], DI: ['down', 'in', 95], UO: ['up', 'out', 105], UI: ['up', 'in', 105] };
// [type, kind, barrier, vol, K90, K100, K110] — Haug 1998 p. 72
const HAUG_BARRIER: [('call' | 'put'), 'DO' | 'DI' | 'UO' | 'UI', number, number, number, number, number][] = [
  ['call', 'DO', 95, 0.25, 9.0246, 6.7924, 4.8759], ['call', 'DO', 100, 0.25, 3, 3, 3], ['call', 'UO', 105, 0.25, 2.6789, 2.3580, 2.3453],
  ['call', 'DI', 95, 0.25, 7.7627, 4.0109, 2.0576], ['call', 'DI', 100, 0.25, 13.8333, 7.8494, 3.9795], ['call', 'UI', 105, 0.25, 14.1112, 8.4482, 4.5910],
  ['call', 'DO', 95, 0.3, 8.8334, 7.0285, 5.4137], ['call', 'DO', 100, 0.3, 3, 3, 3], ['call', 'UO', 105, 0.3, 2.6341, 2.4389, 2.4315],
  ['call', 'DI', 95, 0.3, 9.0093, 5.1370, 2.8517], ['call', 'DI', 100, 0.3, 14.8816, 9.2045, 5.3043], ['call', 'UI', 105, 0.3, 15.2098, 9.7278, 5.8350],
  ['put', 'DO', 95, 0.25, 2.2798, 2.2947, 2.6252], ['put', 'DO', 100, 0.25, 3, 3, 3], ['put', 'UO', 105, 0.25, 3.7760, 5.4932, 7.5187],
  ['put', 'DI', 95, 0.25, 2.9586, 6.5677, 11.9752], ['put', 'DI', 100, 0.25, 2.2845, 5.9085, 11.6465], ['put', 'UI', 105, 0.25, 1.4653, 3.3721, 7.0846],
  ['put', 'DO', 95, 0.3, 2.4170, 2.4258, 2.6246], ['put', 'DO', 100, 0.3, 3, 3, 3], ['put', 'UO', 105, 0.3, 4.2293, 5.8032, 7.5649],
  ['put', 'DI', 95, 0.3, 3.8769, 7.7989, 13.3078], ['put', 'DI', 100, 0.3, 3.3328, 7.2636, 12.9713], ['put', 'UI', 105, 0.3, 2.0658, 4.4226, 8.3686],
];

describe('Haug (1998) p. 72 barrier table, as quoted in QuantLib barrieroption.cpp (±1e-4)', () => {
  for (const [type, kind, H, vol, ...values] of HAUG_BARRIER) {
    const [direction, knock] = BT[kind]!;
    [90, 100, 110].forEach((strike, j) => {
      it(`${kind} ${type} H ${H} K ${strike} vol ${vol}: ${values[j]}`, () => {
        const v = barrierOption({ type, spot: 100, strike, barrier: H, direction, knock, rebate: 3, rate: 0.08, dividendYield: 0.04, expiryYears: 0.5, vol });
        close(v.price, values[j]!, 0, 1e-4); // QuantLib's tolerance for the 4-decimal table
      });
    });
  }
  it('H = spot: knock-outs are worth the rebate and knock-ins the vanilla (already touched)', () => {
    const m = { spot: 100, strike: 90, rate: 0.08, dividendYield: 0.04, expiryYears: 0.5, vol: 0.25 };
    const van = blackScholes({ type: 'call', ...m });
    const ki = barrierOption({ type: 'call', ...m, barrier: 100, direction: 'down', knock: 'in', rebate: 3 });
    close(ki.price, van.price, 1e-15);
    close(ki.delta, van.delta, 1e-15);
    close(ki.vega, van.vega, 1e-15);
    const ko = barrierOption({ type: 'call', ...m, barrier: 100, direction: 'down', knock: 'out', rebate: 3 });
    close(ko.price, 3, 0, 0);
    close(ko.delta, 0, 0, 0);
  });
});

describe('Babsiri & Noel (1998) and Beaglehole et al. (1997) barrier values, as quoted in QuantLib', () => {
  const babsiri: [number, 'in', number, 'down' | 'up', number][] = [
    [0.10, 'in', 90, 'down', 0.07187], [0.15, 'in', 90, 'down', 0.60638], [0.20, 'in', 90, 'down', 1.64005],
    [0.25, 'in', 90, 'down', 2.98495], [0.30, 'in', 90, 'down', 4.50952], [0.10, 'in', 110, 'up', 4.79148],
    [0.15, 'in', 110, 'up', 7.08268], [0.20, 'in', 110, 'up', 9.11008], [0.25, 'in', 110, 'up', 11.06148],
    [0.30, 'in', 110, 'up', 12.98351],
  ];
  for (const [vol, knock, barrier, direction, value] of babsiri) {
    it(`${direction}-and-in call H ${barrier} vol ${vol}: ${value} (±1e-5)`, () => {
      const v = barrierOption({ type: 'call', spot: 100, strike: 100, barrier, direction, knock, rate: 0.05, dividendYield: 0.02, expiryYears: 1, vol });
      close(v.price, value, 0, 1e-5);
    });
  }
  it('Beaglehole: down-and-out call S 50, K 50, H 45, r ln 1.1, vol 0.5, T 1: 5.477 (±1e-3)', () => {
    const v = barrierOption({ type: 'call', spot: 50, strike: 50, barrier: 45, direction: 'down', knock: 'out', rate: Math.log(1.1), expiryYears: 1, vol: 0.5 });
    close(v.price, 5.477, 0, 1e-3);
  });
});

describe('geometric Asians as quoted in QuantLib asianoptions.cpp', () => {
  it('Haug 1998 pp. 96–97: continuous geometric put S 80, K 85, q −0.03, r 0.05, T 90/360, vol 0.2: 4.6922', () => {
    const v = geometricAsian({ type: 'put', spot: 80, strike: 85, dividendYield: -0.03, rate: 0.05, expiryYears: 90 / 360, vol: 0.2 });
    close(v.price, 4.6922, 0, 5e-5);
  });
  it('Clewlow & Strickland pp. 118–123: discrete geometric call, 10 fixings, S 100, K 100, r 0.06, q 0.03, vol 0.2, T 1: 5.3425606635', () => {
    const v = geometricAsian({ type: 'call', spot: 100, strike: 100, dividendYield: 0.03, rate: 0.06, expiryYears: 1, vol: 0.2, fixings: 10 });
    close(v.price, 5.3425606635, 0, 1e-10);
  });
});

describe('lookbacks as quoted in QuantLib lookbackoptions.cpp', () => {
  const floating: ['call' | 'put', number, number, number, number, number, number, number][] = [
    // type, minmax, S, q, r, T, vol, value — Haug 1998 pp. 61–62, then Broadie–Glasserman–Kou 1999 pp. 70–74
    ['call', 100, 120, 0.06, 0.1, 0.5, 0.3, 25.3533],
    ['call', 100, 100, 0, 0.05, 1, 0.3, 23.7884], ['call', 100, 100, 0, 0.05, 0.2, 0.3, 10.7190], ['call', 100, 110, 0, 0.05, 0.2, 0.3, 14.4597],
    ['put', 100, 100, 0, 0.1, 0.5, 0.3, 15.3526], ['put', 110, 100, 0, 0.1, 0.5, 0.3, 16.8468], ['put', 120, 100, 0, 0.1, 0.5, 0.3, 21.0645],
  ];
  for (const [type, ext, spot, q, r, T, vol, value] of floating) {
    it(`floating ${type} extremum ${ext} S ${spot} T ${T}: ${value} (±1e-4)`, () => {
      const v = lookbackOption({ type, strikeType: 'floating', runningExtremum: ext, spot, dividendYield: q, rate: r, expiryYears: T, vol });
      close(v.price, value, 0, 1e-4); // QuantLib's tolerance
    });
  }
  // Haug 1998 pp. 63–64: S 100, extremum 100, q 0, r 0.1; [type, K, T, vol, value]
  const fixed: ['call' | 'put', number, number, number, number][] = [];
  const callVals = [13.2687, 18.9263, 24.9857, 8.5126, 14.1702, 20.2296, 4.3908, 9.8905, 15.8512, 18.3241, 26.0731, 34.7116, 13.8, 21.5489, 30.1874, 9.5445, 17.2965, 25.9002];
  const putVals = [0.6899, 4.4448, 8.9213, 3.3917, 8.3177, 13.1579, 8.1478, 13.0739, 17.914, 1.0534, 6.2813, 12.2376, 3.8079, 10.1294, 16.3889, 8.3321, 14.6536, 20.913];
  let j = 0;
  for (const T of [0.5, 1]) for (const K of [95, 100, 105]) for (const vol of [0.1, 0.2, 0.3]) {
    fixed.push(['call', K, T, vol, callVals[j]!], ['put', K, T, vol, putVals[j]!]);
    j++;
  }
  for (const [type, strike, T, vol, value] of fixed) {
    it(`fixed ${type} K ${strike} T ${T} vol ${vol}: ${value} (±1e-4)`, () => {
      const v = lookbackOption({ type, strikeType: 'fixed', strike, runningExtremum: 100, spot: 100, rate: 0.1, expiryYears: T, vol });
      close(v.price, value, 0, 1e-4); // QuantLib's tolerance
    });
  }
  // zero carry (r = q = 0.05), S 100, T 1, vol 0.3: QuantLib's "50-digit" limits, at QuantLib's tolerance 1e-8
  // (they differ from an mpmath evaluation of Haug's limit by up to 3.5e-11; the mpmath rows in
  // quantlib_exotic.json are matched to 1e-13)
  const zero: ['call' | 'put', 'floating' | 'fixed', number | undefined, number, number][] = [
    ['call', 'floating', undefined, 90, 21.817075601551579], ['put', 'floating', undefined, 110, 26.407720137984153],
    ['call', 'fixed', 95, 110, 31.163867260487723], ['call', 'fixed', 105, 100, 20.604933499041011],
    ['put', 'fixed', 105, 90, 26.573222724055149], ['put', 'fixed', 95, 100, 16.226584162874658],
  ];
  for (const [type, strikeType, strike, ext, value] of zero) {
    it(`zero carry ${strikeType} ${type} K ${String(strike)} extremum ${ext}: ${value} (±1e-8)`, () => {
      const v = lookbackOption({ type, strikeType, ...(strike === undefined ? {} : { strike }), runningExtremum: ext, spot: 100, rate: 0.05, dividendYield: 0.05, expiryYears: 1, vol: 0.3 });
      close(v.price, value, 0, 1e-8);
    });
  }
});
