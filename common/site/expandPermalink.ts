// A permalink pattern with the generators' tokens, expanded for one post:
// `/:categories/:year/:month/:day/:title:output_ext` (Jekyll's default),
// `/:section/:slug/` (Hugo's), `/:path/` (Eleventy's and every page's).
// Tokens follow jekyllrb.com/docs/permalinks/ and gohugo.io/content-management/urls/.
// Every segment of the result is a slug, a number or a plain literal from the
// pattern, so no post can choose a path that climbs out of the site.
import { slugify } from '../slug';

export interface PermalinkFields {
  /** The post's slug: its `slug` field, else the file name (without a Jekyll date). */
  slug: string;
  title: string;
  date: string | null;
  categories: readonly string[];
  /** Hugo's section: the first folder under the content folder. */
  section: string;
  /** The path under the content folder without its extension; a bundle's `index` is its folder. */
  path: string;
  /** `:title` is the title slugified (Hugo), not the slug (Jekyll). */
  titleFromTitle?: boolean;
  /** `:slug` is the title slugified: Hugo's rule when the front matter has no slug (`slug` is then the file name's). */
  slugFromTitle?: boolean;
}

/** Longer tokens first: `:slugorfilename` is not `:slug` followed by "orfilename". */
const TOKEN = /:(year|short_year|month|i_month|short_month|long_month|day|i_day|y_day|hour|minute|second|title|slugorfilename|slug|filename|categories|sections|section|path|collection|name|basename|output_ext)/g;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const LONG_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Whether a pattern is one we can expand: a site path whose tokens are all known. */
export function isPermalinkPattern(pattern: string): boolean {
  if (!pattern.startsWith('/') || /[?#\\]/.test(pattern)) return false;
  return pattern.replace(TOKEN, '').split(':').length === 1;
}

/** The site path (no leading slash) a pattern gives a post; "posts/<slug>/" if the pattern needs a date the post lacks. */
export function expandPermalink(pattern: string, fields: PermalinkFields): string {
  const ymd = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(fields.date ?? '');
  // Dots stay between the slug's words (see dottedSlug in permalink.ts); no part can be "." or "..".
  const slug = fields.slug.split('.').map(slugify).filter(Boolean).join('.') || slugify(fields.title) || 'post';
  const needsDate = /:(?:year|short_year|month|i_month|short_month|long_month|day|i_day|y_day|hour|minute|second)\b/.test(pattern);
  if (needsDate && !ymd) return `posts/${slug}/`;
  const [, year = '', month = '', day = '', hour = '00', minute = '00', second = '00'] = ymd ?? [];
  const path = fields.path.split('/').map((part) => slugify(part) || part.replace(/[^\w.-]/g, '')).filter(Boolean).join('/');
  const value = (token: string): string => {
    switch (token) {
      case 'year': return year;
      case 'short_year': return year.slice(2);
      case 'month': return month;
      case 'i_month': return String(Number(month));
      case 'short_month': return MONTHS[Number(month) - 1] ?? '';
      case 'long_month': return LONG_MONTHS[Number(month) - 1] ?? '';
      case 'day': return day;
      case 'i_day': return String(Number(day));
      case 'y_day': return String(dayOfYear(Number(year), Number(month), Number(day))).padStart(3, '0');
      case 'hour': return hour;
      case 'minute': return minute;
      case 'second': return second;
      case 'title': return fields.titleFromTitle ? slugify(fields.title) || slug : slug;
      case 'slug': return fields.slugFromTitle ? slugify(fields.title) || slug : slug;
      case 'slugorfilename': case 'filename': case 'name': case 'basename': return slug;
      case 'categories': return fields.categories.map((c) => slugify(c)).filter(Boolean).join('/');
      case 'section': case 'sections': case 'collection': return slugify(fields.section);
      case 'path': return path;
      case 'output_ext': return '.html';
      default: return '';
    }
  };
  const expanded = pattern.replace(TOKEN, (_, token: string) => value(token));
  // Empty tokens leave "//", which Jekyll collapses too; literal segments keep only safe characters.
  const segments = expanded.split('/').filter((segment) => segment !== '' && segment !== '.' && segment !== '..').map(safeSegment);
  const file = segments.length > 0 && /\.html?$/.test(segments.at(-1)!) && !pattern.endsWith('/');
  const joined = segments.join('/');
  return file ? joined : joined === '' ? '' : `${joined}/`;
}

function safeSegment(segment: string): string {
  return /^[\w.~-]+$/.test(segment) ? segment : slugify(segment) || 'x';
}

function dayOfYear(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month - 1, day) - Date.UTC(year, 0, 1)) / 86_400_000) + 1;
}
