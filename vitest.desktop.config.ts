import { defineConfig } from 'vitest/config';

// `npm run test:desktop`: the built app in the real Electron binary (test/desktop/), one app at a time.
// Not part of `npm test`: it needs a machine where `npm install` could download Electron.
export default defineConfig({
  test: {
    include: ['test/desktop/**/*.test.ts'],
    maxWorkers: 1,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
