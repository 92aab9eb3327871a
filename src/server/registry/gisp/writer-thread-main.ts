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
import { writePlan } from './writer';
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
  const received: WriterMessage[] = [];
  let arrived: (() => void) | null = null;
  port.on('message', (m: WriterMessage) => {
    received.push(m);
    arrived?.();
  });
  const next = async (): Promise<WriterMessage> => {
    while (!received.length) await new Promise<void>((resolve) => (arrived = resolve));
    return received.shift()!;
  };
  class Stopped extends Error {}
  void (async () => {
    // one page after the other, until the import stops (or fails: then it stops too)
    for (let first = await next(); !('stop' in first); first = await next()) {
      try {
        const events = await db.kysely.transaction().execute(async (trx) => {
          let logged = 0;
          for (let m: WriterMessage = first; !('commit' in m); m = await next()) {
            if ('stop' in m) throw new Stopped();
            logged += await writePlan(trx, repo, log, m.plan);
          }
          if (logged) await log.checkpoint(trx);
          return logged;
        });
        port.postMessage({ events });
      } catch (e) {
        if (!(e instanceof Stopped)) port.postMessage({ error: message(e) });
        break;
      }
    }
    await db.close();
    port.close();
  })();
  port.postMessage({ events: 0 });
} catch (e) {
  port.postMessage({ error: `the import's writer thread cannot open ${databaseFile}: ${message(e)}` });
}
