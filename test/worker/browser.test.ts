// The browser side must not reach Node: the static import graphs of the browser worker entry and
// the browser host contain no `node:` module and not comlink's Node adapter (the pool reaches the
// Node host only through a dynamic import behind a runtime check). Real-Chromium tests come later.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkDist, DIST } from './dist.js';

/** Static import/export-from specifiers of an ES module's source. */
function staticImports(source: string): string[] {
  const specifiers: string[] = [];
  for (const match of source.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]/gm)) {
    specifiers.push((match[1] ?? match[2])!);
  }
  return specifiers;
}

/** Every module statically reachable from `entry` (relative specifiers followed; bare ones listed). */
function graph(entry: URL): Set<string> {
  const seen = new Set<string>();
  const visit = (url: URL): void => {
    if (seen.has(url.href)) return;
    seen.add(url.href);
    for (const specifier of staticImports(readFileSync(url, 'utf8'))) {
      if (specifier.startsWith('.')) visit(new URL(specifier, url));
      else seen.add(specifier);
    }
  };
  visit(entry);
  return seen;
}

describe('browser build isolation', () => {
  for (const entry of ['worker/worker.js', 'worker/browserHost.js']) {
    it(`${entry} reaches no Node module statically`, () => {
      checkDist();
      const modules = [...graph(new URL(entry, DIST))];
      expect(modules.filter((m) => m.startsWith('node:') || m.includes('node-adapter') || m.endsWith('nodeHost.js') || m.endsWith('nodeWorker.js'))).toEqual([]);
      expect(modules).toContain('comlink');
    });
  }

  it('the browser host starts a module worker with the bundler-recognised URL form', () => {
    const source = readFileSync(new URL('worker/browserHost.js', DIST), 'utf8');
    expect(source).toContain("new Worker(new URL('./worker.js', import.meta.url), { type: 'module' })");
  });

  it('the pool reaches the Node host only through a dynamic import', () => {
    const source = readFileSync(new URL('worker/pool.js', DIST), 'utf8');
    expect(staticImports(source).some((s) => s.includes('nodeHost'))).toBe(false);
    expect(source).toMatch(/import\('\.\/nodeHost\.js'\)/);
  });
});
