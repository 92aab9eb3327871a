/** Builds the web app with Vite when the build is missing or older than its sources. */
import fs from 'node:fs';
import path from 'node:path';
import { newestMtime } from '../../scripts/server-bundle.mjs';

export async function ensureWebBuild(webRoot: string): Promise<void> {
  const sources = path.resolve('src', 'web');
  if (!fs.existsSync(sources)) return;
  const index = path.join(webRoot, 'index.html');
  if (fs.existsSync(index) && fs.statSync(index).mtimeMs >= newestMtime(sources)) return;
  console.log('Building the web app (once after each change of src/web)…');
  const { build } = await import('vite');
  await build({ configFile: path.resolve('vite.config.ts'), logLevel: 'warn', build: { outDir: webRoot } });
}
