// A deterministic corpus of realistic blog posts for the benchmarks.
//
// Post i is generated from its own seed, so the first 1,000 posts of the
// 10,000-post corpus are the 1,000-post corpus, and every machine gets the same
// bytes. Each post is about 1,500 words of markdown with YAML front matter, laid
// out the way real blogs are: flat `posts/`, year folders `posts/YYYY/`, and
// Jekyll's `_posts/YYYY-MM-DD-slug.md` (date in the file name only).
import { existsSync } from 'node:fs';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Bump when the generator's output changes, so cached corpora are rebuilt. */
const VERSION = 'v1';
const WORDS_PER_POST = 1500;
const WRITE_CONCURRENCY = 32;

/** mulberry32: a small, fast, seeded PRNG. Returns floats in [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const int = (rng: Rng, min: number, max: number): number => min + Math.floor(rng() * (max - min + 1));
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
const chance = (rng: Rng, p: number): boolean => rng() < p;
function pickSome<T>(rng: Rng, xs: readonly T[], n: number): T[] {
  const pool = [...xs];
  const out: T[] = [];
  while (out.length < n && pool.length) out.push(pool.splice(Math.floor(rng() * pool.length), 1)[0]!);
  return out;
}
const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const uncapitalise = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);

// ---------------------------------------------------------------------------
// Vocabulary: an independent consultant writing about software delivery.

const TAGS = [
  'ci', 'testing', 'performance', 'reliability', 'consulting', 'pricing', 'postgres', 'kubernetes',
  'terraform', 'observability', 'incident-review', 'python', 'typescript', 'rust', 'go', 'architecture',
  'career', 'writing', 'reading-list', 'talks', 'security', 'databases', 'caching', 'queues',
  'migrations', 'teams', 'on-call', 'cost', 'tooling', 'case-study',
] as const;

const TOPICS = [
  'the deploy pipeline', 'the billing service', 'the staging environment', 'the on-call rotation',
  'the nightly batch job', 'the retry loop', 'the connection pool', 'the feature flag system',
  'the test suite', 'the monorepo', 'the cache layer', 'the message queue', 'the database migration',
  'the incident review', 'the architecture diagram', 'the load balancer', 'the build cache',
  'the search index', 'the rate limiter', 'the audit log', 'the integration tests', 'the runbook',
];
const SUBJECTS = [
  'The team', 'The client', 'Every engineer I spoke to', 'The previous contractor',
  'The platform group', 'Their CTO', 'The on-call engineer', 'One reviewer', 'The product manager',
  'A junior developer', 'The operations lead', 'Everyone in the room', 'The vendor', 'Our first prototype',
];
const VERBS = [
  'had quietly rewritten', 'measured', 'argued about', 'never questioned', 'spent a week untangling',
  'doubled the size of', 'halved the cost of', 'documented', 'deleted most of', 'finally understood',
  'inherited', 'underestimated', 'kept patching', 'moved away from', 'benchmarked', 'split up',
  'quietly deprecated', 'drew a diagram of',
];
const CLAIMS = [
  'the slowest part was never the part anyone suspected',
  'the median hid a long tail that only showed up on Mondays',
  'a single missing index accounted for most of the latency',
  'the fix took an afternoon once the measurement took a week',
  'most of the cost came from work that was done twice',
  'the alert fired often enough that people had stopped reading it',
  'nobody could explain why the job had to run at three in the morning',
  'the retry policy multiplied every failure by four',
  'the cache was hiding a bug rather than a slow query',
  'the documentation described a system that no longer existed',
  'the estimate was off by a factor of two, as estimates usually are',
  'the simplest explanation was the right one',
];
const CONNECTIVES = [
  'In practice,', 'To be fair,', 'Looking back,', 'As usual,', 'Surprisingly,', 'More importantly,',
  'On the other hand,', 'For what it is worth,', 'In hindsight,', 'By the second week,', 'Even so,',
];
const OUTCOMES = [
  'which is why I now ask for the last thirty runs before forming an opinion',
  'and the graph afterwards was almost boring',
  'so we wrote it down and moved on',
  'which saved roughly an hour of waiting per engineer per week',
  'and the team has kept the habit since',
  'although it took two more meetings to agree on the wording',
  'which says more about the process than about the people',
  'and nobody has asked for the old behaviour back',
];
const HEADINGS = [
  'Where the time went', 'What we measured first', 'The part nobody wanted to touch', 'A detour into history',
  'What I would do differently', 'The numbers', 'Why it matters', 'The fix', 'What the client said',
  'Trade-offs', 'The boring explanation', 'Things I got wrong', 'A checklist', 'Further reading',
  'How it started', 'What changed', 'The second attempt', 'Lessons for small teams', 'Costs',
];
const TITLE_OPENERS = [
  'Notes on', 'What I learned from', 'Against', 'In defence of', 'A field guide to', 'Auditing',
  'Untangling', 'Measuring', 'Why we rewrote', 'The hidden cost of', 'Pricing', 'Living with',
];
const TITLE_NOUNS = [
  'slow builds', 'flaky tests', 'retry storms', 'weekly billing', 'database migrations', 'feature flags',
  'on-call fatigue', 'monorepos', 'incident reviews', 'connection pools', 'cache invalidation',
  'fixed-price work', 'queue backlogs', 'cost dashboards', 'architecture reviews', 'batch jobs',
  'rate limits', 'staging environments', 'build caches', 'audit logs',
];
const LINK_TARGETS = [
  'https://martinfowler.com/articles/continuousIntegration.html',
  'https://sre.google/sre-book/addressing-cascading-failures/',
  'https://aws.amazon.com/builders-library/timeouts-retries-and-backoff-with-jitter/',
  'https://jekyllrb.com/docs/posts/',
  'https://docs.github.com/en/actions',
  'https://www.postgresql.org/docs/current/using-explain.html',
  'https://www.youtube.com/watch?v=PUv66718DII',
  'https://example.com/notes/',
];
const SETTINGS = ['max_connections', 'retry_budget', 'cache: npm', 'statement_timeout', 'maxWorkers', 'replicas: 3', '--shard'];
const COMMENTERS = ['Priya, platform engineer', 'Tomasz, data engineer', 'a CTO I worked with', 'Hannah, front-end lead', 'Dev, SRE', 'a reader', 'Hacker News, inevitably'];

// ---------------------------------------------------------------------------
// Markdown pieces. Each returns [markdown, approximate word count].

function sentence(rng: Rng): string {
  switch (int(rng, 0, 3)) {
    case 0:
      return `${pick(rng, SUBJECTS)} ${pick(rng, VERBS)} ${pick(rng, TOPICS)}, ${pick(rng, OUTCOMES)}.`;
    case 1:
      return `${pick(rng, CONNECTIVES)} ${pick(rng, CLAIMS)}.`;
    case 2: {
      const [a, b] = pickSome(rng, TOPICS, 2);
      return `${capitalise(a!)} turned out to matter more than ${b}, because ${pick(rng, CLAIMS)}.`;
    }
    default:
      return `When ${uncapitalise(pick(rng, SUBJECTS))} ${pick(rng, VERBS)} ${pick(rng, TOPICS)}, ${pick(rng, CLAIMS)}.`;
  }
}

function paragraph(rng: Rng): string {
  const parts: string[] = [];
  const n = int(rng, 3, 6);
  for (let i = 0; i < n; i++) {
    let s = sentence(rng);
    if (chance(rng, 0.12)) s = s.replace(/(\w+ \w+)\.$/, `[$1](${pick(rng, LINK_TARGETS)}).`);
    else if (chance(rng, 0.05)) s = s.replace(/(\w+)\.$/, '*$1*.');
    else if (chance(rng, 0.04)) s += ` The details are at ${pick(rng, LINK_TARGETS)}.`;
    else if (chance(rng, 0.06)) s += ` The setting in question was \`${pick(rng, SETTINGS)}\`.`;
    parts.push(s);
  }
  return parts.join(' ');
}

function list(rng: Rng): string {
  const ordered = chance(rng, 0.4);
  const lines: string[] = [];
  const n = int(rng, 3, 6);
  for (let i = 0; i < n; i++) {
    const marker = ordered ? `${i + 1}.` : '-';
    const lead = chance(rng, 0.5) ? `**${capitalise(pick(rng, TOPICS))}.** ` : '';
    lines.push(`${marker} ${lead}${capitalise(pick(rng, CLAIMS))}.`);
    if (chance(rng, 0.3)) {
      const indent = ' '.repeat(marker.length + 1);
      for (let j = int(rng, 1, 3); j > 0; j--) lines.push(`${indent}- ${capitalise(pick(rng, OUTCOMES))}.`);
    }
  }
  return lines.join('\n');
}

function quote(rng: Rng): string {
  return `> ${sentence(rng)} ${sentence(rng)}\n>\n> — ${pick(rng, COMMENTERS)}`;
}

function table(rng: Rng): string {
  const rows = [
    '| Stage | Before | After | Change |',
    '|---|---:|---:|---|',
  ];
  for (const topic of pickSome(rng, TOPICS, int(rng, 3, 5))) {
    const before = int(rng, 4, 40);
    const after = Math.max(1, before - int(rng, 0, before));
    rows.push(`| ${capitalise(topic.replace(/^the /, ''))} | ${before} min | ${after} min | ${pick(rng, ['cache', 'sharding', 'deleted', 'rewritten', 'unchanged'])} |`);
  }
  return rows.join('\n');
}

const identifier = (rng: Rng): string =>
  pick(rng, ['runs', 'steps', 'jobs', 'events', 'orders', 'rows', 'timings', 'samples']);

function code(rng: Rng): string {
  const id = identifier(rng);
  const n = int(rng, 2, 9);
  switch (int(rng, 0, 4)) {
    case 0:
      return [
        '```ts',
        `interface Sample { name: string; ms: number }`,
        '',
        `export function slowest(${id}: Sample[], top = ${n}): Sample[] {`,
        `  return [...${id}].sort((a, b) => b.ms - a.ms).slice(0, top);`,
        '}',
        '```',
      ].join('\n');
    case 1:
      return [
        '```python',
        'import random',
        'import time',
        '',
        `def call_with_retries(fn, attempts=${n}, base=0.2, cap=5.0):`,
        '    for attempt in range(attempts):',
        '        try:',
        '            return fn()',
        '        except TimeoutError:',
        '            if attempt == attempts - 1:',
        '                raise',
        '            time.sleep(random.uniform(0, min(cap, base * 2 ** attempt)))',
        '```',
      ].join('\n');
    case 2:
      return [
        '```bash',
        '#!/usr/bin/env bash',
        'set -euo pipefail',
        `for run in $(gh run list --limit ${n * 10} --json databaseId --jq '.[].databaseId'); do`,
        `  gh api "repos/acme/app/actions/runs/$run/jobs" --jq '.jobs[].steps[]' >> ${id}.jsonl`,
        'done',
        '```',
      ].join('\n');
    case 3:
      return [
        '```sql',
        `EXPLAIN (ANALYZE, BUFFERS)`,
        `SELECT customer_id, count(*) FROM ${id}`,
        `WHERE created_at > now() - interval '${n} days'`,
        'GROUP BY customer_id ORDER BY 2 DESC LIMIT 20;',
        '```',
      ].join('\n');
    default:
      return [
        '```yaml',
        `- uses: actions/setup-node@v4`,
        '  with:',
        `    node-version: ${n + 14}`,
        '    cache: npm',
        '- run: npm ci',
        `- run: npm test -- --shard=\${{ matrix.shard }}/${n}`,
        '```',
      ].join('\n');
  }
}

const words = (s: string): number => s.split(/\s+/).filter(Boolean).length;

// ---------------------------------------------------------------------------
// One post.

export interface GeneratedPost {
  /** Path relative to the corpus root, with forward slashes. */
  path: string;
  text: string;
  /** An image to write into the post's `.assets` folder, if any. */
  asset?: string;
}

const isoDay = (d: Date): string => d.toISOString().slice(0, 10);
const slugify = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** Generates post `index`; `taken` holds paths already used, to keep slugs unique. */
export function generatePost(index: number, taken: Set<string>): GeneratedPost {
  const rng = prng(0x9e3779b9 ^ Math.imul(index + 1, 0x85ebca6b));
  const title = `${pick(rng, TITLE_OPENERS)} ${pick(rng, TITLE_NOUNS)}${chance(rng, 0.25) ? `: ${pick(rng, CLAIMS)}` : ''}`;
  // Dates spread from 2010 to the end of 2024.
  const start = Date.UTC(2010, 0, 1);
  const date = new Date(start + Math.floor(rng() * (Date.UTC(2024, 11, 31) - start)));
  const day = isoDay(date);
  const tags = pickSome(rng, TAGS, int(rng, 1, 4));
  const draft = chance(rng, 0.07);

  // Where it lives.
  const where = rng();
  const slug = slugify(title).slice(0, 60).replace(/-$/, '');
  const place = (s: string): string =>
    where < 0.45 ? `posts/${s}.md` : where < 0.75 ? `posts/${date.getUTCFullYear()}/${s}.md` : `_posts/${day}-${s}.md`;
  let path = place(slug);
  for (let n = 2; taken.has(path); n++) path = place(`${slug}-${n}`);
  taken.add(path);
  const basename = path.replace(/^.*\//, '').replace(/\.md$/, '');
  const jekyll = path.startsWith('_posts/');

  // Front matter, in the varied styles real files have.
  const fm: string[] = ['---', `title: ${JSON.stringify(title)}`];
  if (!jekyll) fm.push(chance(rng, 0.2) ? `date: ${day}T${String(int(rng, 6, 22)).padStart(2, '0')}:${String(int(rng, 0, 59)).padStart(2, '0')}:00Z` : `date: ${day}`);
  if (chance(rng, 0.1)) fm.push(`updated: ${isoDay(new Date(date.getTime() + int(rng, 1, 400) * 86_400_000))}`);
  fm.push(chance(rng, 0.5) ? `tags: [${tags.join(', ')}]` : `tags:\n${tags.map((t) => `  - ${t}`).join('\n')}`);
  fm.push(`description: ${JSON.stringify(`${capitalise(pick(rng, CLAIMS))}, and what ${pick(rng, TOPICS)} taught me about it.`)}`);
  if (draft) fm.push('draft: true');
  if (jekyll && chance(rng, 0.6)) fm.push('layout: post');
  if (chance(rng, 0.15)) fm.push('author: Ines Hartmann');
  fm.push('---', '');

  // Body: sections until about WORDS_PER_POST words.
  const target = WORDS_PER_POST + int(rng, -150, 150);
  const body: string[] = [paragraph(rng), paragraph(rng)];
  let count = words(body.join(' '));
  let asset: string | undefined;
  const usedHeadings = new Set<string>();
  while (count < target) {
    let heading = pick(rng, HEADINGS);
    while (usedHeadings.has(heading) && usedHeadings.size < HEADINGS.length) heading = pick(rng, HEADINGS);
    usedHeadings.add(heading);
    const section: string[] = [`## ${heading}`, paragraph(rng)];
    if (chance(rng, 0.25)) section.push(`### ${capitalise(pick(rng, TOPICS))}`);
    section.push(paragraph(rng));
    const extra = rng();
    if (extra < 0.3) section.push(list(rng));
    else if (extra < 0.5) section.push(code(rng));
    else if (extra < 0.65) section.push(quote(rng));
    else if (extra < 0.72) section.push(table(rng));
    else if (extra < 0.76 && !asset) {
      asset = 'figure-1.png';
      section.push(`![A chart of ${pick(rng, TOPICS)} over time](${basename}.assets/${asset})`);
    }
    if (chance(rng, 0.6)) section.push(paragraph(rng));
    const text = section.join('\n\n');
    count += words(text);
    body.push(text);
  }

  return { path, text: `${fm.join('\n')}\n${body.join('\n\n')}\n`, asset };
}

// A 1×1 transparent PNG, for posts that link an image from their assets folder.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

async function pool<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/**
 * Writes `count` posts into `dir` (plus a `postwright.json`), unless `dir`
 * already holds a complete corpus of that size, marked by `.corpus-<count>-v1`.
 * Refuses to clear a folder that it did not create.
 */
export async function generateCorpus(dir: string, count: number): Promise<void> {
  const marker = join(dir, `.corpus-${count}-${VERSION}`);
  if (existsSync(marker)) return;

  if (existsSync(dir)) {
    const entries = await readdir(dir);
    if (entries.length && !entries.some((e) => e.startsWith('.corpus-'))) {
      throw new Error(`generateCorpus: ${dir} is not empty and is not a corpus; refusing to clear it.`);
    }
    await rm(dir, { recursive: true, force: true });
  }
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, '.corpus-partial'), '');

  const taken = new Set<string>();
  const posts = Array.from({ length: count }, (_, i) => generatePost(i, taken));
  const folders = new Set<string>();
  for (const p of posts) {
    folders.add(join(dir, p.path, '..'));
    if (p.asset) folders.add(join(dir, p.path.replace(/\.md$/, '.assets')));
  }
  for (const folder of folders) await mkdir(folder, { recursive: true });

  await pool(posts, WRITE_CONCURRENCY, async (p) => {
    await writeFile(join(dir, p.path), p.text);
    if (p.asset) await writeFile(join(dir, p.path.replace(/\.md$/, '.assets'), p.asset), PNG);
  });
  await writeFile(
    join(dir, 'postwright.json'),
    `${JSON.stringify({ title: `Benchmark corpus (${count} posts)`, description: 'Generated by test/bench/corpus.ts', author: 'Ines Hartmann', baseUrl: 'https://example.com/', language: 'en', output: '_site' }, null, 2)}\n`,
  );
  await rm(join(dir, '.corpus-partial'));
  await writeFile(marker, `${count} posts, generator ${VERSION}\n`);
}

/**
 * One long post of about `words` words (front matter, then the bodies of
 * generated posts as its sections), for the preview benchmark.
 */
export function longPost(words: number): string {
  const taken = new Set<string>();
  const sections: string[] = [];
  let count = 0;
  for (let i = 0; count < words; i++) {
    const { text } = generatePost(i, taken);
    const body = text.slice(text.indexOf('\n---\n', 4) + 5).trim();
    const title = /^title: (.*)$/m.exec(text)?.[1] ?? `Part ${i + 1}`;
    const part = `## ${JSON.parse(title) as string}\n\n${body.replace(/^## /gm, '### ')}`;
    sections.push(part);
    count += part.split(/\s+/).filter(Boolean).length;
  }
  return `---\ntitle: "A long post of ${words.toLocaleString('en')} words"\ndate: 2024-06-01\ntags: [bench]\n---\n\n${sections.join('\n\n')}\n`;
}
