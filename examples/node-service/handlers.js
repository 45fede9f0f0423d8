/**
 * The endpoints: each parses its body with a schema (schemas.js), calls the SDK, and returns the JSON
 * response body. Errors propagate as thrown values; `withPrefix` locates the SDK's `details.field` in the
 * request. Monte Carlo runs on the worker pool under a time limit; the other calls are synchronous WASM
 * calls on the event-loop thread, bounded by the caps of schemas.js.
 */
import {
  AbortError, black76, black76Batch, blackScholes, blackScholesBatch, impliedVol, impliedVolBatch, portfolioRisk,
  scenarioGrid, simulateCascade,
} from 'tailguard';
import { HttpError } from './http.js';
import { toHttpError } from './errors.js';
import * as schemas from './schemas.js';
import { parseBody } from './validate.js';

/** Runs `fn`, re-throwing an SDK error with its field located under `prefix` in the request. */
function withPrefix(prefix, fn) {
  try {
    return fn();
  } catch (error) {
    throw toHttpError(error, prefix) ?? error;
  }
}

const f64 = (v) => (Array.isArray(v) ? Float64Array.from(v) : v);

/** JSON columns → the SDK's typed-array batch input (numbers stay numbers: broadcast). */
function columns(batch) {
  const out = {};
  for (const [key, value] of Object.entries(batch)) {
    if (value === undefined) continue;
    out[key] = key === 'isCall' ? Uint8Array.from(value) : f64(value);
  }
  return out;
}

/** POST /v1/price → blackScholes | black76 (scalar) or blackScholesBatch | black76Batch. */
export function price(body) {
  if (body !== null && typeof body === 'object' && !Array.isArray(body) && 'batch' in body) {
    const req = parseBody(schemas.priceBatch, body);
    const input = { ...columns(req.batch), ...(req.greeks ? { greeks: req.greeks } : {}) };
    const result = withPrefix('batch.', () => (req.model === 'bsm' ? blackScholesBatch(input) : black76Batch(input)));
    return { model: req.model, count: result.price.length, result };
  }
  const { model, ...input } = parseBody(schemas.priceScalar, body);
  return { model, result: withPrefix('', () => (model === 'bsm' ? blackScholes(input) : black76(input))) };
}

/** POST /v1/implied-vol → impliedVol (scalar) or impliedVolBatch. */
export function impliedVolHandler(body) {
  if (body !== null && typeof body === 'object' && !Array.isArray(body) && 'batch' in body) {
    const req = parseBody(schemas.impliedVolBatch, body);
    const result = withPrefix('batch.', () => impliedVolBatch(columns(req.batch)));
    return { count: result.vol.length, result };
  }
  const input = parseBody(schemas.impliedVolScalar, body);
  return { result: { vol: withPrefix('', () => impliedVol(input)) } };
}

/**
 * POST /v1/monte-carlo → pool.monteCarlo under a time limit (`timeLimitMs` ≤ MC_TIME_LIMIT_MS, counted from
 * the request's arrival at the pool, queueing included): past it the job is aborted (its workers are
 * replaced) and the response is 504 TIME_LIMIT_EXCEEDED. A client that disconnects aborts its job too.
 * More than MC_MAX_QUEUE jobs in flight → 503 BUSY.
 */
export function monteCarloHandler(ctx) {
  const schema = schemas.monteCarloRequest(ctx.config);
  return async (body, request) => {
    const { timeLimitMs, ...spec } = parseBody(schema, body);
    if (ctx.mcInFlight >= ctx.config.MC_MAX_QUEUE) {
      throw new HttpError(503, 'BUSY', `${ctx.mcInFlight} Monte Carlo jobs are in flight (MC_MAX_QUEUE = ${ctx.config.MC_MAX_QUEUE}); retry later`, { limit: ctx.config.MC_MAX_QUEUE }, { 'retry-after': '1' });
    }
    const limitMs = timeLimitMs ?? ctx.config.MC_TIME_LIMIT_MS;
    const timer = AbortSignal.timeout(limitMs);
    const signal = AbortSignal.any([timer, request.signal]);
    const start = performance.now();
    ctx.mcInFlight++;
    try {
      const result = await ctx.pool.monteCarlo(spec, { signal });
      return { result, elapsedMs: performance.now() - start, workers: ctx.pool.size };
    } catch (error) {
      if (error instanceof AbortError && timer.aborted) {
        throw new HttpError(504, 'TIME_LIMIT_EXCEEDED', `the Monte Carlo job did not finish within ${limitMs} ms and was aborted`, { field: 'timeLimitMs', limitMs });
      }
      throw toHttpError(error, '') ?? error;
    } finally {
      ctx.mcInFlight--;
    }
  };
}

/** POST /v1/cascade → simulateCascade(book, { venue, shock, ...rules, positions? }). */
export function cascade(body) {
  const { book, ...options } = parseBody(schemas.cascadeRequest, body);
  const shock = options.shock.drop !== undefined ? { drop: options.shock.drop } : { moves: options.shock.moves };
  return { result: withPrefix('', () => simulateCascade(book, { ...options, shock })) };
}

/** POST /v1/portfolio-risk → portfolioRisk({ positions, market }) and, if asked, scenarioGrid(…, { spotShocks?, volShocks? }). */
export function portfolio(body) {
  const { scenarioGrid: grid, ...book } = parseBody(schemas.portfolioRequest, body);
  const risk = withPrefix('', () => portfolioRisk(book));
  if (grid === undefined) return { risk };
  return { risk, scenarioGrid: withPrefix('scenarioGrid.', () => scenarioGrid(book, grid)) };
}
