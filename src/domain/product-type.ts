/**
 * What a product type record is made of beyond what the user typed: Latin form, normalised keys and, when
 * the user gave none, a category and function text derived from the designation (marked as derived).
 */
import { deriveFromDesignation } from './categories';
import { designationKey, designationToLatin } from './designation';
import { toSi } from './units';
import { designationKeys } from './matching';

export interface Designations {
  designation: string;
  designationLatin: string;
  designationKey: string;
  designationLatinKey: string;
  /** Key without suffix letters, and without prefix letters too (family): see domain/matching. */
  designationBaseKey: string | null;
  designationFamilyKey: string | null;
}

export function designations(designation: string, latin?: string | null): Designations {
  const typed = designation.trim();
  const designationLatin = latin?.trim() || designationToLatin(typed);
  const keys = designationKeys(typed);
  return {
    designation: typed,
    designationLatin,
    designationKey: keys.key,
    designationLatinKey: designationKey(designationLatin),
    designationBaseKey: keys.base,
    designationFamilyKey: keys.family,
  };
}

export interface Derived {
  categoryCode: string | null;
  functionRu: string | null;
  functionEn: string | null;
  functionDerived: boolean;
}

/**
 * Explicit values win; a missing Russian function text (and English, when that is missing too) and category are
 * derived from the function letters. `functionDerived` says the Russian text was derived.
 */
export function deriveDescription(
  designation: string,
  given: { categoryCode?: string | null; functionRu?: string | null; functionEn?: string | null },
): Derived {
  const meaning = deriveFromDesignation(designation);
  const functionRu = given.functionRu || null;
  const functionEn = given.functionEn || null;
  // every domestic designation gets a Russian function text; a derived one is marked as such
  const deriveRu = !functionRu && meaning !== null;
  return {
    categoryCode: given.categoryCode ?? meaning?.category ?? null,
    functionRu: deriveRu ? meaning.functionRu : functionRu,
    functionEn: functionEn ?? (deriveRu ? meaning.functionEn : null),
    functionDerived: deriveRu,
  };
}

export interface ParameterInput {
  name: string;
  min?: number | null;
  typ?: number | null;
  max?: number | null;
  unit?: string | null;
  text?: string | null;
}

export interface SiParameter {
  name: string;
  min: number | null;
  typ: number | null;
  max: number | null;
  unit: string | null;
  text: string | null;
}

/** Converts min/typ/max to the SI base unit (4500 mV → 4.5 V); returns an error text for unknown units. */
export function parameterToSi(p: ParameterInput): SiParameter | string {
  const unit = p.unit?.trim() ?? '';
  const convert = (v: number | null | undefined) => {
    if (v === null || v === undefined) return null;
    return toSi(v, unit);
  };
  if (unit && !toSi(1, unit)) return `unknown unit "${unit}" in parameter ${p.name}`;
  const [min, typ, max] = [convert(p.min), convert(p.typ), convert(p.max)];
  if (min && max && min.value > max.value) return `parameter ${p.name}: min is greater than max`;
  const siUnit = toSi(1, unit)?.unit || null;
  return { name: p.name.trim(), min: min?.value ?? null, typ: typ?.value ?? null, max: max?.value ?? null, unit: siUnit, text: p.text ?? null };
}
