/**
 * WAL checkpoints of a SQLite file on a second thread, for long jobs that write a lot (the ПП 719 import). Without
 * it the writing connection copies the write-ahead log back into the database file itself, at a commit every few
 * megabytes, and the import waits for that I/O; with it, a worker thread with a connection of its own copies what
 * has been committed (PASSIVE checkpoints: never waiting for readers or the writer) while the job goes on, so the
 * second core does the copying. Nothing changes in what is written or when it is durable.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type SQLite from 'better-sqlite3';

const BETTER_SQLITE3 = createRequire(import.meta.url).resolve('better-sqlite3');

// the worker's whole program: CommonJS, so that it needs no TypeScript loader
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const db = require(workerData.library)(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 0');
const timer = setInterval(() => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch {}
}, workerData.intervalMs);
parentPort.on('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});`;

/**
 * Starts checkpointing `sqlite`'s file on a worker thread and turns off the connection's own automatic
 * checkpoints; the returned function stops the worker and restores them. Does nothing for an in-memory
 * database or one not in WAL mode. Should the worker fail, the connection's own checkpoints are restored at once.
 */
export function backgroundCheckpoints(sqlite: SQLite.Database, intervalMs = 100): () => Promise<void> {
  if (sqlite.memory || String(sqlite.pragma('journal_mode', { simple: true })).toLowerCase() !== 'wal') return async () => {};
  const automatic = Number(sqlite.pragma('wal_autocheckpoint', { simple: true }));
  const restore = () => sqlite.open && sqlite.pragma(`wal_autocheckpoint = ${automatic}`);
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { library: BETTER_SQLITE3, file: sqlite.name, intervalMs } });
  worker.unref();
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  worker.once('error', (error) => {
    console.warn(`sqlite: background checkpoints stopped (${error.message}); the connection checkpoints itself again`);
    restore();
  });
  sqlite.pragma('wal_autocheckpoint = 0');
  return async () => {
    worker.ref(); // held until it has closed its connection
    worker.postMessage('stop');
    await exited;
    restore();
  };
}
