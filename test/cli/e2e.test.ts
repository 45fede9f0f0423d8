// End-to-end: the built CLI (dist/cli/main.js, produced by `npm run build`) run as a child process.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { HEADER, ROWS, withCell, writeCsv } from './fixtures.js';
import { first, generatedSnapshot } from './generated.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MAIN = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [MAIN, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  if (!existsSync(MAIN)) {
    throw new Error(`${MAIN} is missing: build first (npm run build, or npx tsc -p tsconfig.json after the WASM build)`);
  }
});

describe('tailguard report (built CLI)', () => {
  it('--json prints one JSON document with the report on the default snapshot', () => {
    const r = run('report', '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.snapshot.currency).toBe('BTC');
    expect(doc.snapshot.file).toMatch(/deribit_options_snapshot_20251231T091828Z\.csv$/);
    expect(doc.snapshot.sha256).toBe('489c1baeeda7885d04f718333b1e4638b4aa19879f18212792b1f461cf934e41');
    expect(doc.snapshot.options).toBe(620);
    expect(doc.ivCheck.medianAbsVolPts).toBeLessThanOrEqual(0.01);
    expect(doc.ivCheck.pass).toBe(true);
    expect(doc.ivCheck.failures).toHaveLength(1);
    expect(doc.smiles).toHaveLength(12);
    expect(doc.smiles[6].label).toBe('30JAN26');
    expect(doc.smiles[6].atmIv).toBeGreaterThan(0.2);
    expect(doc.smiles[6].delta).toBeGreaterThan(0.45);
    expect(doc.smiles[6].delta).toBeLessThan(0.55);
    expect(doc.protection.rows.length).toBeGreaterThanOrEqual(9);
    const ex = doc.exotic;
    expect(ex.expiryLabel).toBe('30JAN26');
    expect(ex.mc).toMatchObject({ paths: 200000, antithetic: true, model: 'gbm', rate: 0 });
    expect(ex.rows.map((r: { kind: string }) => r.kind)).toEqual(['vanilla', 'asian', 'downAndIn', 'putSpread']);
    for (const r of ex.rows) {
      for (const k of ['mcUsd', 'mcStandardErrorUsd', 'mcPctSpot', 'ratioToVanilla', 'closedFormUsd', 'zScore']) {
        expect(typeof r[k], k).toBe('number');
      }
      expect(r.note.length).toBeGreaterThan(10);
    }
  });

  it('prints a text report no wider than 100 columns', () => {
    const r = run('report');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    for (const l of lines) expect(l.length, l).toBeLessThanOrEqual(100);
    for (const heading of ['1. Implied vol check', '2. Smile per expiry', '3. Protection for a holder of 1 BTC',
      '4. Exotic protection for a holder of 1 BTC']) {
      expect(r.stdout).toContain(heading);
    }
    expect(r.stdout).toContain('median <= 0.01 vp: met');
    expect(r.stdout).toContain('BTC-2JAN26-110000-P');
    expect(r.stdout).toContain('Note on the tail');
  });

  it('runs on another snapshot and currency', () => {
    const r = run('report', '--snapshot', 'data/deribit/deribit_options_snapshot_20260205T093647Z.csv', '--currency', 'eth', '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.snapshot.currency).toBe('ETH');
    expect(doc.snapshot.options).toBe(860);
    const text = run('report', '--snapshot', 'data/deribit/deribit_options_snapshot_20260205T093647Z.csv', '--currency', 'ETH');
    for (const l of text.stdout.split('\n')) expect(l.length, l).toBeLessThanOrEqual(100);
  });

  it('exits 1 with a one-line message naming the file, row and column for bad input', () => {
    const missing = run('report', '--snapshot', 'no/such.csv');
    expect(missing.code).toBe(1);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toBe('tailguard: cannot read snapshot no/such.csv: no such file\n');

    const noColumn = writeCsv([HEADER.replace(',strike,', ',k,'), ...ROWS].join('\n'));
    const r1 = run('report', '--snapshot', noColumn);
    expect(r1.code).toBe(1);
    expect(r1.stderr).toBe(`tailguard: ${noColumn}: missing column "strike" in the header (line 1)\n`);

    const bad = writeCsv([HEADER, ROWS[0], withCell(ROWS[1] as string, 'mark_price', '0.08x')].join('\n'));
    const r2 = run('report', '--snapshot', bad);
    expect(r2.code).toBe(1);
    expect(r2.stderr).toBe(`tailguard: ${bad}: row 2 (line 3), column "mark_price": expected a number >= 0, got "0.08x"\n`);
    expect(r2.stderr).not.toMatch(/\n\s+at /);

    const r3 = run('report', '--snapshot', bad.replace('snap.csv', ''), '--currency', 'BTC');
    expect(r3.code).toBe(1);
    expect(r3.stderr).toContain('it is a directory');
  });

  it('rejects a bad currency and documents its options in --help', () => {
    const r = run('report', '--currency', 'SOL');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('expected one of BTC, ETH');
    const help = run('report', '--help');
    expect(help.code).toBe(0);
    for (const opt of ['--snapshot <file>', '--currency <ccy>', '--json']) expect(help.stdout).toContain(opt);
    const top = run('--help');
    expect(top.code).toBe(0);
    expect(top.stdout).toContain('report');
  });

  it('never prints binary bytes from a corrupt file: a short escaped message', () => {
    const bytes = Buffer.alloc(3000);
    let seed = 7;
    for (let i = 0; i < bytes.length; i++) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      bytes[i] = (seed >> 16) & 0xff;
    }
    const file = writeCsv(bytes.toString('latin1'));
    const r = run('report', '--snapshot', file);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^tailguard: .*\n$/);
    expect(r.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\ufffd]/);
    expect(r.stderr.length - file.length).toBeLessThan(200);
  });

  it('rejects a duplicated column and prints null for an ATM IV far from the money', () => {
    const dup = writeCsv([`${HEADER},strike`, `${ROWS[0]},99000.0`].join('\n'));
    const r1 = run('report', '--snapshot', dup);
    expect(r1.code).toBe(1);
    expect(r1.stderr).toContain(`${dup}: column "strike" appears twice in the header`);
    const r2 = run('report', '--json', '--snapshot', generatedSnapshot(first(49)));
    expect(r2.code).toBe(0);
    const feb = JSON.parse(r2.stdout).smiles.find((s: { label: string }) => s.label === '27FEB26');
    expect(feb.atmIv).toBeNull();
    expect(feb.atmMethod).toBe('none');
    expect(feb.atmNote).toContain('170,000');
  });
});
