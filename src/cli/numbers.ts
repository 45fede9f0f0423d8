/**
 * Number formats for the text report. Every format has a width budget: a value whose usual text
 * would not fit (a strike of 1e12 USD, an underlying of 1e-6 USD, 18,000 days) is shown with fewer
 * decimals, then without thousands separators, then in exponent notation (`1.2e+12`), so that no
 * input can widen a line without bound.
 */

/** How {@link fitNumber} writes a value. */
export interface NumberStyle {
  /** Decimals wanted (fewer are used when the text would not fit). */
  digits: number;
  /** Thousands separators (`88,535.51`). */
  group?: boolean;
  /** Appended to every form, e.g. `%`. */
  suffix?: string;
  /**
   * Never show a non-zero value as zero: when it would round to 0 at `digits` decimals, use exponent
   * notation (for amounts whose scale comes from the data, such as USD prices and strikes).
   */
  significant?: boolean;
}

/** Width budget of numbers in running text (outside tables). */
export const PROSE_WIDTH = 16;

function plain(value: number, digits: number, group: boolean): string {
  if (Math.abs(value) >= 1e21) return value.toExponential(2); // toFixed and toLocaleString stop helping here
  const text = group
    ? value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })
    : value.toFixed(digits);
  return /^-0[.,]?[0,.]*$/.test(text) ? text.slice(1) : text; // no "-0.00"
}

/** `value` in exponent notation with at most `maxDigits` mantissa decimals (`1.23e-7`, `-4e+15`). */
export function exponent(value: number, maxDigits = 2): string {
  return value.toExponential(maxDigits);
}

/**
 * The text of `value` no wider than `width` when at all possible: `digits` decimals first, then fewer
 * decimals, then (with grouping) the same without separators, then exponent notation with 2, 1 and 0
 * mantissa decimals. If none fits, the shortest form. `n/a` for NaN and ±Infinity.
 * @param value the number.
 * @param style decimals, grouping, suffix and significance ({@link NumberStyle}).
 * @param width the widest text allowed (including the suffix); `Infinity` for the usual form.
 */
export function fitNumber(value: number, style: NumberStyle, width = Number.POSITIVE_INFINITY): string {
  if (!Number.isFinite(value)) return 'n/a';
  const suffix = style.suffix ?? '';
  const candidates: string[] = [];
  const tooSmall = style.significant === true && value !== 0 && Math.abs(value) < 0.5 * 10 ** -style.digits;
  if (!tooSmall) {
    for (let d = style.digits; d >= 0; d--) candidates.push(plain(value, d, style.group === true) + suffix);
    if (style.group === true) for (let d = style.digits; d >= 0; d--) candidates.push(plain(value, d, false) + suffix);
  }
  for (let m = 2; m >= 0; m--) candidates.push(exponent(value, m) + suffix);
  const fits = candidates.find((c) => c.length <= width);
  if (fits !== undefined) return fits;
  return candidates.reduce((a, b) => (b.length < a.length ? b : a));
}

/** `value` with `digits` decimals (never `-0.00`), exponent notation beyond `width`; `n/a` if not finite. */
export function fixed(value: number, digits: number, width = PROSE_WIDTH): string {
  return fitNumber(value, { digits }, width);
}

/**
 * `value` rounded to `digits` decimals with thousands separators (`88,535.51`), or `n/a`. A non-zero
 * value that would show as 0, or text wider than `width`, is written in exponent notation.
 */
export function grouped(value: number, digits = 0, width = PROSE_WIDTH): string {
  return fitNumber(value, { digits, group: true, significant: true }, width);
}

/** A decimal ratio as a percentage with `digits` decimals: 0.4523 → `45.23%`; `n/a` if not finite. */
export function percent(ratio: number, digits = 1, width = PROSE_WIDTH): string {
  return fitNumber(ratio * 100, { digits, suffix: '%' }, width);
}

/** A number in short scientific form when tiny or huge (`1.2e-5`), else with up to 4 significant digits. */
export function compact(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  const a = Math.abs(value);
  if (a !== 0 && (a < 1e-3 || a >= 1e6)) return value.toExponential(2);
  return String(Number(value.toPrecision(4)));
}

/**
 * A strike in thousands when ≥ 1,000 (`87500` → `87.5k`, `2950` → `2.95k`), else as is; exponent
 * notation (`1.00e+12`, `8.50e-7`) for strikes of a million thousands and more or below 0.001.
 */
export function strikeLabel(strike: number): string {
  if (!Number.isFinite(strike)) return 'n/a';
  if (strike >= 1e9 || (strike !== 0 && strike < 1e-3)) return strike.toExponential(2);
  if (strike >= 1000) return `${Number((strike / 1000).toFixed(3))}k`;
  return String(Number(strike.toFixed(4)));
}

/** `count` and the noun, singular for 1: `plural(1, 'strike')` → `1 strike`; irregular plurals as `many`. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
