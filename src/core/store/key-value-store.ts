/**
 * The storage seam the core sees. A `Keyv` instance satisfies it structurally (memory, SQLite or Redis
 * behind it); the core never imports a backend.
 */
export interface KeyValueStore {
  get<T = unknown>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown, ttlMs?: number): Promise<unknown>;
  delete(key: string): Promise<boolean>;
}
