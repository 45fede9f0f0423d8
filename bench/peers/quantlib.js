// npm `@quantlib/ql` 0.3.6: a JavaScript port of QuantLib (one 13 MB minified ES module, ql.mjs).
//
// Analytic Black–Scholes–Merton in QuantLib is `AnalyticEuropeanEngine`, which builds an object graph
// per option (payoff, exercise date, quotes, flat term structures, a process) and delegates to
// `BlackScholesCalculator` (price and Greeks) / `blackFormula`. The engine works in Dates: an
// expiry is a whole number of days from the evaluation date, so arbitrary year fractions (the
// intraday expiries here) cannot be given, and the graph costs ~150–200 µs per option (measured by
// `engineEvidence` below). The adapter therefore calls the engine's kernels directly, the fastest
// correct path through the public API (the engine returns the same numbers to the last bits):
// - price only: `blackFormula1(type, K, F, σ√T, e^{−rT})`, F = S·e^{(r−q)T};
// - price + Greeks: `new BlackScholesCalculator().bscInit2(type, K, S, e^{−qT}, σ√T, e^{−rT})`, then
//   value(), delta(), gamma(), vega(T), theta(T), rho(T) — QuantLib's units are tailguard's (vega per
//   1.00, theta = calendar ∂V/∂t per year, rho per 1.00 with q fixed); no vanna/volga/charm on it;
// - implied vol: `blackFormulaImpliedStdDev1(type, K, F, price, e^{−rT})` (defaults: accuracy 1e-6 on
//   σ√T, 100 evaluations, Newton-safe in [0, 24]) ÷ √T.
// QuantLib throws (QL_REQUIRE) instead of returning NaN: caught here, stored as NaN, counted.
import * as ql from '@quantlib/ql';
import { FIRST, outputColumns } from './columns.js';

const { BlackScholesCalculator, Option, blackFormula1, blackFormulaImpliedStdDev1 } = ql;
const CALL = Option.Type.Call;
const PUT = Option.Type.Put;

export function quantlib() {
  const price = (inp) => {
    const out = outputColumns('ql-price', inp, ['price']);
    for (let i = 0; i < inp.n; i++) {
      const t = inp.expiries[i]; const r = inp.rates[i];
      const forward = inp.spots[i] * Math.exp((r - inp.dividendYields[i]) * t);
      try {
        out.price[i] = blackFormula1(inp.isCall[i] === 1 ? CALL : PUT, inp.strikes[i], forward, inp.vols[i] * Math.sqrt(t), Math.exp(-r * t));
      } catch {
        out.price[i] = NaN;
      }
    }
    return out;
  };
  const first = (inp) => {
    const out = outputColumns('ql-first', inp, FIRST);
    for (let i = 0; i < inp.n; i++) {
      const t = inp.expiries[i];
      try {
        const c = new BlackScholesCalculator().bscInit2(inp.isCall[i] === 1 ? CALL : PUT, inp.strikes[i], inp.spots[i],
          Math.exp(-inp.dividendYields[i] * t), inp.vols[i] * Math.sqrt(t), Math.exp(-inp.rates[i] * t));
        out.price[i] = c.value();
        out.delta[i] = c.delta();
        out.gamma[i] = c.gamma();
        out.vega[i] = c.vega(t);
        out.theta[i] = c.theta(t);
        out.rho[i] = c.rho(t);
      } catch {
        for (const k of FIRST) out[k][i] = NaN;
      }
    }
    return out;
  };
  const iv = (inp) => {
    const out = outputColumns('ql-iv', inp, ['vol']);
    for (let i = 0; i < inp.n; i++) {
      const t = inp.expiries[i]; const r = inp.rates[i];
      const forward = inp.spots[i] * Math.exp((r - inp.dividendYields[i]) * t);
      try {
        out.vol[i] = blackFormulaImpliedStdDev1(inp.isCall[i] === 1 ? CALL : PUT, inp.strikes[i], forward, inp.prices[i],
          Math.exp(-r * t)) / Math.sqrt(t);
      } catch {
        out.vol[i] = NaN;
      }
    }
    return out;
  };
  return {
    id: 'quantlib',
    label: '@quantlib/ql (BlackScholesCalculator / blackFormula)',
    kind: 'peer',
    packages: ['@quantlib/ql'],
    dividends: true,
    workloads: { price, first, iv },
    notes: 'a 13 MB module. The public analytic path, `AnalyticEuropeanEngine`, needs dates (whole-day expiries) and an object graph per option (see the engine figure above), so its kernels are timed. Accurate cdf, but prices are F·N(d1) − K·N(d2) (cancellation: ~1e-5 relative on small out-of-the-money prices). `blackFormulaImpliedStdDev` defaults to an accuracy of 1e-6 on σ√T and returns 0 without an error for prices below ~1e-30 of the spot.',
  };
}

/**
 * The full QuantLib path (AnalyticEuropeanEngine over quotes and flat curves, Actual/365 Fixed,
 * expiry rounded to whole days) on the first `m` options: options/s and the largest difference from
 * BlackScholesCalculator on the same (day-rounded) inputs.
 */
export function engineEvidence(inp, m = 200) {
  const {
    Actual365Fixed, AnalyticEuropeanEngine, BlackConstantVol, BlackScholesMertonProcess, DateExt, EuropeanExercise,
    EuropeanOption, FlatForward, Handle, NullCalendar, PlainVanillaPayoff, Settings, SimpleQuote,
  } = ql;
  const today = DateExt.UTC('7,March,2014');
  Settings.evaluationDate.set(today);
  const dc = new Actual365Fixed();
  const run = () => {
    let maxRel = 0;
    for (let i = 0; i < m; i++) {
      const days = Math.max(1, Math.round(inp.expiries[i] * 365));
      const type = inp.isCall[i] === 1 ? CALL : PUT;
      const option = new EuropeanOption(new PlainVanillaPayoff(type, inp.strikes[i]), new EuropeanExercise(DateExt.add(today, days)));
      const curve = (x) => new Handle(new FlatForward().ffInit1(today, new Handle(new SimpleQuote(x)), dc));
      const vol = new Handle(new BlackConstantVol().bcvInit2(today, new NullCalendar(), new Handle(new SimpleQuote(inp.vols[i])), dc));
      const process = new BlackScholesMertonProcess(new Handle(new SimpleQuote(inp.spots[i])), curve(inp.dividendYields[i]),
        curve(inp.rates[i]), vol);
      option.setPricingEngine(new AnalyticEuropeanEngine().init1(process));
      const npv = option.NPV();
      option.delta(); option.gamma(); option.vega(); option.theta(); option.rho();
      const t = days / 365;
      const c = new BlackScholesCalculator().bscInit2(type, inp.strikes[i], inp.spots[i], Math.exp(-inp.dividendYields[i] * t),
        inp.vols[i] * Math.sqrt(t), Math.exp(-inp.rates[i] * t));
      const rel = Math.abs(npv - c.value()) / Math.max(Math.abs(c.value()), 1e-300);
      if (rel > maxRel) maxRel = rel;
    }
    return maxRel;
  };
  run(); // warm-up
  const t0 = performance.now();
  const maxRel = run();
  const seconds = (performance.now() - t0) / 1000;
  return { options: m, optionsPerSecond: m / seconds, maxRelDiffFromCalculator: maxRel };
}
