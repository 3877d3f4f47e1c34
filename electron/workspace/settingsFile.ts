// Edits postwright.json in place for the app's settings dialogs. The author
// owns the file (and may keep it in git): every other key stays, in its order,
// with the file's indentation and line endings. A file we cannot read as a
// JSON object is left untouched, and the error says what was not changed.
import { readFile } from 'node:fs/promises';
import { ApiError } from '../../common/errors';
import { writeAtomic } from './files';
import { code, resolveInside } from './paths';
import { SETTINGS_FILE } from './settings';

export type JsonObject = Record<string, unknown>;

export const isJsonObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads the file (an absent one is `{}`), lets `edit` change the parsed object, and writes it back atomically.
 * `subject` ends each error: "the publish targets were not changed".
 */
export async function editSettingsFile(root: string, subject: string, edit: (settings: JsonObject) => void): Promise<void> {
  const file = await resolveInside(root, SETTINGS_FILE);
  const text = await readFile(file.real, 'utf8').catch((error: unknown) => {
    if (code(error) === 'ENOENT') return null;
    throw new ApiError('io', `${SETTINGS_FILE} cannot be read (${code(error) ?? String(error)}); ${subject}.`);
  });
  let settings: unknown = {};
  if (text !== null && text.trim() !== '') {
    try {
      settings = JSON.parse(text);
    } catch (error) {
      throw new ApiError('invalid-arguments', `${SETTINGS_FILE} is not valid JSON (${(error as Error).message}); fix it first, ${subject}.`);
    }
  }
  if (!isJsonObject(settings)) throw new ApiError('invalid-arguments', `${SETTINGS_FILE} must hold one JSON object; ${subject}.`);
  edit(settings);
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
