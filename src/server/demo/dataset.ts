/** The demo dataset shipped in the repository: reference analog pairs from public sources, unverified. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from '../db/client';
import { importCatalogue, readCatalogueCsv, type ImportReport } from '../catalogue-io/import';

export const DEMO_DATASET = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../demo/analogs-reference.csv');
export const DEMO_SOURCE_NOTE = 'demo dataset (demo/analogs-reference.csv), unverified';

export async function loadDemoDataset(db: Db, onProgress?: (n: number) => void): Promise<ImportReport> {
  const parsed = await readCatalogueCsv(DEMO_DATASET);
  return importCatalogue(db, parsed, { defaultSource: DEMO_SOURCE_NOTE, onProgress });
}
