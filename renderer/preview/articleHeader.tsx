// The article's header (title, date, reading time, tags) exactly as the site
// theme marks it up: rendered from the theme's own Article component.
import { renderToStaticMarkup } from 'react-dom/server';
import { normalizeDate } from '../../common/post';
import { Article } from '../../common/theme/Article';

export interface HeaderFields {
  title: string;
  date: string | null;
  tags: string[];
  /** The post's own `author:` (the preview does not know the site's). */
  author?: string;
  description?: string;
}

/** The fields the header shows, from the post's front-matter data; the listed title and date (e.g. a Jekyll file name's) when it has none. */
export function headerFields(data: Record<string, unknown>, fallback: { title: string; date: string | null }): HeaderFields {
  const tags = Array.isArray(data.tags) ? data.tags.filter((t): t is string => typeof t === 'string') : typeof data.tags === 'string' ? [data.tags] : [];
  const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
  const fields: HeaderFields = { title: text(data.title) ? (data.title as string) : fallback.title, date: normalizeDate(data.date) ?? fallback.date, tags };
  const author = text(data.author);
  const description = text(data.description) || text(data.summary);
  if (author) fields.author = author;
  if (description) fields.description = description;
  return fields;
}

/** `<header class="post-head">…</header>` as the Article component renders it. */
export function headerHtml(fields: HeaderFields, readingMinutes: number): string {
  const html = renderToStaticMarkup(<Article {...fields} readingMinutes={readingMinutes} html="" />);
  const start = html.indexOf('<header');
  const end = html.indexOf('</header>');
  return start >= 0 && end > start ? html.slice(start, end + '</header>'.length) : '';
}
