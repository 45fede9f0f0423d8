/**
 * Applies a zod schema to a request body; the first issue becomes a 400 whose body names the field as a
 * path in the request (`batch.vols[3]`, `model.spot`, `positions[0].strike`) and the value found there.
 */
import { HttpError } from './http.js';
import { describeValue } from './json.js';

/** `['a', 'b', 3, 'c']` → `a.b[3].c`. */
export function fieldPath(path) {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : out === '' ? String(part) : `.${String(part)}`;
  return out;
}

/** The value at `path` in `root` (own properties only), or undefined. */
function valueAt(root, path) {
  let v = root;
  for (const part of path) {
    if (v === null || typeof v !== 'object' || !Object.prototype.hasOwnProperty.call(v, part)) return undefined;
    v = v[part];
  }
  return v;
}

/**
 * Parses `body` with `schema`.
 * @returns the parsed (copied, unknown-key-free) value.
 * @throws HttpError 400 `{ code: 'INVALID_INPUT', message, field, value, issues }` for the first issue
 *   (`issues`: how many the schema found).
 */
export function parseBody(schema, body) {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  let path = issue.path;
  if (issue.code === 'unrecognized_keys' && issue.keys.length > 0) path = [...path, issue.keys[0]];
  const field = path.length === 0 ? '(body)' : fieldPath(path);
  const value = valueAt(body, path);
  const message = issue.code === 'unrecognized_keys' ? `${field} is not a known field` : `${field}: ${issue.message}`;
  throw new HttpError(400, 'INVALID_INPUT', message, {
    field, ...(value === undefined ? {} : { value: describeValue(value) }), issues: parsed.error.issues.length,
  });
}
