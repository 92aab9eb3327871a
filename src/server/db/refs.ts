/** The small maker and category objects that many results carry, built from joined columns of one naming. */

export interface MakerColumns {
  maker_id: number | null;
  maker_name: string | null;
  maker_country: string | null;
}

export interface CategoryColumns {
  category_id: number | null;
  category_code: string | null;
  category_name_ru: string | null;
  category_name_be: string | null;
  category_name_en: string | null;
}

/** Select these (with `organizations as o` joined) to build a maker with `makerRef`. */
export const MAKER_COLUMNS = ['o.id as maker_id', 'o.name as maker_name', 'o.country as maker_country'] as const;
/** Select these (with `categories as c` joined) to build a category with `categoryRef`. */
export const CATEGORY_COLUMNS = [
  'c.id as category_id',
  'c.code as category_code',
  'c.name_ru as category_name_ru',
  'c.name_be as category_name_be',
  'c.name_en as category_name_en',
] as const;

export const makerRef = (r: MakerColumns) => (r.maker_id !== null ? { id: r.maker_id, name: r.maker_name!, country: r.maker_country! } : null);

export const categoryRef = (r: CategoryColumns) =>
  r.category_id !== null
    ? { id: r.category_id, code: r.category_code!, nameRu: r.category_name_ru!, nameBe: r.category_name_be!, nameEn: r.category_name_en! }
    : null;
