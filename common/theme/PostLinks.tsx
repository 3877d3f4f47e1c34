// Lists of posts as the index, tag and archive pages show them.
import type { SitePost } from '../site/model';
import { formatDate } from './dates';
import { href, type Site } from './site';
import { smartQuotes } from './typography';
import { readingMinutes } from '../words';

export type ListedPost = Pick<SitePost, 'title' | 'url' | 'date' | 'words' | 'excerpt' | 'description' | 'tags'>;

/** The index's entries: title, date, reading time and a summary. */
export function PostCards({ site, posts }: { site: Site; posts: readonly ListedPost[] }) {
  return (
    <ol className="post-cards">
      {posts.map((post) => {
        const minutes = readingMinutes(post.words);
        const summary = post.description || post.excerpt;
        return (
          <li key={post.url} className="post-card h-entry">
            <h2 className="post-card-title">
              <a className="u-url p-name" href={href(site, post.url)}>
                {smartQuotes(post.title)}
              </a>
            </h2>
            <p className="post-meta">
              {post.date && (
                <time className="dt-published" dateTime={post.date}>
                  {formatDate(post.date)}
                </time>
              )}
              {post.date && minutes > 0 && <span aria-hidden="true"> · </span>}
              {minutes > 0 && <span className="reading-time">{minutes} min read</span>}
            </p>
            {summary && <p className="post-card-summary p-summary">{summary}</p>}
          </li>
        );
      })}
    </ol>
  );
}

/** A compact list for tag and archive pages: date and title. */
export function PostLinks({ site, posts }: { site: Site; posts: readonly ListedPost[] }) {
  return (
    <ul className="post-links">
      {posts.map((post) => (
        <li key={post.url}>
          {post.date ? (
            <time dateTime={post.date}>{formatDate(post.date)}</time>
          ) : (
            <span className="post-links-undated">Undated</span>
          )}
          <a href={href(site, post.url)}>{smartQuotes(post.title)}</a>
        </li>
      ))}
    </ul>
  );
}
