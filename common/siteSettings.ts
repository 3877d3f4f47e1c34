// The site's settings, as `postwright.json` holds them: one zod schema, with a
// default for every key, so a workspace without the file still builds. Unknown
// keys are ignored (other features keep their own settings in the same file).
import { z } from 'zod';
import { isPermalinkPattern } from './site/expandPermalink';
import { navTarget } from './site/nav';

const text = (max: number) => z.string({ error: 'must be text' }).trim().max(max, `must be at most ${max} characters`);

const NavLink = z.object({
  label: text(100).min(1, 'must not be empty'),
  url: text(2048)
    .min(1, 'must not be empty')
    .refine((url) => navTarget(url) !== null, 'must be an http(s) or mailto link, or a path on the site'),
});

export const SiteSettings = z.object({
  title: text(200).min(1, 'must not be empty').default('My blog'),
  description: text(1000).default(''),
  author: text(200).default(''),
  /** Where the site is published; feeds and the sitemap need absolute URLs. Always ends in "/". */
  baseUrl: z
    .url({ protocol: /^https?$/, error: 'must be an http or https URL, such as "https://example.com/"' })
    .max(2048)
    .transform((url) => {
      const parsed = new URL(url);
      parsed.search = '';
      parsed.hash = '';
      return parsed.href.endsWith('/') ? parsed.href : `${parsed.href}/`;
    })
    .default('https://example.com/'),
  /** The picture link previews show for a page without its own: an http(s) URL or an image's path in the workspace. */
  image: text(2048).default(''),
  language: z
    .string({ error: 'must be text' })
    .regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/, 'must be a language tag such as "en" or "pt-BR"')
    .default('en'),
  /** A pattern with the generators' tokens: "/posts/:slug/", "/:year/:month/:day/:title/", "/:section/:slug/"… */
  permalink: z
    .string({ error: 'must be text' })
    .max(200, 'must be at most 200 characters')
    .refine(isPermalinkPattern, 'must be a path such as "/posts/:slug/" using only the tokens :year :month :day :title :slug :categories :section :path (and the others Jekyll and Hugo document)')
    .default('/posts/:slug/'),
  postsPerPage: z
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(1000, 'must be at most 1000')
    .default(10),
  /** Posts in each feed (RSS, Atom and JSON Feed), newest first. */
  feedLength: z.number({ error: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1').max(1000, 'must be at most 1000').default(20),
  nav: z.array(NavLink, { error: 'must be a list of { "label": …, "url": … } links' }).max(20, 'may hold at most 20 links').default([]),
  /** The output folder, relative to the workspace (checked by the workspace, which owns paths). */
  output: z.string({ error: 'must be text' }).min(1, 'must not be empty').default('_site'),
  /**
   * Raw HTML in posts is always sanitized. The key once let a workspace turn
   * that off ("trusted"); a blog folder is not trusted to, so that value is
   * now an error that says why rather than a silent change to the output.
   */
  rawHtml: z
    .literal('sanitize', { error: 'can only be "sanitize": raw HTML in posts is always sanitized, since a blog folder may come from anyone' })
    .default('sanitize'),
});
export type SiteSettings = z.infer<typeof SiteSettings>;

/** One readable line per problem, each naming its key: `"postsPerPage" must be at least 1`. */
export function describeSettingsIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const key = issue.path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('').replace(/^\./, '');
      return key ? `"${key}" ${issue.message}` : issue.message;
    })
    .join('; ');
}
