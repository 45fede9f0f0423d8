/**
 * Stable hashing of manifests: canonical JSON (object keys sorted, no whitespace, numbers in
 * ECMAScript's shortest round-trip form) hashed with FNV-1a 64 (Fowler–Noll–Vo; offset basis
 * 0xcbf29ce484222325, prime 2^40 + 0x1b3) over its UTF-8 bytes. Pure TypeScript, no Node crypto, so the
 * same hash comes out in Node and browsers.
 */

/** JSON with object keys sorted at every level (arrays keep their order). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
  const o = value as Record<string, unknown>;
  const keys = Object.keys(o).filter((k) => o[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(',')}}`;
}

const TWO32 = 4294967296;

/** FNV-1a 64 of the UTF-8 bytes of `text`, as 16 lower-case hex digits. */
export function fnv1a64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let hi = 0xcbf29ce4;
  let lo = 0x84222325;
  for (let i = 0; i < bytes.length; i++) {
    lo = (lo ^ bytes[i]!) >>> 0;
    // (hi·2^32 + lo)·(2^40 + 0x1b3) mod 2^64
    const l = lo * 0x1b3;
    const carry = Math.floor(l / TWO32);
    const h = hi * 0x1b3 + carry + (lo & 0xffffff) * 256;
    lo = l % TWO32;
    hi = h % TWO32;
  }
  return hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0');
}
