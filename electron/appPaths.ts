// Where the app's own files are, from source (tests, tsx) or from the bundles in out/.
// Bundles may be split into chunks at any depth, so walk up to our package.json.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

interface Manifest {
  name?: string;
  version?: string;
}

function findPackageRoot(from: string): { root: string; manifest: Manifest } {
  for (let dir = from; ; dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    const manifest = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Manifest) : null;
    if (manifest?.name === 'postwright') return { root: dir, manifest };
    if (dirname(dir) === dir) throw new Error(`Postwright's package.json was not found above ${from}.`);
  }
}

const found = findPackageRoot(dirname(fileURLToPath(import.meta.url)));
export const packageRoot = found.root;
export const appVersion = found.manifest.version ?? '0.0.0';
/** The sample blog shipped with the app; it is copied before use, never written to. */
export const bundledSampleBlog = join(packageRoot, 'assets', 'sample-blog');
/** The built renderer the bridge serves (`npm run build`). */
export const rendererDir = join(packageRoot, 'out', 'renderer');

/**
 * Where a file that electron-builder's asarUnpack left on disk really is: beside
 * app.asar, in app.asar.unpacked. Outside a package, the path itself.
 */
export function unpackedPath(file: string): string {
  return file.replace(/([\\/])app\.asar(?=[\\/])/, '$1app.asar.unpacked');
}
