// portfolioRisk: value and Greeks per underlying against mpmath (test/risk/portfolio_mpmath.py, 50 digits,
// Greeks as numerical derivatives of the closed-form portfolio value), Deribit inverse conventions
// (PROTOCOLS §7), and the shipped Deribit snapshot.
import { describe, expect, it } from 'vitest';
import { black76, portfolioRisk } from '../../src/index.js';
import { useWasm } from '../helpers/wasm.js';
import { MIXED } from './portfolioFixtures.js';

useWasm();

const rel = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);

describe('portfolioRisk on a mixed BTC/ETH book (expected: portfolio_mpmath.py)', () => {
  const r = () => portfolioRisk(MIXED);
  const mp = {
    BTC: { value: 119275.36832296043149, delta: -0.17379180161039997683, gamma: 0.00011203143499940938896, vega: 1667.6799992671099424, theta: -88257.561965841486679 },
    ETH: { value: 16906.416764293950817, delta: 6.6171020773151819597, gamma: 0.0049596034928210188858, vega: 3852.185178670572203, theta: -10935.925701670346643 },
  };
  it('total value 136181.7850872543823 USD', () => {
    expect(rel(r().valueUsd, 136181.7850872543823)).toBeLessThan(1e-12);
  });
  for (const u of ['BTC', 'ETH'] as const) {
    it(`${u}: value, delta, gamma, vega, theta (raw units) match mpmath`, () => {
      const g = r().underlyings.find((x) => x.underlying === u)!;
      expect(rel(g.valueUsd, mp[u].value)).toBeLessThan(1e-12);
      expect(rel(g.delta, mp[u].delta)).toBeLessThan(1e-9);
      expect(rel(g.gamma, mp[u].gamma)).toBeLessThan(1e-9);
      expect(rel(g.vega, mp[u].vega)).toBeLessThan(1e-9);
      expect(rel(g.theta, mp[u].theta)).toBeLessThan(1e-9);
    });
  }
  it('trader units: deltaUsd = delta·S, gamma per 1% = gamma·S²/100, vega per vol point = vega/100, theta per day = theta/365', () => {
    for (const g of r().underlyings) {
      expect(g.deltaCoins).toBe(g.delta);
      expect(g.deltaUsd).toBe(g.delta * g.spot);
      expect(g.gammaUsdPer1Pct).toBe((g.gamma * g.spot * g.spot) / 100);
      expect(g.vegaPerVolPoint).toBe(g.vega / 100);
      expect(g.thetaPerDay).toBe(g.theta / 365);
    }
    // ETH: 6.6171020773 coins ≈ 19851.306 USD; gamma 0.0049596 · 3000² / 100 = 446.364 USD of delta per +1%
    const eth = r().underlyings[1]!;
    expect(eth.deltaUsd).toBeCloseTo(6.6171020773151819597 * 3000, 6);
    expect(eth.gammaUsdPer1Pct).toBeCloseTo(0.0049596034928210188858 * 9e6 / 100, 6);
  });
  it('inverse ETH put: value in coin, forward delta and ∂V_coin/∂F match mpmath', () => {
    const inv = r().positions[4]!;
    expect(rel(inv.valueCoin!, 0.6354722547646502722)).toBeLessThan(1e-12);
    expect(rel(inv.coinDelta!, -0.001335006703471584157)).toBeLessThan(1e-9);
    expect(rel(inv.delta, -3.3828979226848180403)).toBeLessThan(1e-9); // spot delta of V_coin·S = the forward delta
    expect(rel(inv.coinAdjustedDelta!, 3010 * -0.001335006703471584157)).toBeLessThan(1e-9);
    const agg = r().underlyings[1]!.inverse!;
    expect(agg.valueCoin).toBe(inv.valueCoin);
    expect(agg.coinAdjustedDelta).toBe(inv.coinAdjustedDelta);
  });
  it('loan: HF = 10·3000·0.83 / 15000 = 1.66 (Aave v3 HF, via healthFactor); value = equity 15000', () => {
    const loan = r().positions[5]!;
    expect(loan.healthFactor).toBeCloseTo(1.66, 14);
    expect(loan.valueUsd).toBe(15_000);
    expect(loan.delta).toBe(10);
  });
  it('positions come back in input order with their kinds', () => {
    expect(r().positions.map((p) => p.kind)).toEqual(['spot', 'perpetual', 'option', 'option', 'option', 'loan', 'option']);
    expect(r().positions[1]!.valueUsd).toBe(-2000); // −1·(60000 − 58000)
  });
});

describe('inverse options: Deribit conventions (PROTOCOLS §7)', () => {
  const F = 3010, K = 2800, T = 45 / 365;
  it('coin delta equals a central finite difference of V_coin = black76(F)/F in F', () => {
    const coin = (f: number) => black76({ type: 'put', forward: f, strike: K, expiryYears: T, vol: 0.7 }).price / f;
    const h = 1e-4 * F; // truncation O(h²) ≈ 5e-8 relative here (4.5e-6 at h = 1e-3·F), rounding ≈ 1e-12
    const fd = (coin(F + h) - coin(F - h)) / (2 * h);
    const r = portfolioRisk({ market: { ETH: { spot: 3000 } }, positions: [{ kind: 'option', underlying: 'ETH', model: 'black76', settlement: 'inverse', type: 'put', strike: K, expiryYears: T, forward: F, quantity: 1, vol: 0.7 }] });
    expect(rel(r.positions[0]!.coinDelta!, fd)).toBeLessThan(1e-6);
  });
  it('coin put-call parity: long call − short put (same K, T, r = 0) is worth (F − K)/F coin, coin-adjusted delta K/F, forward delta 1', () => {
    const leg = (type: 'call' | 'put', quantity: number) => ({ kind: 'option' as const, underlying: 'BTC', model: 'black76' as const, settlement: 'inverse' as const, type, strike: 90_000, expiryYears: 0.25, forward: 95_000, quantity, vol: 0.5 });
    const r = portfolioRisk({ market: { BTC: { spot: 94_000 } }, positions: [leg('call', 1), leg('put', -1)] });
    const inv = r.underlyings[0]!.inverse!;
    expect(inv.valueCoin).toBeCloseTo(5_000 / 95_000, 14);
    expect(inv.forwardDelta).toBeCloseTo(1, 14);
    expect(inv.coinAdjustedDelta).toBeCloseTo(90_000 / 95_000, 14); // 1 − (F − K)/F = K/F
    expect(r.valueUsd).toBeCloseTo((5_000 / 95_000) * 94_000, 8); // coin value marked at spot
  });
  it("Deribit FAQ 'Delta Total': a call of delta 0.50 bought for 0.10 BTC adds 0.40 to DeltaTotal (= coin-adjusted delta)", () => {
    // Deribit FAQ "What does Delta Total in the account summary mean?" (quoted in greekslive.medium.com,
    // "Bitcoin Option's Premium and Its Delta"). Inputs chosen so that N(d1) = 0.5 and price/F = 0.1 exactly:
    // d1 = 0 ⇔ K/F = e^{x²/2}, x = σ√T; 0.5 − e^{x²/2}·N(−x) = 0.1 ⇒ x = 0.29883712278407740167 (mpmath findroot, 40 digits)
    const x = 0.29883712278407740167, T = 0.25, F = 100_000;
    const r = portfolioRisk({
      market: { BTC: { spot: F } },
      positions: [{ kind: 'option', underlying: 'BTC', model: 'black76', settlement: 'inverse', type: 'call', strike: F * Math.exp((x * x) / 2), expiryYears: T, forward: F, quantity: 1, vol: x / Math.sqrt(T) }],
    });
    const inv = r.underlyings[0]!.inverse!;
    expect(inv.forwardDelta).toBeCloseTo(0.5, 12);
    expect(inv.valueCoin).toBeCloseTo(0.1, 12);
    expect(inv.coinAdjustedDelta).toBeCloseTo(0.4, 12);
  });
  it('shipped snapshot row BTC-3JAN26-88000-C (2025-12-31 09:18:28Z): mark 0.01611722 BTC, Deribit delta 0.58048, vega 31.08267 USD/vp', () => {
    // data/deribit/deribit_options_snapshot_20251231T091828Z.csv row 2: underlying 88535.51428571428 (SYN forward),
    // implied_volatility 0.3601 (decimal), index 88482.42; T = (expiry 08:00Z − snapshot)/365 days (PROTOCOLS §7)
    const T = (Date.UTC(2026, 0, 3, 8) - (Date.UTC(2025, 11, 31, 9, 18, 28) + 589.807)) / 86_400_000 / 365;
    const r = portfolioRisk({
      market: { BTC: { spot: 88_482.42 } },
      positions: [{ kind: 'option', underlying: 'BTC', model: 'black76', settlement: 'inverse', type: 'call', strike: 88_000, expiryYears: T, forward: 88_535.51428571428, quantity: 1, vol: 0.3601 }],
    });
    const p = r.positions[0]!;
    expect(Math.abs(p.valueCoin! - 0.01611722)).toBeLessThan(2e-5); // IV rounded to 1e-4: ≤ vega_coin·5e-5 ≈ 2e-7, plus a non-atomic snapshot
    expect(Math.abs(r.underlyings[0]!.inverse!.forwardDelta - 0.58048)).toBeLessThan(5e-4);
    // our vega is of the USD-marked coin value (× S/F); Deribit's is USD per vol point on the forward
    expect(rel(r.underlyings[0]!.vegaPerVolPoint * (88_535.51428571428 / 88_482.42), 31.08267)).toBeLessThan(5e-3);
  });
});

describe('portfolioRisk: Black-76 legs on a default forward and BSM legs agree', () => {
  it('with F = S·e^{(r−q)T} a Black-76 USD leg equals the BSM leg (price, spot delta, gamma, vega)', () => {
    const m = { BTC: { spot: 50_000, rate: 0.04, dividendYield: 0.01, vol: 0.5 } };
    const leg = { kind: 'option' as const, underlying: 'BTC', type: 'call' as const, strike: 52_000, expiryYears: 0.5, quantity: 1 };
    const a = portfolioRisk({ market: m, positions: [leg] }).underlyings[0]!;
    const b = portfolioRisk({ market: m, positions: [{ ...leg, model: 'black76' }] }).underlyings[0]!;
    expect(rel(b.valueUsd, a.valueUsd)).toBeLessThan(1e-12);
    expect(rel(b.delta, a.delta)).toBeLessThan(1e-12);
    expect(rel(b.gamma, a.gamma)).toBeLessThan(1e-12);
    expect(rel(b.vega, a.vega)).toBeLessThan(1e-12);
  });
});
