import { describe, expect, it } from 'vitest';
import { SnapshotError, loadSnapshot, selectCurrency } from '../../src/cli/snapshot.js';
import { HEADER, ROWS, withCell, writeCsv } from './fixtures.js';

function loadError(file: string): SnapshotError {
  try {
    loadSnapshot(file);
  } catch (err) {
    expect(err).toBeInstanceOf(SnapshotError);
    return err as SnapshotError;
  }
  throw new Error('loadSnapshot did not throw');
}

describe('loadSnapshot', () => {
  it('reads a good file into typed columns', () => {
    const file = writeCsv([HEADER, ...ROWS, ''].join('\n'));
    const c = loadSnapshot(file);
    expect(c.n).toBe(2);
    expect(Array.from(c.row)).toEqual([1, 2]);
    expect(Array.from(c.line)).toEqual([2, 3]);
    expect(c.instrument).toEqual(['BTC-3JAN26-88000-C', 'BTC-16JAN26-82000-C']);
    expect(c.currency).toEqual(['BTC', 'BTC']);
    expect(Array.from(c.isCall)).toEqual([1, 1]);
    expect(c.strike[0]).toBe(88000);
    expect(c.forward[0]).toBe(88535.51428571428);
    expect(c.mark[1]).toBe(0.0850143);
    expect(c.bid[0]).toBe(0.0155);
    expect(c.ask[1]).toBe(0.118);
    expect(c.markIv[0]).toBe(0.3601);
    expect(c.indexPrice[0]).toBe(88482.42);
    expect(c.timestampMs[0]).toBeCloseTo(Date.UTC(2025, 11, 31, 9, 18, 28) + 589.807, 6);
    expect(c.expiryMs[0]).toBe(Date.UTC(2026, 0, 3, 8));
  });

  it('accepts any column order, extra columns and an empty bid or ask', () => {
    const cols = HEADER.split(',');
    const reordered = [...cols].reverse();
    const cells = (ROWS[0] as string).split(',');
    const line = withCell(ROWS[0] as string, 'bid_price', '');
    const lineCells = line.split(',');
    const text = [['extra', ...reordered].join(','), ['x', ...[...lineCells].reverse()].join(',')].join('\n');
    const c = loadSnapshot(writeCsv(text));
    expect(c.n).toBe(1);
    expect(Number.isNaN(c.bid[0])).toBe(true);
    expect(c.strike[0]).toBe(Number(cells[5]));
  });

  it('names the file and the missing columns', () => {
    const header = HEADER.replace(',mark_price,', ',mark,');
    const file = writeCsv([header, ...ROWS].join('\n'));
    const err = loadError(file);
    expect(err.message).toContain(file);
    expect(err.message).toContain('missing column "mark_price"');
    expect(err.column).toBe('mark_price');
  });

  it('names the file, the row, the line and the column of a malformed number', () => {
    const file = writeCsv([HEADER, ROWS[0], withCell(ROWS[1] as string, 'strike', '8.2e4O')].join('\n'));
    const err = loadError(file);
    expect(err.message).toBe(`${file}: row 2 (line 3), column "strike": expected a number > 0, got "8.2e4O"`);
    expect(err.row).toBe(2);
    expect(err.column).toBe('strike');
  });

  it('rejects an empty required number, a negative mark, a bad date and a bad option type', () => {
    const cases: [string, string, string][] = [
      ['mark_price', '', 'expected a number >= 0, got an empty cell'],
      ['mark_price', '-0.01', 'expected a number >= 0, got "-0.01"'],
      ['underlying', '0', 'expected a number > 0, got "0"'],
      ['expiry_datetime', '2026-02-30T08:00:00+00:00', 'expected an ISO-8601 date-time'],
      ['option_type', 'straddle', 'expected "call" or "put"'],
      ['implied_volatility', 'NaN', 'expected a number >= 0, got "NaN"'],
    ];
    for (const [column, value, expected] of cases) {
      const file = writeCsv([HEADER, withCell(ROWS[0] as string, column, value)].join('\n'));
      const err = loadError(file);
      expect(err.message).toContain(`row 1 (line 2), column "${column}": ${expected}`);
    }
  });

  it('reports a missing file, an empty file, a header without rows and a ragged row', () => {
    expect(loadError('/nonexistent/snap.csv').message).toBe('cannot read snapshot /nonexistent/snap.csv: no such file');
    expect(loadError(writeCsv('')).message).toContain('empty file');
    expect(loadError(writeCsv(`${HEADER}\n`)).message).toContain('no data rows');
    const ragged = loadError(writeCsv([HEADER, `${ROWS[0]},extra`].join('\n')));
    expect(ragged.message).toContain('row 1 (line 2) has 24 cells, expected 23');
  });
});

describe('selectCurrency', () => {
  it('keeps one currency and complains about an absent one', () => {
    const eth = withCell(withCell(ROWS[1] as string, 'currency', 'ETH'), 'instrument_name', 'ETH-16JAN26-3000-C');
    const file = writeCsv([HEADER, ROWS[0], eth].join('\n'));
    const c = loadSnapshot(file);
    const btc = selectCurrency(c, 'btc');
    expect(btc.n).toBe(1);
    expect(btc.instrument).toEqual(['BTC-3JAN26-88000-C']);
    expect(selectCurrency(c, 'ETH').row[0]).toBe(2);
    expect(() => selectCurrency(c, 'SOL')).toThrow(/no SOL options \(currencies in the file: BTC, ETH\)/);
  });
});

describe('loadSnapshot: implausible input', () => {
  const NON_PRINTABLE = /[\u0000-\u001f\u007f-\u009f\ufffd]/;

  it('rejects a duplicated required column, naming the file and the column', () => {
    const file = writeCsv([`${HEADER},strike`, `${ROWS[0]},99000.0`].join('\n'));
    const err = loadError(file);
    expect(err.message).toBe(`${file}: column "strike" appears twice in the header (line 1, columns 6 and 24): which one to read is ambiguous`);
    expect(err.column).toBe('strike');
  });

  it('rejects an implied volatility given in percent, saying the column is a decimal', () => {
    const file = writeCsv([HEADER, withCell(ROWS[0] as string, 'implied_volatility', '36.01')].join('\n'));
    const err = loadError(file);
    expect(err.message).toContain('row 1 (line 2), column "implied_volatility"');
    expect(err.message).toContain('0.3601 for 36.01%; the column must be a decimal');
    expect(err.message).toContain('got "36.01"');
    expect(loadSnapshot(writeCsv([HEADER, withCell(ROWS[0] as string, 'implied_volatility', '10')].join('\n'))).markIv[0]).toBe(10);
  });

  it('rejects impossible UTC offsets and years outside 1970-2200, naming row and column', () => {
    const cases: [string, string][] = [
      ['timestamp', '2025-12-31T09:18:28.589807+99:99'],
      ['expiry_datetime', '2026-01-03T08:00:00+14:30'],
      ['expiry_datetime', '0025-01-03T08:00:00+00:00'],
      ['timestamp', '2201-01-01T00:00:00Z'],
    ];
    for (const [column, value] of cases) {
      const err = loadError(writeCsv([HEADER, ROWS[0], withCell(ROWS[1] as string, column, value)].join('\n')));
      expect(err.message, value).toContain(`row 2 (line 3), column "${column}": expected an ISO-8601 date-time`);
      expect(err.message, value).toContain('year 1970-2200');
      expect(err.row).toBe(2);
      expect(err.column).toBe(column);
    }
  });

  it('rejects control characters in text fields, escaped in the message', () => {
    for (const [column, value] of [['instrument_name', 'BTC-3JAN26\u0000-88000-C'], ['currency', 'BT\u001bC'], ['option_type', 'ca\u0007ll']]) {
      const err = loadError(writeCsv([HEADER, withCell(ROWS[0] as string, column as string, value as string)].join('\n')));
      expect(err.message).toContain(`row 1 (line 2), column "${column}": expected text without control characters`);
      expect(err.message).not.toMatch(NON_PRINTABLE);
      expect(err.message).toMatch(/\\u00(00|1b|07)/);
    }
  });

  it('rejects strikes, underlyings and index prices above 1e12 USD', () => {
    for (const [column, value] of [['strike', '2e12'], ['underlying', '1e305'], ['index_price', '1000000000001']]) {
      const err = loadError(writeCsv([HEADER, withCell(ROWS[0] as string, column as string, value as string)].join('\n')));
      expect(err.message).toBe(`${err.file}: row 1 (line 2), column "${column}": expected a USD amount <= 1e+12 ` +
        `(a larger one is almost surely corrupt), got "${value}"`);
    }
    expect(loadSnapshot(writeCsv([HEADER, withCell(ROWS[0] as string, 'strike', '1e12')].join('\n'))).strike[0]).toBe(1e12);
  });

  it('keeps a row whose bid is above its ask', () => {
    const crossed = withCell(withCell(ROWS[0] as string, 'bid_price', '0.02'), 'ask_price', '0.01');
    const c = loadSnapshot(writeCsv([HEADER, crossed].join('\n')));
    expect(c.bid[0]).toBe(0.02);
    expect(c.ask[0]).toBe(0.01);
  });

  it('never echoes binary bytes: a short escaped excerpt at most', () => {
    let seed = 12345;
    for (let k = 0; k < 20; k++) {
      const bytes = Buffer.alloc(3000);
      for (let i = 0; i < bytes.length; i++) {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        bytes[i] = seed >> 16 & 0xff;
      }
      const file = writeCsv(bytes.toString('latin1'));
      const err = loadError(file);
      expect(err.message).not.toMatch(NON_PRINTABLE);
      expect(err.message.length - file.length).toBeLessThan(200);
    }
    const cell = `0.0${'\u0001'.repeat(100)}`;
    const err = loadError(writeCsv([HEADER, withCell(ROWS[0] as string, 'mark_price', cell)].join('\n')));
    expect(err.message).toContain(`got ${JSON.stringify(cell.slice(0, 40))}...`);
  });
});
