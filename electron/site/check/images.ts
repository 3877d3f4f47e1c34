// Images: a relative path must name a file inside the workspace (the export
// copies it from there), and every image needs alt text for readers who cannot
// see it. The file is only looked up, never read.
import { posix } from 'node:path';
import type { CheckProblem } from '../../../common/check';
import { localHref } from './hrefs';
import type { ExaminedPost, PlacedReference } from './examine';
import { problem } from './problem';
import type { SiteIndex } from './siteIndex';

export async function checkImage(from: ExaminedPost, image: PlacedReference, site: SiteIndex): Promise<CheckProblem[]> {
  const at = image.at;
  const problems: CheckProblem[] = [];
  const error = (message: string) => problems.push(problem(from, at, 'error', 'image', message));
  const href = localHref(image.href);
  if (image.href.trim() === '') {
    error('Image has no path. Put the image file\'s path between the parentheses, e.g. ![A chart](hello.assets/chart.png).');
  } else if (href === 'malformed') {
    error(`Image "${image.href}" has a "%" that is not a valid escape. Write a literal % as %25.`);
  } else if (href !== null && href.path !== '') {
    const relative = href.path.startsWith('/') ? href.path.slice(1) : posix.join(posix.dirname(from.post.path), href.path);
    const climbsOut = relative === '..' || relative.startsWith('../');
    let kind = climbsOut ? 'outside' : await site.fileAt(relative);
    // A site path may name a file published from elsewhere: Hugo's `static/images/x.png` is `/images/x.png`.
    if (kind === 'missing' && href.path.startsWith('/') && (await site.publishesFrom(href.path))) kind = 'file';
    if (kind === 'outside') {
      error(`Image "${image.href}" is outside the workspace, so it cannot be published. Move it into the workspace (e.g. beside the post) and link it from there.`);
    } else if (kind === 'missing') {
      error(`Missing image "${image.href}": there is no ${relative} in the workspace. Fix the path or add the file.`);
    } else if (kind === 'folder') {
      error(`Image "${image.href}" is a folder, not an image file. Link the image file inside it.`);
    }
  }
  if (image.text.trim() === '') {
    problems.push(
      problem(
        from,
        at,
        'warning',
        'alt-text',
        `Image "${image.href}" has no alt text. Say what it shows between the brackets, ![like this](${image.href}), for readers who cannot see it.`,
      ),
    );
  }
  return problems;
}
