// Typographer's quotes for titles written with straight ones, the way
// SmartyPants curls them: an opening quote after a space, an opening bracket
// or a dash (or at the start), a closing one anywhere else, and an apostrophe
// for a single quote inside a word or before a decade ('90s).
const opensAfter = /[\s([{\u2014\u2013-]/;

export function smartQuotes(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c !== '"' && c !== "'") {
      out += c;
      continue;
    }
    const before = i === 0 ? ' ' : text[i - 1]!;
    const opening = opensAfter.test(before);
    if (c === '"') out += opening ? '\u201c' : '\u201d';
    else if (opening && /^\d\ds\b/.test(text.slice(i + 1))) out += '\u2019';
    else out += opening ? '\u2018' : '\u2019';
  }
  return out;
}
