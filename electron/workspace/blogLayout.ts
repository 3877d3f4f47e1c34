// The blog's layout (common/blog) read from the workspace folder: the config
// readers see the folder only through this, which reads real files inside the
// workspace (symlinks out are refused) and nothing bigger than a config file.
import fs from 'node:fs';
import path from 'node:path';
import { detectLayout } from '../../common/blog/detect';
import type { BlogFiles } from '../../common/blog/files';
import type { BlogLayout } from '../../common/blog/layout';
import { isWithin } from './paths';

/** A config or data file larger than this is not one. */
const CONFIG_LIMIT = 1024 * 1024;

export function readBlogLayout(root: string): BlogLayout {
  return detectLayout(workspaceFiles(root));
}

function workspaceFiles(root: string): BlogFiles {
  const inside = (relative: string): string | null => {
    const absolute = path.join(root, relative);
    try {
      const real = fs.realpathSync.native(absolute);
      return isWithin(root, real) ? real : null;
    } catch {
      return null;
    }
  };
  return {
    read(relative) {
      const real = inside(relative);
      if (!real) return null;
      try {
        const stats = fs.statSync(real);
        return stats.isFile() && stats.size <= CONFIG_LIMIT ? fs.readFileSync(real, 'utf8') : null;
      } catch {
        return null;
      }
    },
    list(relative) {
      const real = inside(relative);
      if (!real) return [];
      try {
        return fs
          .readdirSync(real, { withFileTypes: true })
          .map((entry) => (entry.isDirectory() ? `${entry.name}/` : entry.name))
          .sort();
      } catch {
        return [];
      }
    },
  };
}
