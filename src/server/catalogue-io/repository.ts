/** SQL for bulk catalogue import and export. */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/types';

export type Tx = Transaction<Database> | Kysely<Database>;

export class CatalogueIoRepository {
  constructor(readonly db: Kysely<Database>) {}

  async productKeys(tx: Tx) {
    const rows = await tx.selectFrom('product_types').select(['id', 'organization_id', 'designation']).execute();
    return new Map(rows.map((r) => [`${r.organization_id ?? 0}|${r.designation}`, r.id]));
  }

  async foreignKeys(tx: Tx) {
    const rows = await tx.selectFrom('foreign_parts').select(['id', 'part_number', 'manufacturer_key']).execute();
    return new Map(rows.map((r) => [`${r.part_number}|${r.manufacturer_key}`, r.id]));
  }

  async linkKeys(tx: Tx) {
    const rows = await tx.selectFrom('analog_links').select(['product_type_id', 'foreign_part_id']).execute();
    return new Set(rows.map((r) => `${r.product_type_id}|${r.foreign_part_id}`));
  }

  async organizationKeys(tx: Tx) {
    const rows = await tx.selectFrom('organizations').select(['id', 'name', 'country']).execute();
    return new Map(rows.map((r) => [`${r.name}|${r.country}`, r.id]));
  }

  /** Rows of the exchange layout, a page at a time in id order: one per analog link, or one per lone product. */
  async *exportPages(pageSize = 2000) {
    let after = { product: 0, link: 0 };
    for (;;) {
      const rows = await this.db
        .selectFrom('product_types as p')
        .leftJoin('analog_links as a', 'a.product_type_id', 'p.id')
        .leftJoin('foreign_parts as f', 'f.id', 'a.foreign_part_id')
        .leftJoin('categories as c', 'c.id', 'p.category_id')
        .leftJoin('organizations as o', 'o.id', 'p.organization_id')
        .select([
          'p.id as product_id',
          'a.id as link_id',
          'p.designation',
          'p.designation_latin',
          'c.code as category',
          'p.function_ru',
          'p.function_en',
          'p.function_derived',
          'p.packages',
          'p.quality_level',
          'p.status',
          'p.standards',
          'p.okpd2',
          'p.tnved',
          'o.name as maker',
          'o.country as maker_country',
          'f.part_number as foreign_part',
          'f.manufacturer as foreign_manufacturer',
          'a.type as analog_type',
          'a.verified',
          'a.source as link_source',
          'p.source as product_source',
        ])
        .where((eb) =>
          eb.or([eb('p.id', '>', after.product), eb.and([eb('p.id', '=', after.product), eb(eb.fn.coalesce('a.id', eb.val(0)), '>', after.link)])]),
        )
        .orderBy('p.id')
        .orderBy((eb) => eb.fn.coalesce('a.id', eb.val(0)))
        .limit(pageSize)
        .execute();
      if (!rows.length) return;
      yield rows;
      const last = rows[rows.length - 1];
      after = { product: last.product_id, link: last.link_id ?? 0 };
    }
  }
}
