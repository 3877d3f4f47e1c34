// The registry of benchmarks `npm run bench` knows, in the order they run.
// To add one: write `test/bench/<name>.bench.ts` exporting a `Benchmark`
// (see harness.ts) and list it here.
import type { Benchmark } from './harness';
import { blogsBenchmark } from './blogs.bench';
import { checkBenchmark } from './check.bench';
import { checkEditBenchmark } from './checkEdit.bench';
import { editorBenchmark } from './focusMode.bench';
import { frontMatterBenchmark } from './frontMatter.bench';
import { hostileBenchmark } from './hostile.bench';
import { imagesBenchmark } from './images.bench';
import { lighthouseBenchmark } from './lighthouse.bench';
import { listBenchmark } from './list.bench';
import { previewBenchmark } from './preview.bench';
import { publishBenchmark } from './publish.bench';
import { publishEditBenchmark } from './publishEdit.bench';
import { rebuildBenchmark } from './rebuild.bench';
import { searchBenchmark } from './search.bench';
import { recoveryBenchmark } from './recovery.bench';
import { siteBenchmark } from './site.bench';

export const benchmarks: readonly Benchmark[] = [
  listBenchmark, siteBenchmark, checkBenchmark, frontMatterBenchmark, editorBenchmark, previewBenchmark, publishBenchmark, recoveryBenchmark, hostileBenchmark,
  checkEditBenchmark, rebuildBenchmark, publishEditBenchmark, imagesBenchmark, lighthouseBenchmark, blogsBenchmark, searchBenchmark,
];
