/**
 * The ПП 719 import's writer thread: plans written on a connection of its own to the same SQLite file while the
 * import's thread plans the next ones (SQLite has one writer at a time anyway; the split is between building the
 * plans and writing them). Plans are sent part by part as they are made, so that they are garbage on the
 * planning side at once; at the page's commit the thread writes them in one transaction. Started by
 * `GispWriterThread.start`; the thread's side is `writer-thread-main.ts`.
 */
import type { KeyObject } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type { GispPlan } from './writer';

/** To the thread: a plan of the open page, the end of the page (commit), or the end of the import (stop: plans not committed are dropped). */
export type WriterMessage = { plan: GispPlan } | { commit: true } | { stop: true };
type Reply = { events: number } | { error: string };

export class GispWriterThread {
  private readonly waiting: { resolve: (events: number) => void; reject: (e: Error) => void }[] = [];
  private failure: Error | null = null;
  /** Settles when every page sent so far has been answered. */
  private answered: Promise<unknown> = Promise.resolve();
  private readonly exited: Promise<void>;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (reply: Reply) => {
      const next = this.waiting.shift();
      if ('error' in reply) next?.reject(new Error(reply.error));
      else next?.resolve(reply.events);
    });
    worker.on('error', (e) => this.fail(e));
    this.exited = new Promise((resolve) =>
      worker.on('exit', (code) => {
        this.fail(new Error(`the import's writer thread ended (exit code ${code})`));
        resolve();
      }),
    );
  }

  /** A thread with its own connection to `databaseFile`, signing checkpoints with `logKey`. */
  static start(databaseFile: string, logKey: KeyObject): Promise<GispWriterThread> {
    const worker = new Worker(new URL('./writer-thread-boot.mjs', import.meta.url), {
      workerData: { databaseFile, logKey },
      // the thread's heap bounded: otherwise it grows with garbage to some 300 MB before the old generation is
      // collected (a page of plans alive at a time is some tens of MB)
      resourceLimits: { maxYoungGenerationSizeMb: 48, maxOldGenerationSizeMb: 256 },
    });
    const thread = new GispWriterThread(worker);
    return new Promise((resolve, reject) => {
      worker.once('message', (ready: Reply) => ('error' in ready ? reject(new Error(ready.error)) : resolve(thread)));
      worker.once('error', reject);
    });
  }

  /** Adds a plan to the open page. */
  write(plan: GispPlan): void {
    if (!this.failure) this.post({ plan });
  }

  /** Ends the page: its plans are written in one transaction with a checkpoint; resolves with the events logged once committed. */
  commit(): Promise<number> {
    if (this.failure) return Promise.reject(this.failure);
    const committed = new Promise<number>((resolve, reject) => this.waiting.push({ resolve, reject }));
    this.post({ commit: true });
    this.answered = committed.catch(() => undefined);
    return committed;
  }

  private post(message: WriterMessage) {
    this.worker.postMessage(message);
  }

  /**
   * Waits for the pages committed so far to be written (or to fail), then ends the thread: plans of a page not
   * committed (planning failed) are dropped, and the thread closes its connection.
   */
  async close(): Promise<void> {
    await this.answered;
    this.post({ stop: true });
    await this.exited;
  }

  private fail(e: Error) {
    this.failure ??= e;
    for (const w of this.waiting.splice(0)) w.reject(this.failure);
  }
}
