/** Background WAL checkpoints on a real SQLite file: the worker's connection copies the log into the database. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { backgroundCheckpoints } from './checkpointer';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function walDatabase(): { db: SQLite.Database; file: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reestr-checkpoints-'));
  dirs.push(dir);
  const file = path.join(dir, 'db.sqlite');
  const db = new SQLite(file);
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, text TEXT NOT NULL)');
  return { db, file };
}

const writeMegabytes = (db: SQLite.Database, megabytes: number) => {
  const insert = db.prepare('INSERT INTO t (text) VALUES (?)');
  for (let i = 0; i < megabytes; i++)
    db.transaction(() => {
      for (let j = 0; j < 256; j++) insert.run('x'.repeat(4000));
    })();
};

async function until(condition: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (!condition() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
  return condition();
}

describe('background checkpoints', () => {
  it('copy committed pages into the database file while the connection itself does not, and restore its own afterwards', async () => {
    const { db, file } = walDatabase();
    const stop = backgroundCheckpoints(db, 20);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    const before = fs.statSync(file).size;
    writeMegabytes(db, 8);
    // the connection checkpoints nothing now: only the worker can have grown the database file
    expect(await until(() => fs.statSync(file).size > before + 4_000_000, 5000)).toBe(true);
    await stop();
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    expect((db.prepare('SELECT count(*) AS n FROM t').get() as { n: number }).n).toBe(8 * 256);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });

  it('keep a setting of wal_autocheckpoint other than the default', async () => {
    const { db } = walDatabase();
    db.pragma('wal_autocheckpoint = 250');
    const stop = backgroundCheckpoints(db);
    await stop();
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(250);
    db.close();
  });

  it('leave an in-memory database alone', async () => {
    const db = new SQLite(':memory:');
    const stop = backgroundCheckpoints(db);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    await stop();
    db.close();
  });
});
