// `postwright publish`: check, build and publish from the command line, with
// progress on one updating line in a terminal (plain lines in a log), a summary
// per target, and exit codes for scripts: 0 published (or nothing to do),
// 1 the publish failed, 2 the command or the settings were wrong.
import path from 'node:path';
import { formatBytes } from '../../common/bytes';
import { ApiError } from '../../common/errors';
import { placeholderReason } from '../../common/siteAddress';
import { siteAddress } from '../site/siteAddress';
import { defaultUserDataDir } from '../sampleBlog';
import { envSecrets } from './secrets/envSecrets';
import { hostKeyFiles } from './hostKeys';
import { dueReason } from './ifDue';
import type { PublishResult } from './publish';
import { readPublishSettings, selectTargets } from './settings';
import { trustedEndpointsFile } from './trustedEndpoints';
import type { PublishProgress } from './types';

export interface PublishArgs {
  workspace?: string;
  target?: string;
  dryRun?: boolean;
  force?: boolean;
  acceptHostKey?: boolean;
  /** Send credentials to an address not confirmed on this computer (the author checked it). */
  trustEndpoint?: boolean;
  /** Print the results as JSON (for scripts), without progress. */
  json?: boolean;
  /** Publish only when a post became due since the last publish (or there is none): what a cron job runs. */
  ifDue?: boolean;
  cacheDir: string;
  /** The clock, in ms since the epoch; now when absent (tests pass one in). */
  now?: number;
}

type Print = (line: string) => void;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const share = (part: number, whole: number) => (whole ? `${((part / whole) * 100).toFixed(1)}%` : '0%');

/** One line per finished target, and one for the posts still waiting for their date. */
export function summarize(result: PublishResult): string {
  const where = result.url ? ` ${result.url}` : '';
  if (result.dryRun) return withSchedule(dryRunReport(result), result);
  if (!result.uploads.length && !result.deletes.length) return withSchedule(`"${result.target}" (${result.address}) is up to date: nothing to upload.${where}`, result);
  const uploaded = `${plural(result.uploads.length, 'file')} uploaded (${formatBytes(result.bytes)}, ${share(result.bytes, result.site.bytes)} of the site's ${formatBytes(result.site.bytes)})`;
  return withSchedule(`Published to "${result.target}" (${result.address}): ${uploaded}, ${result.deletes.length} deleted.${where}`, result);
}

/** "2 posts scheduled; the next goes live 2026-12-08 09:00 UTC, at the first publish after it." */
function withSchedule(text: string, { scheduled }: PublishResult): string {
  if (!scheduled.count) return text;
  const next = scheduled.next ? `; the next goes live ${scheduled.next.slice(0, 16).replace('T', ' ')} UTC, at the first publish after that` : '';
  return `${text}
${plural(scheduled.count, 'post')} scheduled${next}.`;
}

/** Exactly what would change, one file a line. */
function dryRunReport(result: PublishResult): string {
  const lines = [`Dry run for "${result.target}" at ${result.address} (nothing was changed):`];
  for (const upload of result.uploads) lines.push(`  upload  ${upload.path}  (${formatBytes(upload.size)})`);
  for (const file of result.deletes) lines.push(`  delete  ${file}`);
  lines.push(`${plural(result.uploads.length, 'file')} to upload (${formatBytes(result.bytes)}), ${result.deletes.length} to delete, of ${plural(result.remoteCount, 'file')} on the host.`);
  if (result.needsForce) lines.push(`Publishing would stop here: it deletes ${result.deletes.length} of the ${result.remoteCount} files on the host, more than half. Add --force if that is right.`);
  lines.push(...(result.notes ?? []));
  return lines.join('\n');
}

function progressLine(p: PublishProgress): string {
  switch (p.phase) {
    case 'checking':
      return 'Checking posts…';
    case 'building':
      return p.files.total ? `Building ${p.files.done} / ${p.files.total} pages…` : 'Building…';
    case 'connecting':
    case 'comparing':
      return `${p.target}: comparing with the host…`;
    case 'uploading':
    case 'deleting':
      if (p.detail) return `${p.target}: ${p.detail}…`;
      return `${p.target}: ${p.phase} ${p.files.done} / ${p.files.total} files, ${formatBytes(p.bytes.done)} / ${formatBytes(p.bytes.total)}`;
    case 'finishing':
      return `${p.target}: finishing…`;
  }
}

/** A terminal gets one line rewritten in place (at most every 80 ms); a pipe gets one line per phase. */
function progressPrinter(out: Print): { show: (p: PublishProgress) => void; clear: () => void } {
  if (process.stdout.isTTY !== true) {
    let last = '';
    return {
      show: (p) => {
        const key = `${p.target} ${p.phase} ${p.detail ?? ''}`;
        if (key === last) return;
        last = key;
        out(progressLine(p));
      },
      clear: () => {},
    };
  }
  let shownAt = 0;
  let shownPhase = '';
  return {
    show: (p) => {
      const now = performance.now();
      // Counts are redrawn at most every 80 ms; a new phase always shows, however fast the last one was.
      if (now - shownAt < 80 && p.phase === shownPhase && p.files.done < p.files.total) return;
      shownAt = now;
      shownPhase = p.phase;
      process.stdout.write(`\r\x1b[2K${progressLine(p)}`);
    },
    clear: () => process.stdout.write('\r\x1b[2K'),
  };
}

/**
 * A site still on the placeholder address is published, with a warning on stderr (so `--json` stays
 * parseable), not refused: check rates it a warning, and publish stops only on errors. A refusal would
 * hold back every post of an unattended scheduled publish (`--if-due`, the GitHub workflow) over links
 * that the next publish after the fix rewrites; the app, where someone can answer, asks first.
 */
async function warnAboutPlaceholder(root: string, err: Print): Promise<void> {
  // Unreadable settings are the build's to report, with the key that is wrong.
  const address = await siteAddress(root).catch(() => null);
  const reason = address && placeholderReason(address);
  if (reason) err(`postwright publish: warning: ${reason} Set "baseUrl" in postwright.json to the site's real address.`);
}

export async function runPublish(args: PublishArgs, out: Print, err: Print): Promise<number> {
  const root = path.resolve(args.workspace ?? '.');
  // Settings and the target name are the command's input: wrong ones are a usage error (2), found before any work.
  let names: string[];
  try {
    names = selectTargets(await readPublishSettings(root), args.target).map(([name]) => name);
  } catch (error) {
    err(`postwright publish: ${ApiError.from(error).message}`);
    return 2;
  }
  const now = args.now ?? Date.now();
  if (args.ifDue) {
    const reason = await dueReason(root, args.cacheDir, names, now);
    if (!reason) {
      out('Nothing became due since the last publish; nothing was built or uploaded.');
      return 0;
    }
    out(`Publishing: ${reason}`);
  }
  await warnAboutPlaceholder(root, err);
  const stop = new AbortController();
  const cancel = () => stop.abort();
  process.once('SIGINT', cancel);
  const progress = args.json ? { show: () => {}, clear: () => {} } : progressPrinter(out);
  try {
    // Loaded only to publish: `--if-due` with nothing due never loads the build.
    const { publishSite } = await import('./publish');
    const results = await publishSite({
      root,
      cacheDir: args.cacheDir,
      target: args.target,
      dryRun: args.dryRun,
      force: args.force,
      secrets: envSecrets(),
      hostKeys: {
        ...hostKeyFiles(defaultUserDataDir()),
        acceptNew: args.acceptHostKey === true,
      },
      // The confirmations the app stored (it shares the data folder); the flag is this run's yes, and is not kept.
      endpoints: { file: trustedEndpointsFile(defaultUserDataDir()), trustNew: args.trustEndpoint === true },
      onProgress: progress.show,
      signal: stop.signal,
      now,
    });
    progress.clear();
    if (args.json) out(JSON.stringify(results, null, 2));
    else for (const result of results) out(summarize(result));
    return 0;
  } catch (error) {
    progress.clear();
    err(`postwright publish: ${ApiError.from(error).message}`);
    return 1;
  } finally {
    process.off('SIGINT', cancel);
  }
}
