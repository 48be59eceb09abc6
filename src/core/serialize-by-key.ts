/**
 * Runs tasks one at a time per key (two quick clicks in one conversation must not interleave their
 * read-modify-write of its state), while different keys run in parallel. A failed task does not stop
 * the ones queued behind it.
 */
export type SerializeByKey = <T>(key: string, task: () => Promise<T>) => Promise<T>;

export function createSerializeByKey(): SerializeByKey {
  const tails = new Map<string, Promise<unknown>>();
  return (key, task) => {
    const previous = tails.get(key) ?? Promise.resolve();
    const run = previous.then(task, task);
    const tail = run.catch(() => undefined);
    tails.set(key, tail);
    // Forget the key once its queue drains, so the map does not grow with every conversation ever seen.
    void tail.then(() => {
      if (tails.get(key) === tail) tails.delete(key);
    });
    return run;
  };
}
