/**
 * HTTP plumbing of the service: reading a JSON body under a size limit, writing JSON responses, and the
 * typed {@link HttpError} every 4xx/5xx goes through. No framework: `node:http` only.
 */
import { encode } from './json.js';

/** An error with an HTTP status and a typed body `{ error: { code, message, field?, value?, ... } }`. */
export class HttpError extends Error {
  /**
   * @param {number} status HTTP status code.
   * @param {string} code stable machine-readable code (e.g. 'INVALID_INPUT', 'PAYLOAD_TOO_LARGE').
   * @param {string} message human-readable message.
   * @param {Record<string, unknown>} [extra] more fields of the error body (field, value, limit, …).
   * @param {Record<string, string>} [headers] response headers (e.g. Allow, Retry-After).
   */
  constructor(status, code, message, extra = {}, headers = {}) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
    this.code = code;
    this.extra = extra;
    this.headers = headers;
  }

  /** The response body. */
  body() {
    return { error: { code: this.code, message: this.message, ...this.extra } };
  }
}

/**
 * Writes `body` as JSON with `status`. Adds `Connection: close` when `close` is true (the server is
 * shutting down, or the request body was not fully read).
 */
export function sendJson(res, status, body, { headers = {}, close = false } = {}) {
  if (res.headersSent || res.writableEnded || res.destroyed) return;
  const text = encode(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    ...(close ? { connection: 'close' } : {}),
    ...headers,
  });
  res.end(text);
}

/**
 * Checks the request's media type: `application/json`, optionally with `charset=utf-8`.
 * @throws HttpError 415 otherwise.
 */
export function requireJson(req) {
  const header = req.headers['content-type'];
  const [type, ...params] = String(header ?? '').split(';').map((s) => s.trim().toLowerCase());
  const charset = params.find((p) => p.startsWith('charset='))?.slice('charset='.length).replace(/"/g, '');
  if (type !== 'application/json' || (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8')) {
    throw new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE', `content-type must be application/json (UTF-8); got ${header === undefined ? 'none' : JSON.stringify(String(header).slice(0, 100))}`,
      { field: 'content-type', value: header === undefined ? null : String(header).slice(0, 100) });
  }
}

/**
 * Reads the whole request body as UTF-8 and parses it as JSON.
 *
 * A body over `limit` is read to its end and discarded (so that the client, still sending, reads the 413
 * instead of a reset connection) as long as it stays under `DRAIN_FACTOR × limit`; past that, or when the
 * declared Content-Length is already past it, reading stops at once and the connection is dropped after
 * the response. The thrown 413 says which (`drained`).
 * @param {import('node:http').IncomingMessage} req
 * @param {number} limit largest body in bytes.
 * @returns the parsed value.
 * @throws HttpError 413 PAYLOAD_TOO_LARGE `{ limit, size }`; 400 MALFORMED_JSON (not UTF-8, not JSON, or empty).
 */
export async function readJson(req, limit) {
  const hardCap = DRAIN_FACTOR * limit;
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > hardCap) throw tooLarge(limit, declared, false);
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > hardCap) throw tooLarge(limit, size, false);
    if (size <= limit) chunks.push(chunk);
  }
  if (size > limit) throw tooLarge(limit, size, true);
  let text;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks, size));
  } catch {
    throw new HttpError(400, 'MALFORMED_JSON', 'the request body is not valid UTF-8');
  }
  if (text.trim() === '') throw new HttpError(400, 'MALFORMED_JSON', 'the request body is empty; a JSON object is expected');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new HttpError(400, 'MALFORMED_JSON', `the request body is not valid JSON: ${error instanceof Error ? error.message.slice(0, 200) : 'parse error'}`);
  }
}

/** A body up to this many times the limit is drained before the 413; a larger one is cut off. */
export const DRAIN_FACTOR = 16;

function tooLarge(limit, size, drained) {
  const error = new HttpError(413, 'PAYLOAD_TOO_LARGE', `the request body exceeds ${limit} bytes (MAX_BODY_BYTES)`, { limit, size });
  error.drained = drained;
  return error;
}
