/**
 * Recomputes the stored search columns from what was typed. Runs on start for rows that have none yet
 * (after the search migration) and for every row when the matching rules change (SEARCH_KEYS_VERSION).
 */
import type { Db } from '../db/client';
import { designations } from '../../domain/product-type';
import { designationColumns, foreignPartColumns, stemsColumn } from './columns';

/** Raise when the key or stemming rules in src/domain change, so that stored keys are recomputed. */
export const SEARCH_KEYS_VERSION = '2';
const BATCH = 1000;

export async function reindexSearch(db: Db, options: { all?: boolean; onProgress?: (n: number) => void } = {}) {
  const k = db.kysely;
  let productTypes = 0;
  let foreignParts = 0;
  for (let after = 0; ;) {
    let q = k
      .selectFrom('product_types')
      .select(['id', 'designation', 'designation_latin', 'function_ru', 'function_en', 'description'])
      .where('id', '>', after);
    if (!options.all) q = q.where('search_stems', 'is', null);
    const rows = await q.orderBy('id').limit(BATCH).execute();
    if (!rows.length) break;
    await k.transaction().execute(async (tx) => {
      for (const r of rows) {
        const { designation: _d, designation_latin: _l, ...keys } = designationColumns(designations(r.designation, r.designation_latin));
        await tx
          .updateTable('product_types')
          .set({ ...keys, search_stems: stemsColumn({ functionRu: r.function_ru, functionEn: r.function_en, description: r.description }) })
          .where('id', '=', r.id)
          .execute();
      }
    });
    productTypes += rows.length;
    after = rows[rows.length - 1].id;
    options.onProgress?.(productTypes);
  }
  for (let after = 0; ;) {
    let q = k.selectFrom('foreign_parts').select(['id', 'part_number']).where('id', '>', after);
    if (!options.all) q = q.where('base_key', 'is', null);
    const rows = await q.orderBy('id').limit(BATCH).execute();
    if (!rows.length) break;
    await k.transaction().execute(async (tx) => {
      for (const r of rows) {
        const { part_number_key, base_key, family_key } = foreignPartColumns(r.part_number, null);
        await tx.updateTable('foreign_parts').set({ part_number_key, base_key, family_key }).where('id', '=', r.id).execute();
      }
    });
    foreignParts += rows.length;
    after = rows[rows.length - 1].id;
  }
  return { productTypes, foreignParts };
}
