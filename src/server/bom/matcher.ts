/**
 * Matches many BOM lines at once through the part-number tiers (exact, normalised, base, family) with a
 * handful of batched queries instead of a search per line, so that a 10,000-line BOM is analysed in seconds.
 */
import { canonicalText, designationKey, parseDesignation } from '../../domain/designation';
import { designationReadings, familyNotes, foreignPartKeys, TIER_SCORE, type ForeignPartKeys, type Note, type Tier } from '../../domain/matching';
import { rankCandidates, type Candidate } from '../../domain/bom/analysis';
import type { ProductKeyRow, SearchRepository } from '../search/repository';

type AnalogRow = Awaited<ReturnType<SearchRepository['analogsByForeignKeys']>>[number];
import { makerRef } from '../db/refs';

const CHUNK = 400;
/** At most this many parts per key and tier: a BOM line needs the best candidates, not every variant. */
const PER_KEY = 20;
const FAMILY_CAP = 10;

async function chunked<T>(values: string[], query: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  const unique = [...new Set(values.filter(Boolean))];
  for (let i = 0; i < unique.length; i += CHUNK) for (const row of await query(unique.slice(i, i + CHUNK))) out.push(row);
  return out;
}

/** Caches a pure function of a string. */
function memo<T>(f: (s: string) => T): (s: string) => T {
  const cache = new Map<string, T>();
  return (s) => {
    let v = cache.get(s);
    if (v === undefined) cache.set(s, (v = f(s)));
    return v;
  };
}

function group<T>(rows: T[], key: (r: T) => string | null): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    if (k === null) continue;
    const list = m.get(k) ?? [];
    list.push(r);
    m.set(k, list);
  }
  return m;
}

interface QueryPlan {
  text: string;
  foreign: ForeignPartKeys;
  domesticKeys: { key: string; base: string | null; family: string | null }[];
  latinKey: string;
}

/** Candidates for each query (null queries get none), best first. */
export async function matchQueries(repo: SearchRepository, queries: (string | null)[]): Promise<Candidate[][]> {
  const plans = new Map<string, QueryPlan>();
  for (const q of queries) {
    if (!q || plans.has(q)) continue;
    plans.set(q, {
      text: q,
      foreign: foreignPartKeys(q),
      domesticKeys: designationReadings(q).map((r) => r.keys),
      latinKey: designationKey(q),
    });
  }
  const all = [...plans.values()];
  const analogsBy = (column: 'part_number' | 'part_number_key' | 'base_key' | 'family_key', values: string[], cap: number) =>
    chunked(values, (c) => repo.analogsByForeignKeys(column, c, cap));
  const [byPartNumber, byKey, byBase] = await Promise.all([
    analogsBy(
      'part_number',
      all.map((p) => p.text),
      PER_KEY,
    ),
    analogsBy(
      'part_number_key',
      all.map((p) => p.foreign.key),
      PER_KEY,
    ),
    analogsBy(
      'base_key',
      all.map((p) => p.foreign.base),
      PER_KEY,
    ),
  ]);
  const domesticKeys = all.flatMap((p) => p.domesticKeys.map((k) => k.key));
  const [productsByKey, productsByLatin, productsByBase] = await Promise.all([
    chunked(domesticKeys, (c) => repo.productsByKeys('designation_key', c, PER_KEY)),
    chunked(
      all.map((p) => p.latinKey),
      (c) => repo.productsByKeys('designation_latin_key', c, PER_KEY),
    ),
    chunked(
      all.flatMap((p) => p.domesticKeys.map((k) => k.base ?? '')),
      (c) => repo.productsByKeys('designation_base_key', c, PER_KEY),
    ),
  ]);
  const foreignIndex = {
    partNumber: group(byPartNumber, (r) => r.match_key),
    key: group(byKey, (r) => r.match_key),
    base: group(byBase, (r) => r.match_key),
  };
  // family candidates (another logic family, package or acceptance) only for lines the stronger tiers left
  // without an analog, and at most FAMILY_CAP per family, so that a common function does not flood the result
  const foundDomestic = new Set([...productsByKey.map((r) => r.designation_key), ...productsByBase.map((r) => r.designation_base_key)]);
  const unresolved = all.filter((p) => !foreignIndex.partNumber.has(p.text) && !foreignIndex.key.has(p.foreign.key) && !foreignIndex.base.has(p.foreign.base));
  const unresolvedDomestic = all.filter((p) => !p.domesticKeys.some((k) => foundDomestic.has(k.key) || (k.base && foundDomestic.has(k.base))));
  const [byFamily, productsByFamily] = await Promise.all([
    analogsBy(
      'family_key',
      unresolved.map((p) => p.foreign.family ?? ''),
      FAMILY_CAP,
    ),
    chunked(
      unresolvedDomestic.flatMap((p) => p.domesticKeys.map((k) => k.family ?? '')),
      (c) => repo.productsByKeys('designation_family_key', c, FAMILY_CAP),
    ),
  ]);
  const familyIndex = group(byFamily, (r) => r.match_key);
  const productIndex = {
    key: group(productsByKey, (r) => r.designation_key),
    latin: group(productsByLatin, (r) => r.designation_latin_key),
    base: group(productsByBase, (r) => r.designation_base_key),
    family: group(productsByFamily, (r) => r.designation_family_key),
  };
  const keysOf = memo(foreignPartKeys);
  const productDetails = await chunked(
    [...new Set([...productsByKey, ...productsByLatin, ...productsByBase, ...productsByFamily].map((p) => String(p.id)))],
    (c) => repo.productDetails(c.map(Number)),
  );
  const detailById = new Map(productDetails.map((p) => [p.id, p]));

  const candidatesOf = (plan: QueryPlan): Candidate[] => {
    const out = new Map<string, Candidate>();
    const keep = (c: Candidate) => {
      const id = `${c.productTypeId}|${c.foreignPart?.id ?? 0}`;
      const existing = out.get(id);
      if (!existing || TIER_SCORE[c.tier] > TIER_SCORE[existing.tier]) out.set(id, c);
    };
    const linked = (rows: AnalogRow[] | undefined, tier: Tier, notes: (r: AnalogRow) => Note[] = () => []) => {
      for (const a of rows ?? [])
        keep({
          productTypeId: a.product_id,
          designation: a.designation,
          designationLatin: a.designation_latin,
          maker: makerRef(a),
          category: a.category_code,
          analogType: a.type,
          verified: Boolean(a.verified),
          tier,
          foreignPart: { id: a.foreign_id, partNumber: a.part_number },
          notes: notes(a),
        });
    };
    linked(foreignIndex.partNumber.get(plan.text), 'exact');
    linked(foreignIndex.key.get(plan.foreign.key), 'normalised');
    linked(foreignIndex.base.get(plan.foreign.base), 'base', (r) => {
      const suffix = keysOf(r.part_number).suffix || plan.foreign.suffix;
      return suffix ? [{ code: 'suffix_stripped', params: { suffix } }] : [];
    });
    if (plan.foreign.family) linked(familyIndex.get(plan.foreign.family), 'family', (r) => familyNotes(plan.foreign, keysOf(r.part_number)));
    const self = (rows: ProductKeyRow[] | undefined, tier: Tier, notes: (r: ProductKeyRow) => Note[] = () => []) => {
      for (const r of rows ?? []) {
        const d = detailById.get(r.id);
        if (!d) continue;
        keep({
          productTypeId: r.id,
          designation: r.designation,
          designationLatin: d.designation_latin,
          maker: makerRef(d),
          category: d.category_code,
          analogType: 'self',
          verified: true,
          tier: r.designation === plan.text ? 'exact' : tier,
          foreignPart: null,
          notes: notes(r),
        });
      }
    };
    for (const k of plan.domesticKeys) {
      self(productIndex.key.get(k.key), 'normalised');
      if (k.base) self(productIndex.base.get(k.base), 'base');
      if (k.family)
        self(productIndex.family.get(k.family), 'family', (r) => [
          { code: 'variant', params: { query: /^\p{L}*/u.exec(canonicalText(plan.text))![0], found: parseDesignation(r.designation)?.prefix ?? '' } },
        ]);
    }
    self(productIndex.latin.get(plan.latinKey), 'normalised', () => [{ code: 'latin_form', params: {} }]);
    return rankCandidates([...out.values()]);
  };

  const results = new Map<string, Candidate[]>();
  for (const plan of all) results.set(plan.text, candidatesOf(plan));
  return queries.map((q) => (q ? (results.get(q) ?? []) : []));
}
