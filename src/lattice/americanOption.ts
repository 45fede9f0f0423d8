/**
 * American and European options on binomial and trinomial trees (WASM kernels in `assembly/lattice/`):
 * price, delta, gamma and theta, for one option and for batches.
 *
 * Methods and sources: Cox, Ross & Rubinstein, "Option pricing: a simplified approach", J. Financial
 * Economics 7 (1979) (`'crr'`: u = e^{σ√dt}, d = 1/u, p = (e^{(r−q)dt} − d)/(u − d)); Leisen & Reimer,
 * "Binomial models for option valuation — examining and improving convergence", Applied Mathematical
 * Finance 3 (1996) (`'leisen-reimer'`: Peizer–Pratt inversion method 2, odd steps); Boyle (1988) moment
 * matching with Kamrad & Ritchken's (1991) equal probabilities (`'trinomial'`); Hull, "Options, Futures,
 * and Other Derivatives", ch. 21 (backward induction with early exercise, Greeks from the tree).
 * Greeks come from the tree extended two steps (trinomial: one) into the past (Pelsser & Vorst 1994):
 * delta and gamma from the three nodes at time 0, theta from the time-0 node and the root. Details,
 * the small-vol fallback and the edge cases: assembly/lattice/binomial.ts, trinomial.ts, deterministic.ts.
 *
 * Differences from QuantLib 1.29's `BinomialVanillaEngine` (checked in test/lattice/quantlib.test.ts):
 * its 'crr' tree uses the first-order probability ½ + ½(r − q − σ²/2)√dt/σ, not CRR's exact one (prices
 * differ by O(1/N), about 1e-5 relative at 2000 steps on case C10); its 'lr' tree is the same as ours; its delta and gamma come from the step-1 and
 * step-2 nodes (ours from time 0, more accurate) and its theta from the Black–Scholes PDE (ours from the
 * tree, also right in the exercise region); with an even step count its LR tree is built for N + 1
 * steps but rolled back over N (ours uses N + 1 steps throughout); and where its time grid's last point
 * (T/N)·N rounds below T (T = 1, N = 501) it drops the payoff at expiry for American options and returns
 * less than the European value (1.84896 instead of 1.85942 on case C10).
 */
import { InvalidInputError, Status } from '../errors.js';
import { SCALAR_FLAGS, scalarBlock } from '../wasm/arena.js';
import { checkBroadcast, checkFloatColumn, checkIsCall, runBatch } from '../options/columns.js';
import { checkBlackScholes, checkObject } from '../options/validate.js';
import type { AmericanOptionBatchInput, AmericanOptionInput, LatticeBatchResult, LatticeGreeks } from './types.js';
import { checkExercise, checkMethod, checkSteps } from './validate.js';

/** Output columns written by the lattice kernel: price, delta, gamma, theta, node delta, node gamma. */
const KERNEL_OUTPUTS = 6;

/**
 * Prices one option on a tree.
 * @param input `{ type: 'call' | 'put', spot, strike, expiryYears, vol, rate? = 0, dividendYield? = 0,
 *   steps? = 501, method? = 'leisen-reimer' | 'crr' | 'trinomial', exercise? = 'american' | 'european' }`
 *   in the units of DESIGN §4 (years, decimal vol, continuously compounded rates and yield).
 * @returns `{ price, delta, gamma, theta }`: price in the spot's currency, delta ∂V/∂S, gamma ∂²V/∂S²,
 *   theta ∂V/∂t per year of calendar time. At expiry 0 the price is the intrinsic value; at vol 0 it
 *   is the deterministic value (European: max(±(S·e^{−qT} − K·e^{−rT}), 0); American: the best of
 *   exercising at any time t ≤ T, max_t ±(S·e^{−qt} − K·e^{−rt}), floored at 0), with Greeks as
 *   their limits; a Greek with no limit (gamma where that value has a kink at S) is NaN. An American
 *   call without dividends equals the European call (never exercised early).
 *   Coarse trees: when the carry dominates a step's spread, |r − q|·√dt ≳ σ (dt = T/steps), every node
 *   of the CRR and trinomial trees moves with the forward, away from the start, so an out-of-the-money
 *   American option whose value comes from the first (σ/(r − q))² years is valued near 0 (put, S = K =
 *   100, T 1, σ 0.1, r 0.5: 0 at 10 steps, 0.183 at 40, 0.332 at 100; QuantLib FD 0.3638): use steps
 *   ≥ 4T·((r − q)/σ)² or more. With σ²T/steps ≫ 1 the trinomial tree is finite but poor (its middle
 *   path, probability 1/3 a step, never moves: a call with σ²T ≫ 1 is worth about S·(1 − 3^{−steps})).
 *   Where all three time-0 nodes are exercised, delta is exactly ±1 and gamma 0.
 * @throws InvalidInputError naming the field and value: the rules of `blackScholes` (non-finite; spot
 *   or strike outside [1e-100, 1e100]; expiry < 0 or > 50; vol < 0 or > 10; |rate| or
 *   |dividendYield| > 1; type not 'call'/'put'; a `forward`), and `steps` not an integer within
 *   [1, 100000], `method` not 'leisen-reimer' | 'crr' | 'trinomial', `exercise` not 'american' | 'european'.
 * @throws WasmInitError before `init()` has resolved.
 */
export function americanOption(input: AmericanOptionInput): LatticeGreeks {
  const c = checkBlackScholes(input);
  const o = input as unknown as Record<string, unknown>;
  const steps = checkSteps(o.steps);
  const method = checkMethod(o.method);
  const exercise = checkExercise(o.exercise);
  const { k, ptr, slots, flags } = scalarBlock();
  slots[0] = c.spot; slots[1] = c.strike; slots[2] = c.expiryYears; slots[3] = c.vol;
  slots[4] = c.rate; slots[5] = c.dividendYield;
  flags[0] = c.isCall ? 1 : 0;
  const f = ptr + SCALAR_FLAGS;
  k.latticeBatch(1, method, exercise, steps, f, ptr, ptr + 8, ptr + 16, ptr + 24, ptr + 32, ptr + 40, ptr + 64, f + 1);
  const after = scalarBlock(); // the kernel's scratch may have grown the memory: fresh views
  if (after.flags[1] === Status.INVALID_INPUT) {
    throw new InvalidInputError('the kernel rejected inputs that passed validation (please report this)', { rule: 'kernel' });
  }
  const s = after.slots;
  return { price: s[8]!, delta: s[9]!, gamma: s[10]!, theta: s[11]! };
}

/**
 * Prices a batch of options on trees in one WASM call (one tree per element, same settings for all).
 * @param input `{ isCall: Uint8Array (1 call, 0 put), spots, strikes, expiriesYears, vols: Float64Array,
 *   rates?, dividendYields?: Float64Array | number (broadcast; default 0), steps?, method?, exercise? }`,
 *   columns of one length n, units and settings as {@link americanOption}.
 * @returns `{ price, delta, gamma, theta }` as Float64Array(n) and `status: Uint8Array(n)` (`Status.OK`;
 *   `INVALID_INPUT` with NaN outputs for a bad element; `DEGENERATE` where a Greek has no limit and is NaN).
 * @throws InvalidInputError for structural faults (a missing or mistyped column, unequal lengths) and for
 *   a bad `steps`, `method` or `exercise` (they apply to every element).
 * @throws WasmInitError before `init()` has resolved.
 */
export function americanOptionBatch(input: AmericanOptionBatchInput): LatticeBatchResult {
  const o = checkObject('input', input);
  const steps = checkSteps(o.steps);
  const method = checkMethod(o.method);
  const exercise = checkExercise(o.exercise);
  const spots = checkFloatColumn('spots', o.spots, -1);
  const n = spots.length;
  const isCall = checkIsCall(o.isCall, n);
  const strikes = checkFloatColumn('strikes', o.strikes, n);
  const expiries = checkFloatColumn('expiriesYears', o.expiriesYears, n);
  const vols = checkFloatColumn('vols', o.vols, n);
  const rates = checkBroadcast('rates', o.rates, n);
  const yields = checkBroadcast('dividendYields', o.dividendYields, n);
  const { columns, status } = runBatch(n, isCall, [spots, strikes, expiries, vols, rates, yields], KERNEL_OUTPUTS, (s, m) => {
    const [sp, st, ex, vo, ra, yi] = s.inputs as [number, number, number, number, number, number];
    s.k.latticeBatch(m, method, exercise, steps, s.isCall, sp, st, ex, vo, ra, yi, s.out, s.status);
  });
  return { price: columns[0]!, delta: columns[1]!, gamma: columns[2]!, theta: columns[3]!, status };
}
