import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    // e2e tests share one browser and one machine with 2 cores: keep files serial-ish.
    maxWorkers: 2,
    testTimeout: 20_000,
    hookTimeout: 60_000,
    server: { deps: { inline: ['electron-store'] } },
  },
});
