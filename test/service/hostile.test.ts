/**
 * Hostile input against the node-service example: a few hundred random, garbled and mutated requests
 * (fast-check) — malformed JSON, random JSON values, valid bodies with fields replaced by anything
 * (NaN-like strings, huge or negative numbers, nested junk), random routes and methods, oversized bodies.
 * Every answer must be a typed JSON response with an expected status (never 500), and the process must be
 * alive and answer /healthz afterwards.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { get, spawnServer, type Server } from './client.js';

let server: Server;
const LIMIT = 32_768;
beforeAll(async () => {
  // Small caps keep mutated-but-valid Monte Carlo and cascade requests cheap on a shared machine.
  server = await spawnServer({ WORKERS: '1', MAX_BODY_BYTES: String(LIMIT), MC_MAX_PATHS: '20000', MC_TIME_LIMIT_MS: '2000' });
});
afterAll(async () => {
  const { code } = await server.stop();
  expect(code).toBe(0);
});

const valid: Record<string, unknown> = {
  '/v1/price': { model: 'bsm', type: 'call', spot: 100, strike: 100, expiryYears: 1, vol: 0.2 },
  '/v1/implied-vol': { type: 'put', price: 5, forward: 100, strike: 100, expiryYears: 0.5 },
  '/v1/monte-carlo': { model: { type: 'gbm', spot: 100, vol: 0.2 }, payoff: { type: 'european', optionType: 'call', strike: 100 }, expiryYears: 1, paths: 2000, seed: 1 },
  '/v1/cascade': { book: { collateral: [1, 2], debt: [1500, 2000], liquidationThreshold: 0.8, liquidationBonus: 0.05 }, venue: { type: 'constantProduct', reserveRisky: 100, reserveStable: 200_000 }, shock: { drop: 0.3 } },
  '/v1/portfolio-risk': { positions: [{ kind: 'option', underlying: 'ETH', type: 'put', strike: 1800, expiryYears: 0.1, quantity: 1 }], market: { ETH: { spot: 2000, vol: 0.6 } }, scenarioGrid: {} },
};
const routes = [...Object.keys(valid), '/healthz', '/v1', '/v1/price/', '/%00', '/v1/monte-carlo?x=1'];

const nanLike = fc.constantFrom('NaN', 'Infinity', '-Infinity', '1e999', '', ' ', 'null', '0x10', '1_000', '١٢٣');
const junk = fc.oneof(nanLike, fc.double(), fc.integer(), fc.constantFrom(1e308, -1e308, 1e12, -1, 0, 2 ** 53, 5e-324), fc.boolean(), fc.constant(null), fc.string(), fc.jsonValue({ maxDepth: 3 }));

/** A valid body with one field (at any depth) replaced by junk or removed. */
function mutate(body: unknown, path: number[], value: unknown, remove: boolean): unknown {
  if (body === null || typeof body !== 'object') return value;
  const copy: any = Array.isArray(body) ? [...body] : { ...body };
  const keys = Object.keys(copy);
  if (keys.length === 0) return copy;
  const key = keys[path[0]! % keys.length]!;
  if (path.length === 1 || copy[key] === null || typeof copy[key] !== 'object') {
    if (remove) delete copy[key]; else copy[key] = value;
  } else {
    copy[key] = mutate(copy[key], path.slice(1), value, remove);
  }
  return copy;
}

const request = fc.oneof(
  // a mutated valid body
  fc.record({
    route: fc.constantFrom(...Object.keys(valid)), path: fc.array(fc.nat(20), { minLength: 1, maxLength: 4 }), value: junk, remove: fc.boolean(),
  }).map(({ route, path, value, remove }) => ({ method: 'POST', route, type: 'application/json', body: JSON.stringify(mutate(valid[route], path, value, remove)) })),
  // a random JSON value
  fc.record({ route: fc.constantFrom(...routes), value: fc.jsonValue({ maxDepth: 4 }) })
    .map(({ route, value }) => ({ method: 'POST', route, type: 'application/json', body: JSON.stringify(value) ?? 'null' })),
  // garbled text: a valid body cut or spliced with random characters
  fc.record({ route: fc.constantFrom(...Object.keys(valid)), cut: fc.nat(400), insert: fc.string({ maxLength: 8 }) })
    .map(({ route, cut, insert }) => { const t = JSON.stringify(valid[route]); const at = cut % (t.length + 1); return { method: 'POST', route, type: 'application/json', body: t.slice(0, at) + insert + t.slice(at + insert.length) }; }),
  // raw bytes, random methods and media types, oversized bodies
  fc.record({
    route: fc.constantFrom(...routes), method: fc.constantFrom('POST', 'GET', 'PUT', 'DELETE', 'PATCH'),
    type: fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=utf-16'),
    bytes: fc.uint8Array({ maxLength: 200 }), big: fc.boolean(),
  }).map(({ route, method, type, bytes, big }) => ({
    method, route, type, body: method === 'GET' ? undefined : big ? new Uint8Array(LIMIT + 1 + bytes.length).fill(0x20) : bytes,
  })),
);

const expected = new Set([200, 400, 404, 405, 413, 415, 422, 504]);

it('a few hundred hostile requests: typed answers only, no 500, no crash; /healthz still answers', async () => {
  const statuses = new Map<number, number>();
  const samples = fc.sample(request, { numRuns: 400, seed: 20261129 });
  for (let i = 0; i < samples.length; i += 8) {
    await Promise.all(samples.slice(i, i + 8).map(async (req) => {
      const res = await fetch(server.url + req.route, { method: req.method, headers: { 'content-type': req.type }, body: req.body as BodyInit | undefined });
      const text = await res.text();
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      if (!expected.has(res.status)) throw new Error(`status ${res.status} for ${req.method} ${req.route} ${String(req.body).slice(0, 300)}: ${text.slice(0, 300)}`);
      const json = JSON.parse(text);
      if (res.status !== 200) {
        expect(typeof json.error.code).toBe('string');
        expect(typeof json.error.message).toBe('string');
      }
      expect(text).not.toMatch(/\n\s+at /);
    }));
  }
  expect(server.child.exitCode).toBeNull();
  const h = await get(`${server.url}/healthz`);
  expect(h.status).toBe(200);
  expect(h.json.status).toBe('ok');
  expect(server.stderr()).toBe(''); // nothing unexpected was logged
  // The run reached the interesting paths, not only one kind of rejection.
  for (const s of [200, 400, 413, 415]) expect(statuses.get(s) ?? 0).toBeGreaterThan(0);
}, 120_000);
