/**
 * Plain-text layout for the report: aligned tables that fit the width, wrapped lists and text.
 * No colours, no box drawing, so the output pastes cleanly into issues and logs. Number formats are
 * in `numbers.ts` (re-exported here).
 */
import { type NumberStyle, fitNumber } from './numbers.js';

export { compact, fixed, grouped, percent, plural, strikeLabel } from './numbers.js';

/** Widest line the report prints. */
export const MAX_WIDTH = 100;

/** One table column: header text and alignment (numbers right, text left). */
export interface Column {
  header: string;
  align?: 'left' | 'right';
}

/**
 * A table cell: fixed text, or a number that can be written narrower: given a width budget it
 * returns its best text within it (`Infinity` = the usual form), see {@link fitNumber}.
 */
export type Cell = string | ((width: number) => string);

/** A cell that writes `value` with {@link fitNumber} in `style`, within whatever width the table gives it. */
export function numCell(value: number, style: NumberStyle): Cell {
  return (width) => fitNumber(value, style, width);
}

/** `cell` followed by `marker` (e.g. `*`), the marker counted in the cell's width. */
export function marked(cell: Cell, marker: string): Cell {
  if (marker === '') return cell;
  return typeof cell === 'string' ? cell + marker : (width) => cell(width - marker.length) + marker;
}

/** `text` cut to `width` characters, the cut marked with `~` at the end. */
export function clip(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, Math.max(0, width - 1))}~`;
}

/** `text` cut to `width` characters by replacing its middle with `...` (keeps a path's start and file name). */
export function elide(text: string, width: number): string {
  if (text.length <= width) return text;
  const keep = Math.max(0, width - 3);
  const head = Math.ceil(keep / 2);
  return `${text.slice(0, head)}...${text.slice(text.length - (keep - head))}`;
}

function render(cell: Cell | undefined, width: number): string {
  if (cell === undefined) return '';
  return typeof cell === 'string' ? cell : cell(width);
}

/**
 * Renders rows of cells as an aligned table: a header line, a dashed rule, then one line per row;
 * columns are separated by two spaces and lines are right-trimmed. When the table would be wider
 * than `maxWidth`, the widest number columns are narrowed one character at a time (their cells
 * rewritten with fewer decimals or in exponent notation) and, if that is not enough, the columns
 * are separated by one space.
 * @param columns the headers; a row may not have more cells than there are columns.
 * @param rows the cells: text, or numbers that can be narrowed ({@link numCell}).
 * @param indent spaces before every line.
 * @param maxWidth the widest line wanted.
 * @returns the lines (without trailing newlines).
 */
export function table(columns: readonly Column[], rows: readonly (readonly Cell[])[], indent = 0, maxWidth = MAX_WIDTH): string[] {
  let text = rows.map((r) => columns.map((_, j) => render(r[j], Number.POSITIVE_INFINITY)));
  const widthOf = (j: number): number => Math.max(columns[j]!.header.length, ...text.map((r) => r[j]!.length));
  let widths = columns.map((_, j) => widthOf(j));
  const total = (gap: number): number => indent + widths.reduce((a, b) => a + b, 0) + gap * (columns.length - 1);
  const stuck = new Set<number>();
  while (total(2) > maxWidth) {
    // the widest column that holds narrowable cells and is wider than its header
    let j = -1;
    widths.forEach((w, k) => {
      const narrowable = rows.some((r) => typeof r[k] === 'function');
      if (!stuck.has(k) && narrowable && w > columns[k]!.header.length && (j < 0 || w > widths[j]!)) j = k;
    });
    if (j < 0) break;
    const target = widths[j]! - 1;
    const next = rows.map((r) => render(r[j], target));
    const w = Math.max(columns[j]!.header.length, ...next.map((c) => c.length));
    if (w >= widths[j]!) {
      stuck.add(j);
      continue;
    }
    text = text.map((r, i) => r.map((c, k) => (k === j ? next[i]! : c)));
    widths = columns.map((_, k) => widthOf(k));
  }
  const gap = total(2) > maxWidth ? 1 : 2;
  const pad = ' '.repeat(indent);
  const line = (cells: readonly string[]): string =>
    (pad +
      columns
        .map((c, j) => {
          const cell = cells[j] ?? '';
          const w = widths[j] ?? 0;
          return c.align === 'right' ? cell.padStart(w) : cell.padEnd(w);
        })
        .join(' '.repeat(gap))).trimEnd();
  const rule = pad + widths.map((w) => '-'.repeat(w)).join(' '.repeat(gap));
  return [line(columns.map((c) => c.header)), rule, ...text.map(line)];
}

/**
 * Packs items into lines no wider than `width`, separated by `gap` spaces, every line starting with
 * `indent` spaces; items are padded to the widest item so that they line up in columns. An item
 * wider than a line is clipped ({@link clip}).
 */
export function wrapItems(all: readonly string[], width = MAX_WIDTH, indent = 2, gap = 2): string[] {
  if (all.length === 0) return [];
  const items = all.map((s) => clip(s, Math.max(1, width - indent)));
  const w = Math.max(...items.map((s) => s.length));
  const perLine = Math.max(1, Math.floor((width - indent + gap) / (w + gap)));
  const lines: string[] = [];
  for (let i = 0; i < items.length; i += perLine) {
    const chunk = items.slice(i, i + perLine).map((s) => s.padStart(w));
    lines.push((' '.repeat(indent) + chunk.join(' '.repeat(gap))).trimEnd());
  }
  return lines;
}

/**
 * Word-wraps `text` into lines no wider than `width`, each starting with `indent` spaces; a word
 * longer than a line is cut across lines.
 */
export function wrapText(text: string, width = MAX_WIDTH, indent = 2): string[] {
  const pad = ' '.repeat(indent);
  const lines: string[] = [];
  let current = '';
  const room = Math.max(1, width - indent);
  const words = text.split(/\s+/).filter((w) => w !== '').flatMap((w) => {
    const parts: string[] = [];
    for (let i = 0; i < w.length; i += room) parts.push(w.slice(i, i + room)); // a word wider than a line
    return parts;
  });
  for (const word of words) {
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

/**
 * `line` as it is when it fits in `width`, else word-wrapped ({@link wrapText}) with `indent` spaces:
 * for summary lines whose numbers come from the data.
 */
export function fitLine(line: string, width = MAX_WIDTH, indent = 2): string[] {
  return line.length <= width ? [line] : wrapText(line, width, indent);
}
