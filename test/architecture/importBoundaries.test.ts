// The layering in ARCHITECTURE.md, checked on every import: common/ runs
// anywhere (no electron/, no renderer/, no Node built-ins), the renderer
// reaches the backend only through the contract in common/, and only the
// desktop shell loads Electron. Imports are read by the build's own parser
// (oxc, through rolldown, which vite bundles with): static imports, re-exports
// and dynamic import()s, type-only ones included; not a regex.
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { parseSync } from 'rolldown/utils';
import { describe, expect, it } from 'vitest';

const repo = path.resolve(__dirname, '../..');

/**
 * The files that may import 'electron': the desktop shell, which runs only inside Electron.
 * main.ts and preload.ts stay at the top because electron-vite's entries name them.
 */
const DESKTOP_SHELL = [
  'electron/main.ts',
  'electron/preload.ts',
  'electron/desktop/**',
];
const inDesktopShell = (file: string) =>
  DESKTOP_SHELL.some((entry) => (entry.endsWith('/**') ? file.startsWith(entry.slice(0, -2)) : file === entry));

interface Import {
  file: string;
  specifier: string;
  /** The repository folder a relative import lands in ("common", "electron", "renderer"), or null for a package. */
  layer: string | null;
}

function sources(folder: string): string[] {
  return readdirSync(path.join(repo, folder), { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.tsx?$/.test(name) && !name.endsWith('.d.ts'))
    .map((name) => path.posix.join(folder, name.split(path.sep).join('/')));
}

function specifiersOf(file: string): string[] {
  const text = readFileSync(path.join(repo, file), 'utf8');
  const { module, errors } = parseSync(file, text);
  if (errors.length > 0) throw new Error(`${file} does not parse: ${errors[0]!.message}`);
  return [
    ...module.staticImports.map((i) => i.moduleRequest.value),
    ...module.staticExports.flatMap((e) => e.entries.flatMap((entry) => (entry.moduleRequest ? [entry.moduleRequest.value] : []))),
    // A dynamic import's request is an expression: its text, without the quotes when it is a plain string.
    ...module.dynamicImports.map((i) => text.slice(i.moduleRequest.start, i.moduleRequest.end).replace(/^(['"`])(.*)\1$/, '$2')),
  ];
}

function importsOf(file: string): Import[] {
  return specifiersOf(file).map((specifier) => {
    if (!specifier.startsWith('.')) return { file, specifier, layer: null };
    const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
    return { file, specifier, layer: target.split('/')[0]! };
  });
}

const isNodeBuiltin = (specifier: string) => specifier.startsWith('node:') || builtinModules.includes(specifier.split('/')[0]!);
const describeImport = ({ file, specifier }: Import) => `${file} imports ${specifier}`;

describe('import boundaries', () => {
  const common = sources('common').flatMap(importsOf);
  const renderer = sources('renderer').flatMap(importsOf);
  const backend = sources('electron').flatMap(importsOf);

  it('finds the imports it checks', () => {
    // A reader that found nothing would pass every rule below.
    expect(common.length).toBeGreaterThan(100);
    expect(renderer.length).toBeGreaterThan(100);
    expect(backend.filter((i) => i.specifier === 'electron').length).toBeGreaterThan(0);
  });

  it('common/ imports neither electron/ nor renderer/, nor Node built-ins, nor Electron', () => {
    const crossing = common.filter((i) => (i.layer !== null && i.layer !== 'common') || isNodeBuiltin(i.specifier) || i.specifier === 'electron');
    expect(crossing.map(describeImport)).toEqual([]);
  });

  it('renderer/ imports only common/ and itself, never Node built-ins or Electron', () => {
    const crossing = renderer.filter((i) => (i.layer !== null && i.layer !== 'common' && i.layer !== 'renderer') || isNodeBuiltin(i.specifier) || i.specifier === 'electron');
    expect(crossing.map(describeImport)).toEqual([]);
  });

  it('only the desktop shell imports electron', () => {
    const outside = [...common, ...renderer, ...backend].filter((i) => i.specifier === 'electron' && !inDesktopShell(i.file));
    expect(outside.map(describeImport)).toEqual([]);
  });

  it('electron/ never imports the renderer', () => {
    expect(backend.filter((i) => i.layer === 'renderer').map(describeImport)).toEqual([]);
  });
});
