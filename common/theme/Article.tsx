// A post's article markup, shared by the exported page and the live preview,
// so the preview shows the post exactly as the theme will publish it.
import { formatDate } from './dates';

export interface ArticleProps {
  title: string;
  /** YYYY-MM-DD[THH:MM…] as normalised by common/post; null when undated. */
  date: string | null;
  tags: readonly string[];
  readingMinutes: number;
  /** The body, already rendered and sanitized by common/markdown. */
  html: string;
  /** Where a tag's page is; without it tags are plain text (the preview). */
  tagHref?: (tag: string) => string;
}

export function Article({ title, date, tags, readingMinutes, html, tagHref }: ArticleProps) {
  return (
    <article className="post h-entry">
      <header className="post-head">
        <h1 className="post-title p-name">{title}</h1>
        <p className="post-meta">
          {date && (
            <time className="dt-published" dateTime={date}>
              {formatDate(date)}
            </time>
          )}
          {date && readingMinutes > 0 && <span aria-hidden="true"> · </span>}
          {readingMinutes > 0 && <span className="reading-time">{readingMinutes} min read</span>}
        </p>
        {tags.length > 0 && (
          <ul className="post-tags" aria-label="Tags">
            {tags.map((tag) => (
              <li key={tag}>{tagHref ? <a className="p-category" href={tagHref(tag)} rel="tag">{tag}</a> : <span className="p-category">{tag}</span>}</li>
            ))}
          </ul>
        )}
      </header>
      <div className="post-body e-content" dangerouslySetInnerHTML={{ __html: html }} />
    </article>
  );
}
