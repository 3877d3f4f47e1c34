// The `publish` section of postwright.json, read strictly: publishing to a
// half-understood target is worse than not publishing, so every bad value is an
// error that names its key, and an unknown target name lists the known ones.
import { z } from 'zod';
import { ApiError } from '../../common/errors';
import { PublishSettings, PublishTarget } from '../../common/publishSettings';
import { describeSettingsIssues } from '../../common/siteSettings';
import { readSettingsFile, SETTINGS_FILE } from '../workspace/settings';

const Section = z.object({ publish: PublishSettings });

/** Words for the problems zod describes generically (a misspelt key, a bad target name, a wrong kind of value). */
const plainMessage: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === 'unrecognized_keys') return `has no setting ${issue.keys.map((key) => `"${key}"`).join(' or ')} (check the spelling)`;
  if (issue.code === 'invalid_type') return `must be ${issue.expected === 'object' ? 'an object ({ … })' : issue.expected}`;
  if (issue.code === 'invalid_key') return `is not a usable target name: it ${issue.issues[0]?.message ?? 'must be letters, digits, "-" or "_"'}`;
  return undefined;
};

/** Every configured target, by name, defaults filled in. */
export async function readPublishSettings(root: string): Promise<PublishSettings> {
  const raw = (await readSettingsFile(root)) ?? {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new ApiError('invalid-arguments', `${SETTINGS_FILE} must hold one JSON object ({ "publish": … }).`);
  }
  // Parsed inside its section so that every message names the full key ("publish.targets.pages.branch").
  const parsed = Section.safeParse({ publish: (raw as Record<string, unknown>).publish }, { error: plainMessage });
  if (!parsed.success) throw new ApiError('invalid-arguments', `${SETTINGS_FILE}: ${describeSettingsIssues(parsed.error)}.`);
  return parsed.data.publish;
}

/** One target's settings, checked as the settings dialog submits them (before they are saved). */
export function parseTarget(name: string, config: unknown): PublishTarget {
  const parsed = PublishTarget.safeParse(config, { error: plainMessage });
  if (!parsed.success) throw new ApiError('invalid-arguments', `Target "${name}": ${describeSettingsIssues(parsed.error)}.`);
  return parsed.data;
}

/** The targets to publish to: the named one, or all of them; never none. */
export function selectTargets(settings: PublishSettings, name?: string): [string, PublishTarget][] {
  const all = Object.entries(settings.targets);
  const known = all.map(([n]) => `"${n}"`).join(', ');
  if (name !== undefined) {
    const config = settings.targets[name];
    if (!Object.hasOwn(settings.targets, name) || !config) {
      throw new ApiError(
        'not-found',
        all.length ? `There is no publish target "${name}". ${SETTINGS_FILE} configures ${known}.` : `There is no publish target "${name}": ${SETTINGS_FILE} configures none yet.`,
      );
    }
    return [[name, config]];
  }
  if (!all.length) {
    throw new ApiError('not-found', `No publish targets are configured. Add one under "publish": { "targets": { … } } in ${SETTINGS_FILE}.`);
  }
  return all;
}
