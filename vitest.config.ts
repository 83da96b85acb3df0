import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Build dist/ first if a source changed (the CLI tests spawn it), then start the shared Meilisearch.
    globalSetup: ['tests/setup/build.ts', 'tests/setup/meili.ts'],
    // Tests that start child processes or wait for Meilisearch tasks need more than the 5 s default.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Two cores: more workers only contend for nodejieba and Meilisearch.
    maxWorkers: 2,
  },
});
