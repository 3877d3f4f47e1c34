// What `postwright check`, `build` and `publish` print to a terminal, through
// the real launcher, for a workspace whose file names and image paths hold
// terminal control sequences (test/fixtures/hostile/terminal-escapes.md):
// OSC 52 would set the author's clipboard, CSI would erase the screen or hide
// text. None may reach the terminal raw; each shows as a visible \uXXXX.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { terminalText } from '../../electron/terminalText';
import { runBin } from '../helpers/cli';
import { bareRepo } from '../helpers/gitRemote';
import { hostileInputs } from '../helpers/hostile';
import { publishingWorkspace, SAMPLE_ADDRESS_WARNING } from '../helpers/publish';
import { tempDir, tempTree, writeTree } from '../helpers/tmp';

const input = hostileInputs.find((i) => i.name === 'terminal-escapes')!;
/** The input saved under a name that sets the clipboard and clears the screen too (the e2e suites could not select such a file). */
const hostileName = 'terminal-\x1b]52;c;cG93bmVk\x07-\x1b[2J.md';
/** Any C0 control but newline, DEL, or any C1 control: what a terminal would act on. */
const rawControl = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

async function cliEnv() {
  const home = await tempDir('postwright-home-');
  return { XDG_CACHE_HOME: path.join(home, 'cache'), XDG_DATA_HOME: path.join(home, 'data') };
}

describe('terminal output of the CLI', () => {
  it('postwright check prints hostile image paths and file names escaped, and --json keeps them exact', { timeout: 60_000 }, async () => {
    const root = await tempTree({ [`posts/${hostileName}`]: input.markdown });
    const { code, stdout, stderr } = await runBin(['check', root], await cliEnv());
    expect(code).toBe(1);
    expect(stderr).toBe('');
    expect(stdout).not.toMatch(rawControl);
    expect(stdout).toContain('Missing image "missing\\u001b]52;c;cG93bmVk\\u0007.png"');
    expect(stdout).toContain('Missing image "gone\\u001b[2J\\u001b[8m.png"');
    expect(stdout).toContain('Missing image "c1\\u009b31m\\u007f.png"');
    expect(stdout).toContain('posts/terminal-\\u001b]52;c;cG93bmVk\\u0007-\\u001b[2J.md:');

    const json = await runBin(['check', root, '--json'], await cliEnv());
    expect(json.stdout).not.toMatch(rawControl);
    const { problems } = JSON.parse(json.stdout) as { problems: { file: string; message: string }[] };
    expect(problems.map((p) => p.file)).toContain(`posts/${hostileName}`);
    expect(problems.map((p) => p.message)).toContain(`Missing image "c1\x9b31m\x7f.png": there is no posts/c1\x9b31m\x7f.png in the workspace. Fix the path or add the file.`);
  });

  it('postwright build prints a warning naming a hostile file escaped', { timeout: 60_000 }, async () => {
    const root = await tempDir();
    const name = 'posts/bad-\x1b[1A\x1b[2K\r\x9b8m.md';
    await writeTree(root, { [name]: '---\ntitle: [unclosed\n---\nBody.\n', 'posts/ok.md': '# Fine\n' });
    const { code, stdout, stderr } = await runBin(['build', root, '--out', path.join(root, 'out')], await cliEnv());
    expect(code).toBe(0);
    expect(stdout + stderr).not.toMatch(rawControl);
    expect(stderr).toContain(`warning: ${terminalText(name)} is not published:`);
    expect(stderr).toContain('posts/bad-\\u001b[1A\\u001b[2K\\u000d\\u009b8m.md');
  });

  it('postwright publish --dry-run lists an asset whose name holds OSC 52 escaped', { timeout: 60_000 }, async () => {
    const remote = await bareRepo();
    const ws = await publishingWorkspace({ pages: { type: 'git', remote: remote.url } });
    const asset = 'clip-\x1b]52;c;cG93bmVk\x07.png';
    await writeTree(ws.root, { [`posts/why-i-bill-by-the-week.assets/${asset}`]: PNG });
    await ws.write('posts/note.md', `---\ntitle: Note\ndate: 2024-01-01\n---\n![chart](<why-i-bill-by-the-week.assets/${asset}>)\n`);
    const { code, stdout, stderr } = await runBin(['publish', ws.root, '--dry-run'], await cliEnv());
    expect(stderr).toBe(SAMPLE_ADDRESS_WARNING);
    expect(code).toBe(0);
    expect(stdout).not.toMatch(rawControl);
    // Published resized, under its name plus a content hash and a width: the name's controls stay escaped.
    expect(stdout).toMatch(/ {2}upload {2}posts\/why-i-bill-by-the-week\.assets\/clip-\\u001b\]52;c;cG93bmVk\\u0007\.[0-9a-f]+-1\.png {2}\(/);
  });
});

describe('terminalText', () => {
  it('escapes C0 but newline and tab, DEL and C1, and leaves other text alone', () => {
    expect(terminalText('a\x1b]52;c;eA==\x07b\x9b2J\x7f\r\n\tü→日本')).toBe('a\\u001b]52;c;eA==\\u0007b\\u009b2J\\u007f\\u000d\n\tü→日本');
    expect(JSON.parse(terminalText(JSON.stringify({ path: 'x\x9by\x7f' })))).toEqual({ path: 'x\x9by\x7f' });
  });
});
