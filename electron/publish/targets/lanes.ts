// Work on many items with a few in flight at once: remote hosts answer each
// request after a round trip, so one at a time wastes most of a publish
// waiting. After a failure no new item starts; the first failure is rethrown
// once the ones in flight have settled (so none outlives the call).
export async function inLanes<T>(items: Iterable<T>, lanes: number, work: (item: T) => Promise<void>): Promise<void> {
  const queue = items[Symbol.iterator]();
  let failure: { error: unknown } | undefined;
  const lane = async () => {
    for (let next = queue.next(); !next.done && !failure; next = queue.next()) {
      try {
        await work(next.value);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: lanes }, lane));
  if (failure) throw failure.error;
}
