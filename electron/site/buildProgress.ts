// A build's progress: the posts read, then the pages written (post pages and
// the rest, which are written side by side). The total grows once the site
// model has said how many pages there are.
import type { SiteBuildProgress } from '../../common/site/types';

export class BuildProgress {
  #done = 0;
  #total = 0;

  constructor(private readonly report: ((progress: SiteBuildProgress) => void) | undefined) {}

  /** Adds steps that are now known to be ahead. */
  expect(steps: number): void {
    this.#total += steps;
  }

  advance(steps = 1): void {
    this.#done += steps;
    this.report?.({ done: this.#done, total: this.#total });
  }

  /** A render pool's running count as steps of advance(). */
  counter(): (count: number) => void {
    let seen = 0;
    return (count) => {
      this.advance(count - seen);
      seen = count;
    };
  }

  /** Reports the build complete. */
  finish(): void {
    this.report?.({ done: this.#total, total: this.#total });
  }
}
