// A hugo.toml with a main menu in `[[menus.main]]` entries, as Hugo's menu docs
// write them: a page by pageRef, an outside link by url, each with a weight.
export const hugoMenuConfig = [
  "baseURL = 'https://example.org/'",
  "title = 'Menus'",
  '[[menus.main]]',
  "  name = 'Home'",
  "  pageRef = '/'",
  '  weight = 10',
  '[[menus.main]]',
  "  name = 'Source'",
  "  url = 'https://git.example.org/me'",
  '  weight = 40',
  '[[menus.main]]',
  "  name = 'Contact'",
  "  pageRef = '/contact'",
  '  weight = 30',
].join('\n');
