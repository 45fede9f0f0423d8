/**
 * Request schemas (zod 3). They check the SHAPE of a request: types, required fields, known keys only,
 * finite numbers (JSON's 1e999 parses to Infinity and is refused here), enumerations, and the service's
 * own caps (batch length, Monte Carlo paths, book size, rounds). The SDK then checks the DOMAIN rules
 * (strike > 0, vol ≤ 10, a threshold in (0, 1], …) and throws InvalidInputError naming the field, which
 * the service maps to 400 as well (errors.js). A batch element that breaks a domain rule is not an error:
 * the SDK marks it with a status code and the response carries it (DESIGN §5).
 */
import { z } from 'zod';

/** Largest number of options in one batch request (price and implied vol). */
export const MAX_BATCH = 100_000;
/** Largest number of positions in a cascade book. */
export const MAX_BOOK_POSITIONS = 100_000;
/** Largest `maxRounds` of a cascade (the SDK's default; the SDK allows 1,000,000, each round costs memory). */
export const MAX_CASCADE_ROUNDS = 10_000;
/** Largest number of price moves in a cascade shock path, and of points of a depth curve. */
export const MAX_MOVES = 1_000;
/** Largest number of portfolio positions. */
export const MAX_POSITIONS = 10_000;
/** Largest number of spot or vol shocks of a scenario grid. */
export const MAX_SHOCKS = 101;
/** Largest number of fixing dates (the SDK's own cap). */
export const MAX_FIXINGS = 100_000;

const num = z.number().finite();
const column = (max) => z.array(num).min(1).max(max);
const numberOrColumn = (max) => z.union([num, z.array(num).min(1).max(max)]);
const optionType = z.enum(['call', 'put']);
const isCall = z.array(z.union([z.literal(0), z.literal(1)])).min(1).max(MAX_BATCH);
const greeks = z.enum(['none', 'first', 'all']).optional();

// ---- /v1/price --------------------------------------------------------------------------------
const bsmScalar = z.object({
  model: z.literal('bsm'), type: optionType, spot: num, strike: num, expiryYears: num, vol: num,
  rate: num.optional(), dividendYield: num.optional(),
}).strict();
const black76Scalar = z.object({
  model: z.literal('black76'), type: optionType, forward: num, strike: num, expiryYears: num, vol: num, rate: num.optional(),
}).strict();
const bsmBatch = z.object({
  model: z.literal('bsm'), greeks,
  batch: z.object({
    isCall, spots: column(MAX_BATCH), strikes: column(MAX_BATCH), expiriesYears: column(MAX_BATCH), vols: column(MAX_BATCH),
    rates: numberOrColumn(MAX_BATCH).optional(), dividendYields: numberOrColumn(MAX_BATCH).optional(),
  }).strict(),
}).strict();
const black76Batch = z.object({
  model: z.literal('black76'), greeks,
  batch: z.object({
    isCall, forwards: column(MAX_BATCH), strikes: column(MAX_BATCH), expiriesYears: column(MAX_BATCH), vols: column(MAX_BATCH),
    rates: numberOrColumn(MAX_BATCH).optional(),
  }).strict(),
}).strict();

/** POST /v1/price, one option: `{ model: 'bsm' | 'black76', type, spot | forward, strike, expiryYears, vol, rate?, dividendYield? }`. */
export const priceScalar = z.discriminatedUnion('model', [bsmScalar, black76Scalar]);
/** POST /v1/price, a batch: `{ model, greeks?, batch: { isCall: (0|1)[], spots | forwards, strikes, expiriesYears, vols, rates?, dividendYields? } }`. */
export const priceBatch = z.discriminatedUnion('model', [bsmBatch, black76Batch]);

// ---- /v1/implied-vol --------------------------------------------------------------------------
/** POST /v1/implied-vol, one option: `{ type, price, spot | forward, strike, expiryYears, rate?, dividendYield? }`. */
export const impliedVolScalar = z.object({
  type: optionType, price: num, spot: num.optional(), forward: num.optional(), strike: num, expiryYears: num,
  rate: num.optional(), dividendYield: num.optional(),
}).strict();
/** POST /v1/implied-vol, a batch: `{ batch: { isCall, prices, spots | forwards, strikes, expiriesYears, rates?, dividendYields? } }`. */
export const impliedVolBatch = z.object({
  batch: z.object({
    isCall, prices: column(MAX_BATCH), spots: column(MAX_BATCH).optional(), forwards: column(MAX_BATCH).optional(),
    strikes: column(MAX_BATCH), expiriesYears: column(MAX_BATCH), rates: numberOrColumn(MAX_BATCH).optional(),
    dividendYields: numberOrColumn(MAX_BATCH).optional(),
  }).strict(),
}).strict();

// ---- /v1/monte-carlo --------------------------------------------------------------------------
const fixings = z.union([z.number().int().min(1).max(MAX_FIXINGS), z.array(num).min(1).max(MAX_FIXINGS)]);
const mcModel = z.discriminatedUnion('type', [
  z.object({ type: z.literal('gbm'), spot: num, vol: num, rate: num.optional(), dividendYield: num.optional() }).strict(),
  z.object({
    type: z.literal('merton'), spot: num, vol: num, jumpIntensity: num, jumpMean: num, jumpVol: num,
    rate: num.optional(), dividendYield: num.optional(),
  }).strict(),
  z.object({
    type: z.literal('heston'), spot: num, v0: num, kappa: num, theta: num, volOfVol: num, rho: num,
    rate: num.optional(), dividendYield: num.optional(),
  }).strict(),
]);
const mcPayoff = z.discriminatedUnion('type', [
  z.object({ type: z.literal('european'), optionType, strike: num }).strict(),
  z.object({ type: z.literal('digital'), optionType, strike: num, cash: num }).strict(),
  z.object({ type: z.literal('asian'), average: z.enum(['arithmetic', 'geometric']), optionType, strike: num, fixings }).strict(),
  z.object({
    type: z.literal('barrier'), optionType, strike: num, barrier: num, direction: z.enum(['up', 'down']),
    knock: z.enum(['in', 'out']), rebate: num.optional(), monitoring: z.enum(['continuous', 'discrete']), fixings: fixings.optional(),
  }).strict(),
  z.object({ type: z.literal('lookback'), strikeType: z.enum(['fixed', 'floating']), optionType, strike: num.optional(), fixings: fixings.optional() }).strict(),
]);
/** A seed: a non-negative safe integer or its decimal string (up to 2^64 − 1; the SDK checks the bound). */
const seed = z.union([z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER), z.string().regex(/^[0-9]{1,20}$/, 'must be a decimal integer string')]);

/**
 * POST /v1/monte-carlo: a `monteCarlo` spec plus `timeLimitMs?` (≤ the server's MC_TIME_LIMIT_MS).
 * @param {{ MC_MAX_PATHS: number, MC_TIME_LIMIT_MS: number }} config
 */
export function monteCarloRequest(config) {
  return z.object({
    model: mcModel, payoff: mcPayoff, expiryYears: num,
    paths: z.number().int().min(1).max(config.MC_MAX_PATHS, `must be at most ${config.MC_MAX_PATHS} (this service's cap, MC_MAX_PATHS)`),
    steps: z.number().int().min(1).max(100_000).optional(),
    seed, antithetic: z.boolean().optional(), controlVariate: z.boolean().optional(), quasiRandom: z.boolean().optional(),
    replications: z.number().int().optional(), greeks: z.boolean().optional(), confidence: num.optional(),
    blockSize: z.number().int().optional(),
    timeLimitMs: z.number().int().min(1).max(config.MC_TIME_LIMIT_MS, `must be at most ${config.MC_TIME_LIMIT_MS} (MC_TIME_LIMIT_MS)`).optional(),
  }).strict();
}

// ---- /v1/cascade ------------------------------------------------------------------------------
const venue = z.discriminatedUnion('type', [
  z.object({ type: z.literal('constantProduct'), reserveRisky: num, reserveStable: num, fee: num.optional() }).strict(),
  z.object({ type: z.literal('depthCurve'), spot: num, sizes: column(MAX_MOVES), impacts: column(MAX_MOVES) }).strict(),
]);
const shock = z.object({ drop: num.optional(), moves: column(MAX_MOVES).optional() }).strict()
  .refine((s) => (s.drop === undefined) !== (s.moves === undefined), { message: 'give exactly one of drop (a fraction, 0.2 = −20%) or moves (price factors)' });

/** POST /v1/cascade: `{ book: { collateral, debt, liquidationThreshold, liquidationBonus }, venue, shock, ...rules, positions? }`. */
export const cascadeRequest = z.object({
  book: z.object({
    collateral: column(MAX_BOOK_POSITIONS), debt: column(MAX_BOOK_POSITIONS),
    liquidationThreshold: numberOrColumn(MAX_BOOK_POSITIONS), liquidationBonus: numberOrColumn(MAX_BOOK_POSITIONS),
  }).strict(),
  venue, shock,
  oracleLagRounds: z.number().int().min(0).max(1000).optional(), oraclePrice: num.optional(), gasUsd: num.optional(),
  closeFactor: num.optional(), fullLiquidationHealthFactor: num.optional(), protocolFee: num.optional(),
  maxRounds: z.number().int().min(1).max(MAX_CASCADE_ROUNDS).optional(), positions: z.boolean().optional(),
}).strict();

// ---- /v1/portfolio-risk -----------------------------------------------------------------------
/** An underlying's name: letters, digits, `_ . : -`, starting with a letter or digit (no prototype names). */
const underlying = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/, 'must be 1–64 letters, digits or _ . : - starting with a letter or digit');
const position = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('spot'), underlying, quantity: num }).strict(),
  z.object({ kind: z.literal('perpetual'), underlying, quantity: num, entryPrice: num }).strict(),
  z.object({
    kind: z.literal('option'), underlying, type: optionType, strike: num, expiryYears: num, quantity: num,
    model: z.enum(['bsm', 'black76']).optional(), settlement: z.enum(['usd', 'inverse']).optional(), forward: num.optional(), vol: num.optional(),
  }).strict(),
  z.object({ kind: z.literal('loan'), underlying, collateral: num, debt: num, liquidationThreshold: num }).strict(),
]);

/** POST /v1/portfolio-risk: `{ positions, market: { [underlying]: { spot, vol?, rate?, dividendYield? } }, scenarioGrid?: { spotShocks?, volShocks? } }`. */
export const portfolioRequest = z.object({
  positions: z.array(position).min(1).max(MAX_POSITIONS),
  market: z.record(underlying, z.object({ spot: num, vol: num.optional(), rate: num.optional(), dividendYield: num.optional() }).strict()),
  scenarioGrid: z.object({ spotShocks: column(MAX_SHOCKS).optional(), volShocks: column(MAX_SHOCKS).optional() }).strict().optional(),
}).strict();
