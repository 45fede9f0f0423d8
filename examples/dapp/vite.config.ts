// Vite config of the browser dApp example (examples/dapp). The repository's root vite.config.ts is the
// test runner's; this one is the page's: `npm run dev` serves it, `npm run build:dapp` builds it to
// examples/dapp/dist/. The page runs the BUILT library (dist/, `npm run build` first), as an installed
// package would: the WASM loader's and the worker pool's `new URL(…, import.meta.url)` then point at
// dist/wasm/tailguard.wasm and dist/worker/worker.js, which Vite emits as assets.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const repo = fileURLToPath(new URL('../../', import.meta.url));

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  // the shipped CSVs are imported with `?url` from data/: the dev server may read the repository
  server: { fs: { allow: [repo] }, host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  // csv-parse's Node build (which the report's parsers import) uses Node's global Buffer; its browser
  // build carries its own. node:fs: see src/browserFs.ts
  resolve: {
    alias: [
      { find: /^csv-parse\/sync$/, replacement: 'csv-parse/browser/esm/sync' },
      { find: /^node:fs$/, replacement: fileURLToPath(new URL('src/browserFs.ts', import.meta.url)) },
    ],
  },
  // module workers whose code is split into chunks (the pool's jobs are loaded on demand) need ES output
  // keepNames: the library's errors take their `name` from their class (InvalidInputError, AbortError…),
  // which minification would otherwise shorten
  worker: { format: 'es', rolldownOptions: { output: { keepNames: true } } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    assetsInlineLimit: 0, // the CSVs and the WASM stay files
    chunkSizeWarningLimit: 1024,
    rolldownOptions: { output: { keepNames: true } },
  },
});
