// `postwright publish --if-due`: what a cron job asks before it builds. A
// publish is due when some post's date has come since the last publish to a
// target (so the build now includes it), or when a target has never published
// from here. Everything else waits for a push, which publishes without asking.
// Only the posts' front matter is read, so a run with nothing due ends at once.
import { becameDue } from '../../common/schedule';
import { Workspace } from '../workspace/workspace';
import { lastPublished } from './lastPublished';

/** Why a publish is due, in words; null when nothing is. `now` is the clock (tests pass one in). */
export async function dueReason(root: string, cacheDir: string, targets: readonly string[], now: number): Promise<string | null> {
  const records = await lastPublished(root, cacheDir);
  const never = targets.filter((name) => !records[name]);
  if (never.length) return `${never.map((name) => `"${name}"`).join(', ')} has no record of a publish here yet.`;
  // The build's own clock when recorded: a post dated between its start and its end was left out, so it counts as due.
  const since = Math.min(...targets.map((name) => Date.parse(records[name]!.asOf ?? records[name]!.at)));
  const workspace = await Workspace.open(root, { trash: () => Promise.reject(new Error('Publishing never deletes posts.')), cacheDir });
  try {
    const due = becameDue(await workspace.list(), since, now);
    if (!due.length) return null;
    const titles = due.slice(0, 3).map((post) => `"${post.title || post.slug}"`).join(', ');
    return `${due.length === 1 ? '1 post' : `${due.length} posts`} became due: ${titles}${due.length > 3 ? ', …' : ''}.`;
  } finally {
    await workspace.close();
  }
}
