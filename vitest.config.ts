import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    // The desktop suite needs the Electron binary: `npm run test:desktop` (vitest.desktop.config.ts).
    exclude: [...configDefaults.exclude, 'test/desktop/**'],
    // e2e tests share one browser and one machine with 2 cores: keep files serial-ish.
    maxWorkers: 2,
    // Many tests start processes (the CLI, git, sshd, Chromium); on a loaded machine one start
    // can take seconds, and every wait inside ends as soon as its condition holds.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // expect.poll gives up after one second by default; a page or a watcher on a loaded machine
    // can take longer, and a poll ends as soon as its condition holds.
    expect: { poll: { timeout: 15_000 } },
    server: { deps: { inline: ['electron-store'] } },
    // The site build inlines the theme's CSS with ?raw; vitest empties CSS imports unless told.
    css: { include: [/theme\.css/] },
  },
});
