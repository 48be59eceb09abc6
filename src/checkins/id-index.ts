/**
 * A set of ids (every check-in, every team with history). On one machine it is one keyv record updated
 * under an in-process lock; across replicas `createRedisIndex` (redis-connection.ts) is used instead.
 */
import type { KeyValueStore } from '../core/store/key-value-store.js';

export interface IdIndex {
  add(id: string): Promise<void>;
  remove(id: string): Promise<void>;
  list(): Promise<string[]>;
}

/** One keyv record holding the ids; writes are serialised within this process. */
export function createKeyvIndex(store: KeyValueStore, key: string): IdIndex {
  let queue: Promise<unknown> = Promise.resolve();
  const locked = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };
  const read = async () => {
    const raw = await store.get<unknown>(key);
    return Array.isArray(raw) ? raw.filter((v): v is string => typeof v === 'string') : [];
  };
  return {
    add: (id) =>
      locked(async () => {
        const ids = await read();
        if (!ids.includes(id)) await store.set(key, [...ids, id]);
      }),
    remove: (id) =>
      locked(async () => {
        const ids = await read();
        if (ids.includes(id))
          await store.set(
            key,
            ids.filter((v) => v !== id),
          );
      }),
    list: () => locked(read),
  };
}
