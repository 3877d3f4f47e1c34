// The `publish` section of postwright.json: defaults, errors that name the key,
// and target selection that lists the configured names.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../common/errors';
import { readPublishSettings, selectTargets } from '../../../electron/publish/settings';
import { rejection } from '../../helpers/rejection';
import { tempDir } from '../../helpers/tmp';

async function settingsWith(content: unknown): Promise<string> {
  const root = await tempDir();
  await writeFile(path.join(root, 'postwright.json'), typeof content === 'string' ? content : JSON.stringify(content));
  return root;
}

describe('publish settings', () => {
  it('fills in the defaults of a git target', async () => {
    const root = await settingsWith({ title: 'x', publish: { targets: { pages: { type: 'git', remote: 'git@example.org:me/site.git' } } } });
    expect(await readPublishSettings(root)).toEqual({
      targets: { pages: { type: 'git', remote: 'git@example.org:me/site.git', branch: 'gh-pages', message: 'Publish site ({count} files changed)', force: false } },
    });
  });

  it('a workspace without settings, or without a publish section, has no targets, and says how to add one', async () => {
    const empty = await tempDir();
    expect(await readPublishSettings(empty)).toEqual({ targets: {} });
    const error = (() => {
      try {
        selectTargets({ targets: {} });
      } catch (e) {
        return e as ApiError;
      }
    })();
    expect(error?.code).toBe('not-found');
    expect(error?.message).toBe('No publish targets are configured. Add one under "publish": { "targets": { … } } in postwright.json.');
  });

  it('names the key of every bad value', async () => {
    const cases: [unknown, string][] = [
      [{ publish: { targets: { pages: { type: 'git', remote: 'x', branch: 7 } } } }, '"publish.targets.pages.branch" must be text'],
      [{ publish: { targets: { pages: { type: 'ftp', host: 'x' } } } }, '"publish.targets.pages.type" must have a "type" of "git", "s3", "sftp", "netlify" or "fly"'],
      [{ publish: { targets: { pages: { type: 'git', remote: 'x', remot: 'y' } } } }, '"publish.targets.pages" has no setting "remot" (check the spelling)'],
      [{ publish: { targets: { 'bad name!': { type: 'git', remote: 'x' } } } }, '"publish.targets.bad name!" is not a usable target name: it must be letters, digits, "-" or "_"'],
      [{ publish: { targets: { box: { type: 'sftp', host: 'h', user: 'u', path: '/p', port: 70000 } } } }, '"publish.targets.box.port"'],
      [{ publish: [] }, '"publish" must be an object ({ … })'],
    ];
    for (const [content, expected] of cases) {
      const error = await rejection(readPublishSettings(await settingsWith(content)));
      expect(error.code).toBe('invalid-arguments');
      expect(error.message).toMatch(/^postwright\.json: /);
      expect(error.message).toContain(expected);
    }
    expect((await rejection(readPublishSettings(await settingsWith('{ "publish": ')))).message).toMatch(/^postwright\.json is not valid JSON/);
  });

  it('an unknown target name lists the configured ones', async () => {
    const root = await settingsWith({
      publish: { targets: { pages: { type: 'git', remote: 'x' }, bucket: { type: 's3', bucket: 'my-blog' } } },
    });
    const settings = await readPublishSettings(root);
    expect(selectTargets(settings, 'bucket').map(([name]) => name)).toEqual(['bucket']);
    expect(selectTargets(settings).map(([name]) => name)).toEqual(['pages', 'bucket']);
    expect(() => selectTargets(settings, 'netlify')).toThrow('There is no publish target "netlify". postwright.json configures "pages", "bucket".');
    expect(() => selectTargets(settings, 'toString')).toThrow('There is no publish target "toString"');
  });
});
