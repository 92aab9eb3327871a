import type { OperationCode } from '../../domain/registry/operations';
import type { ApplicationFacts, RegistryRecord } from './types';

export type TriState = 'yes' | 'no' | 'unknown';
export type OperationRow = { key: number; code: OperationCode | ''; country: string; organizationName: string };
export type ShareRow = { key: number; country: string; percent: number | '' };

/** The facts of an application as the form holds them (empty = not stated, never a guess). */
export type FactsForm = {
  makerTaxResidentEaeu: TriState;
  designRightsYears: number | '';
  usesForeignReadyMadeSolutions: TriState;
  operations: OperationRow[];
  contentShares: ShareRow[];
};

let nextKey = 1;
export const newKey = () => nextKey++;

export const EMPTY_FACTS: FactsForm = {
  makerTaxResidentEaeu: 'unknown',
  designRightsYears: '',
  usesForeignReadyMadeSolutions: 'unknown',
  operations: [],
  contentShares: [],
};

const fromTri = (value: TriState): boolean | null => (value === 'yes' ? true : value === 'no' ? false : null);
const toTri = (value: boolean | null): TriState => (value === true ? 'yes' : value === false ? 'no' : 'unknown');

/** What the API takes: incomplete rows are left out (they are still being typed). */
export function factsToApi(form: FactsForm): ApplicationFacts {
  return {
    makerTaxResidentEaeu: fromTri(form.makerTaxResidentEaeu),
    designRightsYears: form.designRightsYears === '' ? null : form.designRightsYears,
    usesForeignReadyMadeSolutions: fromTri(form.usesForeignReadyMadeSolutions),
    operations: form.operations
      .filter((o): o is OperationRow & { code: OperationCode } => o.code !== '' && /^[A-Z]{2}$/.test(o.country))
      .map((o) => ({ code: o.code, country: o.country, organizationName: o.organizationName.trim() || null })),
    contentShares: form.contentShares
      .filter((s): s is ShareRow & { percent: number } => /^[A-Z]{2}$/.test(s.country) && s.percent !== '')
      .map((s) => ({ country: s.country, percent: s.percent })),
  };
}

export function factsFromRecord(record: RegistryRecord): FactsForm {
  return {
    makerTaxResidentEaeu: toTri(record.makerTaxResidentEaeu),
    designRightsYears: record.designRightsYears ?? '',
    usesForeignReadyMadeSolutions: toTri(record.usesForeignReadyMadeSolutions),
    operations: record.operations.map((o) => ({ key: newKey(), code: o.code, country: o.country, organizationName: o.organizationName ?? '' })),
    contentShares: record.contentShares.map((s) => ({ key: newKey(), country: s.country, percent: s.percent })),
  };
}
