/**
 * In-process cache of serialized GET /api/search answers on SQLite (SEARCH_CACHE_MB, least recently used out).
 * An answer is kept only while the database is the one it was computed on: the key holds a version made of
 * SQLite's `PRAGMA data_version` (moves when another connection or process commits) and this connection's
 * `total_changes()` (moves with every row this process writes), so any write empties the cache before the next
 * search reads it. Answers computed while a transaction was open, or while the version moved, are not kept.
 * PostgreSQL has no such cheap version, so it is not cached.
 */
import type SQLite from 'better-sqlite3';

export interface DatabaseVersion {
  /** Changes whenever the database may have changed. */
  current(): string;
  /** A transaction is open on the connection (its reads may hold uncommitted rows). */
  busy(): boolean;
}

export function sqliteVersion(handle: SQLite.Database): DatabaseVersion {
  const dataVersion = handle.prepare('PRAGMA data_version').pluck();
  const totalChanges = handle.prepare('SELECT total_changes()').pluck();
  return {
    current: () => `${dataVersion.get() as number}:${totalChanges.get() as number}`,
    busy: () => handle.inTransaction,
  };
}

export class SearchCache {
  private readonly entries = new Map<string, Buffer>();
  private bytes = 0;
  private version: string | null = null;
  /** Answers served from the cache (for tests and diagnostics). */
  hits = 0;

  constructor(
    private readonly maxBytes: number,
    private readonly db: DatabaseVersion,
  ) {}

  /** The answer for `key` and the version it must be stored under (null: do not store). */
  async answer(key: string, compute: () => Promise<unknown>): Promise<Buffer> {
    const before = this.check();
    const cached = before === null ? undefined : this.entries.get(key);
    if (cached) {
      // most recently used last
      this.entries.delete(key);
      this.entries.set(key, cached);
      this.hits++;
      return cached;
    }
    const body = Buffer.from(JSON.stringify(await compute()));
    if (before !== null && this.check() === before && body.length <= this.maxBytes / 8) this.store(key, body);
    return body;
  }

  /** The current version, after dropping every entry of an older one; null while a transaction is open. */
  private check(): string | null {
    if (this.db.busy()) return null;
    const now = this.db.current();
    if (now !== this.version) {
      this.entries.clear();
      this.bytes = 0;
      this.version = now;
    }
    return now;
  }

  private store(key: string, body: Buffer) {
    const size = body.length + key.length * 2;
    const old = this.entries.get(key);
    if (old) this.bytes -= old.length + key.length * 2;
    this.entries.set(key, body);
    this.bytes += size;
    for (const [k, v] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(k);
      this.bytes -= v.length + k.length * 2;
    }
  }
}
