// monteCarlo facade: validation of every field, progress, abort, and standard errors that match the
// spread of independent runs (antithetic and control-variate SEs included).
import { describe, expect, it } from 'vitest';
import { useWasm } from '../helpers/wasm.js';
import { AbortError, InvalidInputError, monteCarlo, planMonteCarlo, runBlocks, mergeBlocks, type McProgress, type MonteCarloSpec } from '../../src/index.js';

useWasm();

const good: MonteCarloSpec = { model: { type: 'gbm', spot: 100, vol: 0.2, rate: 0.05 }, payoff: { type: 'european', optionType: 'call', strike: 100 }, expiryYears: 1, paths: 1000, seed: 1 };

describe('validation: InvalidInputError naming the field and the value', () => {
  const cases: Array<[string, Record<string, unknown>, string]> = [
    ['spec', null as unknown as Record<string, unknown>, 'spec'],
    ['paths 0', { paths: 0 }, 'paths'],
    ['paths 1.5', { paths: 1.5 }, 'paths'],
    ['paths > 1e9', { paths: 2e9 }, 'paths'],
    ['odd paths with antithetic', { paths: 1001, antithetic: true }, 'paths'],
    ['steps 0', { steps: 0 }, 'steps'],
    ['steps 100001', { steps: 100_001 }, 'steps'],
    ['seed -1', { seed: -1 }, 'seed'],
    ['seed 2^53', { seed: 2 ** 53 }, 'seed'],
    ['seed 2^64 bigint', { seed: 2n ** 64n }, 'seed'],
    ['seed "x"', { seed: 'x' }, 'seed'],
    ['seed missing', { seed: undefined }, 'seed'],
    ['expiry 0', { expiryYears: 0 }, 'expiryYears'],
    ['expiry 365 (days)', { expiryYears: 365 }, 'expiryYears'],
    ['antithetic "yes"', { antithetic: 'yes' }, 'antithetic'],
    ['controlVariate 1', { controlVariate: 1 }, 'controlVariate'],
    ['quasiRandom "yes"', { quasiRandom: 'yes' }, 'quasiRandom'],
    ['quasiRandom with antithetic', { quasiRandom: true, antithetic: true }, 'antithetic'],
    ['confidence 1', { confidence: 1 }, 'confidence'],
    ['confidence 0', { confidence: 0 }, 'confidence'],
    ['blockSize 1000', { blockSize: 1000 }, 'blockSize'],
    ['blockSize 32', { blockSize: 32 }, 'blockSize'],
    ['model type', { model: { type: 'bachelier', spot: 100, vol: 0.2 } }, 'model.type'],
    ['spot -1', { model: { type: 'gbm', spot: -1, vol: 0.2 } }, 'model.spot'],
    ['vol 20 (percent)', { model: { type: 'gbm', spot: 100, vol: 20 } }, 'model.vol'],
    ['rate 5 (percent)', { model: { type: 'gbm', spot: 100, vol: 0.2, rate: 5 } }, 'model.rate'],
    ['dividendYield NaN', { model: { type: 'gbm', spot: 100, vol: 0.2, dividendYield: NaN } }, 'model.dividendYield'],
    ['jumpIntensity -1', { model: { type: 'merton', spot: 100, vol: 0.2, jumpIntensity: -1, jumpMean: 0, jumpVol: 0.1 } }, 'model.jumpIntensity'],
    ['jumpVol missing', { model: { type: 'merton', spot: 100, vol: 0.2, jumpIntensity: 1, jumpMean: 0 } }, 'model.jumpVol'],
    ['too many jumps per step', { model: { type: 'merton', spot: 100, vol: 0.2, jumpIntensity: 1000, jumpMean: 0, jumpVol: 0.1 } }, 'steps'],
    ['kappa 0', { model: { type: 'heston', spot: 100, v0: 0.04, kappa: 0, theta: 0.04, volOfVol: 0.5, rho: -0.5 } }, 'model.kappa'],
    ['rho 1.5', { model: { type: 'heston', spot: 100, v0: 0.04, kappa: 1, theta: 0.04, volOfVol: 0.5, rho: 1.5 } }, 'model.rho'],
    ['v0 -0.1', { model: { type: 'heston', spot: 100, v0: -0.1, kappa: 1, theta: 0.04, volOfVol: 0.5, rho: 0 } }, 'model.v0'],
    ['volOfVol 11 (above MAX_VOL_OF_VOL)', { model: { type: 'heston', spot: 100, v0: 0.04, kappa: 1, theta: 0.04, volOfVol: 11, rho: 0 } }, 'model.volOfVol'],
    ['heston greeks', { model: { type: 'heston', spot: 100, v0: 0.04, kappa: 1, theta: 0.04, volOfVol: 0.5, rho: 0 }, greeks: true }, 'greeks'],
    ['payoff type', { payoff: { type: 'american', optionType: 'call', strike: 100 } }, 'payoff.type'],
    ['optionType', { payoff: { type: 'european', optionType: 'Call', strike: 100 } }, 'payoff.optionType'],
    ['strike 0', { payoff: { type: 'european', optionType: 'call', strike: 0 } }, 'payoff.strike'],
    ['cash -1', { payoff: { type: 'digital', optionType: 'call', strike: 100, cash: -1 } }, 'payoff.cash'],
    ['average', { payoff: { type: 'asian', average: 'harmonic', optionType: 'call', strike: 100, fixings: 12 } }, 'payoff.average'],
    ['fixings missing', { payoff: { type: 'asian', average: 'arithmetic', optionType: 'call', strike: 100 } }, 'payoff.fixings'],
    ['fixings 0', { payoff: { type: 'asian', average: 'arithmetic', optionType: 'call', strike: 100, fixings: 0 } }, 'payoff.fixings'],
    ['fixings at t = 0', { payoff: { type: 'asian', average: 'arithmetic', optionType: 'call', strike: 100, fixings: [0, 0.5, 1] } }, 'payoff.fixings[0]'],
    ['fixings decreasing', { payoff: { type: 'asian', average: 'arithmetic', optionType: 'call', strike: 100, fixings: [0.5, 0.4] } }, 'payoff.fixings[1]'],
    ['fixings after expiry', { payoff: { type: 'asian', average: 'arithmetic', optionType: 'call', strike: 100, fixings: [0.5, 1.5] } }, 'payoff.fixings[1]'],
    ['barrier side', { payoff: { type: 'barrier', optionType: 'call', strike: 100, barrier: 90, direction: 'sideways', knock: 'out', monitoring: 'continuous' } }, 'payoff.direction'],
    ['knock', { payoff: { type: 'barrier', optionType: 'call', strike: 100, barrier: 90, direction: 'down', knock: 'off', monitoring: 'continuous' } }, 'payoff.knock'],
    ['monitoring', { payoff: { type: 'barrier', optionType: 'call', strike: 100, barrier: 90, direction: 'down', knock: 'out', monitoring: 'daily' } }, 'payoff.monitoring'],
    ['barrier level', { payoff: { type: 'barrier', optionType: 'call', strike: 100, barrier: 0, direction: 'down', knock: 'out', monitoring: 'continuous' } }, 'payoff.barrier'],
    ['rebate -1', { payoff: { type: 'barrier', optionType: 'call', strike: 100, barrier: 90, direction: 'down', knock: 'out', monitoring: 'continuous', rebate: -1 } }, 'payoff.rebate'],
    ['fixings with continuous', { payoff: { type: 'barrier', optionType: 'call', strike: 100, barrier: 90, direction: 'down', knock: 'out', monitoring: 'continuous', fixings: 12 } }, 'payoff.fixings'],
    ['strikeType', { payoff: { type: 'lookback', strikeType: 'float', optionType: 'call' }, steps: 12 }, 'payoff.strikeType'],
    ['fixed lookback without strike', { payoff: { type: 'lookback', strikeType: 'fixed', optionType: 'call' }, steps: 12 }, 'payoff.strike'],
    ['floating lookback with strike', { payoff: { type: 'lookback', strikeType: 'floating', optionType: 'call', strike: 100 }, steps: 12 }, 'payoff.strike'],
    ['lookback without steps or fixings', { payoff: { type: 'lookback', strikeType: 'floating', optionType: 'call' } }, 'steps'],
  ];
  for (const [name, patch, field] of cases) {
    it(`${name} → ${field}`, async () => {
      const spec = name === 'spec' ? null : { ...good, ...patch };
      let err: unknown;
      try { planMonteCarlo(spec as MonteCarloSpec); } catch (e) { err = e; }
      expect(err).toBeInstanceOf(InvalidInputError);
      expect((err as InvalidInputError).details.field).toBe(field);
      expect((err as Error).message.startsWith(`${field} (`)).toBe(true);
      await expect(monteCarlo(spec as MonteCarloSpec)).rejects.toBeInstanceOf(InvalidInputError);
    });
  }

  it('runBlocks and mergeBlocks check their ranges and lengths', () => {
    const plan = planMonteCarlo(good);
    expect(() => runBlocks(plan, -1, 0)).toThrow(InvalidInputError);
    expect(() => runBlocks(plan, 0, plan.blockCount + 1)).toThrow(InvalidInputError);
    expect(() => runBlocks(plan, 1, 0)).toThrow(InvalidInputError);
    expect(() => mergeBlocks(plan, new Float64Array(3))).toThrow(InvalidInputError);
  });
});

describe('progress and abort', () => {
  const big: MonteCarloSpec = { ...good, paths: 2_000_000, blockSize: 1024 };

  it('reports increasing fractions up to 1, the last with the final estimate', async () => {
    const seen: McProgress[] = [];
    const r = await monteCarlo(big, { onProgress: (p) => seen.push(p) });
    expect(seen.length).toBeGreaterThan(1);
    for (let i = 1; i < seen.length; i++) expect(seen[i]!.fraction).toBeGreaterThan(seen[i - 1]!.fraction);
    expect(seen.at(-1)!.fraction).toBe(1);
    expect(seen.at(-1)!.price).toBe(r.price);
    expect(seen.at(-1)!.standardError).toBe(r.standardError);
  });

  it('an already aborted signal rejects at once with AbortError', async () => {
    const ac = new AbortController();
    ac.abort();
    await expect(monteCarlo(big, { signal: ac.signal })).rejects.toBeInstanceOf(AbortError);
  });

  it('aborting mid-run rejects promptly with AbortError (code ABORTED)', async () => {
    const ac = new AbortController();
    let calls = 0;
    const t0 = performance.now();
    const p = monteCarlo({ ...big, paths: 200_000_000 }, { signal: ac.signal, onProgress: () => { if (++calls === 2) ac.abort(); } });
    await expect(p).rejects.toMatchObject({ code: 'ABORTED', name: 'AbortError' });
    expect(calls).toBe(2);
    expect(performance.now() - t0).toBeLessThan(10_000);
  });

  it('yields to the event loop between groups (a timer fires during the run)', async () => {
    let fired = false;
    setTimeout(() => { fired = true; }, 0);
    let firedDuring = false;
    await monteCarlo(big, { onProgress: (pr) => { if (pr.fraction < 1 && fired) firedDuring = true; } });
    expect(firedDuring).toBe(true);
  });
});

describe('reported standard errors match the spread of 50 independent runs (loose bound)', () => {
  const model = { type: 'gbm', spot: 100, vol: 0.25, rate: 0.03 } as const;
  const variants: Array<[string, Partial<MonteCarloSpec>]> = [
    ['plain', {}],
    ['antithetic', { antithetic: true }],
    ['control variate', { controlVariate: true }],
    ['antithetic + control variate', { antithetic: true, controlVariate: true }],
  ];
  for (const [name, extra] of variants) {
    it(name, async () => {
      const prices: number[] = [];
      let se2 = 0;
      for (let s = 0; s < 50; s++) {
        const r = await monteCarlo({ model, payoff: { type: 'european', optionType: 'call', strike: 110 }, expiryYears: 1, paths: 2000, seed: 1000 + s, ...extra });
        prices.push(r.price);
        se2 += r.standardError ** 2 / 50;
      }
      const mean = prices.reduce((a, b) => a + b, 0) / 50;
      const sd = Math.sqrt(prices.reduce((a, b) => a + (b - mean) ** 2, 0) / 49);
      const ratio = sd / Math.sqrt(se2);
      expect(ratio).toBeGreaterThan(0.65);
      expect(ratio).toBeLessThan(1.4);
    });
  }
});
