// A post's article markup, shared by the exported page and the live preview,
// so the preview shows the post exactly as the theme will publish it. The
// header reads title, description and byline (author, date, reading time);
// the end of the post carries its tags and who wrote it, and the page around
// it adds what belongs to the site (PostNav's newer and older posts).
import type { ReactNode } from 'react';
import { formatDate } from './dates';
import { smartQuotes } from './typography';

export interface ArticleProps {
  title: string;
  /** YYYY-MM-DD[THH:MM…] as normalised by common/post; null when undated. */
  date: string | null;
  /** When the post was last revised, normalised the same way. */
  updated?: string | null;
  /** The post's own author, else the site's; empty when neither says. */
  author?: string;
  /** The one-line summary shown under the title. */
  description?: string;
  tags: readonly string[];
  readingMinutes: number;
  /** The body, already rendered and sanitized by common/markdown. */
  html: string;
  /** Where a tag's page is; without it tags are plain text (the preview). */
  tagHref?: (tag: string) => string;
  /** What follows the post inside the article, e.g. links to its neighbours. */
  children?: ReactNode;
}

export function Article({ title, date, updated, author, description, tags, readingMinutes, html, tagHref, children }: ArticleProps) {
  return (
    <article className="post h-entry">
      <header className="post-head">
        <h1 className="post-title p-name">{smartQuotes(title)}</h1>
        {description && <p className="post-description p-summary">{description}</p>}
        <Byline author={author} date={date} updated={updated} readingMinutes={readingMinutes} />
      </header>
      <div className="post-body e-content" dangerouslySetInnerHTML={{ __html: html }} />
      {(tags.length > 0 || author || children) && (
        <footer className="post-foot">
          {tags.length > 0 && (
            <p className="post-tags">
              <span className="post-foot-label">Tagged</span>{' '}
              {tags.map((tag, i) => (
                <span key={tag}>
                  {i > 0 && ', '}
                  {tagHref ? <a className="p-category" href={tagHref(tag)} rel="tag">{tag}</a> : <span className="p-category">{tag}</span>}
                </span>
              ))}
            </p>
          )}
          {author && (
            <p className="post-author">
              Written by <span className="p-author h-card">{author}</span>.
            </p>
          )}
          {children}
        </footer>
      )}
    </article>
  );
}

function Byline({ author, date, updated, readingMinutes }: Pick<ArticleProps, 'author' | 'date' | 'updated' | 'readingMinutes'>) {
  const parts: ReactNode[] = [];
  if (author) parts.push(<span key="author" className="post-byline-author">By {author}</span>);
  if (date) {
    parts.push(
      <time key="date" className="dt-published" dateTime={date}>
        {formatDate(date)}
      </time>,
    );
  }
  if (updated && updated !== date) {
    parts.push(
      <span key="updated">
        updated <time className="dt-updated" dateTime={updated}>{formatDate(updated)}</time>
      </span>,
    );
  }
  if (readingMinutes > 0) parts.push(<span key="reading" className="reading-time">{readingMinutes} min read</span>);
  if (parts.length === 0) return null;
  return (
    <p className="post-meta post-byline">
      {parts.map((part, i) => (
        <span key={i}>
          {i > 0 && <span aria-hidden="true"> · </span>}
          {part}
        </span>
      ))}
    </p>
  );
}
