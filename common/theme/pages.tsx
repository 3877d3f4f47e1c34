// The site's page templates, one function per kind of page. Each returns a
// whole document for renderPage() (render.ts). Type-checked TSX, so a template
// that reads a field a post does not have fails the build of the app, not the
// author's site.
import { Article } from './Article';
import { Layout } from './Layout';
import { PostCards, PostLinks, type ListedPost } from './PostLinks';
import { absoluteUrl, href, type Site } from './site';
import { StructuredData } from './StructuredData';
import { smartQuotes } from './typography';
import type { SiteInput } from '../site/model';
import { indexUrl, tagUrl } from '../site/permalink';
import { readingMinutes } from '../words';

export interface PostPageProps {
  site: Site;
  post: Pick<ListedPost, 'title' | 'url' | 'date' | 'tags' | 'words' | 'description' | 'excerpt'> & Partial<Pick<SiteInput, 'author' | 'updated' | 'socialImage'>>;
  /** The rendered, sanitized body. */
  html: string;
  /** The posts beside it, newest first; a standalone page links to none. */
  neighbours?: Neighbours;
}

/** The posts a post page links to at its end. */
export interface Neighbours {
  newer?: { title: string; url: string };
  older?: { title: string; url: string };
}

export function PostPage({ site, post, html, neighbours = {} }: PostPageProps) {
  const { settings } = site;
  const author = post.author || settings.author;
  const description = post.description || post.excerpt || '';
  const url = absoluteUrl(site, post.url);
  const image = post.socialImage ?? site.image;
  const standalone = site.inlineCss !== undefined;
  const posting = { headline: post.title, url, datePublished: post.date, dateModified: post.updated ?? null, author, description, image };
  return (
    <Layout
      site={site}
      meta={{
        title: post.title,
        description,
        url: post.url,
        type: 'article',
        published: post.date,
        modified: post.updated,
        author,
        image,
        head: <StructuredData posting={posting} />,
      }}
    >
      <Article
        title={post.title}
        date={post.date}
        updated={post.updated}
        author={author}
        description={post.description}
        tags={post.tags}
        readingMinutes={readingMinutes(post.words)}
        html={html}
        tagHref={standalone ? undefined : (tag) => href(site, tagUrl(tag))}
      >
        {!standalone && (neighbours.newer || neighbours.older) && <PostNav site={site} neighbours={neighbours} />}
      </Article>
    </Layout>
  );
}

/** Newer and older posts, each named, at the end of a post. */
function PostNav({ site, neighbours }: { site: Site; neighbours: Neighbours }) {
  return (
    <nav className="post-nav" aria-label="More posts">
      {neighbours.newer && (
        <a className="post-nav-newer" rel="prev" href={href(site, neighbours.newer.url)}>
          <span className="post-nav-label">Newer</span> {smartQuotes(neighbours.newer.title)}
        </a>
      )}
      {neighbours.older && (
        <a className="post-nav-older" rel="next" href={href(site, neighbours.older.url)}>
          <span className="post-nav-label">Older</span> {smartQuotes(neighbours.older.title)}
        </a>
      )}
    </nav>
  );
}

export interface IndexPageProps {
  site: Site;
  posts: readonly ListedPost[];
  /** 1-based. */
  page: number;
  pages: number;
}

export function IndexPage({ site, posts, page, pages }: IndexPageProps) {
  const { settings } = site;
  return (
    <Layout site={site} meta={{ title: page > 1 ? `Page ${page}` : undefined, url: indexUrl(page) }}>
      <div className="listing">
        {page === 1 ? (
          <header className="listing-head">
            <h1 className="listing-title">{settings.title}</h1>
            {settings.description && <p className="listing-lede">{settings.description}</p>}
          </header>
        ) : (
          <header className="listing-head">
            <h1 className="listing-title">
              Posts, page {page} of {pages}
            </h1>
          </header>
        )}
        {posts.length > 0 ? <PostCards site={site} posts={posts} /> : <p className="listing-empty">No posts yet.</p>}
        {pages > 1 && (
          <nav className="pagination" aria-label="Pages">
            {page > 1 ? (
              <a className="pagination-newer" rel="prev" href={href(site, indexUrl(page - 1))}>
                ← Newer posts
              </a>
            ) : (
              <span />
            )}
            <span className="pagination-count">
              Page {page} of {pages}
            </span>
            {page < pages ? (
              <a className="pagination-older" rel="next" href={href(site, indexUrl(page + 1))}>
                Older posts →
              </a>
            ) : (
              <span />
            )}
          </nav>
        )}
      </div>
    </Layout>
  );
}

/** A kind of list a post can be in: its tags, or a Hugo blog's categories and sections. */
export interface Taxonomy {
  /** The list of all of them: "Tags", at "tags/". */
  title: string;
  url: string;
  /** How a post relates to one: "tagged", "in". */
  relation: string;
  /** What the list page lists: "Every tag". */
  every: string;
}

const TAGS: Taxonomy = { title: 'Tags', url: 'tags/', relation: 'tagged', every: 'Every tag' };

export function TagPage({ site, name, url, posts, taxonomy = TAGS }: { site: Site; name: string; url: string; posts: readonly ListedPost[]; taxonomy?: Taxonomy }) {
  const count = `${posts.length} ${posts.length === 1 ? 'post' : 'posts'}`;
  return (
    <Layout site={site} meta={{ title: `Posts ${taxonomy.relation} “${name}”`, description: `${count} ${taxonomy.relation} “${name}”.`, url }}>
      <div className="listing">
        <header className="listing-head">
          <p className="listing-kicker">
            <a href={href(site, taxonomy.url)}>{taxonomy.title}</a>
          </p>
          <h1 className="listing-title">{name}</h1>
          <p className="listing-lede">{count}</p>
        </header>
        <PostLinks site={site} posts={posts} />
      </div>
    </Layout>
  );
}

export function TagsPage({ site, tags, taxonomy = TAGS }: { site: Site; tags: readonly { name: string; url: string; count: number }[]; taxonomy?: Taxonomy }) {
  return (
    <Layout site={site} meta={{ title: taxonomy.title, description: `${taxonomy.every} on ${site.settings.title}.`, url: taxonomy.url }}>
      <div className="listing">
        <header className="listing-head">
          <h1 className="listing-title">{taxonomy.title}</h1>
        </header>
        {tags.length > 0 ? (
          <ul className="tag-cloud">
            {tags.map((tag) => (
              <li key={tag.url}>
                <a href={href(site, tag.url)}>
                  {tag.name} <span className="tag-count">{tag.count}</span>
                </a>
              </li>
            ))}
          </ul>
        ) : (
          <p className="listing-empty">No tags yet.</p>
        )}
      </div>
    </Layout>
  );
}

export function ArchivePage({ site, posts }: { site: Site; posts: readonly ListedPost[] }) {
  const years: { year: string; posts: ListedPost[] }[] = [];
  for (const post of posts) {
    const year = post.date?.slice(0, 4) ?? 'Undated';
    if (years.at(-1)?.year !== year) years.push({ year, posts: [] });
    years.at(-1)!.posts.push(post);
  }
  return (
    <Layout site={site} meta={{ title: 'Archive', description: `Every post on ${site.settings.title}.`, url: 'archive/' }}>
      <div className="listing">
        <header className="listing-head">
          <h1 className="listing-title">Archive</h1>
          <p className="listing-lede">
            {posts.length} {posts.length === 1 ? 'post' : 'posts'}
          </p>
        </header>
        {years.map(({ year, posts: inYear }) => (
          <section key={year} className="archive-year" aria-labelledby={`year-${year}`}>
            <h2 id={`year-${year}`}>{year}</h2>
            <PostLinks site={site} posts={inYear} />
          </section>
        ))}
      </div>
    </Layout>
  );
}

export function NotFoundPage({ site }: { site: Site }) {
  return (
    <Layout site={site} meta={{ title: 'Page not found', url: null, noindex: true }}>
      <div className="listing not-found">
        <h1 className="listing-title">Page not found</h1>
        <p className="listing-lede">There is nothing at this address. It may have moved, or the link may have a typo.</p>
        <p>
          <a href={href(site, '')}>Go to the home page</a> or browse the <a href={href(site, 'archive/')}>archive</a>.
        </p>
      </div>
    </Layout>
  );
}
