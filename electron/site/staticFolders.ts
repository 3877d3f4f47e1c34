// The blog's static folders (Hugo's `static/`, Jekyll's `assets/`, Eleventy's
// passthrough copies), file by file, as the site publishes them. Only real
// files inside the workspace, never through a symlink that leads out, never
// dot-files, and only types a browser shows without running them: HTML and
// scripts are left out and reported (the workspace never chooses what runs),
// and SVG is published sanitized (an SVG opened directly runs in the site's origin).
import fs from 'node:fs';
import path, { posix } from 'node:path';
import type { BlogLayout } from '../../common/blog/layout';
import { ASSET_TYPES } from './assets';
import { isInSkippedFolder } from '../workspace/names';
import { isWithin } from '../workspace/paths';

/** What static folders may publish besides the post asset types: styles, fonts, SVG, data. */
const STATIC_TYPES = new Set([...Object.keys(ASSET_TYPES), 'css', 'svg', 'woff', 'woff2', 'ttf', 'otf', 'eot', 'xml', 'json', 'webmanifest', 'vtt', 'srt', 'mov', 'm4v', 'flac', 'opus', 'tiff', 'heic', 'jxl', 'epub', 'gpx', 'kml']);

export interface StaticFile {
  /** Path in the site. */
  file: string;
  /** Real path to copy from. */
  source: string;
  /** Workspace-relative source, for messages. */
  relative: string;
}

/** Every publishable file of the static folders, and one line for each file left out. */
export function staticFiles(root: string, layout: BlogLayout, outputDir: string): { files: StaticFile[]; skipped: string[] } {
  const files: StaticFile[] = [];
  const skipped: string[] = [];
  for (const folder of layout.staticFolders) {
    const walk = (relative: string, depth: number) => {
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(path.join(root, relative), { withFileTypes: true });
      } catch {
        return;
      }
      for (const entry of entries) {
        const child = `${relative}/${entry.name}`;
        if (entry.name.startsWith('.') || isInSkippedFolder(child, outputDir)) continue;
        if (entry.isDirectory()) {
          if (depth < 32) walk(child, depth + 1);
          continue;
        }
        const extension = posix.extname(entry.name).slice(1).toLowerCase();
        if (/^(?:md|markdown)$/.test(extension)) continue; // pages and posts, built as such
        if (!STATIC_TYPES.has(extension)) {
          skipped.push(`${child} is not published: Postwright publishes no HTML, scripts or unknown file types from ${folder.source}/.`);
          continue;
        }
        let real: string;
        try {
          real = fs.realpathSync.native(path.join(root, child));
          if (!isWithin(root, real) || !fs.statSync(real).isFile()) continue;
        } catch {
          continue;
        }
        files.push({ file: folder.target + child.slice(folder.source.length + 1), source: real, relative: child });
      }
    };
    walk(folder.source, 0);
  }
  return { files: files.sort((a, b) => (a.file < b.file ? -1 : 1)), skipped };
}
