/** The demo dataset shipped in the repository: reference analog pairs from public sources, unverified. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from '../db/client';
import { importCatalogue, readCatalogueCsv, type ImportReport } from '../catalogue-io/import';

/** The checkout's root: the nearest directory above this module with a package.json (from src/ and from the bundle). */
function checkoutRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

export const DEMO_DATASET = path.join(checkoutRoot(), 'demo', 'analogs-reference.csv');
export const DEMO_SOURCE_NOTE = 'demo dataset (demo/analogs-reference.csv), unverified';

export async function loadDemoDataset(db: Db, onProgress?: (n: number) => void): Promise<ImportReport> {
  const parsed = await readCatalogueCsv(DEMO_DATASET);
  return importCatalogue(db, parsed, { defaultSource: DEMO_SOURCE_NOTE, onProgress });
}
