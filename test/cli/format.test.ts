import { describe, expect, it } from 'vitest';
import { compact, fixed, grouped, percent, strikeLabel, table, wrapItems, wrapText } from '../../src/cli/format.js';

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
