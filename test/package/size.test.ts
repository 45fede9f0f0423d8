// Size budget (issue #7 §4): the JS a browser app loads for `import … from 'tailguard'` (dist/index.js's
// import graph bundled and minified by the repository's Vite, every export kept, comlink included,
// gzip -9), the same for a page importing only { init, blackScholes } (tree-shaking works:
// sideEffects false, no import-time side effects), the module worker's bundle and the WASM (gzip -9),
// against the budgets stated in the README ("Size"). Budget = the size measured on 2026-11-29 plus
// about 30% headroom (rounded up to whole KiB; +2 KiB for the minimal page) for the kernels and
// facades still being added: raise it deliberately, with the README. Figures: `npm run size`.
// Runs the built dist/ (`npm test` builds first).
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROOT_PATH, runNode } from './run.js';

interface Part { raw: number; gzip: number; files: string[] }

const KiB = 1024;
/** gzipped budgets in bytes; measured 2026-11-29 13:15 UTC: entry 63.1, minimal 3.6, worker 21.2, WASM 70.3 KiB */
const BUDGET = { entry: 82 * KiB, minimal: 6 * KiB, worker: 28 * KiB, wasm: 92 * KiB } as const;

describe('size budget (gzip -9)', () => {
  it('the JS entry (all exports and a minimal import), the worker bundle and the WASM stay within budget', async () => {
    // in a child node, as `npm run size` runs it (Vite inside a test worker sees the test's environment)
    const script = fileURLToPath(new URL('../../scripts/package/size.mjs', import.meta.url));
    const { stdout } = await runNode(script, ['--json'], ROOT_PATH);
    const figures = JSON.parse(stdout) as Record<'entry' | 'lazy' | 'worker' | 'wasm' | 'minimal', Part>;
    for (const [name, part] of Object.entries(figures)) {
      console.log(`[size] ${name}: ${(part.raw / KiB).toFixed(1)} KiB, gzip ${(part.gzip / KiB).toFixed(1)} KiB`
        + `${name in BUDGET ? ` (budget ${(BUDGET[name as keyof typeof BUDGET] / KiB).toFixed(0)} KiB)` : ''}`);
    }
    expect(figures.entry.files.length).toBeGreaterThan(0);
    expect(figures.worker.files).toHaveLength(1); // the pool's module worker is emitted as its own bundle
    for (const name of Object.keys(BUDGET) as (keyof typeof BUDGET)[]) {
      expect(figures[name].gzip, `${name} gzipped (bytes)`).toBeGreaterThan(1000);
      expect(figures[name].gzip, `${name} gzipped (bytes) over budget`).toBeLessThanOrEqual(BUDGET[name]);
    }
  }, 60_000);
});
