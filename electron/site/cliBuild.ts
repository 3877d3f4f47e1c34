// `postwright build`: the site, or one post as a standalone file, from the
// command line. Progress goes to the terminal only when there is one.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { SiteBuildSummary } from '../../common/site/types';
import { buildSite } from './build';
import { standaloneBySlug } from './standalone';

export interface BuildArgs {
  workspace?: string;
  out?: string;
  drafts?: boolean;
  future?: boolean;
  post?: string;
  standalone?: boolean;
  cacheDir: string;
}

type Print = (line: string) => void;

// Not toLocaleString: its first call loads ICU data, a noticeable share of a small rebuild.
const count = (n: number) => String(n).replace(/\B(?=(\d{3})+$)/g, ',');
const plural = (n: number, one: string, many = `${one}s`) => `${count(n)} ${n === 1 ? one : many}`;

/** One line: what was built, what changed, what was left out. */
export function summaryLine(summary: SiteBuildSummary, root: string): string {
  const where = path.relative(root, summary.output) || '.';
  const shown = where.startsWith('..') ? summary.output : where;
  const changes = `${plural(summary.written, 'file')} written${summary.deleted ? `, ${count(summary.deleted)} deleted` : ''}`;
  const left = [summary.drafts && plural(summary.drafts, 'draft'), summary.future && plural(summary.future, 'future post')].filter(Boolean);
  const skipped = left.length ? `; left out ${left.join(' and ')}` : '';
  const pages = summary.pages > 0 ? ` and ${plural(summary.pages, 'page')}` : '';
  return `Built ${plural(summary.posts, 'post')}${pages} into ${shown}: ${plural(summary.files, 'file')}, ${changes}, in ${(summary.ms / 1000).toFixed(1)} s${skipped}.`;
}

export async function runBuild(args: BuildArgs, out: Print, err: Print): Promise<number> {
  const root = path.resolve(args.workspace ?? '.');
  if (args.post !== undefined || args.standalone) {
    if (!args.post || !args.standalone) {
      err('postwright build: export one post with both --post SLUG and --standalone, e.g. postwright build --post my-post --standalone');
      return 2;
    }
    const { html, fileName } = await standaloneBySlug(root, args.post);
    const file = path.resolve(args.out ?? fileName);
    await writeFile(file, html);
    out(file);
    return 0;
  }

  const tty = process.stdout.isTTY === true;
  let last = 0;
  const summary = await buildSite({
    root,
    out: args.out,
    drafts: args.drafts,
    future: args.future,
    cacheDir: args.cacheDir,
    onProgress: tty
      ? ({ done, total }) => {
          const now = performance.now();
          if (now - last < 80 && done < total) return;
          last = now;
          process.stdout.write(`\r\x1b[2K${count(done)} / ${count(total)} pages`);
        }
      : undefined,
  });
  if (tty) process.stdout.write('\r\x1b[2K');
  for (const warning of summary.warnings) err(`warning: ${warning}`);
  out(summaryLine(summary, root));
  return 0;
}
