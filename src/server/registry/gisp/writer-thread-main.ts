/**
 * The writer thread's side (see `writer-thread.ts`): a connection of its own to the SQLite file, the log with
 * the same signing key, and one transaction per page of plans received, answered in order.
 */
import type { KeyObject } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase, sqliteHandle } from '../../db/client';
import { RegistryLogRepository } from '../log/repository';
import { RegistryLog } from '../log/service';
import { logKeyFromKeyObject } from '../log/signing';
import { GispRepository } from './repository';
import { writePage, type GispPlan } from './writer';
import type { WriterMessage } from './writer-thread';

const port = parentPort!;
const { databaseFile, logKey } = workerData as { databaseFile: string; logKey: KeyObject };
const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

try {
  const db = openDatabase(`sqlite:${databaseFile}`);
  // as the import's own connection has while it writes (GispRepository.withConnection)
  sqliteHandle(db.kysely)!.pragma('cache_size = -131072');
  const repo = new GispRepository(db.kysely, 'sqlite');
  const log = new RegistryLog(new RegistryLogRepository(db.kysely, 'sqlite'), () => logKeyFromKeyObject(logKey));
  // a page's plans are kept until its commit and written then, so that the write lock is held only while
  // writing (other writers of the database wait for it), not while the next plans are made
  let page: GispPlan[] = [];
  let pages = Promise.resolve();
  let ended = false;
  const end = async () => {
    if (ended) return;
    ended = true;
    await db.close();
    port.close();
  };
  const commitPage = async (plans: GispPlan[]) => {
    if (ended) return;
    try {
      const events = await db.kysely.transaction().execute((trx) => writePage(trx, repo, log, plans));
      port.postMessage({ events });
    } catch (e) {
      // the import stops at its first failure: the thread ends (pages sent after it fail with it)
      port.postMessage({ error: message(e) });
      await end();
    }
  };
  port.on('message', (m: WriterMessage) => {
    if ('plan' in m) page.push(m.plan);
    else if ('commit' in m) {
      const plans = page;
      page = [];
      pages = pages.then(() => commitPage(plans));
    } else pages = pages.then(end);
  });
  port.postMessage({ events: 0 }); // ready
} catch (e) {
  port.postMessage({ error: `the import's writer thread cannot open ${databaseFile}: ${message(e)}` });
}
