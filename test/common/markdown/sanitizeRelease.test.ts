// The sanitizer lets go of each document it parses. jsdom files every element
// with an id in its window's named-property table (window.someId), even in the
// documents DOMParser makes for DOMPurify, and only a detached element leaves
// it: without the detach in sanitize.ts every post sanitized in Node stayed in
// memory for good, since each post's headings have ids.
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { createMarkdown } from '../../../common/markdown/pipeline';
import { createSanitizer } from '../../../common/markdown/sanitize';

const freshWindow = () => new JSDOM('').window as unknown as Window & typeof globalThis;
/** What the window's named-property table answers for `name` (jsdom's window[id]). */
const named = (window: Window, name: string): unknown => (window as unknown as Record<string, unknown>)[name];

describe('the sanitizer in Node', () => {
  it('leaves no element of a sanitized post in the window it runs on', () => {
    const window = freshWindow();
    const sanitize = createSanitizer(window);
    const html = createMarkdown({ sanitize }).render('## Kept heading\n\nText.\n\n<a name="anchor-name" id="raw-id">raw</a>\n').html;
    expect(html).toContain('id="kept-heading"');
    expect(html).toContain('id="raw-id"');
    expect(named(window, 'kept-heading')).toBeUndefined();
    expect(named(window, 'raw-id')).toBeUndefined();
  });

  it('still leaves the page it runs in alone, and keeps working after many posts', () => {
    const { window } = new JSDOM('<p id="page-element">the page</p>');
    const sanitize = createSanitizer(window as unknown as Window & typeof globalThis);
    for (let i = 0; i < 50; i++) expect(sanitize(`<h2 id="h${i}">${i}</h2><img src=x onerror=alert(1)>`)).toBe(`<h2 id="h${i}">${i}</h2><img src="x">`);
    expect(named(window as unknown as Window, 'h49')).toBeUndefined();
    expect(window.document.getElementById('page-element')?.textContent).toBe('the page');
    // Text with no markup never reaches the parser: nothing to release, nothing broken.
    expect(sanitize('plain words')).toBe('plain words');
  });
});
