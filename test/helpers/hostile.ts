// The hostile-input suite: the inputs are the files in test/fixtures/hostile/
// (one attack each, named in its first comment), shared by the pipeline's
// tests, the site build's and export's checks and the e2e preview suite.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { packageRoot } from '../../electron/appPaths';

export const hostileDir = path.join(packageRoot, 'test', 'fixtures', 'hostile');

export interface HostileInput {
  /** The fixture's file name without `.md`. */
  name: string;
  /** What it attacks, from its `attacks:` comment. */
  attacks: string;
  markdown: string;
  /** The name the suites save it under in a workspace's posts/ folder (a fixture may ask for a hostile one). */
  fileName: string;
  /** Built to make a parser's regexes backtrack: rendered under a time bound. */
  pathological: boolean;
}

/** A file placed beside (outside) a workspace, which the `../` and file:// inputs try to reach. */
export const canaryName = 'postwright-hostile-canary.png';
/** Its bytes: a tiny PNG with a marker, so a served copy (or an inlined data: URI) is recognisable. */
export const canaryBytes = Buffer.concat([
  Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64'),
  Buffer.from('POSTWRIGHT-CANARY-OUTSIDE-THE-WORKSPACE'),
]);

export const hostileInputs: HostileInput[] = readdirSync(hostileDir)
  .filter((file) => file.endsWith('.md'))
  .sort()
  .map((file) => {
    const markdown = readFileSync(path.join(hostileDir, file), 'utf8');
    const comment = /(?:<!--|#)\s*attacks:\s*(.+?)\s*(?:-->|$)/m.exec(markdown);
    if (!comment) throw new Error(`${file} does not say what it attacks: start it with <!-- attacks: … --> (or a "# attacks:" line in its front matter).`);
    const [attacks, fileName] = comment[1]!.split(/;\s*file name:\s*/);
    const name = file.slice(0, -3);
    return { name, attacks: attacks!, markdown, fileName: fileName ?? file, pathological: name.startsWith('redos-') };
  });

const urlAttributes = new Set(['href', 'src', 'xlink:href', 'action', 'formaction', 'data', 'poster', 'background', 'codebase', 'cite', 'srcset', 'ping', 'lowsrc', 'dynsrc', 'manifest', 'icon', 'to', 'from', 'values']);
const neverAllowed = /^(script|object|embed|applet|base|form|frame|frameset|portal|fencedframe|isindex|param)$/;

/** A JSON-LD block (structured data): a script element browsers never run, holding only JSON. */
function isDataBlock(element: Element): boolean {
  if (element.localName !== 'script' || element.getAttribute('type') !== 'application/ld+json' || element.attributes.length !== 1) return false;
  try {
    JSON.parse(element.textContent ?? '');
    return true;
  } catch {
    return false;
  }
}

/** JSON-LD blocks as the theme writes them (no `<` inside: it writes \u003c), removed from a page's text. */
export const withoutDataBlocks = (html: string): string => html.replace(/<script type="application\/ld\+json">[^<]*<\/script>/g, '');

/**
 * What in a page or fragment could run script, navigate, submit or load from
 * elsewhere on its own, found by walking the DOM (text that merely mentions
 * `onerror=` is not markup). Empty for safe output. The theme's own head
 * (stylesheet, canonical and feed links, name/property metas) passes.
 */
export function executableMarkup(html: string): string[] {
  const { document } = new JSDOM(html).window;
  const found: string[] = [];
  const roots: ParentNode[] = [document];
  // Template contents are a separate fragment a later script could stamp out.
  for (const template of document.querySelectorAll('template')) roots.push(template.content);
  for (const root of roots) {
    for (const element of root.querySelectorAll('*')) {
      const tag = element.localName.toLowerCase();
      const where = `<${tag}>`;
      if (neverAllowed.test(tag) && !isDataBlock(element)) found.push(where);
      // A post keeps no frame at all: a video player becomes a click-to-load embed (common/markdown/videoEmbed.ts).
      if (tag === 'iframe') found.push(where);
      if (tag === 'meta' && element.hasAttribute('http-equiv')) found.push(`${where} http-equiv`);
      if (tag === 'link' && !/^(stylesheet|canonical|alternate|icon)$/i.test(element.getAttribute('rel') ?? '')) found.push(`${where} rel=${element.getAttribute('rel')}`);
      if (tag === 'link' && /stylesheet/i.test(element.getAttribute('rel') ?? '') && /^(?:[a-z]+:)?\/\//i.test(element.getAttribute('href') ?? '')) found.push(`${where} remote stylesheet`);
      if (tag === 'style' && /@import|url\(\s*['"]?\s*(?:[a-z]+:|\/\/)/i.test(element.textContent ?? '')) found.push(`${where} loading from elsewhere`);
      for (const { name, value } of element.attributes) {
        const attribute = name.toLowerCase();
        if (attribute.startsWith('on') || attribute === 'srcdoc' || attribute === 'formaction') found.push(`${where} ${attribute}=`);
        // Declarative invokers: a click or a hover that shows, hides or drives another element (over the app, in the mirror).
        if (/^(?:popover|popovertarget|popovertargetaction|command|commandfor|interestfor)$/.test(attribute)) found.push(`${where} ${attribute}=`);
        if (attribute === 'style' && /url\(|expression\(|behavior|binding/i.test(value)) found.push(`${where} style="${value}"`);
        if (urlAttributes.has(attribute)) {
          const compact = value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
          const inlineImage = tag === 'img' && attribute === 'src' && /^data:image\/(?:png|gif|jpeg|webp|avif);/.test(compact);
          if (/^(?:javascript|vbscript|livescript|mocha|file):|^\\\\/.test(compact) || (compact.startsWith('data:') && !inlineImage)) found.push(`${where} ${attribute}="${value.slice(0, 60)}"`);
        }
      }
    }
  }
  return found;
}
