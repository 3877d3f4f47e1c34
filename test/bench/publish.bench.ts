// Benchmark "publish": `postwright publish --json` (a fresh process, as the
// author runs it) of a 1,000-post site to each target on loopback, then again after changing one post, and what that second publish
// uploads against the whole site, in files and bytes (target ≤ 2% of the
// bytes). Two edits: a line added at the end of an old post (only its page
// changes), and the newest post retitled (its title is also on the index, the
// archive, its tags' pages and in the feeds).
//
// Targets come from a small table of setups, so other hosts join by adding a row.
import { execFile, execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { formatBytes } from '../../common/bytes';
import type { PublishTarget } from '../../common/publishSettings';
import { packageRoot } from '../../electron/appPaths';
import type { PublishResult } from '../../electron/publish/publish';
import { Workspace } from '../../electron/workspace/workspace';
import { runNetlifyFake } from '../helpers/netlifyFake';
import { runS3rver, S3RVER_KEYS } from '../helpers/s3rver';
import { startSshd } from '../helpers/sshd';
import { fmt, load, machine, summarise, table, timed, type Benchmark } from './harness';

const POSTS = 1_000;
const TARGET_SHARE = 0.02;

/** A publish target on loopback, started for one benchmark run. */
export interface TargetSetup {
  /** Shown in the table. */
  label: string;
  start(scratch: string): Promise<{ config: PublishTarget; secrets?: Record<string, string>; stop(): Promise<void> }>;
}

export const setups: readonly TargetSetup[] = [
  {
    label: 'git (bare repository, file://)',
    async start(scratch) {
      const dir = path.join(scratch, 'remote.git');
      execFileSync('git', ['init', '--bare', '--quiet', dir]);
      return { config: { type: 'git', remote: pathToFileURL(dir).href, branch: 'gh-pages', message: 'Publish', force: false }, stop: async () => {} };
    },
  },
  {
    label: 'S3 (s3rver)',
    async start(scratch) {
      const server = await runS3rver(path.join(scratch, 's3rver'));
      return {
        config: { type: 's3', bucket: server.bucket, endpoint: server.endpoint, region: 'us-east-1', prefix: '' },
        secrets: { ...S3RVER_KEYS },
        stop: async () => {
          await server.stop();
          server.client.destroy();
        },
      };
    },
  },
  {
    label: 'Netlify (contract fake of the deploy API)',
    async start() {
      const fake = await runNetlifyFake();
      return {
        config: { type: 'netlify', siteId: fake.siteId },
        secrets: { NETLIFY_AUTH_TOKEN: fake.token, ...fake.env },
        stop: () => fake.stop(),
      };
    },
  },
  {
    label: 'SFTP (OpenSSH sshd, 127.0.0.1)',
    async start(scratch) {
      const sshd = await startSshd();
      // The CLI trusts the host keys it accepted before, kept in its data folder (XDG_DATA_HOME below).
      await mkdir(path.join(scratch, 'data', 'postwright'), { recursive: true });
      await writeFile(path.join(scratch, 'data', 'postwright', 'known_hosts'), `${sshd.knownHostsLine}\n`);
      return { config: { type: 'sftp', host: sshd.host, port: sshd.port, user: sshd.user, path: path.join(sshd.root, 'blog'), keyFile: sshd.keyFile }, stop: () => sshd.stop() };
    },
  },
];

const noTrash = { trash: () => Promise.reject(new Error('the benchmark never trashes posts')) };

/** A copy of the corpus that passes the check: the generator repeats slugs across folders, so each post gets its own. */
export async function workspaceFrom(corpus: string, scratch: string): Promise<string> {
  const root = path.join(scratch, 'site');
  await cp(corpus, root, { recursive: true });
  const ws = await Workspace.open(root, noTrash);
  try {
    let n = 0;
    for (const post of await ws.list()) {
      const file = path.join(root, post.path);
      await writeFile(file, (await readFile(file, 'utf8')).replace(/^---\n/, `---\nslug: ${post.slug}-${++n}\n`));
    }
  } finally {
    await ws.close();
  }
  return root;
}

/** A workspace from the corpus that publishes to `target` as "bench", and the environment its CLI runs in (caches and data in `scratch`). */
export async function publishingWorkspace(corpus: string, scratch: string, target: { config: PublishTarget; secrets?: Record<string, string> }): Promise<{ root: string; env: NodeJS.ProcessEnv }> {
  const root = await workspaceFrom(corpus, scratch);
  const settingsFile = path.join(root, 'postwright.json');
  const settings = JSON.parse(await readFile(settingsFile, 'utf8')) as Record<string, unknown>;
  await writeFile(settingsFile, JSON.stringify({ ...settings, publish: { targets: { bench: target.config } } }));
  return { root, env: { ...process.env, ...target.secrets, XDG_CACHE_HOME: path.join(scratch, 'cache'), XDG_DATA_HOME: path.join(scratch, 'data') } };
}

/** The oldest and the newest published post. */
export async function postsToEdit(root: string): Promise<{ old: string; newest: string }> {
  const ws = await Workspace.open(root, noTrash);
  try {
    const published = (await ws.list()).filter((p) => !p.draft && p.date && p.date <= new Date().toISOString()).sort((a, b) => (a.date! < b.date! ? -1 : 1));
    return { old: published[0]!.path, newest: published.at(-1)!.path };
  } finally {
    await ws.close();
  }
}

const edits = {
  'a line added to an old post': async (file: string, run: number) => {
    await writeFile(file, `${await readFile(file, 'utf8')}\nAn afterthought, added in run ${run}.\n`);
  },
  'the newest post retitled': async (file: string, run: number) => {
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace(/^title: (?:"(.*)"|(.*))$/m, (_, quoted: string | undefined, plain: string | undefined) => `title: "${(quoted ?? plain)!.replace(/ \(revised \d+\)$/, '')} (revised ${run})"`));
  },
};

export const publishBenchmark: Benchmark = {
  name: 'publish',
  title: '`postwright publish`: what one changed post uploads',
  async run(ctx) {
    const corpus = await ctx.corpus(ctx.sizes?.[0] ?? POSTS);
    const rows: string[][] = [];
    let worst = 0;
    for (const setup of setups) {
      const scratch = await mkdtemp(path.join(tmpdir(), 'postwright-bench-publish-'));
      const target = await setup.start(scratch);
      try {
        const { root, env } = await publishingWorkspace(corpus, scratch, target);
        const publish = () => publishWithCli(root, env);
        const full = await timed(publish);
        ctx.log(`publish ${setup.label}: full ${fmt(full.ms)} ms, ${full.value.uploads.length} files`);
        rows.push(row(setup.label, 'first publish (everything)', full.value, [full.ms]));
        const { old, newest } = await postsToEdit(root);
        for (const [what, edit] of Object.entries(edits)) {
          const file = path.join(root, what.includes('newest') ? newest : old);
          const times: number[] = [];
          let last: PublishResult | null = null;
          for (let run = 0; run < ctx.warmup + ctx.runs; run++) {
            await edit(file, run);
            const { ms, value } = await timed(publish);
            ctx.log(`publish ${setup.label}, ${what}: ${fmt(ms)} ms, ${value.uploads.length} files, ${value.bytes} bytes`);
            if (run >= ctx.warmup) times.push(ms);
            last = value;
          }
          worst = Math.max(worst, last!.bytes / last!.site.bytes);
          rows.push(row(setup.label, what, last!, times));
        }
      } finally {
        await target.stop();
        await rm(scratch, { recursive: true, force: true });
      }
    }
    const met = worst <= TARGET_SHARE;
    const markdown = [
      `A ${POSTS.toLocaleString('en-US')}-post site (the generated corpus, each post given its own slug so the check passes), published with ` +
        '`postwright publish --json` as a fresh process (start-up, check, incremental build, compare, upload) to each target on loopback; then one post is changed and it is published again. ' +
        `The first publish also uploads the git target's .nojekyll. Times are medians (min–max) of ${ctx.runs} such publishes after ${ctx.warmup} warm-up, each with a fresh edit; the shares are of the last. ` +
        `${machine()}; load ${load()}.`,
      '',
      table(['target', 'publish', 'files uploaded', 'bytes uploaded', "share of the site's bytes", 'time'], rows, ['l', 'l', 'r', 'r', 'r', 'r']),
      '',
      `Target: one changed post uploads ≤ ${TARGET_SHARE * 100}% of the site's bytes. Worst here: ${(worst * 100).toFixed(2)}%: ${met ? 'met' : '**missed**'}.`,
    ].join('\n');
    return { markdown, targetMet: met };
  },
};

/** `postwright publish ROOT --json`; its one result. */
export function publishWithCli(root: string, env: NodeJS.ProcessEnv): Promise<PublishResult> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [path.join(packageRoot, 'bin', 'postwright.js'), 'publish', root, '--json', '--trust-endpoint'], { env, maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`postwright publish failed: ${stderr.slice(-2000)}`));
      else resolve((JSON.parse(stdout) as PublishResult[])[0]!);
    });
  });
}

function row(label: string, what: string, result: PublishResult, times: number[]): string[] {
  const t = summarise(times);
  return [
    label,
    what,
    `${result.uploads.length} of ${result.site.files.toLocaleString('en-US')}`,
    `${formatBytes(result.bytes)} of ${formatBytes(result.site.bytes)}`,
    `${((result.bytes / result.site.bytes) * 100).toFixed(2)}%`,
    times.length > 1 ? `${fmt(t.median)} ms (${fmt(t.min)}–${fmt(t.max)})` : `${fmt(t.median)} ms`,
  ];
}
