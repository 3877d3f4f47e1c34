// Class 3 of issue 12: a workspace whose symbolic links lead into the places
// Postwright never publishes. git cannot carry symlinks portably (Windows
// checks them out as text files), so these fixtures are made by the test at
// run time, in a fresh folder, from the list below. Each secret file holds a
// marker; a built site, an export or a host that contains one leaked it.
import { mkdir, symlink } from 'node:fs/promises';
import path from 'node:path';
import { post, writeTree } from './tmp';

/** Present in every file a link tries to leak, and in no file a build should write. */
export const LEAK_MARKER = 'POSTWRIGHT-LEAKED-SECRET';

const PNG_HEADER = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

export interface HostileLink {
  /** The link's workspace-relative path. */
  readonly link: string;
  /** What the link holds, relative to its own folder, as `ln -s` would be given it. */
  readonly to: string;
  /** Where it really leads, workspace-relative (after every hop). */
  readonly target: string;
  readonly attacks: string;
}

/** Into skipped places: each must be refused by the build and be an error in `check`. */
export const hostileLinks: readonly HostileLink[] = [
  { link: 'posts/git-config.md', to: '../.git/config', target: '.git/config', attacks: 'a post that is the repository config, with a token in its remote URL' },
  { link: 'posts/env.assets/photo.png', to: '../../.env', target: '.env', attacks: 'an image that is the root .env (the name says .png, the bytes are secrets)' },
  { link: 'posts/vendor', to: '../node_modules/theme-kit', target: 'node_modules/theme-kit', attacks: 'a folder link into node_modules, whose files posts then link as images' },
  { link: 'posts/chain.md', to: '../notes/hop.md', target: '.env.production', attacks: 'a chain: a post linked to a link in a plain folder, which leads to .env.production' },
  { link: 'posts/built.assets/old.png', to: '../../_site/private/old.png', target: '_site/private/old.png', attacks: 'an image from the output folder, which holds what an earlier build wrote' },
  { link: 'theme/partials/footer.html', to: '../../.git/config', target: '.git/config', attacks: 'a theme partial that pastes the repository config into every page' },
  { link: 'theme/custom.css', to: '../.env', target: '.env', attacks: 'the custom stylesheet, copied to the site as it is' },
];

/** Inside the workspace and not skipped: followed by the build, and a warning in `check`. */
export const innocentLink: HostileLink = { link: 'posts/alias.md', to: '../notes/real.md', target: 'notes/real.md', attacks: 'none: a post kept elsewhere in the blog' };

/** Adds to `root` every link above, the secrets they aim at, and posts that use the linked images. */
export async function writeHostileLinks(root: string): Promise<void> {
  const secret = (what: string) => `${what} ${LEAK_MARKER}\n`;
  await writeTree(root, {
    '.git/config': `[remote "origin"]\n\turl = https://x-access-token:ghp_${LEAK_MARKER}@github.com/me/blog.git\n`,
    '.env': secret('AWS_SECRET_ACCESS_KEY='),
    '.env.production': secret('DATABASE_URL='),
    'node_modules/theme-kit/logo.png': Buffer.concat([PNG_HEADER, Buffer.from(secret('npm token'))]),
    '_site/private/old.png': Buffer.concat([PNG_HEADER, Buffer.from(secret('an old build'))]),
    'notes/real.md': post({ title: 'Kept in notes', date: '2024-02-01' }, 'An innocent linked post.'),
    'posts/a.md': post(
      { title: 'Uses linked images', date: '2024-01-01' },
      '![photo](env.assets/photo.png) ![logo](vendor/logo.png) ![old](built.assets/old.png) ![logo again](/posts/vendor/logo.png)',
    ),
  });
  await mkdir(path.join(root, 'theme/partials'), { recursive: true });
  await mkdir(path.join(root, 'posts/env.assets'), { recursive: true });
  await mkdir(path.join(root, 'posts/built.assets'), { recursive: true });
  // The chain's middle hop: an ordinary-looking file in a plain folder.
  await symlink('../.env.production', path.join(root, 'notes/hop.md'));
  for (const { link, to } of [...hostileLinks, innocentLink]) await symlink(to, path.join(root, link));
}
