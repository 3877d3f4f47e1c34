// Rewrites a post's relative links into its assets folder when the folder is
// renamed: `![](hello.assets/a.png)` → `![](new-name.assets/a.png)`.
//
// Only links that start with the folder name (optionally `./`) are touched,
// in Markdown links and images, reference definitions, HTML attributes and
// front-matter values (cover images). Links elsewhere, including ones that
// merely contain the name further along a path, are left alone.

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function rewriteAssetLinks(text: string, oldFolder: string, newFolder: string): string {
  if (oldFolder === newFolder) return text;
  const forms = new Map([[oldFolder, newFolder]]);
  const encodedOld = encodeURI(oldFolder);
  if (encodedOld !== oldFolder) forms.set(encodedOld, encodeURI(newFolder));
  let result = text;
  for (const [from, to] of forms) {
    // What may come right before a link: start of line, whitespace, ( < [ " ' = or ": " in YAML.
    const pattern = new RegExp(`(^|[\\s(<\\["'=])(\\./)?${escape(from)}/`, 'gm');
    result = result.replace(pattern, (_m, before: string, dot: string | undefined) => `${before}${dot ?? ''}${to}/`);
  }
  return result;
}
