/** The bundle bin/reestr.js runs: built when missing, rebuilt after an edit under src/, reused otherwise. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { serverBundle } from './server-bundle.mjs';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) fs.rmSync(root, { recursive: true, force: true });
});

/** A checkout of two entries: a command line that prints a greeting from another module, and a writer thread. */
function checkout(greeting: string) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'reestr-bundle-'));
  roots.push(root);
  const write = (file: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  };
  write('package.json', '{"type":"module"}');
  write('src/greeting.ts', `export const greeting: string = ${JSON.stringify(greeting)};`);
  write('src/cli.ts', `import { greeting } from './greeting';\nconsole.log(greeting);`);
  write('src/server/registry/gisp/writer-thread-main.ts', `import { parentPort } from 'node:worker_threads';\nparentPort?.postMessage('ready');`);
  return root;
}
const run = (entry: string) => execFileSync(process.execPath, [fileURLToPath(entry)], { encoding: 'utf8' }).trim();
const later = (file: string) => {
  const t = new Date(Date.now() + 5_000);
  fs.utimesSync(file, t, t);
};

describe('server bundle', () => {
  it('is built when missing, with both entries and the name the writer thread is started by', async () => {
    const root = checkout('привет');
    const entry = await serverBundle(root);
    expect(entry).not.toBeNull();
    expect(run(entry!)).toBe('привет');
    expect(fs.readdirSync(path.join(root, 'dist', 'server')).sort()).toEqual([
      'cli.mjs',
      'cli.mjs.map',
      'writer-thread-boot.mjs',
      'writer-thread-main.mjs',
      'writer-thread-main.mjs.map',
    ]);
    const worker = new Worker(path.join(root, 'dist', 'server', 'writer-thread-boot.mjs'));
    expect(await new Promise((resolve) => worker.once('message', resolve))).toBe('ready');
    await worker.terminate();
  });

  it('is rebuilt when a source file is newer, and reused when none is', async () => {
    const root = checkout('first');
    const entry = (await serverBundle(root))!;
    const built = fs.statSync(fileURLToPath(entry)).mtimeMs;
    await serverBundle(root);
    expect(fs.statSync(fileURLToPath(entry)).mtimeMs).toBe(built);

    // the web app is not part of the server: an edit there leaves the bundle as it is
    fs.mkdirSync(path.join(root, 'src/web'));
    fs.writeFileSync(path.join(root, 'src/web/main.tsx'), 'export {};');
    later(path.join(root, 'src/web/main.tsx'));
    await serverBundle(root);
    expect(fs.statSync(fileURLToPath(entry)).mtimeMs).toBe(built);

    fs.writeFileSync(path.join(root, 'src/greeting.ts'), `export const greeting: string = 'second';`);
    later(path.join(root, 'src/greeting.ts'));
    expect(await serverBundle(root)).toBe(entry);
    expect(run(entry)).toBe('second');
  });

  it('is not made of sources that do not compile: the caller falls back to tsx', async () => {
    const root = checkout('x');
    fs.writeFileSync(path.join(root, 'src/greeting.ts'), 'export const = ;');
    expect(await serverBundle(root)).toBeNull();
    // nothing half-built is left behind
    expect(fs.readdirSync(path.join(root, 'dist', 'server'))).toEqual([]);
  });
});
