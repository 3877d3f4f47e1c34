// Run in a fresh process by the "list" benchmark: the first list after launch,
// with cold compiled code and a worker pool still to start; with a cache folder
// when one is given. Prints milliseconds.
import { Workspace } from '../../electron/workspace/workspace';

const [root, expected, cacheDir] = process.argv.slice(2);
const start = performance.now();
const ws = await Workspace.open(root!, {
  trash: async (p) => {
    throw new Error(`the benchmark must not trash anything, but was asked to trash ${p}`);
  },
  cacheDir,
});
const posts = await ws.list();
const ms = performance.now() - start;
await ws.close();
if (posts.length !== Number(expected)) throw new Error(`list() returned ${posts.length} posts, expected ${expected}`);
console.log(ms.toFixed(1));
