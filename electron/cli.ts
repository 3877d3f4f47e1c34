// `postwright`: the app's backend, headless. Same workspace code as the desktop app.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { join, resolve } from 'node:path';
import { ApiError } from '../common/errors';
import { appVersion, bundledSampleBlog, packageRoot, rendererDir, unpackedPath } from './appPaths';
import { defaultCacheDir, defaultUserDataDir, ensureSampleBlog } from './sampleBlog';
import { startDomThread, stopDomThread } from './site/domThread';
import { terminalPrinter } from './terminalText';

/** The bundled DOM worker (`npm run build`) that the commands which render posts start; without it their DOM work stays on the main thread. */
export const domWorkerScript = unpackedPath(join(packageRoot, 'out', 'main', 'domWorker.mjs'));

// Each command loads only what it uses: `postwright build` must start fast, so it never loads the bridge or the watcher.
// The two that render posts start loading a DOM on another thread first (site/domThread.ts).
const backendModules = () => Promise.all([import('./backend'), import('./platform'), import('./server')]);

const usage = `Usage: postwright <command> [options]

Commands:
  serve [WORKSPACE] [--port N]      Serve the app to a browser on 127.0.0.1 (default: your copy of the sample blog)
  new "Title" [--workspace DIR]     Create a draft post and print its path
  check [WORKSPACE] [--json]        Find broken links, missing images, duplicate slugs, bad dates and front matter
                                    (exits 1 if there are errors)
  build [WORKSPACE] [--out DIR] [--drafts] [--future]
                                    Build the static site (default: the "output" folder of postwright.json)
  build --post SLUG --standalone [--out FILE]
                                    Export one post as a self-contained HTML file
  publish [WORKSPACE] [--target NAME] [--dry-run] [--force] [--accept-host-key] [--trust-endpoint] [--json]
                                    Check, build and upload the site to the targets in postwright.json
                                    (all of them unless --target names one); --dry-run lists what would
                                    change; --force allows deleting more than half of the host's files;
                                    --accept-host-key trusts a new SSH host's key; --trust-endpoint sends
                                    credentials to an S3 endpoint, SFTP server or git remote not yet
                                    confirmed on this computer (check the address first). Secrets come from
                                    AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, NETLIFY_AUTH_TOKEN,
                                    POSTWRIGHT_SFTP_PASSWORD, your ssh agent and git's credential helpers;
                                    --json prints what was (or would be) uploaded and deleted, for scripts;
                                    --if-due publishes only if a post's date has come since the last
                                    publish (for a cron job), and exits at once otherwise
  schedule github [WORKSPACE] [--target NAME] [--cron "7 * * * *"] [--branch NAME] [--force]
                                    Write .github/workflows/postwright-publish.yml: publish on every push
                                    and hourly (or on --cron), so scheduled posts go live on time; prints
                                    the repository secrets to add. --force replaces a changed workflow

Options:
  -h, --help                        Show this help
  -v, --version                     Show the version`;

/** What the process prints: every line through terminalText, so no file's contents can drive the terminal. */
const stdout = terminalPrinter(console.log);
const stderr = terminalPrinter(console.error);

/** Every option of every command; each command reads the ones it takes. */
const OPTIONS = {
  port: { type: 'string' },
  workspace: { type: 'string', short: 'w' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  json: { type: 'boolean' },
  out: { type: 'string', short: 'o' },
  drafts: { type: 'boolean' },
  future: { type: 'boolean' },
  post: { type: 'string' },
  standalone: { type: 'boolean' },
  target: { type: 'string' },
  'dry-run': { type: 'boolean' },
  force: { type: 'boolean' },
  'accept-host-key': { type: 'boolean' },
  'trust-endpoint': { type: 'boolean' },
  'if-due': { type: 'boolean' },
  cron: { type: 'string' },
  branch: { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];
type Print = (text: string) => void;
/** One command: its arguments after the command's name, the options; returns the exit code. */
type Command = (rest: string[], values: Values, out: Print, err: Print) => Promise<number>;

/** Runs one command; returns the process exit code. Output goes through `out`/`err` so tests can read it. */
export async function runCli(argv: string[], out = stdout, err = stderr): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: OPTIONS });
  const [command, ...rest] = positionals;
  if (values.version) {
    out(appVersion);
    return 0;
  }
  if (values.help || !command) {
    (values.help ? out : err)(usage);
    return values.help ? 0 : 2;
  }
  if (!Object.hasOwn(COMMANDS, command)) {
    err(`postwright: unknown command "${command}".\n\n${usage}`);
    return 2;
  }
  return COMMANDS[command as keyof typeof COMMANDS](rest, values, out, err);
}

const serve: Command = async (rest, values, out, err) => {
  const root = rest[0] ? resolve(rest[0]) : await sampleWorkspace();
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    err(`postwright: --port must be a number from 0 to 65535, not "${values.port}".`);
    return 2;
  }
  const [{ createBackend }, { nodePlatform }, { startBridge }] = await backendModules();
  const backend = await createBackend({ root, platform: nodePlatform(), cacheDir: defaultCacheDir(), dataDir: defaultUserDataDir() });
  const bridge = await startBridge({ backend, staticDir: rendererDir, port });
  out(`Postwright is serving ${root}\nOpen ${bridge.url}\nPress Ctrl+C to stop.`);
  await new Promise<void>((done) => {
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
  await bridge.close();
  await backend.close();
  return 0;
};

const newPost: Command = async (rest, values, out, err) => {
  const title = rest.join(' ').trim();
  if (!title) {
    err('postwright new: give the post a title, e.g. postwright new "Notes on pricing"');
    return 2;
  }
  const [{ Workspace }, { nodePlatform }] = await Promise.all([import('./workspace/workspace'), import('./platform')]);
  const workspace = await Workspace.open(resolve(values.workspace ?? '.'), { trash: nodePlatform().trash });
  try {
    const doc = await workspace.create(title);
    out(join(workspace.root, doc.post.path));
    return 0;
  } finally {
    await workspace.close();
  }
};

const check: Command = async (rest, values, out, err) => {
  const { runCheck } = await import('./site/check/cliCheck');
  return runCheck(rest, values.json === true, out, err, defaultCacheDir());
};

const build: Command = async (rest, values, out, err) => {
  startDomThread(domWorkerScript);
  const { runBuild } = await import('./site/cliBuild');
  return runBuild({ ...values, workspace: rest[0], cacheDir: defaultCacheDir() }, out, err);
};

const publish: Command = async (rest, values, out, err) => {
  if (rest.length > 1) {
    err(`postwright publish: give one workspace folder, not ${rest.length}. Usage: postwright publish [WORKSPACE] [--target NAME] [--dry-run]`);
    return 2;
  }
  startDomThread(domWorkerScript);
  const { runPublish } = await import('./publish/cliPublish');
  const options = {
    target: values.target,
    dryRun: values['dry-run'],
    force: values.force,
    acceptHostKey: values['accept-host-key'],
    trustEndpoint: values['trust-endpoint'],
    json: values.json,
    ifDue: values['if-due'],
  };
  return runPublish({ ...options, workspace: rest[0], cacheDir: defaultCacheDir() }, out, err);
};

const schedule: Command = async (rest, values, out, err) => {
  const [host, workspace, ...extra] = rest;
  if (host !== 'github' || extra.length) {
    err('postwright schedule: usage: postwright schedule github [WORKSPACE] [--target NAME] [--cron "7 * * * *"] [--branch NAME] [--force]');
    return 2;
  }
  const { runSchedule } = await import('./publish/cliSchedule');
  return runSchedule({ workspace, target: values.target, cron: values.cron, branch: values.branch, force: values.force, version: appVersion }, out, err);
};

const COMMANDS = { serve, new: newPost, check, build, publish, schedule };

async function sampleWorkspace(): Promise<string> {
  return ensureSampleBlog(bundledSampleBlog, join(defaultUserDataDir(), 'sample-blog'));
}

/** The process entry used by bin/postwright.js: exit codes and one-line errors, no stack traces. */
export async function main(argv: string[]): Promise<never> {
  let code: number;
  try {
    code = await runCli(argv);
  } catch (error) {
    stderr(`postwright: ${ApiError.from(error).message}`);
    code = 1;
  }
  // Writes to a pipe can still be queued: exiting now would cut off the end of the output (a build's warnings, say).
  await Promise.all([process.stdout, process.stderr].map((stream) => new Promise((done) => stream.write('', done))));
  // Exiting terminates the DOM thread: not while it loads jsdom, or Node 20 may abort (loadLock.ts).
  await stopDomThread();
  process.exit(code);
}
