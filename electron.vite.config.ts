import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { NONCE_PLACEHOLDER } from './common/csp';

// The bundles: the Electron main process, the CLI (which also runs the browser
// bridge), the workspace's listing worker, the site's render and DOM workers, the sandboxed preload, and the React renderer.
const workers = new Set(['listWorker', 'checkWorker', 'renderWorker', 'domWorker']);

export default defineConfig({
  main: {
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      outDir: 'out/main',
      // React is bundled, as its production build: left external, it reads NODE_ENV at run time,
      // which nobody sets in the CLI or the app, and its development build renders pages ~5× slower.
      externalizeDeps: { exclude: ['react', 'react-dom'] },
      rollupOptions: {
        input: {
          main: resolve('electron/main.ts'),
          cli: resolve('electron/cli.ts'),
          listWorker: resolve('electron/workspace/listWorker.ts'),
          renderWorker: resolve('electron/site/renderWorker.ts'),
          checkWorker: resolve('electron/site/check/checkWorker.ts'),
          domWorker: resolve('electron/site/domWorker.ts'),
        },
        // The packaged app runs the listing, check and render workers from app.asar.unpacked (see package.json
        // build.asarUnpack), outside package.json's "type": "module": the .mjs extension keeps
        // it and the chunks it imports ES modules wherever they lie.
        output: {
          entryFileNames: (chunk) => (workers.has(chunk.name) ? '[name].mjs' : '[name].js'),
          chunkFileNames: 'chunks/[name]-[hash].mjs',
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload must be one CommonJS file with nothing to require.
      externalizeDeps: false,
      rollupOptions: {
        input: { preload: resolve('electron/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react()],
    // The page's tags carry this, and a <meta property="csp-nonce"> the page reads its nonce from;
    // whoever serves the page writes a fresh nonce in its place (electron/pageNonce.ts).
    html: { cspNonce: NONCE_PLACEHOLDER },
    build: {
      outDir: 'out/renderer',
      // electron-vite leaves bundles unminified; the renderer is parsed at every window load.
      minify: true,
      rollupOptions: { input: { index: resolve('renderer/index.html') } },
    },
  },
});
