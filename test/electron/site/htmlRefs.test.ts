// Files named in a post's raw HTML (an <img> in a caption <div>, a <video>
// poster, an <a href> to a PDF or another post) are published and linked as
// markdown's are, and the check reports those that won't resolve.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlUrls } from '../../../common/markdown/htmlUrls';
import { build, readTree } from '../../helpers/site';
import { tempDir, tempTree } from '../../helpers/tmp';
import { checkTree, where } from './check/checkTree';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

const body = [
  '<div class="caption"><img src="./beside.png" alt="Beside"><p>A caption</p></div>',
  '',
  'Inline <img src="../img/logo.png" alt="Logo"> and <a href="files/report.pdf">the report</a> and <a href="second.md">the next post</a>.',
  '',
  '<video controls poster="beside.png"><source src="clip.mp4" type="video/mp4"></video>',
].join('\n');

describe('raw HTML in posts', () => {
  it('finds URL attributes with where they are, entities decoded', () => {
    const html = '<p><img alt="" src="a&amp;b.png"><a title="x" href=\'c.md\'>c</a><iframe src="x"></iframe></p>';
    expect(htmlUrls(html)).toEqual([
      { tag: 'img', attribute: 'src', kind: 'image', url: 'a&b.png', start: html.indexOf('src='), end: html.indexOf('><a'), alt: '' },
      { tag: 'a', attribute: 'href', kind: 'link', url: 'c.md', start: html.indexOf('href='), end: html.indexOf('>c<') },
    ]);
  });

  it('the build publishes the files it names and links to them, and to other posts, at their site addresses', async () => {
    const root = await tempTree({
      'eleventy.config.js': 'export default function (config) { config.addPassthroughCopy("img"); }\n',
      'blog/blog.json': '{ "tags": ["posts"], "permalink": "/blog/{{ page.fileSlug }}/" }',
      'blog/first.md': `---\ntitle: First\ndate: 2024-01-01\n---\n${body}\n`,
      'blog/second.md': '---\ntitle: Second\ndate: 2024-02-01\n---\nNext.\n',
      'blog/beside.png': PNG,
      'blog/clip.mp4': 'mp4',
      'blog/files/report.pdf': 'pdf',
      'img/logo.png': PNG,
    });
    const out = path.join(await tempDir(), 'site');
    await build(root, out);
    const files = [...(await readTree(out)).keys()];
    expect(files).toEqual(expect.arrayContaining(['blog/clip.mp4', 'blog/files/report.pdf', 'img/logo.png']));
    // beside.png is shown resized: its derived files are published under its path.
    expect(files.some((file) => file.startsWith('blog/beside'))).toBe(true);
    const page = await readFile(path.join(out, 'blog/first/index.html'), 'utf8');
    const article = page.slice(page.indexOf('<article'));
    expect(article).toMatch(/<img src="\/blog\/beside[^"]*" alt="Beside">/);
    expect(article).toMatch(/<img src="\/img\/logo[^"]*\.png" alt="Logo">/);
    expect(article).toContain('<a href="/blog/files/report.pdf">the report</a>');
    expect(article).toContain('<a href="/blog/second/">the next post</a>');
    expect(article).toContain('<source src="/blog/clip.mp4" type="video/mp4">');
    expect(article).not.toContain('./beside.png');
  });

  it('the check reports HTML files that are missing, at their line and column', async () => {
    const { problems } = await checkTree({
      'posts/a.md': `---\ntitle: A\n---\n<div><img src="gone.png" alt="Gone"></div>\n\nText <a href="nothing.pdf">x</a> and <img src="missing-alt.png">\n`,
      'posts/missing-alt.png': PNG,
    });
    expect(problems.map((p) => ({ ...where(p), message: p.message.split(':')[0] }))).toEqual([
      { file: 'posts/a.md', line: 4, column: 11, severity: 'error', kind: 'image', message: 'Missing image "gone.png"' },
      { file: 'posts/a.md', line: 6, column: 9, severity: 'error', kind: 'link', message: 'Broken link "nothing.pdf"' },
      { file: 'posts/a.md', line: 6, column: 43, severity: 'warning', kind: 'alt-text', message: 'Image "missing-alt.png" has no alt text. Say what it shows between the brackets, ![like this](missing-alt.png), for readers who cannot see it.' },
    ]);
  });
});
