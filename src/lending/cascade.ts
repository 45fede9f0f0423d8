/**
 * `simulateCascade`: one liquidation cascade of a book under a shock (kernel: assembly/lending/
 * cascadeKernel.ts, whose header states the mechanics and their sources).
 */
import { checkKnownFields, checkObject, fail } from '../options/validate.js';
import { align16, batchBlock } from '../wasm/arena.js';
import { BOOK_BYTES_PER_POSITION, O, O_COUNT, P, R, R_COUNT, S, S_COUNT, P_COUNT } from './cascadeLayout.js';
import { isPreparedBook, prepareCascadeBook, uploadBook } from './cascadePrepare.js';
import type { CascadeBookInput, CascadeOptions, CascadeResult, CascadeRounds, PreparedCascadeBook } from './cascadeTypes.js';
import { CASCADE_OPTION_FIELDS, checkRules, checkShock } from './cascadeValidate.js';

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/**
 * Simulates the liquidation cascade a shock sets off in a book of single-collateral positions (Aave v3
 * mechanics, PROTOCOLS §1): liquidators repay up to the close factor of each liquidatable position's
 * debt (HF = collateral·oraclePrice·LT/debt < 1), seize repay·(1 + bonus)/oraclePrice of collateral and sell
 * it at once into the venue; the sale moves the price; the oracle (lagging `oracleLagRounds` rounds)
 * makes more positions liquidatable; repeated to a fixed point. A position whose collateral cannot cover
 * its debt plus the bonus (HF < (1 + bonus)·LT, case C16) is taken whole and its shortfall booked as bad
 * debt. A liquidation unprofitable after slippage and `gasUsd` is skipped (and retried each round).
 *
 * @param book a PreparedCascadeBook (sorted once by `prepareCascadeBook`; reuse it across shocks) or the
 *   book's columns (then sorted here).
 * @param options `{ venue, shock, oracleLagRounds?, oraclePrice?, gasUsd?, closeFactor?,
 *   fullLiquidationHealthFactor?, protocolFee?, maxRounds?, positions? }` (units and defaults: cascadeTypes.ts).
 * @returns totals (rounds, prices, positions liquidated, debt repaid, collateral seized/sold, proceeds,
 *   bad debt booked, insolvent debt left, …), `perRound` columns and, unless `positions: false`,
 *   per-position columns in the input's order. `converged` is false if `maxRounds` ran out.
 * @throws InvalidInputError naming the first bad option (the book's bad positions are marked in its status
 *   instead); WasmInitError before init().
 */
export function simulateCascade(book: PreparedCascadeBook | CascadeBookInput, options: CascadeOptions): CascadeResult {
  const o = checkObject('options', options) as unknown as CascadeOptions;
  checkKnownFields('', o as unknown as Record<string, unknown>, CASCADE_OPTION_FIELDS, "simulateCascade's options");
  const rules = checkRules(o);
  const moves = checkShock(o.shock);
  if (o.positions !== undefined && typeof o.positions !== 'boolean') fail('positions', o.positions, 'boolean', 'must be true or false');
  const prepared = isPreparedBook(book) ? book : prepareCascadeBook(book);
  const withPositions = o.positions !== false;
  const p = rules.params;
  p[P.steps] = moves.length;
  const n = prepared.size, m = prepared.sorted;
  const { k: k0 } = batchBlock(16);
  const scratchBytes = align16(k0.cascadeScratchBytes(m, rules.maxRounds, moves.length));
  const sizes = [P_COUNT * 8, rules.curve.length * 8, moves.length * 8, S_COUNT * 8, m * BOOK_BYTES_PER_POSITION,
    scratchBytes, rules.maxRounds * R_COUNT * 8, withPositions ? O_COUNT * n * 8 : 0].map(align16);
  const { k, ptr } = batchBlock(sizes.reduce((a, b) => a + b, 0));
  const at: number[] = [];
  let cursor = ptr;
  for (const s of sizes) { at.push(cursor); cursor += s; }
  const [pParams, pCurve, pMoves, pSummary, pBook, pScratch, pRounds, pPos] = at as [number, number, number, number, number, number, number, number];
  const mem = k.memory;
  new Float64Array(mem.buffer, pParams, P_COUNT).set(p);
  new Float64Array(mem.buffer, pCurve, rules.curve.length).set(rules.curve);
  new Float64Array(mem.buffer, pMoves, moves.length).set(moves);
  uploadBook(mem, pBook, prepared);
  if (withPositions) {
    // initial state of every position: the kernel updates only those it liquidates
    const pos = new Float64Array(mem.buffer, pPos, O_COUNT * n);
    pos.fill(0);
    pos.set(prepared.collateral, O.collateral * n);
    pos.set(prepared.debt, O.debt * n);
    pos.fill(-1, O.firstRound * n, (O.firstRound + 1) * n);
  }
  const t0 = now();
  k.cascadeRun(pParams, pBook, m, m, n, pCurve, pMoves, pScratch, pSummary, pRounds, withPositions ? pPos : 0);
  const kernelMs = now() - t0;
  const buf = k.memory.buffer;
  const s = new Float64Array(buf, pSummary, S_COUNT);
  const rounds = s[S.rounds]!;
  const table = new Float64Array(buf, pRounds, rounds * R_COUNT);
  const column = (c: number): Float64Array => { const out = new Float64Array(rounds); for (let r = 0; r < rounds; r++) out[r] = table[r * R_COUNT + c]!; return out; };
  const perRound: CascadeRounds = {
    oraclePrice: column(R.oracle), priceStart: column(R.priceStart), priceEnd: column(R.priceEnd),
    liquidations: column(R.liquidations), skipped: column(R.skipped), collateralSold: column(R.collateralSold),
    proceedsUsd: column(R.proceeds), debtRepaid: column(R.debtRepaid), badDebt: column(R.badDebt), step: column(R.step),
  };
  const result: CascadeResult = {
    rounds, converged: s[S.converged] === 1,
    initialPrice: p[P.spot]!, finalPrice: s[S.finalPrice]!, finalOraclePrice: s[S.finalOracle]!, minPrice: s[S.minPrice]!,
    positionsLiquidated: s[S.positions]!, liquidations: s[S.liquidations]!, skippedLiquidations: s[S.skipped]!,
    debtRepaid: s[S.debtRepaid]!, collateralSeized: s[S.collateralSeized]!, collateralSold: s[S.collateralSold]!,
    collateralToProtocol: s[S.collateralTreasury]!, proceedsUsd: s[S.proceeds]!, liquidatedValueUsd: s[S.liquidatedValue]!,
    badDebt: s[S.badDebt]!, insolventDebt: s[S.insolventDebt]!, insolventPositions: s[S.insolventPositions]!,
    totalBadDebt: s[S.badDebt]! + s[S.insolventDebt]!, perRound, kernelMs,
  };
  if (withPositions) {
    const pos = new Float64Array(buf, pPos, O_COUNT * n);
    result.positions = {
      collateral: pos.slice(O.collateral * n, (O.collateral + 1) * n), debt: pos.slice(O.debt * n, (O.debt + 1) * n),
      badDebt: pos.slice(O.badDebt * n, (O.badDebt + 1) * n), collateralSeized: pos.slice(O.seized * n, (O.seized + 1) * n),
      firstRound: pos.slice(O.firstRound * n, (O.firstRound + 1) * n), status: prepared.status.slice(),
    };
  }
  return result;
}
