#!/usr/bin/env node
// Thin launcher: the CLI itself is TypeScript, bundled by `npm run build` into out/.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const cli = fileURLToPath(new URL('../out/main/cli.js', import.meta.url));
if (!existsSync(cli)) {
  console.error('postwright: the CLI is not built yet. Run `npm run build` in the Postwright folder first.');
  process.exit(1);
}
const { main } = await import(pathToFileURL(cli).href);
await main(process.argv.slice(2));
