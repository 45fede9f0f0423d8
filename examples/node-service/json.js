/**
 * JSON encoding of SDK results. JSON has no typed arrays and no non-finite numbers, so:
 * - typed arrays (Float64Array, Uint8Array, …) become plain arrays;
 * - NaN, Infinity and -Infinity become the strings "NaN", "Infinity" and "-Infinity" (a batch element
 *   marked with a non-OK status has NaN outputs; a loan without debt has health factor +Infinity);
 *   `Number(s)` turns them back;
 * - bigints become decimal strings.
 * Finite doubles keep every bit: JSON.stringify writes the shortest decimal that parses back to the
 * same double (ECMA-262 Number::toString), and JSON.parse reads it back exactly.
 */

/** JSON.stringify replacer implementing the rules above. */
export function replacer(_key, value) {
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'bigint') return value.toString();
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) return Array.from(value, (x) => (typeof x === 'bigint' ? x.toString() : x));
  if (value instanceof ArrayBuffer) return undefined; // internal buffers (e.g. a prepared book's bytes) are not part of a response
  return value;
}

/** Encodes `value` as JSON text by the rules above. */
export function encode(value) {
  return JSON.stringify(value, replacer);
}

/**
 * A short, bounded rendering of an offending value for an error body: primitives as they are (non-finite
 * numbers as strings), strings cut at 200 characters, arrays and objects summarised (never echoed whole).
 */
export function describeValue(value) {
  if (value === undefined) return undefined;
  if (value === null || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'string') return value.length > 200 ? `${value.slice(0, 200)}…` : value;
  if (Array.isArray(value)) return `[array of ${value.length}]`;
  if (ArrayBuffer.isView(value)) return `[${value.constructor.name} of ${value.length ?? value.byteLength}]`;
  if (typeof value === 'object') return '[object]';
  return `[${typeof value}]`;
}
