/**
 * Plain-text formatting for the report: aligned tables, wrapped lists and number formats.
 * No colours, no box drawing, so the output pastes cleanly into issues and logs.
 */

/** Widest line the report prints. */
export const MAX_WIDTH = 100;

/** One table column: header text and alignment (numbers right, text left). */
export interface Column {
  header: string;
  align?: 'left' | 'right';
}

/**
 * Renders rows of cells as an aligned table: a header line, a dashed rule, then one line per row;
 * columns are separated by two spaces and lines are right-trimmed.
 * @param columns the headers; a row may not have more cells than there are columns.
 * @param rows cells already formatted as text.
 * @param indent spaces before every line.
 * @returns the lines (without trailing newlines).
 */
export function table(columns: readonly Column[], rows: readonly (readonly string[])[], indent = 0): string[] {
  const widths = columns.map((c, j) => Math.max(c.header.length, ...rows.map((r) => (r[j] ?? '').length)));
  const pad = ' '.repeat(indent);
  const line = (cells: readonly string[]): string =>
    (pad +
      columns
        .map((c, j) => {
          const text = cells[j] ?? '';
          const w = widths[j] ?? 0;
          return c.align === 'right' ? text.padStart(w) : text.padEnd(w);
        })
        .join('  ')).trimEnd();
  const rule = pad + widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(columns.map((c) => c.header)), rule, ...rows.map(line)];
}

/**
 * Packs items into lines no wider than `width`, separated by `gap` spaces, every line starting with
 * `indent` spaces; items are padded to the widest item so that they line up in columns.
 */
export function wrapItems(items: readonly string[], width = MAX_WIDTH, indent = 2, gap = 2): string[] {
  if (items.length === 0) return [];
  const w = Math.max(...items.map((s) => s.length));
  const perLine = Math.max(1, Math.floor((width - indent + gap) / (w + gap)));
  const lines: string[] = [];
  for (let i = 0; i < items.length; i += perLine) {
    const chunk = items.slice(i, i + perLine).map((s) => s.padStart(w));
    lines.push((' '.repeat(indent) + chunk.join(' '.repeat(gap))).trimEnd());
  }
  return lines;
}

/** `value` with `digits` decimals (never `-0.00`), or `n/a` for NaN/±Infinity. */
export function fixed(value: number, digits: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  const text = value.toFixed(digits);
  return /^-0\.?0*$/.test(text) ? text.slice(1) : text; // no "-0.00"
}

/** `value` rounded to `digits` decimals with thousands separators (`88,535.51`), or `n/a`. */
export function grouped(value: number, digits = 0): string {
  if (!Number.isFinite(value)) return 'n/a';
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** A decimal ratio as a percentage with `digits` decimals: 0.4523 → `45.23%`; `n/a` if not finite. */
export function percent(ratio: number, digits = 1): string {
  return Number.isFinite(ratio) ? `${(ratio * 100).toFixed(digits)}%` : 'n/a';
}

/** A number in short scientific form when tiny or huge (`1.2e-5`), else with up to 4 significant digits. */
export function compact(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  const a = Math.abs(value);
  if (a !== 0 && (a < 1e-3 || a >= 1e6)) return value.toExponential(2);
  return String(Number(value.toPrecision(4)));
}

/** A strike in thousands when ≥ 1,000 (`87500` → `87.5k`, `2950` → `2.95k`), else as is. */
export function strikeLabel(strike: number): string {
  if (strike >= 1000) return `${Number((strike / 1000).toFixed(3))}k`;
  return String(Number(strike.toFixed(4)));
}

/** Word-wraps `text` into lines no wider than `width`, each starting with `indent` spaces. */
export function wrapText(text: string, width = MAX_WIDTH, indent = 2): string[] {
  const pad = ' '.repeat(indent);
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    if (current !== '' && pad.length + current.length + 1 + word.length > width) {
      lines.push(pad + current);
      current = word;
    } else {
      current = current === '' ? word : `${current} ${word}`;
    }
  }
  if (current !== '') lines.push(pad + current);
  return lines;
}
