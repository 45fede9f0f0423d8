/**
 * The HTTP JSON service over tailguard: `createService(config)` initialises the WASM, starts the worker
 * pool and returns an `http.Server` (not yet listening) with `shutdown()`.
 *
 * Request flow: route (404/405) → for POST: media type (415) → body under MAX_BODY_BYTES (413) → JSON
 * (400 MALFORMED_JSON) → handler (schema 400, SDK errors, 504 time limit) → 200 JSON. Anything unexpected
 * → 500 INTERNAL with a request id, the error logged to stderr, nothing of it in the response.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { createPool, init } from 'tailguard';
import { cascade, impliedVolHandler, monteCarloHandler, portfolio, price } from './handlers.js';
import { HttpError, readJson, requireJson, sendJson } from './http.js';
import { toHttpError } from './errors.js';
import { createRouter } from './router.js';

/**
 * @param {ReturnType<typeof import('./config.js').readConfig>} config
 * @param {{ log?: (event: object) => void }} [options] where to write one-line JSON events (default: stdout).
 * @returns `{ server, pool, ctx, shutdown(reason) → Promise<{ forced: boolean }> }`.
 */
export async function createService(config, { log = (event) => process.stdout.write(`${JSON.stringify(event)}\n`) } = {}) {
  await init();
  const pool = await createPool({ size: config.WORKERS });
  const ctx = { config, pool, mcInFlight: 0, inFlight: 0, stopping: false, startedAt: Date.now() };

  const health = () => ({
    status: ctx.stopping ? 'stopping' : 'ok', workers: pool.size, inFlight: ctx.inFlight - 1, monteCarloInFlight: ctx.mcInFlight,
    uptimeSeconds: (Date.now() - ctx.startedAt) / 1000,
  });
  const route = createRouter({
    '/healthz': { GET: () => health() },
    '/v1/price': { POST: price },
    '/v1/implied-vol': { POST: impliedVolHandler },
    '/v1/monte-carlo': { POST: monteCarloHandler(ctx) },
    '/v1/cascade': { POST: cascade },
    '/v1/portfolio-risk': { POST: portfolio },
  });

  const server = http.createServer({ requestTimeout: 60_000, headersTimeout: 15_000, keepAliveTimeout: 5_000 }, (req, res) => {
    ctx.inFlight++;
    const controller = new AbortController();
    res.on('close', () => {
      ctx.inFlight--;
      if (!res.writableFinished) controller.abort(new Error('the client went away'));
      if (ctx.stopping) ctx.onIdle?.();
    });
    void handle(req, res, controller.signal);
  });

  async function handle(req, res, signal) {
    let drained = true; // false while the request body may be unread: close the connection after responding
    try {
      if (ctx.stopping && req.url?.split('?')[0] !== '/healthz') {
        throw new HttpError(503, 'SHUTTING_DOWN', 'the service is shutting down', {}, { 'retry-after': '1' });
      }
      const handler = route(req.method, req.url);
      let body;
      if (req.method === 'POST') {
        drained = false;
        requireJson(req);
        body = await readJson(req, config.MAX_BODY_BYTES);
        drained = true;
      }
      const out = await handler(body, { signal });
      if (req.url?.split('?')[0] === '/healthz' && ctx.stopping) return sendJson(res, 503, out, { close: true });
      sendJson(res, 200, out, { close: ctx.stopping });
    } catch (error) {
      if (error instanceof HttpError && error.drained === true) drained = true;
      const mapped = toHttpError(error);
      const close = ctx.stopping || !drained;
      if (mapped) {
        sendJson(res, mapped.status, mapped.body(), { headers: mapped.headers, close });
      } else {
        const requestId = randomUUID();
        process.stderr.write(`${JSON.stringify({ event: 'error', requestId, method: req.method, url: String(req.url).slice(0, 200), error: error instanceof Error ? error.stack : String(error) })}\n`);
        sendJson(res, 500, { error: { code: 'INTERNAL', message: 'internal error', requestId } }, { close });
      }
      // An unread body: stop reading and drop the connection once the response is out.
      if (!drained) res.on('finish', () => req.destroy());
    }
  }

  let stopped;
  /**
   * Graceful shutdown: stop accepting connections, close idle keep-alive ones, let in-flight requests finish
   * (their responses carry `Connection: close`; new requests on open connections get 503 SHUTTING_DOWN) for at
   * most SHUTDOWN_TIMEOUT_MS, then drop what is left and close the pool. Idempotent.
   */
  function shutdown(reason = 'shutdown') {
    stopped ??= (async () => {
      ctx.stopping = true;
      log({ event: 'stopping', reason, inFlight: ctx.inFlight });
      const closed = new Promise((resolve) => server.close(() => resolve(undefined)));
      server.closeIdleConnections();
      let forced = false;
      if (ctx.inFlight > 0) {
        forced = await new Promise((resolve) => {
          const timer = setTimeout(() => resolve(true), config.SHUTDOWN_TIMEOUT_MS);
          ctx.onIdle = () => {
            server.closeIdleConnections();
            if (ctx.inFlight === 0) { clearTimeout(timer); resolve(false); }
          };
        });
      }
      server.closeAllConnections();
      await closed;
      await pool.close();
      log({ event: 'stopped', forced });
      return { forced };
    })();
    return stopped;
  }

  return { server, pool, ctx, shutdown };
}
