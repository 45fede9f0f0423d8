/**
 * Validation of the lattice settings (`steps`, `method`, `exercise`); the option's own fields use the
 * rules of src/options/validate.ts. Each check throws {@link InvalidInputError} naming the field and value.
 */
import { InvalidInputError } from '../errors.js';
import type { ExerciseStyle, LatticeMethod } from './types.js';

/** Default number of time steps (odd, as Leisen–Reimer needs). */
export const DEFAULT_STEPS = 501;
/** Most time steps accepted (the work grows as steps²: 100,000 binomial steps take about a minute). */
export const MAX_STEPS = 100_000;

/** Kernel codes of the methods (assembly/lattice/binomial.ts). */
export const METHOD_CODE: Record<LatticeMethod, number> = { crr: 0, 'leisen-reimer': 1, trinomial: 2 };
/** Kernel codes of the exercise styles (assembly/lattice/batch.ts). */
export const EXERCISE_CODE: Record<ExerciseStyle, number> = { european: 0, american: 1 };

function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'bigint') return `${value}n`;
  return String(value);
}

function fail(field: string, value: unknown, rule: string, message: string): never {
  throw new InvalidInputError(`${field} (${show(value)}) ${message}`, { field, value, rule });
}

/** `steps`: undefined → {@link DEFAULT_STEPS}; else an integer 1 ≤ steps ≤ {@link MAX_STEPS}. */
export function checkSteps(value: unknown): number {
  if (value === undefined) return DEFAULT_STEPS;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_STEPS) {
    fail('steps', value, `integer within [1, ${MAX_STEPS}]`, `must be an integer within [1, ${MAX_STEPS}]`);
  }
  return value;
}

/** `method`: undefined → 'leisen-reimer'; else one of 'leisen-reimer' | 'crr' | 'trinomial'. Returns the kernel code. */
export function checkMethod(value: unknown): number {
  if (value === undefined) return METHOD_CODE['leisen-reimer'];
  if (typeof value === 'string' && Object.hasOwn(METHOD_CODE, value)) return METHOD_CODE[value as LatticeMethod];
  return fail('method', value, "'leisen-reimer' | 'crr' | 'trinomial'", "must be 'leisen-reimer', 'crr' or 'trinomial'");
}

/** `exercise`: undefined → 'american'; else 'american' | 'european'. Returns the kernel code. */
export function checkExercise(value: unknown): number {
  if (value === undefined) return EXERCISE_CODE.american;
  if (value === 'american' || value === 'european') return EXERCISE_CODE[value];
  return fail('exercise', value, "'american' | 'european'", "must be 'american' or 'european'");
}
