// Compares two post bodies as DOM trees: element by element, attribute by
// attribute, text by text. The preview and the export resolve a post's local
// links differently by design (the workspace asset route, the site's paths),
// so a src or href that the preview left relative may differ, and a local
// image may gain the export's size and responsive sources (the build resizes
// it); nothing else may.
import { JSDOM } from 'jsdom';
import { isRelativeUrl } from '../../common/markdown/urls';

const { document } = new JSDOM('').window;

function fragmentOf(html: string): DocumentFragment {
  const template = document.createElement('template');
  template.innerHTML = html;
  return template.content;
}

/** The first difference between the preview's body and the export's, as a readable line; null when they are the same. */
export function bodyDifference(preview: string, exported: string): string | null {
  return differenceIn(fragmentOf(preview), fragmentOf(exported), 'body');
}

function differenceIn(a: Node, b: Node, where: string): string | null {
  if (a.nodeType !== b.nodeType || a.nodeName !== b.nodeName) return `${where}: preview has ${describe(a)}, export has ${describe(b)}`;
  if (a.nodeType === a.TEXT_NODE || a.nodeType === a.COMMENT_NODE) {
    return a.nodeValue === b.nodeValue ? null : `${where}: text ${JSON.stringify(a.nodeValue)} ≠ ${JSON.stringify(b.nodeValue)}`;
  }
  if (a instanceof document.defaultView!.Element && b instanceof document.defaultView!.Element) {
    const here = `${where} > ${a.localName}`;
    const localImage = a.localName === 'img' && isRelativeUrl(a.getAttribute('src') ?? '');
    const resized = new Set(localImage ? ['width', 'height', 'srcset', 'sizes'] : []);
    const names = (e: Element) => e.getAttributeNames().filter((name) => e === a || !resized.has(name) || a.hasAttribute(name)).sort().join(' ');
    if (names(a) !== names(b)) return `${here}: attributes [${names(a)}] ≠ [${names(b)}]`;
    for (const name of a.getAttributeNames()) {
      const [va, vb] = [a.getAttribute(name)!, b.getAttribute(name)!];
      const resolvedLocally = (name === 'src' || name === 'href') && isRelativeUrl(va);
      if (va !== vb && !resolvedLocally) return `${here}: ${name}=${JSON.stringify(va)} ≠ ${JSON.stringify(vb)}`;
    }
  }
  const [ca, cb] = [[...a.childNodes], [...b.childNodes]];
  if (ca.length !== cb.length) return `${where} > ${a.nodeName.toLowerCase()}: ${ca.length} children ≠ ${cb.length}`;
  for (let i = 0; i < ca.length; i++) {
    const found = differenceIn(ca[i]!, cb[i]!, `${where} > ${a.nodeName.toLowerCase()}[${i}]`);
    if (found) return found;
  }
  return null;
}

function describe(node: Node): string {
  return node.nodeType === node.ELEMENT_NODE ? `<${node.nodeName.toLowerCase()}>` : `${node.nodeName} ${JSON.stringify(node.nodeValue?.slice(0, 40))}`;
}
