/** SQL for the category tree. */
import type { Kysely } from 'kysely';
import type { Database } from '../db/types';
import type { CategoryDef } from '../../domain/categories';

export interface CategoryView {
  id: number;
  code: string;
  parentId: number | null;
  nameRu: string;
  nameBe: string;
  nameEn: string;
  productCount: number;
}

export class CategoriesRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async list(): Promise<CategoryView[]> {
    const rows = await this.db
      .selectFrom('categories as c')
      .select(['c.id', 'c.code', 'c.parent_id', 'c.name_ru', 'c.name_be', 'c.name_en'])
      .select((eb) => eb.selectFrom('product_types as p').whereRef('p.category_id', '=', 'c.id').select(eb.fn.countAll<number>().as('n')).as('product_count'))
      .orderBy('c.id')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      code: r.code,
      parentId: r.parent_id,
      nameRu: r.name_ru,
      nameBe: r.name_be,
      nameEn: r.name_en,
      productCount: Number(r.product_count),
    }));
  }

  findByCode(code: string) {
    return this.db.selectFrom('categories').selectAll().where('code', '=', code).executeTakeFirst();
  }

  /** Ids of a category and all its descendants, for filtering by a branch of the tree. */
  async subtreeIds(code: string): Promise<number[]> {
    const all = await this.db.selectFrom('categories').select(['id', 'code', 'parent_id']).execute();
    const root = all.find((c) => c.code === code);
    if (!root) return [];
    const ids = [root.id];
    for (let i = 0; i < ids.length; i++) for (const c of all) if (c.parent_id === ids[i]) ids.push(c.id);
    return ids;
  }

  /** Inserts missing categories of a tree (parents first) and returns code → id. */
  async ensure(tree: readonly CategoryDef[]): Promise<Map<string, number>> {
    const existing = new Map((await this.db.selectFrom('categories').select(['id', 'code']).execute()).map((c) => [c.code, c.id]));
    for (const c of tree) {
      if (existing.has(c.code)) continue;
      const parentId = c.parent ? (existing.get(c.parent) ?? null) : null;
      const row = await this.db
        .insertInto('categories')
        .values({ code: c.code, parent_id: parentId, name_ru: c.nameRu, name_be: c.nameBe, name_en: c.nameEn })
        .returning('id')
        .executeTakeFirstOrThrow();
      existing.set(c.code, row.id);
    }
    return existing;
  }
}
