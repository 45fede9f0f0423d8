// Exact-integer Aave arithmetic (src/lending/wadRayMath.ts, liquidateExact.ts) against the Python-integer oracle
// (scripts/lending/aave_exact.py → test/lending/vectors/aave_exact.json: WadRayMath/PercentageMath edge and random
// cases, _calculateAvailableCollateralToLiquidate with v3.0 half-up and v3.7 directed rounding, one liquidationCall
// under v3.0 / v3.3) and PROTOCOLS.md §1's worked example (HF 972921579549661168 wei, seized 4.478778240295117809
// WETH, directed 4.478778240295117808, fee 0.021327515429976752, liquidator 4.457450724865141057).
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as tg from '../../src/index.js';
import {
  AAVE_V3_ETHEREUM_RESERVES, InvalidInputError, MAX_UINT256, accountDataExact, calculateAvailableCollateralToLiquidate, liquidateExact,
  percentDiv, percentMul, rayDiv, rayMul, wadDiv, wadMul,
} from '../../src/index.js';
import type { ExactReserve } from '../../src/index.js';

interface MathRow { table: 'math'; op: string; a: string; b: string; expected: string; kind: string }
interface SeizeRow {
  table: 'seize'; collateralPrice: string; collateralDecimals: number; debtPrice: string; debtDecimals: number; debtToCover: string;
  userCollateralBalance: string; liquidationBonusBps: string; liquidationProtocolFeeBps: string; rounding: 'half-up' | 'directed';
  collateralAmount: string; debtAmountNeeded: string; protocolFee: string; collateralInBaseCurrency: string;
}
interface LiqRow {
  table: 'liquidation'; name: string; ruleSet: 'aave-v3.0' | 'aave-v3.3'; debtAsset: number; collateralAsset: number; debtToCover: string;
  reserves: Record<string, string | number>[]; expected: Record<string, unknown>;
}
const doc = JSON.parse(readFileSync(new URL('./vectors/aave_exact.json', import.meta.url), 'utf8')) as { rows: (MathRow | SeizeRow | LiqRow)[] };
const math = doc.rows.filter((r): r is MathRow => r.table === 'math');
const seize = doc.rows.filter((r): r is SeizeRow => r.table === 'seize');
const liqs = doc.rows.filter((r): r is LiqRow => r.table === 'liquidation');
const fns = tg as unknown as Record<string, (a: bigint, b: bigint) => bigint>;

describe('WadRayMath / PercentageMath vs Python integers', () => {
  it(`${math.length} rows (edge cases incl. exact half ties and the overflow boundary, seeded random)`, () => {
    expect(math.length).toBeGreaterThan(400);
    for (const r of math) {
      const f = fns[r.op]!;
      if (r.expected === 'revert') {
        expect(() => f(BigInt(r.a), BigInt(r.b)), `${r.op}(${r.a}, ${r.b})`).toThrow(InvalidInputError);
      } else {
        expect(f(BigInt(r.a), BigInt(r.b)), `${r.op}(${r.a}, ${r.b})`).toBe(BigInt(r.expected));
      }
    }
  });

  it('half-up ties: wadMul(1, 0.5e18) = 1, wadMul(1, 0.5e18 − 1) = 0; rayDiv(1, 2e27) = 1; percentMul(1, 5000) = 1', () => {
    expect(wadMul(1n, 5n * 10n ** 17n)).toBe(1n);
    expect(wadMul(1n, 5n * 10n ** 17n - 1n)).toBe(0n);
    expect(rayDiv(1n, 2n * 10n ** 27n)).toBe(1n);
    expect(rayMul(10n ** 27n, 10n ** 27n)).toBe(10n ** 27n);
    expect(percentMul(1n, 5000n)).toBe(1n);
    expect(percentDiv(1n, 20_001n)).toBe(0n);
    expect(wadDiv(10n ** 18n, 3n)).toBe(333333333333333333333333333333333333n);
  });

  it('property: wadMul(a, WAD) = a and wadDiv(wadMul(a, b), b) is within 1 of a for b ≥ WAD', () => {
    fc.assert(fc.property(fc.bigInt(0n, 10n ** 40n), fc.bigInt(10n ** 18n, 10n ** 30n), (a, b) => {
      expect(wadMul(a, 10n ** 18n)).toBe(a);
      const back = wadDiv(wadMul(a, b), b);
      expect(back - a <= 1n && a - back <= 1n).toBe(true);
    }), { seed: 27, numRuns: 300 });
  });

  it('typed errors where the contract reverts or the input is not a uint256', () => {
    expect(() => wadDiv(1n, 0n)).toThrow(/b \(0n\) must be > 0n/);
    expect(() => wadMul(-1n, 1n)).toThrow(/a \(-1n\) must be >= 0n/);
    expect(() => rayMul(MAX_UINT256, 2n)).toThrow(/overflows uint256/);
    expect(() => wadMul(1 as unknown as bigint, 1n)).toThrow(/a \(1\) must be a bigint/);
  });
});

describe('_calculateAvailableCollateralToLiquidate vs Python integers', () => {
  it(`${seize.length} rows, half-up (v3.0-3.6) and directed (v3.7) rounding`, () => {
    for (const r of seize) {
      const out = calculateAvailableCollateralToLiquidate({
        collateralPrice: BigInt(r.collateralPrice), collateralDecimals: r.collateralDecimals, debtPrice: BigInt(r.debtPrice),
        debtDecimals: r.debtDecimals, debtToCover: BigInt(r.debtToCover), userCollateralBalance: BigInt(r.userCollateralBalance),
        liquidationBonusBps: BigInt(r.liquidationBonusBps), liquidationProtocolFeeBps: BigInt(r.liquidationProtocolFeeBps), rounding: r.rounding,
      });
      expect(out).toEqual({
        collateralAmount: BigInt(r.collateralAmount), debtAmountNeeded: BigInt(r.debtAmountNeeded), protocolFee: BigInt(r.protocolFee),
        collateralInBaseCurrency: BigInt(r.collateralInBaseCurrency),
      });
    }
  });

  it('PROTOCOLS.md §1 worked example: 7,750 USDC → 4.478778240295117809 WETH (directed: …808), fee 0.021327515429976752', () => {
    const input = {
      collateralPrice: 181685499606n, collateralDecimals: 18, debtPrice: 99997427n, debtDecimals: 6, debtToCover: 7_750_000_000n,
      userCollateralBalance: 10n * 10n ** 18n, liquidationBonusBps: 10500n, liquidationProtocolFeeBps: 1000n,
    };
    const half = calculateAvailableCollateralToLiquidate(input);
    expect(half.collateralAmount + half.protocolFee).toBe(4478778240295117809n);
    expect(half.protocolFee).toBe(21327515429976752n);
    expect(half.collateralAmount).toBe(4457450724865141057n);
    const directed = calculateAvailableCollateralToLiquidate({ ...input, rounding: 'directed' });
    expect(directed.collateralAmount + directed.protocolFee).toBe(4478778240295117808n);
  });
});

const toReserve = (r: Record<string, string | number>): ExactReserve => ({
  symbol: r.symbol as string, decimals: r.decimals as number, price: BigInt(r.price!), liquidationThresholdBps: BigInt(r.liquidationThresholdBps!),
  liquidationBonusBps: BigInt(r.liquidationBonusBps!), liquidationProtocolFeeBps: BigInt(r.liquidationProtocolFeeBps!),
  collateral: BigInt(r.collateral!), debt: BigInt(r.debt!),
});

describe('liquidateExact vs Python integers (one liquidationCall, v3.0 and v3.3)', () => {
  it.each(liqs.map((r) => [`${r.name} (${r.ruleSet})`, r] as const))('%s', (_, r) => {
    const account = { reserves: r.reserves.map(toReserve) };
    const params = { ruleSet: r.ruleSet, debtAsset: r.debtAsset, collateralAsset: r.collateralAsset, debtToCover: BigInt(r.debtToCover) };
    const e = r.expected;
    if (typeof e.revert === 'string') {
      let error: unknown;
      try { liquidateExact(account, params); } catch (x) { error = x; }
      expect(error).toBeInstanceOf(InvalidInputError);
      expect((error as InvalidInputError).message).toContain(e.revert === 'MustNotLeaveDust' ? 'MustNotLeaveDust' : 'HEALTH_FACTOR_NOT_BELOW_THRESHOLD');
      return;
    }
    const out = liquidateExact(account, params);
    expect(out.healthFactorBefore).toBe(BigInt(e.healthFactorBefore as string));
    expect(out.maxLiquidatableDebt).toBe(BigInt(e.maxLiquidatableDebt as string));
    expect(out.debtRepaid).toBe(BigInt(e.debtRepaid as string));
    expect(out.collateralToLiquidator).toBe(BigInt(e.collateralToLiquidator as string));
    expect(out.protocolFee).toBe(BigInt(e.protocolFee as string));
    expect(out.hasNoCollateralLeft).toBe(e.hasNoCollateralLeft);
    expect(out.deficit).toEqual((e.deficit as string[]).map(BigInt));
    expect(out.healthFactorAfter).toBe(BigInt(e.healthFactorAfter as string));
    expect(out.account.reserves.map((x) => x.collateral)).toEqual((e.collateralAfter as string[]).map(BigInt));
    expect(out.account.reserves.map((x) => x.debt)).toEqual((e.debtAfter as string[]).map(BigInt));
  });

  it('worked example from the shipped reserve constant: HF 972921579549661168 → 1.07434…e18, 50% close factor', () => {
    const weth = AAVE_V3_ETHEREUM_RESERVES.WETH!;
    const usdc = AAVE_V3_ETHEREUM_RESERVES.USDC!;
    const reserve = (p: typeof weth, collateral: bigint, debt: bigint): ExactReserve => ({
      symbol: p.symbol, decimals: p.decimals, price: p.oraclePrice, liquidationThresholdBps: p.liquidationThresholdBps,
      liquidationBonusBps: p.liquidationBonusBps, liquidationProtocolFeeBps: p.liquidationProtocolFeeBps, ltvBps: p.ltvBps, collateral, debt,
    });
    const account = { reserves: [reserve(weth, 10n * 10n ** 18n, 0n), reserve(usdc, 0n, 15_500n * 10n ** 6n)] };
    const data = accountDataExact(account);
    expect(data.totalCollateralBase).toBe(1816854996060n);
    expect(data.totalDebtBase).toBe(1549960118500n);
    expect(data.avgLiquidationThresholdBps).toBe(8300n);
    expect(data.healthFactor).toBe(972921579549661168n);
    const out = liquidateExact(account, { ruleSet: 'aave-v3.0', debtAsset: 'USDC', collateralAsset: 'WETH', debtToCover: MAX_UINT256 });
    expect(out.maxLiquidatableDebt).toBe(7_750_000_000n);
    expect(out.collateralToLiquidator).toBe(4457450724865141057n);
    expect(Number(out.healthFactorAfter) / 1e18).toBeCloseTo(1.07434, 5);
  });

  it('float liquidate agrees with the exact path to 1e-12 on the worked example', () => {
    const f = tg.liquidate({
      collaterals: [{ symbol: 'WETH', amount: 10, price: 1816.85499606, liquidationThreshold: 0.83, liquidationBonus: 0.05, liquidationProtocolFee: 0.1 }],
      debts: [{ symbol: 'USDC', amount: 15_500, price: 0.99997427 }],
    }, { ruleSet: 'aave-v3.0', debtAsset: 'USDC' });
    expect(Math.abs(f.seized[0]!.toLiquidator / 4.457450724865141057 - 1)).toBeLessThan(1e-12);
    expect(Math.abs(f.healthFactorAfter / 1.074343159098515863 - 1)).toBeLessThan(1e-12);
  });
});

describe('float liquidate vs the exact path on every vector liquidation', () => {
  it.each(liqs.map((r) => [`${r.name} (${r.ruleSet})`, r] as const))('%s', (_, r) => {
    const exact = { reserves: r.reserves.map(toReserve) };
    const unit = (x: ExactReserve) => 10 ** x.decimals;
    const account = {
      collaterals: exact.reserves.map((x) => ({
        symbol: x.symbol!, amount: Number(x.collateral) / unit(x), price: Number(x.price) / 1e8, liquidationThreshold: Number(x.liquidationThresholdBps) / 1e4,
        liquidationBonus: (Number(x.liquidationBonusBps) - 1e4) / 1e4, liquidationProtocolFee: Number(x.liquidationProtocolFeeBps) / 1e4,
      })),
      debts: exact.reserves.map((x) => ({ symbol: x.symbol!, amount: Number(x.debt) / unit(x), price: Number(x.price) / 1e8 })),
    };
    const d = exact.reserves[r.debtAsset]!;
    const c = exact.reserves[r.collateralAsset]!;
    const cover = BigInt(r.debtToCover) === MAX_UINT256 ? Infinity : Number(BigInt(r.debtToCover)) / unit(d);
    const params = { ruleSet: r.ruleSet, debtAsset: r.debtAsset, collateralAsset: r.collateralAsset, debtToCover: cover };
    if (typeof r.expected.revert === 'string') {
      expect(() => tg.liquidate(account, params)).toThrow(InvalidInputError);
      return;
    }
    const f = tg.liquidate(account, params);
    const e = r.expected;
    // Tolerance: the integer path truncates each step to the token's last digit (a few raw units); the float path's
    // decimal conversions and chained products cost ~1e-12 relative.
    const near = (x: number, raw: string, decimals: number) => expect(Math.abs(x - Number(BigInt(raw)) / 10 ** decimals)).toBeLessThanOrEqual(3 / 10 ** decimals + 1e-11 * Math.abs(x));
    near(f.debtRepaid, e.debtRepaid as string, d.decimals);
    near(f.seized[0]!.toLiquidator, e.collateralToLiquidator as string, c.decimals);
    near(f.seized[0]!.toProtocol, e.protocolFee as string, c.decimals);
    expect(f.badDebt.length > 0).toBe(e.hasNoCollateralLeft);
    const hf = BigInt(e.healthFactorAfter as string);
    if (hf === MAX_UINT256) {
      expect(f.healthFactorAfter).toBe(Infinity);
      return;
    }
    // On chain the value-weighted LT is floored to whole bps (GenericLogic L167-169): with two collaterals the exact HF
    // sits up to 1 bp of LT below the float one (≈1.2e-4 relative at LT 0.83); with one collateral they agree to 1e-9.
    const collaterals = account.collaterals.filter((x) => x.amount > 0).length;
    const bound = collaterals > 1 ? f.healthFactorAfter * 1e-4 / 0.8 : 1e-9;
    const gap = f.healthFactorAfter - Number(hf) / 1e18;
    expect(gap).toBeGreaterThanOrEqual(-1e-9);
    expect(gap).toBeLessThanOrEqual(bound);
  });
});
