/**
 * Test client of the node-service example: a server child process (examples/node-service/spawn.js, which runs
 * the built dist/ through the package's self-reference) and small fetch helpers.
 */
import { request } from 'node:http';
// @ts-ignore -- the example is plain JavaScript (no declarations)
import { spawnServer as spawnJs } from '../../examples/node-service/spawn.js';
// @ts-ignore -- the example is plain JavaScript (no declarations)
import { encode } from '../../examples/node-service/json.js';

export interface Server {
  url: string;
  port: number;
  workers: number;
  child: import('node:child_process').ChildProcess;
  exited: Promise<{ code: number | null; signal: string | null }>;
  stdout(): string;
  stderr(): string;
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: string | null }>;
}

export function spawnServer(env: Record<string, string> = {}, options: { entry?: string } = {}): Promise<Server> {
  return spawnJs(env, options) as Promise<Server>;
}

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  json: any;
}

/** POSTs `body` (an object is JSON-encoded; a string is sent as is) with `content-type` (default application/json). */
export async function post(url: string, body: unknown, contentType: string | null = 'application/json'): Promise<Reply> {
  const headers: Record<string, string> = {};
  if (contentType !== null) headers['content-type'] = contentType;
  const res = await fetch(url, { method: 'POST', headers, body: typeof body === 'string' || body instanceof Uint8Array ? body : JSON.stringify(body) });
  return reply(res);
}

export async function get(url: string, method = 'GET'): Promise<Reply> {
  return reply(await fetch(url, { method }));
}

async function reply(res: Response): Promise<Reply> {
  const text = await res.text();
  let json: unknown;
  try { json = JSON.parse(text); } catch { json = undefined; }
  return { status: res.status, headers: res.headers, text, json };
}

/** The JSON image of an SDK result under the service's encoding (typed arrays → arrays, non-finite → strings). */
export function asJson(value: unknown): any {
  return JSON.parse(encode(value) as string);
}

/**
 * A raw HTTP/1.1 request with a declared Content-Length that may differ from what is sent; resolves with the
 * status and body the server wrote, or the socket error.
 */
export function rawPost(port: number, path: string, declaredLength: number, payload: Buffer): Promise<{ status?: number; text?: string; error?: string }> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': declaredLength } }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => { text += d; });
      res.on('end', () => resolve({ status: res.statusCode, text }));
      res.on('error', () => resolve({ status: res.statusCode, text }));
    });
    req.on('error', (error) => resolve({ error: error.message }));
    req.write(payload);
  });
}
