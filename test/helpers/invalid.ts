// Shared assertion for bad-input tests: the call throws InvalidInputError naming the field and,
// for numbers and strings, showing the value ("strike (-5) must be > 0"; strings quoted).
import { expect } from 'vitest';
import { InvalidInputError } from '../../src/index.js';

/** Asserts that `fn` throws InvalidInputError with `details.field === field` and the value in its message. */
export function expectInvalid(fn: () => unknown, field: string, value: unknown): void {
  let error: unknown;
  try { fn(); } catch (e) { error = e; }
  expect(error, `${field} = ${String(value)} was accepted`).toBeInstanceOf(InvalidInputError);
  const e = error as InvalidInputError;
  expect(e.code).toBe('INVALID_INPUT');
  expect(e.details.field).toBe(field);
  expect(e.message).toContain(field);
  if (typeof value === 'number') expect(e.message).toContain(`(${String(value)})`);
  if (typeof value === 'string') expect(e.message).toContain(`(${JSON.stringify(value)})`); // '100' reads as a string
}
