// A post's excerpt for the index and feeds when it has no description: the
// text of its first paragraph, cut at a word near 240 characters.
const MAX = 240;
const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const n = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isInteger(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : whole;
    }
    return named[name.toLowerCase()] ?? whole;
  });
}

/** Plain text of the first <p> in rendered (already safe) HTML; "" when there is none. */
export function excerptOf(html: string): string {
  const match = /<p>([\s\S]*?)<\/p>/.exec(html);
  if (!match) return '';
  const text = decode(match[1]!.replace(/<[^>]*>/g, '')).replace(/\s+/g, ' ').trim();
  if (text.length <= MAX) return text;
  const cut = text.slice(0, MAX);
  const space = cut.lastIndexOf(' ');
  return `${(space > MAX / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
}
