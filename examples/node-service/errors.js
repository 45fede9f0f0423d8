/**
 * Maps anything a handler throws to an {@link HttpError} (status + typed body). The SDK's errors
 * (tailguard `TailguardError` subclasses, src/errors.ts) keep their stable `code`:
 *
 * | thrown                                   | status | body `error.code`                          |
 * |------------------------------------------|--------|--------------------------------------------|
 * | HttpError (routing, body, schema)        | its own| its own                                    |
 * | InvalidInputError                        | 400    | INVALID_INPUT, `field` (request path), `value`, `rule` |
 * | PriceOutOfBoundsError (implied vol)      | 422    | PRICE_BELOW_INTRINSIC / PRICE_ABOVE_MAXIMUM, `bound` |
 * | NoConvergenceError                       | 422    | NO_CONVERGENCE                             |
 * | WorkerError, WasmInitError               | 503    | WORKER / WASM_INIT                         |
 * | AbortError (not the time limit)          | 503    | ABORTED                                    |
 * | anything else                            | 500    | INTERNAL (no message, no stack: logged with the request id) |
 */
import { TailguardError } from 'tailguard';
import { HttpError } from './http.js';
import { describeValue } from './json.js';

/**
 * @param {unknown} error what the handler threw.
 * @param {string} [prefix] path of the SDK's input inside the request body (e.g. 'batch.'), prepended to
 *   the SDK's `details.field` so that the field names a place in the request.
 * @returns an HttpError, or null for an unexpected error (→ 500).
 */
export function toHttpError(error, prefix = '') {
  if (error instanceof HttpError) return error;
  if (!(error instanceof TailguardError)) return null;
  const d = error.details ?? {};
  const located = {
    ...(typeof d.field === 'string' ? { field: prefix + d.field } : {}),
    ...('value' in d ? { value: describeValue(d.value) } : {}),
    ...(typeof d.rule === 'string' ? { rule: d.rule } : {}),
    ...(typeof d.index === 'number' ? { index: d.index } : {}),
  };
  switch (error.code) {
    case 'INVALID_INPUT':
      return new HttpError(400, error.code, error.message, located);
    case 'PRICE_BELOW_INTRINSIC':
    case 'PRICE_ABOVE_MAXIMUM':
      return new HttpError(422, error.code, error.message, { field: located.field ?? 'price', ...located, bound: describeValue(d.bound) });
    case 'NO_CONVERGENCE':
      return new HttpError(422, error.code, error.message, located);
    case 'WORKER':
    case 'WASM_INIT':
    case 'ABORTED':
      return new HttpError(503, error.code, error.message, {}, { 'retry-after': '1' });
    default:
      return null;
  }
}
