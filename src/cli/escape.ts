/**
 * Safe echoes of untrusted text (cells, headers, parser messages) in error messages: never a raw
 * control or non-printable character on the terminal, and never more than a short excerpt.
 */

/** Longest excerpt of a cell quoted in a message, in characters (before escaping). */
export const EXCERPT_CHARS = 40;

/** Control characters (C0, DEL, C1), line/paragraph separators and the replacement character. */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufffd]/;
const UNPRINTABLE_ALL = new RegExp(UNPRINTABLE.source, 'g');

const hex = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** True when `text` holds a control or non-printable character (a NUL, a tab, an escape, …). */
export function hasUnprintable(text: string): boolean {
  return UNPRINTABLE.test(text);
}

/** `text` with every character outside printable ASCII written as a JSON-style `\uXXXX` escape. */
export function escapeText(text: string): string {
  return text.replace(/[^\u0020-\u007e]/g, hex);
}

/** `text` with its control and non-printable characters (only those) written as `\uXXXX` escapes. */
export function escapeUnprintable(text: string): string {
  return text.replace(UNPRINTABLE_ALL, hex);
}

/**
 * A quoted, escaped excerpt of untrusted text for a message: `JSON.stringify` of at most `max`
 * characters (followed by `...` when cut), every non-ASCII character escaped: `"\u0019V\ufffd1h"`.
 */
export function excerpt(text: string, max = EXCERPT_CHARS): string {
  return escapeText(JSON.stringify(text.slice(0, max))) + (text.length > max ? '...' : '');
}
