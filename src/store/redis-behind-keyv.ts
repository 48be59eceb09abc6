/**
 * The Redis client and key naming behind a keyv store, for the few operations keyv cannot express
 * (set-if-absent, compare-and-delete); undefined when the store is not Redis.
 */
import KeyvRedis from '@keyv/redis';
import type Keyv from 'keyv';

export interface RedisBehindKeyv {
  client: KeyvRedis<unknown>['getClient'];
  /** The Redis key keyv itself uses for `key` (its namespace prefix included). */
  keyFor(key: string): string;
}

export function redisBehindKeyv(keyv: Keyv): RedisBehindKeyv | undefined {
  const adapter: unknown = keyv.store;
  if (!(adapter instanceof KeyvRedis)) return undefined;
  return {
    client: () => adapter.getClient(),
    keyFor: (key) => adapter.createKeyPrefix(key, adapter.namespace),
  };
}
