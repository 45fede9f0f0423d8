// Test setup: initialise the facade with the debug WASM build (assertions on), built by `npm test`.
import { beforeAll } from 'vitest';
import { init } from '../../src/index.js';

/** Path of the debug build the tests run against. */
export const DEBUG_WASM = new URL('../../build/debug.wasm', import.meta.url);

/** Registers a `beforeAll` that initialises tailguard with the debug WASM build. */
export function useWasm(): void {
  beforeAll(async () => {
    await init({ wasm: DEBUG_WASM });
  });
}
