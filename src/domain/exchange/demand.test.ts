import { describe, expect, it } from 'vitest';
import { ANONYMOUS_VIEWER, canSeeBuyer, canSeeDemand, isCalendarDate, validateDemand, visibleVisibilities, yearlyQuantity } from './demand';

describe('validateDemand', () => {
  it('normalises the part number beside the number as typed and trims the texts', () => {
    const r = validateDemand({ partNumber: ' sn74hc00n ', quantityPerYear: 1000, region: 'by-mi', neededBy: '2027-01-31' });
    expect(r).toEqual({
      ok: true,
      value: {
        partNumber: 'sn74hc00n',
        partNumberKey: 'SN74HC00N',
        description: null,
        categoryCode: null,
        quantityPerYear: 1000,
        neededBy: '2027-01-31',
        region: 'BY-MI',
        visibility: 'public',
      },
    });
  });

  it.each([
    [{ quantityPerYear: 5 }, 'name the item'],
    [{ partNumber: 'NE555', quantityPerYear: 0 }, 'quantityPerYear must be a positive'],
    [{ partNumber: 'NE555', quantityPerYear: 2e12 }, 'at most'],
    [{ partNumber: 'NE555', quantityPerYear: 1, neededBy: '2026-02-30' }, 'not a date'],
    [{ partNumber: 'NE555', quantityPerYear: 1, region: 'Minsk' }, 'ISO 3166-2'],
    [{ partNumber: '---', quantityPerYear: 1 }, 'no letters or digits'],
  ])('rejects %j', (input, problem) => {
    const r = validateDemand(input);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems.join('; ')).toContain(problem);
  });

  it('accepts a description or a category instead of a part number', () => {
    expect(validateDemand({ description: 'Операционный усилитель, rail-to-rail', quantityPerYear: 10 }).ok).toBe(true);
    expect(validateDemand({ categoryCode: 'ic.logic', quantityPerYear: 10, visibility: 'anonymous' }).ok).toBe(true);
  });

  it('knows calendar dates', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2027-02-29')).toBe(false);
    expect(isCalendarDate('27-02-01')).toBe(false);
  });
});

describe('visibility', () => {
  const buyerMember = { signedIn: true, organizationIds: [7], privileged: false };
  const stranger = { signedIn: true, organizationIds: [8], privileged: false };
  const operator = { signedIn: true, organizationIds: [], privileged: true };

  it('lists registered demands to signed-in users only', () => {
    expect(visibleVisibilities(ANONYMOUS_VIEWER)).toEqual(['public', 'anonymous']);
    expect(visibleVisibilities(stranger)).toEqual(['public', 'registered', 'anonymous']);
    expect(canSeeDemand(ANONYMOUS_VIEWER, { visibility: 'registered', buyerOrganizationId: 7 })).toBe(false);
    expect(canSeeDemand(stranger, { visibility: 'registered', buyerOrganizationId: 7 })).toBe(true);
  });

  it('hides the buyer of an anonymous demand from all but its members, operators and admins', () => {
    const demand = { visibility: 'anonymous' as const, buyerOrganizationId: 7 };
    expect(canSeeBuyer(ANONYMOUS_VIEWER, demand)).toBe(false);
    expect(canSeeBuyer(stranger, demand)).toBe(false);
    expect(canSeeBuyer(buyerMember, demand)).toBe(true);
    expect(canSeeBuyer(operator, demand)).toBe(true);
    expect(canSeeBuyer(ANONYMOUS_VIEWER, { visibility: 'public', buyerOrganizationId: 7 })).toBe(true);
  });

  it('multiplies a BOM line by the boards built per year', () => {
    expect(yearlyQuantity(4, 2500)).toBe(10000);
    expect(yearlyQuantity(3)).toBe(3);
    expect(yearlyQuantity(0.5, 3)).toBe(1.5);
  });
});
