// Edits `publish.targets` in postwright.json for the Publish settings dialog.
// The author owns the file (and may keep it in git): every other key stays,
// in its order, with the file's indentation and line endings; only the one
// target changes. A file we cannot read as JSON is left untouched.
import { readFile } from 'node:fs/promises';
import { ApiError } from '../../common/errors';
import { PublishTarget } from '../../common/publishSettings';
import { writeAtomic } from '../workspace/files';
import { code, resolveInside } from '../workspace/paths';
import { SETTINGS_FILE } from '../workspace/settings';

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

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

async function editTargets(root: string, edit: (targets: JsonObject) => void): Promise<void> {
  const file = await resolveInside(root, SETTINGS_FILE);
  const text = await readFile(file.real, 'utf8').catch((error: unknown) => {
    if (code(error) === 'ENOENT') return null;
    throw new ApiError('io', `${SETTINGS_FILE} cannot be read (${code(error) ?? String(error)}); the publish targets were not changed.`);
  });
  let settings: unknown = {};
  if (text !== null && text.trim() !== '') {
    try {
      settings = JSON.parse(text);
    } catch (error) {
      throw new ApiError('invalid-arguments', `${SETTINGS_FILE} is not valid JSON (${(error as Error).message}); fix it first, the publish targets were not changed.`);
    }
  }
  if (!isObject(settings)) throw new ApiError('invalid-arguments', `${SETTINGS_FILE} must hold one JSON object; the publish targets were not changed.`);
  const publish = settings.publish ?? {};
  if (!isObject(publish)) throw new ApiError('invalid-arguments', `"publish" in ${SETTINGS_FILE} must be an object; the publish targets were not changed.`);
  const targets = publish.targets ?? {};
  if (!isObject(targets)) throw new ApiError('invalid-arguments', `"publish.targets" in ${SETTINGS_FILE} must be an object; the publish targets were not changed.`);

  edit(targets);
  publish.targets = targets;
  settings.publish = publish;
  await writeAtomic(file.real, Buffer.from(format(settings, text ?? ''), 'utf8'), SETTINGS_FILE);
}

/** JSON in the file's own style: its indent (two spaces for a new file), line endings and final newline. */
function format(value: unknown, original: string): string {
  const indent = /^([ \t]+)["}\]]/m.exec(original)?.[1] ?? '  ';
  const newline = original.includes('\r\n') ? '\r\n' : '\n';
  const finalNewline = original === '' || /\n$/.test(original);
  const json = JSON.stringify(value, null, indent).replaceAll('\n', newline);
  return finalNewline ? json + newline : json;
}
