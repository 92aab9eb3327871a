/** Stored search columns, derived from what users type. Every write path uses these; `reindex` refreshes them. */
import type { Designations } from '../../domain/product-type';
import { foreignPartKeys } from '../../domain/matching';
import { manufacturerKey } from '../../domain/part-number';
import { searchStems } from '../../domain/search-text';

export function designationColumns(n: Designations) {
  return {
    designation: n.designation,
    designation_latin: n.designationLatin,
    designation_key: n.designationKey,
    designation_latin_key: n.designationLatinKey,
    designation_base_key: n.designationBaseKey,
    designation_family_key: n.designationFamilyKey,
  };
}

export function stemsColumn(texts: { functionRu?: string | null; functionEn?: string | null; description?: string | null }) {
  return searchStems(texts.functionRu, texts.functionEn, texts.description);
}

export function foreignPartColumns(partNumber: string, manufacturer: string | null | undefined) {
  const keys = foreignPartKeys(partNumber);
  return {
    part_number: partNumber.trim(),
    part_number_key: keys.key,
    base_key: keys.base,
    family_key: keys.family,
    manufacturer: manufacturer?.trim() || null,
    manufacturer_key: manufacturerKey(manufacturer),
  };
}
