// A minimal static server for the real-browser worker tests (DESIGN §8: pages are served from
// http://127.0.0.1, never data: or file:). It serves the repository read-only and rewrites the one
// bare specifier the library uses, 'comlink', to comlink's ESM build: module workers do not see a
// page's import map, so the rewrite is what lets dist/worker/worker.js load unbundled.
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.map': 'application/json',
};

export const COMLINK_PATH = '/node_modules/comlink/dist/esm/comlink.mjs';

/** Rewrites `from 'comlink'` (and `import 'comlink'`) to the served ESM file. */
export function rewriteBareImports(source: string): string {
  return source.replace(/(\bfrom\s*|\bimport\s*)(['"])comlink\2/g, `$1$2${COMLINK_PATH}$2`);
}

/** Serves `root` on 127.0.0.1 at a free port. */
export async function serve(root: URL): Promise<{ origin: string; close(): Promise<void> }> {
  const base = fileURLToPath(root);
  const server: Server = createServer((request, response) => {
    void (async () => {
      const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
      const file = normalize(`${base}${path}`);
      if (!file.startsWith(base.endsWith(sep) ? base : base + sep)) {
        response.writeHead(403).end();
        return;
      }
      try {
        let body: Buffer | string = await readFile(file);
        const ext = extname(file);
        if (ext === '.js' || ext === '.mjs') body = rewriteBareImports(body.toString('utf8'));
        response.writeHead(200, { 'content-type': TYPES[ext] ?? 'application/octet-stream', 'cache-control': 'no-store' });
        response.end(body);
      } catch {
        response.writeHead(404, { 'content-type': 'text/plain' }).end(`not found: ${path}`);
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no address');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
