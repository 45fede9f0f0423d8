import { defineConfig } from 'vitest/config';

// One config for the examples (Vite) and the tests (Vitest).
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    pool: 'forks',
  },
});
