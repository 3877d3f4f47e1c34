// The mirror's click handling, on a real DOM (jsdom): every way a pointer can
// follow a link in the mirror is routed through linkAction, and never left to
// the browser, which would navigate the app page or open it in a new tab.
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { handleLinks, type LinkAction } from '../../../renderer/preview/previewLinks';

function mirror(html: string) {
  const { window } = new JSDOM('<!doctype html><div id="host"></div>');
  const root = window.document.getElementById('host')!.attachShadow({ mode: 'open' });
  root.innerHTML = html;
  const acted: LinkAction[] = [];
  handleLinks(root, () => 'posts/a.md', (action) => acted.push(action));
  const press = (selector: string, type: 'click' | 'auxclick', button: number) => {
    const event = new window.MouseEvent(type, { bubbles: true, composed: true, cancelable: true, button });
    root.querySelector(selector)!.dispatchEvent(event);
    return event.defaultPrevented;
  };
  return { acted, press };
}

describe('clicks on the mirror', () => {
  it('route a middle click like a click, and leave the right button to its menu', () => {
    const { acted, press } = mirror('<a href="https:tracker.example/x">x</a>');
    expect(press('a', 'auxclick', 1)).toBe(true);
    expect(acted).toEqual([{ kind: 'external', url: 'https://tracker.example/x' }]);
    expect(press('a', 'auxclick', 2)).toBe(false);
    expect(acted).toHaveLength(1);
  });

  it('route an image map area, and do nothing for one with a script URL', () => {
    const { acted, press } = mirror('<map name="m"><area id="ok" href="https://example.com/"><area id="bad" href="javascript:alert(1)"></map>');
    expect(press('#ok', 'click', 0)).toBe(true);
    expect(press('#bad', 'click', 0)).toBe(true);
    expect(acted).toEqual([{ kind: 'external', url: 'https://example.com/' }, { kind: 'none' }]);
  });
});
