// The check on worker threads must find exactly what it finds on one thread:
// the same problems, in the same order, on a workspace with every kind.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { check } from '../../../../electron/site/check/check';
import { checkWorkerScript, workersPay, type CheckRequest, type CheckResponse } from '../../../../electron/site/check/checkPool';
import { examinePost } from '../../../../electron/site/check/examine';
import { Workspace } from '../../../../electron/workspace/workspace';
import { noTrash, post, tempDir, writeTree } from '../../../helpers/tmp';

const POSTS = 300;

/** Post i, with one kind of problem (or none) chosen by i, and links between posts. */
function nthPost(i: number): [string, string | Uint8Array] {
  const other = `p${(i + 7) % POSTS}.md`;
  const fields: Record<string, string> = { title: `Post ${i}`, date: '2024-03-18' };
  let body = `# Heading ${i}\n\nSee [the next](${other}) and [its heading](${other}#heading-${(i + 7) % POSTS}).\n\n`;
  switch (i % 24) {
    case 0: return [`p${i}.md`, '---\ntitle: [unclosed\n---\nbody\n']; // front matter that cannot be read
    case 1: fields.date = '2024-02-30'; break;
    case 2: fields.updated = 'soon'; break;
    case 3: fields.slug = 'same'; break; // a published duplicate
    case 4: fields.slug = 'same-draft'; fields.draft = 'true'; break; // a clash with drafts only
    case 5: body += '[nothing]() and [bad](100%.md) and [gone](missing.md) and [up](../outside.md)\n'; break;
    case 6: body += `[self](#nowhere) and [mine](#heading-${i}) and [there](${other}#nope)\n`; break;
    case 7: fields.draft = 'true'; break; // linked to from post i-7: a warning there
    case 8: body += '![](pics/missing.png) ![A folder](pics) ![](100%.png) ![Up](../up.png) ![Fine](pics/ok.png)\n'; break;
    case 9: body += '[permalink](/posts/no-such-slug/) [real](/posts/p10/) [tags](/tags/x/)\n'; break;
    case 10: body += '> quoted [gone](gone.md)\n>\n> - listed ![](x.png)\n\n| a | b |\n|---|---|\n| [c](c.md) | `[no](no.md)` |\n'; break;
    case 11: body += 'A note[^1].\n\n[^1]: With [a broken link](nope.md).\n\n[#n](#fnref-1)\n'; break;
    case 12: return [`p${i}.md`, new Uint8Array([0x23, 0x20, 0xe9, 0x0a])]; // not UTF-8
    case 13: return [`2024-13-01-p${i}.md`, post(fields, body)]; // an impossible date in the file name
    case 14: body += '```md\n[in code](nope.md)\n```\n\nand `![](nope.png)` and \\[escaped](nope.md)\n'; break;
    case 15: fields.slug = 'same'; fields.draft = 'true'; break;
    default: break;
  }
  return [`p${i}.md`, post(fields, body)];
}

async function workspace(): Promise<string> {
  const root = await tempDir();
  const files = Object.fromEntries(Array.from({ length: POSTS }, (_, i) => nthPost(i)));
  await writeTree(root, { ...files, 'pics/ok.png': 'png', 'pics/inner.txt': 'folder' });
  return root;
}

describe('check: worker threads', () => {
  it('are used for a workspace this size, and give the same problems in the same order as one thread', async () => {
    expect(workersPay(POSTS)).toBe(true);
    const ws = await Workspace.open(await workspace(), noTrash);
    try {
      const here = await check(ws, {}, () => false);
      const threaded = await check(ws, {}, () => true);
      expect(threaded).toEqual(here);
      // Every kind of problem is in the workspace, so the comparison covers each.
      expect(new Set(here.problems.map((p) => `${p.kind} ${p.severity}`))).toEqual(
        new Set(['front-matter error', 'date error', 'slug error', 'slug warning', 'link error', 'link warning', 'image error', 'alt-text warning', 'unreadable error']),
      );
      expect(here.posts).toBe(POSTS);
    } finally {
      await ws.close();
    }
  });

  it('examine each post in the worker itself, as this thread would', async () => {
    const root = await workspace();
    const ws = await Workspace.open(root, noTrash);
    const posts = await ws.list().finally(() => ws.close());
    const worker = new Worker(checkWorkerScript, { execArgv: [] });
    try {
      const reply = await new Promise<CheckResponse>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
        worker.postMessage({ id: 3, root, posts } satisfies CheckRequest);
      });
      expect(reply.id).toBe(3);
      const expected = await Promise.all(
        posts.map(async (summary) => {
          const bytes = await readFile(path.join(root, summary.path));
          // A file that is not UTF-8 is left for this thread to read and report.
          if (bytes.includes(0xe9)) return null;
          return examinePost(summary, bytes.toString('utf8'));
        }),
      );
      expect(reply.results).toEqual(expected);
    } finally {
      await worker.terminate();
    }
  });
});
