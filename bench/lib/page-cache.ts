/**
 * The operating system's page cache for the SQLite file. A search reads pages all over a 2 GB file; whether they
 * come from memory or from the disk decides its latency more than anything reestr does, and this machine's cache
 * held between 44 % and 98 % of the file at the start of runs, with most of the memory free. The benchmark
 * reports how much was cached when it began, reads the file once (as a server that has been answering for a while,
 * on a machine with room for its data, has it cached), and reports the share again at the end.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

/** Share of the file in the page cache (util-linux fincore), or null where it cannot be read. */
export function residentShare(file: string): number | null {
  try {
    const out = execFileSync('fincore', ['--bytes', '--noheadings', '--output', 'RES,SIZE', file], { encoding: 'utf8' }).trim();
    const [resident, size] = out.split(/\s+/).map(Number);
    return size > 0 ? resident / size : null;
  } catch {
    return null;
  }
}

/** Reads the whole file once (into the page cache); returns the seconds it took. */
export async function readThrough(file: string): Promise<number> {
  const started = performance.now();
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 4 * 1024 * 1024 })) void chunk;
  return Math.round(performance.now() - started) / 1000;
}
