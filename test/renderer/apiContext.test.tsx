// @vitest-environment jsdom
// A component takes the API from <ApiProvider>, so it renders against the typed
// fake backend (fakeDisk.ts) with no bridge and no desktop app: Find in all
// posts lists what the fake's posts.search found, and picking a match reports
// its post and line. Outside a provider the component says what is missing.
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BlogApi, TextMatch } from '../../common/api';
import { ApiProvider } from '../../renderer/apiContext';
import { FindInPosts } from '../../renderer/components/FindInPosts';
import { FakeDisk } from './fakeDisk';

// What jsdom lacks of the browser, given only as far as this page uses it:
// <dialog>'s modal methods (jsdom/jsdom#3294): the dialog is open, and close undoes it;
// no layout, so scrolling the active match into view does nothing;
// no CSS namespace: CSS.escape, for React's generated ids, which need no escaping (anything else is refused).
const dialogProto = window.HTMLDialogElement.prototype;
dialogProto.showModal ??= function (this: HTMLDialogElement) {
  this.setAttribute('open', '');
};
dialogProto.close ??= function (this: HTMLDialogElement) {
  this.removeAttribute('open');
};
window.Element.prototype.scrollIntoView ??= () => {};
globalThis.CSS ??= {
  escape: (id: string) => {
    if (!/^[\w-]+$/.test(id)) throw new Error(`this test's CSS.escape takes plain ids only, not ${id}`);
    return id;
  },
} as typeof CSS;

describe('ApiProvider', () => {
  let host: HTMLElement;
  let root: Root;
  let uncaught: unknown[];
  let disk: FakeDisk;
  beforeEach(() => {
    host = document.createElement('div');
    document.body.append(host);
    uncaught = [];
    root = createRoot(host, { onUncaughtError: (error) => uncaught.push(error) });
    disk = new FakeDisk();
  });
  afterEach(() => {
    flushSync(() => root.unmount());
    host.remove();
  });

  const options = () => [...host.querySelectorAll('[role="option"]')].map((o) => o.textContent);
  const status = () => host.querySelector('[role="status"]')?.textContent;

  it('gives a component the API it was handed: Find in all posts searches the fake backend', async () => {
    disk.add('harbour', '---\ntitle: Harbour\n---\nThe harbour at dawn.\nBoats leave the Harbour early.\n');
    disk.add('hills', '---\ntitle: Hills\n---\nNo water here.\n');
    disk.add('notes', '---\ntitle: Notes\n---\nA harbour wall.\n');
    const posts = [...disk.files.values()].map((f) => f.post);
    const picked: [string, TextMatch][] = [];
    // FindInPosts asks the API for posts.search alone, which the fake implements.
    // Rendered as the page renders: the search's answer arrives later, as it would from the backend.
    flushSync(() =>
      root.render(
        <ApiProvider value={disk.api as BlogApi}>
          <FindInPosts initialQuery="harbour" posts={posts} onPick={(id, match) => picked.push([id, match])} onClose={() => {}} />
        </ApiProvider>,
      ),
    );

    await expect.poll(status).toBe('2 posts of 3 match.');
    // The line number, then the line with the match; the post with most matches first.
    expect(options()).toEqual(['2title: Harbour', '4The harbour at dawn.', '5Boats leave the Harbour early.', '4A harbour wall.']);
    flushSync(() => host.querySelectorAll<HTMLElement>('[role="option"]')[2]!.click());
    expect(picked).toEqual([['harbour', expect.objectContaining({ line: 5, column: 17, match: 'Harbour' })]]);
  });

  it('says what is missing when a component is rendered without one', () => {
    flushSync(() => root.render(<FindInPosts initialQuery="" posts={[]} onPick={() => {}} onClose={() => {}} />));
    expect(uncaught).toEqual([new Error('useApi: no <ApiProvider> above this component.')]);
    expect(host.querySelector('[role="combobox"]')).toBeNull();
  });
});
