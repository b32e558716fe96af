import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // integration tests that drive real tools set their own, longer timeouts
    testTimeout: 20_000,
    pool: 'threads',
  },
});
