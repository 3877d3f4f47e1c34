// A page (about, now, uses, 404): the post's body under its title, with no
// date, tags or reading time, and never listed in the index or the feeds.
import { Layout } from './Layout';
import type { Site } from './site';

export interface PageProps {
  site: Site;
  page: { title: string; description: string; url: string };
  /** The body, already rendered and sanitized by common/markdown. */
  html: string;
}

export function Page({ site, page, html }: PageProps) {
  return (
    <Layout site={site} meta={{ title: page.title, description: page.description, url: page.url }}>
      <article className="post page">
        <header className="post-head">
          <h1 className="post-title">{page.title}</h1>
        </header>
        <div className="post-body" dangerouslySetInnerHTML={{ __html: html }} />
      </article>
    </Layout>
  );
}
