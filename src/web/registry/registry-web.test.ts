import { describe, expect, it } from 'vitest';
import { allowedDecisions } from './decisions';
import { EMPTY_FACTS, factsToApi, newKey, type FactsForm } from './factsForm';
import { localText } from './labels';

describe('decisions offered to an operator', () => {
  const record = { state: 'included' as const, endDate: null, suspended: false };
  it('follow the state of the record', () => {
    expect(allowedDecisions({ ...record, state: 'submitted' })).toEqual(['include', 'return', 'reject']);
    expect(allowedDecisions(record)).toEqual(['renew', 'suspend', 'exclude']);
    expect(allowedDecisions({ ...record, suspended: true })).toEqual(['resume', 'renew', 'exclude']);
    expect(allowedDecisions({ ...record, endDate: '2026-01-01' })).toEqual([]);
    for (const state of ['draft', 'returned', 'rejected'] as const) expect(allowedDecisions({ ...record, state })).toEqual([]);
  });
});

describe('application facts sent to the evaluator', () => {
  it('keep "not stated" as null, never as no or zero', () => {
    expect(factsToApi(EMPTY_FACTS)).toEqual({
      makerTaxResidentEaeu: null,
      designRightsYears: null,
      usesForeignReadyMadeSolutions: null,
      operations: [],
      contentShares: [],
    });
  });

  it('leave out rows still being typed', () => {
    const form: FactsForm = {
      makerTaxResidentEaeu: 'yes',
      designRightsYears: 0,
      usesForeignReadyMadeSolutions: 'no',
      operations: [
        { key: newKey(), code: 'design', country: 'RU', organizationName: '  АО «Микрон» ' },
        { key: newKey(), code: '', country: 'RU', organizationName: '' },
        { key: newKey(), code: 'wafer', country: '', organizationName: '' },
      ],
      contentShares: [
        { key: newKey(), country: 'RU', percent: 60 },
        { key: newKey(), country: 'BY', percent: '' },
      ],
    };
    expect(factsToApi(form)).toEqual({
      makerTaxResidentEaeu: true,
      designRightsYears: 0,
      usesForeignReadyMadeSolutions: false,
      operations: [{ code: 'design', country: 'RU', organizationName: 'АО «Микрон»' }],
      contentShares: [{ country: 'RU', percent: 60 }],
    });
  });
});

describe('texts from the server', () => {
  it('show English in English and Russian otherwise (Belarusian reads Russian)', () => {
    const text = { ru: 'выполнено', en: 'met' };
    expect(localText(text, 'en')).toBe('met');
    expect(localText(text, 'be')).toBe('выполнено');
    expect(localText(text, 'ru')).toBe('выполнено');
  });
});
