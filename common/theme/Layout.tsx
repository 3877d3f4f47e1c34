// The page around every template: head with SEO meta, site header with nav,
// footer with feeds. No scripts anywhere: dark mode follows the reader's system.
import type { ReactNode } from 'react';
import type { NavLink } from '../site/nav';
import { PartialSlot } from './render';
import { absoluteUrl, CUSTOM_CSS, FEEDS, href, THEME_CSS, type Site } from './site';

export interface PageMeta {
  /** The page's own title; the home page passes none and shows the site's. */
  title?: string;
  description?: string;
  /** Site path of the page, for the canonical URL; null for pages with no one address (404). */
  url: string | null;
  /** Open Graph type: a post is an article. */
  type?: 'website' | 'article';
  /** ISO date of a post, for article:published_time. */
  published?: string | null;
  /** ISO date of its last update, for article:modified_time. */
  modified?: string | null;
  /** Who wrote the page, when not the site's author. */
  author?: string;
  /** Absolute URL of the picture link previews show; the site's default when absent. */
  image?: string;
  /** More of the head: a post's structured data. */
  head?: ReactNode;
  /** Search engines skip it (paginated pages stay indexable; 404 does not). */
  noindex?: boolean;
}

export function Layout({ site, meta, children }: { site: Site; meta: PageMeta; children: ReactNode }) {
  const { settings } = site;
  const title = meta.title ? `${meta.title} · ${settings.title}` : settings.title;
  const description = meta.description || settings.description;
  const canonical = meta.url === null ? null : absoluteUrl(site, meta.url);
  const socialTitle = meta.title ?? settings.title;
  const standalone = site.inlineCss !== undefined;
  const author = meta.author || settings.author;
  const image = meta.image ?? site.image;
  return (
    <html lang={settings.language}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        {description && <meta name="description" content={description} />}
        {author && <meta name="author" content={author} />}
        {meta.noindex && <meta name="robots" content="noindex" />}
        {canonical && <link rel="canonical" href={canonical} />}
        <meta property="og:site_name" content={settings.title} />
        <meta property="og:type" content={meta.type ?? 'website'} />
        <meta property="og:title" content={socialTitle} />
        {description && <meta property="og:description" content={description} />}
        {canonical && <meta property="og:url" content={canonical} />}
        {image && <meta property="og:image" content={image} />}
        {meta.published && <meta property="article:published_time" content={meta.published} />}
        {meta.type === 'article' && (meta.modified ?? meta.published) && <meta property="article:modified_time" content={(meta.modified ?? meta.published)!} />}
        {meta.type === 'article' && author && <meta property="article:author" content={author} />}
        <meta name="twitter:card" content={image ? 'summary_large_image' : 'summary'} />
        <meta name="twitter:title" content={socialTitle} />
        {description && <meta name="twitter:description" content={description} />}
        {image && <meta name="twitter:image" content={image} />}
        {meta.head}
        <meta name="generator" content="Postwright" />
        {!standalone ? (
          <>
            <link rel="alternate" type="application/rss+xml" title={`${settings.title} (RSS)`} href={href(site, FEEDS.rss)} />
            <link rel="alternate" type="application/atom+xml" title={`${settings.title} (Atom)`} href={href(site, FEEDS.atom)} />
            <link rel="alternate" type="application/feed+json" title={`${settings.title} (JSON Feed)`} href={href(site, FEEDS.json)} />
            {site.icons?.map((icon) => <link key={icon.path} rel={icon.rel} href={href(site, icon.path)} type={icon.type} sizes={icon.sizes} />)}
            <link rel="stylesheet" href={href(site, THEME_CSS)} />
            {site.customCss && <link rel="stylesheet" href={href(site, CUSTOM_CSS)} />}
            {site.partials?.head !== undefined && <PartialSlot name="head" />}
          </>
        ) : (
          <style dangerouslySetInnerHTML={{ __html: site.inlineCss ?? '' }} />
        )}
      </head>
      <body className={standalone ? 'standalone' : 'site'}>
        {standalone ? (
          <main id="main" className="site-main">
            {children}
          </main>
        ) : (
          <Chrome site={site} current={meta.url}>
            {children}
          </Chrome>
        )}
      </body>
    </html>
  );
}

/** Header, main and footer of a page on the site (a standalone post has only its article). */
function Chrome({ site, current, children }: { site: Site; current: string | null; children: ReactNode }) {
  const { settings, partials } = site;
  const links: NavLink[] = [...(site.nav ?? []), { label: 'Archive', path: 'archive/', suffix: '' }, { label: 'Tags', path: 'tags/', suffix: '' }];
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      {partials?.header !== undefined ? (
        <PartialSlot name="header" />
      ) : (
        <header className="site-header">
          <div className="site-header-inner">
            <a className="site-title" href={href(site, '')} aria-current={current === '' ? 'page' : undefined}>
              {settings.title}
            </a>
            <nav className="site-nav" aria-label="Site">
              <ul>
                {links.map((link, i) => (
                  <li key={i}>
                    {'external' in link ? (
                      <a href={link.external}>{link.label}</a>
                    ) : (
                      <a href={href(site, link.path) + link.suffix} aria-current={link.path === current && link.suffix === '' ? 'page' : undefined}>
                        {link.label}
                      </a>
                    )}
                  </li>
                ))}
              </ul>
            </nav>
          </div>
        </header>
      )}
      <main id="main" className="site-main">
        {children}
      </main>
      {partials?.footer !== undefined ? (
        <PartialSlot name="footer" />
      ) : (
        <footer className="site-footer">
          <p>
            © {settings.author || settings.title}
            <span aria-hidden="true"> · </span>
            Subscribe: <a href={href(site, FEEDS.rss)}>RSS</a>, <a href={href(site, FEEDS.atom)}>Atom</a>,{' '}
            <a href={href(site, FEEDS.json)}>JSON Feed</a>
          </p>
        </footer>
      )}
    </>
  );
}
