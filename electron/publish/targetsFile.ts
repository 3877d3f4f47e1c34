// Edits `publish.targets` in postwright.json for the Publish settings dialog.
// The author owns the file (and may keep it in git): every other key stays,
// in its order, with the file's indentation and line endings; only the one
// target changes. A file we cannot read as JSON is left untouched.
import { ApiError } from '../../common/errors';
import { PublishTarget } from '../../common/publishSettings';
import { SETTINGS_FILE } from '../workspace/settings';
import { editSettingsFile, isJsonObject, type JsonObject } from '../workspace/settingsFile';

/** Adds or replaces the target `name`; `config` must be a valid target, and is written as given (no defaults filled in). */
export async function saveTargetConfig(root: string, name: string, config: unknown): Promise<void> {
  const parsed = PublishTarget.safeParse(config);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `"${['publish', 'targets', name, ...issue.path].join('.')}" ${issue.message}`).join('; ');
    throw new ApiError('invalid-arguments', `Target "${name}" was not saved: ${issues}.`);
  }
  return editTargets(root, (targets) => {
    targets[name] = config;
  });
}

/** Removes the target `name`; 'not-found' if there is none. */
export function removeTargetConfig(root: string, name: string): Promise<void> {
  return editTargets(root, (targets) => {
    if (!Object.hasOwn(targets, name)) throw new ApiError('not-found', `There is no publish target called "${name}" in ${SETTINGS_FILE}.`);
    delete targets[name];
  });
}

function editTargets(root: string, edit: (targets: JsonObject) => void): Promise<void> {
  const unchanged = 'the publish targets were not changed';
  return editSettingsFile(root, unchanged, (settings) => {
    const publish = settings.publish ?? {};
    if (!isJsonObject(publish)) throw new ApiError('invalid-arguments', `"publish" in ${SETTINGS_FILE} must be an object; ${unchanged}.`);
    const targets = publish.targets ?? {};
    if (!isJsonObject(targets)) throw new ApiError('invalid-arguments', `"publish.targets" in ${SETTINGS_FILE} must be an object; ${unchanged}.`);
    edit(targets);
    publish.targets = targets;
    settings.publish = publish;
  });
}
