// The built CLI's loss-minimisation sections end to end: one `report --json --html FILE` run on the shipped
// snapshot; the JSON carries sections 6-9 as plain data, the page is self-contained and holds the same text.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { escapeHtml, splitSections } from '../../src/cli/html.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MAIN = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));

let doc: Record<string, any>;
let html: string;
let ms: number;

beforeAll(() => {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: build first (npx tsc -p tsconfig.json after the WASM build)`);
  const file = join(mkdtempSync(join(tmpdir(), 'tailguard-html-')), 'report.html');
  const t0 = Date.now();
  const r = spawnSync(process.execPath, [MAIN, 'report', '--json', '--html', file], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  ms = Date.now() - t0;
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  doc = JSON.parse(r.stdout);
  html = readFileSync(file, 'utf8');
}, 130_000);

const count = (text: string, re: RegExp) => (text.match(re) ?? []).length;

describe('report --json: sections 6-9', () => {
  it('has the menu, hedging, realised-vol and portfolio sections as plain numbers', () => {
    const m = doc.menu.menu;
    expect(m.expiry).toBe('30JAN26');
    expect(m.paths).toBe(20000);
    expect(m.frontier.length).toBeGreaterThan(2);
    for (const p of m.frontierPuts) expect(typeof p.expectedShortfall).toBe('number');
    expect(doc.menu.borrower.healthFactor).toBeGreaterThan(1);
    expect(doc.hedging.rows.map((r: { key: string }) => r.key)).toEqual(['daily', 'hourly', 'band']);
    for (const r of doc.hedging.rows) {
      for (const k of ['meanPnl', 'sd', 'expectedShortfall95', 'trades']) expect(typeof r[k], k).toBe('number');
      expect(Object.keys(r.costs)).toEqual(['total', 'fees', 'slippage', 'gas']);
    }
    expect(doc.realized.rows.map((r: { estimator: string }) => r.estimator)).toEqual(['close-to-close', 'parkinson', 'yang-zhang']);
    expect(doc.realized.cone.rows.map((r: { window: number }) => r.window)).toEqual([7, 30, 90]);
    expect(doc.portfolio.grid.pnlUsd).toHaveLength(21);
    expect(doc.portfolio.stress.map((s: { date: string }) => s.date)).toEqual(['2020-03-12', '2021-05-19']);
    expect(doc.portfolio.var.valueAtRisk).toBeGreaterThan(0);
  });

  it('runs in well under a minute (the report promises about 10 s on 2 cores)', () => {
    expect(ms).toBeLessThan(60_000);
  });
});

describe('report --html FILE', () => {
  it('is one self-contained page: one html/head/body, every script inline, nothing loaded from the network', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    for (const tag of ['html', 'head', 'body']) {
      expect(count(html, new RegExp(`<${tag}[\\s>]`, 'g')), tag).toBe(1);
      expect(count(html, new RegExp(`</${tag}>`, 'g')), tag).toBe(1);
    }
    expect(count(html, /<script[\s>]/g)).toBe(count(html, /<\/script>/g));
    expect(html).not.toMatch(/<script[^>]*\ssrc=/i);
    expect(html).not.toMatch(/<link[\s>]/i);
    expect(html).not.toMatch(/\s(?:src|href)\s*=\s*["']?\s*(?:https?:)?\/\//i);
    expect(html).not.toMatch(/url\(\s*["']?(?:https?:)?\/\//i);
    expect(html).not.toMatch(/@import/i);
  });

  it('inlines the uPlot library and its stylesheet byte for byte', () => {
    const dist = dirname(createRequire(import.meta.url).resolve('uplot'));
    const js = readFileSync(join(dist, 'uPlot.iife.min.js'), 'utf8');
    const css = readFileSync(join(dist, 'uPlot.min.css'), 'utf8');
    expect(html).toContain(js.replace(/<\/script/gi, '<\\/script'));
    expect(html).toContain(css);
    for (const id of ['chart-smile', 'chart-cascade', 'chart-frontier', 'chart-hedge', 'chart-cone']) expect(html).toContain(`id="${id}"`);
  });

  it('carries the report data and the same text as the terminal report, within 100 columns', () => {
    const data = /<script type="application\/json" id="report-data">([\s\S]*?)<\/script>/.exec(html)![1]!;
    expect(JSON.parse(data)).toEqual(doc);
    const pre = [...html.matchAll(/<pre>([\s\S]*?)<\/pre>/g)].map((m) => m[1]!);
    const text = spawnSync(process.execPath, [MAIN, 'report'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 }).stdout;
    expect(pre).toEqual(splitSections(text).map(escapeHtml));
    for (const heading of ['6. Protection menu', '7. Hedging a short 30-day ATM call', '8. Realised vs implied', '9. Portfolio risk']) {
      expect(text).toContain(heading);
    }
    for (const l of text.split('\n')) expect(l.length, l).toBeLessThanOrEqual(100);
    // the grid as a heat table: 7 spot rows x 3 vol columns
    expect(count(html, /<td style="background:/g)).toBe(21);
  });
});
