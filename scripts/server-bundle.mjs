/**
 * The server and command line as one ES module built by esbuild from src/ (npm packages stay external), in
 * dist/server/: Node loads it in about a second less than compiling some 150 TypeScript modules one by one
 * through tsx at every start. Rebuilt, in a fraction of a second, when a file under src/ (src/web aside) is newer
 * than the bundle.
 * The import's writer thread has an entry of its own next to it (a worker thread loads its code by file).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ENTRIES = { cli: 'src/cli.ts', 'writer-thread-main': 'src/server/registry/gisp/writer-thread-main.ts' };

/**
 * The newest modification time of the files under `dir`, leaving out the directories in `skip` (also what
 * src/server/web-build.ts judges the web app's build by).
 */
export function newestMtime(dir, skip = []) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!skip.includes(full)) newest = Math.max(newest, newestMtime(full, skip));
    } else newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

/**
 * The bundle's entry (a file URL), built first when missing or older than src/; null when it cannot be built.
 * `root`: the checkout (another one in the tests).
 */
export async function serverBundle(root = ROOT) {
  const out = path.join(root, 'dist', 'server');
  const entry = path.join(out, 'cli.mjs');
  // the server imports nothing from src/web (the web app, which ensureWebBuild builds)
  const sources = newestMtime(path.join(root, 'src'), [path.join(root, 'src', 'web')]);
  if (fs.existsSync(entry) && fs.statSync(entry).mtimeMs >= sources) return pathToFileURL(entry).href;
  try {
    const { build } = await import('esbuild');
    // built apart and moved in file by file (the entry last): another process may be starting from the bundle
    fs.mkdirSync(out, { recursive: true });
    const staging = fs.mkdtempSync(path.join(out, '.build-'));
    try {
      await build({
        entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([name, file]) => [name, path.join(root, file)])),
        outdir: staging,
        outExtension: { '.js': '.mjs' },
        bundle: true,
        platform: 'node',
        format: 'esm',
        target: 'node20',
        packages: 'external',
        sourcemap: 'linked',
        logLevel: 'silent',
      });
      // the name the writer thread is started by (src/server/registry/gisp/writer-thread-boot.mjs in src/)
      fs.writeFileSync(path.join(staging, 'writer-thread-boot.mjs'), "await import('./writer-thread-main.mjs');\n");
      const files = fs.readdirSync(staging).sort((a, b) => (a === 'cli.mjs') - (b === 'cli.mjs'));
      for (const file of files) fs.renameSync(path.join(staging, file), path.join(out, file));
    } finally {
      fs.rmSync(staging, { recursive: true, force: true });
    }
    return pathToFileURL(entry).href;
  } catch (e) {
    console.warn(`reestr: could not build dist/server (${e.message}); running the TypeScript sources through tsx`);
    return null;
  }
}
