// A post as schema.org BlogPosting in JSON-LD, which search engines read for
// rich results. A data block, not a script: browsers never run it. `<` is
// written as \u003c so no text in it can close the element early.

export interface BlogPosting {
  headline: string;
  /** Absolute URL of the post. */
  url: string;
  datePublished: string | null;
  dateModified: string | null;
  author: string;
  description: string;
  /** Absolute URL. */
  image?: string;
}

export function StructuredData({ posting }: { posting: BlogPosting }) {
  const data = {
    '@context': 'https://schema.org',
    '@type': 'BlogPosting',
    headline: posting.headline,
    mainEntityOfPage: posting.url,
    url: posting.url,
    ...(posting.datePublished && { datePublished: posting.datePublished }),
    ...((posting.dateModified ?? posting.datePublished) && { dateModified: posting.dateModified ?? posting.datePublished }),
    ...(posting.author && { author: { '@type': 'Person', name: posting.author } }),
    ...(posting.description && { description: posting.description }),
    ...(posting.image && { image: [posting.image] }),
  };
  const json = JSON.stringify(data).replace(/</g, '\\u003c');
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: json }} />;
}
