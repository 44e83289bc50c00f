import { defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

// Tests, examples and benchmarks run on TypeScript source: the `@cargorisk/source` export condition
// points each workspace package at its `src/index.ts`, so no build step stands between an edit and a test.
const conditions = ['@cargorisk/source', ...defaultServerConditions];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ['@cargorisk/source'] } },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts', 'examples/*/test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
