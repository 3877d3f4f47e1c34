// Templates to bytes: one static render, no hydration markers, one doctype.
// The workspace's partials (site.ts) are raw HTML, which React cannot place
// without a wrapper element, so templates leave a marker and it is swapped here.
import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { PartialName, Site } from './site';

/** Where a partial goes: replaced by its HTML in renderPage(). */
export function PartialSlot({ name }: { name: PartialName }): ReactElement {
  return createElement('template', { 'data-pw-partial': name });
}

const slot = /<template data-pw-partial="(head|header|footer)"><\/template>/g;

export function renderPage(page: ReactElement, site: Pick<Site, 'partials'>): string {
  const html = renderToStaticMarkup(page).replace(slot, (_, name: PartialName) => site.partials?.[name] ?? '');
  return `<!doctype html>\n${html}\n`;
}
