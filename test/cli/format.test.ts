import { describe, expect, it } from 'vitest';
import {
  type Column, clip, compact, elide, fixed, grouped, marked, numCell, percent, plural, strikeLabel, table, wrapItems, wrapText,
} from '../../src/cli/format.js';
import { fitNumber } from '../../src/cli/numbers.js';

describe('table', () => {
  it('aligns text left and numbers right under a dashed rule', () => {
    const lines = table([{ header: 'name' }, { header: 'value', align: 'right' }], [['a', '1.5'], ['bbbbbb', '10.25']], 2);
    expect(lines).toEqual([
      '  name    value',
      '  ------  -----',
      '  a         1.5',
      '  bbbbbb  10.25',
    ]);
  });
});

describe('wrapping', () => {
  it('packs items into aligned columns within the width', () => {
    const items = Array.from({ length: 30 }, (_, i) => `${80 + i}k ${(40 + i / 10).toFixed(1)}`);
    const lines = wrapItems(items, 100, 4, 2);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(100);
    expect(lines.join(' ').split(/\s{2,}/).filter((s) => s.trim() !== '').length).toBe(30);
    expect(lines[0]?.startsWith('     80k 40.0  ')).toBe(true);
  });

  it('word-wraps text within the width', () => {
    const text = 'word '.repeat(60);
    const lines = wrapText(text, 40, 2);
    for (const l of lines) {
      expect(l.length).toBeLessThanOrEqual(40);
      expect(l.startsWith('  word')).toBe(true);
    }
    expect(lines.join(' ').split(/\s+/).filter((w) => w !== '').length).toBe(60);
  });
});

describe('number formats', () => {
  it('formats fixed, grouped, percent, compact and strikes; n/a for NaN', () => {
    expect(fixed(1.23456, 2)).toBe('1.23');
    expect(fixed(Number.NaN, 2)).toBe('n/a');
    expect(fixed(-0.001, 2)).toBe('0.00');
    expect(fixed(-0.4, 0)).toBe('0');
    expect(fixed(-0.51, 1)).toBe('-0.5');
    expect(grouped(88535.514, 2)).toBe('88,535.51');
    expect(grouped(1213.347)).toBe('1,213');
    expect(percent(0.45234, 2)).toBe('45.23%');
    expect(compact(1.48e-6)).toBe('1.48e-6');
    expect(compact(0.01234567)).toBe('0.01235');
    expect(strikeLabel(87500)).toBe('87.5k');
    expect(strikeLabel(2950)).toBe('2.95k');
    expect(strikeLabel(800)).toBe('800');
  });
});

describe('fitting the width', () => {
  it('writes out-of-range magnitudes compactly: fewer decimals, no separators, then exponent', () => {
    expect(fitNumber(18262.95, { digits: 2 }, 7)).toBe('18263.0');
    expect(fitNumber(16702284, { digits: 2, group: true }, 9)).toBe('16702284');
    expect(fitNumber(1e300, { digits: 0, group: true }, 9)).toBe('1.00e+300');
    expect(fitNumber(-1.2345e-300, { digits: 2, significant: true }, 8)).toBe('-1e-300');
    expect(fitNumber(-1.2345e-300, { digits: 2 }, 8)).toBe('0.00');
    expect(fitNumber(0.4123, { digits: 2, suffix: '%' }, 4)).toBe('0.4%');
    expect(fitNumber(Number.NaN, { digits: 2 }, 3)).toBe('n/a');
    expect(grouped(1e300, 2).length).toBeLessThanOrEqual(16);
    expect(grouped(8.5e-7, 2)).toBe('8.50e-7'); // not a misleading 0.00
    expect(grouped(0, 2)).toBe('0.00');
    expect(percent(1e30, 2).length).toBeLessThanOrEqual(16);
    expect(strikeLabel(1e12)).toBe('1.00e+12');
    expect(strikeLabel(8.5e-7)).toBe('8.50e-7');
  });

  it('narrows number columns (marker included) until the table fits, keeping text columns', () => {
    const cols: Column[] = [{ header: 'name' }, { header: 'F', align: 'right' }, { header: 'IV', align: 'right' }];
    const rows = [
      ['a', numCell(1e20, { digits: 0, group: true }), marked(numCell(0.6141 * 100, { digits: 2, suffix: '%' }), '*')],
      ['b', numCell(88503, { digits: 0, group: true }), numCell(35.35, { digits: 2, suffix: '%' })],
    ];
    const wide = table(cols, rows, 2, 1000);
    expect(Math.max(...wide.map((l) => l.length))).toBeGreaterThan(40);
    const lines = table(cols, rows, 2, 30);
    for (const l of lines) expect(l.length, l).toBeLessThanOrEqual(30);
    expect(lines[2]).toMatch(/^ {2}a\s+1\.00e\+20\s+61\.41%\*$/);
    expect(lines[3]).toMatch(/^ {2}b\s+88,503\s+35\.35%$/);
  });

  it('cuts words and items wider than a line, elides long paths', () => {
    for (const l of wrapText(`see ${'x'.repeat(250)} here`, 100, 2)) expect(l.length).toBeLessThanOrEqual(100);
    for (const l of wrapItems(['short', 'y'.repeat(300)], 100, 4)) expect(l.length).toBeLessThanOrEqual(100);
    expect(clip('abcdefgh', 5)).toBe('abcd~');
    expect(elide('/very/long/path/to/snap.csv', 15)).toBe('/very/...ap.csv');
  });

  it('says 1 strike, 2 strikes', () => {
    expect(plural(1, 'strike')).toBe('1 strike');
    expect(plural(0, 'row')).toBe('0 rows');
    expect(plural(2, 'option')).toBe('2 options');
  });
});
