// Front-matter keys as Hugo matches them: case-insensitively (`Draft: true`
// and `draft: true` are one field). Jekyll and Eleventy keys are case-sensitive,
// but blogs moved between generators carry Hugo's capitalised keys, and a
// `Draft: true` that went unnoticed would publish a draft.

/** The key as the front matter writes it: `name` itself when present, else the first key equal ignoring case. */
export function keyAsWritten(data: Record<string, unknown>, name: string): string | undefined {
  if (Object.hasOwn(data, name)) return name;
  const lower = name.toLowerCase();
  return Object.keys(data).find((key) => key.toLowerCase() === lower);
}

/** The value of a field, whatever the case of its key. */
export function fieldOf(data: Record<string, unknown>, name: string): unknown {
  const key = keyAsWritten(data, name);
  return key === undefined ? undefined : data[key];
}
