// simulateHedge and lelandVol reject bad input with InvalidInputError naming the field and value (DESIGN §5).
import { describe, expect, it } from 'vitest';
import { InvalidInputError, lelandVol, simulateHedge } from '../../src/index.js';
import { planHedge } from '../../src/hedge/simulate.js';
import type { HedgeSpec } from '../../src/hedge/types.js';
import { expectInvalid } from '../helpers/invalid.js';
import { useWasm } from '../helpers/wasm.js';

useWasm();

const ok: HedgeSpec = {
  option: { type: 'call', strike: 100, expiryYears: 1, position: 'short' }, spot: 100, hedgeVol: 0.2,
  model: { type: 'gbm', vol: 0.2 }, steps: 10, paths: 10, seed: 1,
};
const bad = (patch: Record<string, unknown>): HedgeSpec => ({ ...ok, ...patch }) as HedgeSpec;

describe('simulateHedge bad input', () => {
  it.each([
    [{ option: { ...ok.option, strike: -5 } }, 'option.strike', -5],
    [{ option: { ...ok.option, type: 'digital' } }, 'option.type', 'digital'],
    [{ option: { ...ok.option, position: 'flat' } }, 'option.position', 'flat'],
    [{ option: { ...ok.option, expiryYears: 0 } }, 'option.expiryYears', 0],
    [{ option: { ...ok.option, expiryYears: 90 } }, 'option.expiryYears', 90],
    [{ option: { ...ok.option, quantity: 0 } }, 'option.quantity', 0],
    [{ spot: Number.NaN }, 'spot', Number.NaN],
    [{ hedgeVol: 0 }, 'hedgeVol', 0],
    [{ hedgeVol: 20 }, 'hedgeVol', 20],
    [{ premiumVol: -0.1 }, 'premiumVol', -0.1],
    [{ rate: 5 }, 'rate', 5],
    [{ model: { type: 'bachelier', vol: 0.2 } }, 'model.type', 'bachelier'],
    [{ model: { type: 'gbm', vol: -1 } }, 'model.vol', -1],
    [{ model: { type: 'merton', vol: 0.2, jumpIntensity: -1, jumpMean: 0, jumpVol: 0.1 } }, 'model.jumpIntensity', -1],
    [{ model: { type: 'heston', v0: 0.04, kappa: 0, theta: 0.04, volOfVol: 0.5, rho: -0.5 } }, 'model.kappa', 0],
    [{ model: { type: 'heston', v0: 0.04, kappa: 1, theta: 0.04, volOfVol: 0.5, rho: -1.5 } }, 'model.rho', -1.5],
    [{ model: { type: 'path', prices: [100, 0, 101] }, spot: undefined, steps: undefined, paths: undefined }, 'model.prices[1]', 0],
    [{ model: { type: 'path', prices: [100] }, spot: undefined, steps: undefined }, 'model.prices', undefined],
    [{ model: { type: 'path', prices: [100, 101] }, spot: undefined, steps: undefined, paths: 5 }, 'paths', 5],
    [{ steps: 0 }, 'steps', 0],
    [{ steps: 2.5 }, 'steps', 2.5],
    [{ paths: 0 }, 'paths', 0],
    [{ seed: -1 }, 'seed', -1],
    [{ blockSize: 0 }, 'blockSize', 0],
    [{ rebalance: { type: 'delta' } }, 'rebalance.type', 'delta'],
    [{ rebalance: { type: 'interval', every: 11 } }, 'rebalance.every', 11],
    [{ rebalance: { type: 'band', riskAversion: 0 } }, 'rebalance.riskAversion', 0],
    [{ costs: { feeBps: -1 } }, 'costs.feeBps', -1],
    [{ costs: { gasUsd: Number.POSITIVE_INFINITY } }, 'costs.gasUsd', Number.POSITIVE_INFINITY],
    [{ costs: { initialHedge: 'yes' } }, 'costs.initialHedge', 'yes'],
    [{ costs: { venue: { type: 'constantProduct', reserveRisky: 0, reserveStable: 1e6 } } }, 'costs.venue.reserveRisky', 0],
    [{ costs: { venue: { type: 'constantProduct', reserveRisky: 10, reserveStable: 1e6, fee: 1 } } }, 'costs.venue.fee', 1],
    [{ costs: { venue: { type: 'depthCurve', sizes: [1, 0.5], impacts: [0.01, 0.02] } } }, 'costs.venue.sizes[1]', 0.5],
    [{ costs: { venue: { type: 'depthCurve', sizes: [1, 2], impacts: [0.01] } } }, 'costs.venue.impacts', undefined],
  ] as const)('%j → %s', (patch, field, value) => {
    expectInvalid(() => planHedge(bad(patch)), field, value);
  });
  it('rejects (not throws synchronously) from simulateHedge, and checks options', async () => {
    await expect(simulateHedge(bad({ hedgeVol: -1 }))).rejects.toBeInstanceOf(InvalidInputError);
    await expect(simulateHedge(ok, { workers: 0 })).rejects.toMatchObject({ details: { field: 'workers' } });
    await expect(simulateHedge(ok, { onProgress: 5 as never })).rejects.toMatchObject({ details: { field: 'onProgress' } });
  });
  it('an all-unfilled run names the venue', async () => {
    await expect(simulateHedge({ ...ok, option: { ...ok.option, quantity: 100 }, costs: { venue: { type: 'constantProduct', reserveRisky: 5, reserveStable: 500 } } }))
      .rejects.toMatchObject({ details: { field: 'costs.venue' } });
  });
  it('an edited manifest is refused by its hash', async () => {
    const r = await simulateHedge(ok);
    const again = await simulateHedge(r.manifest);
    expect(again.pnl).toStrictEqual(r.pnl);
    expectInvalid(() => planHedge({ ...r.manifest, hedgeVol: 0.3 }), 'hash', r.manifest.hash);
  });
});

describe('lelandVol bad input', () => {
  it.each([
    [{ vol: 0, roundTripCost: 0.01, rebalanceIntervalYears: 0.02 }, 'vol', 0],
    [{ vol: 0.2, roundTripCost: -0.01, rebalanceIntervalYears: 0.02 }, 'roundTripCost', -0.01],
    [{ vol: 0.2, roundTripCost: 0.01, rebalanceIntervalYears: 0 }, 'rebalanceIntervalYears', 0],
    [{ vol: 0.2, roundTripCost: 0.01, rebalanceIntervalYears: 0.02, position: 'both' }, 'position', 'both'],
    [{ vol: 0.1, roundTripCost: 0.2, rebalanceIntervalYears: 0.02, position: 'long' }, 'roundTripCost', 0.2],
  ] as const)('%j → %s', (input, field, value) => {
    expectInvalid(() => lelandVol(input as never), field, value);
  });
  it('zero cost leaves the vol unchanged', () => {
    expect(lelandVol({ vol: 0.37, roundTripCost: 0, rebalanceIntervalYears: 1 / 365 })).toBe(0.37);
  });
});
