import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/setup/meili.ts'],
    // Tests that start child processes or wait for Meilisearch tasks need more than the 5 s default.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Two cores: more workers only contend for nodejieba and Meilisearch.
    maxWorkers: 2,
  },
});
