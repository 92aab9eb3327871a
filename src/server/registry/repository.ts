/** SQL for registry records, their parts (products, operations, shares, documents, periods, suspensions) and rule sets. */
import { type Kysely, type Transaction, type ExpressionBuilder, sql } from 'kysely';
import type { Database, NewRegistryRecord, RegistryRecordRow, RuleSetRow } from '../db/types';
import { containsPattern } from '../db/sql-helpers';
import type { DialectName } from '../db/client';
import type { PageRequest } from '../http/pagination';
import { offset } from '../http/pagination';

export type RegistryStatus = 'not_in_registry' | 'active' | 'expired' | 'suspended' | 'excluded';

export interface RecordFilters {
  q?: string;
  status?: RegistryStatus;
  /** The date the status filter is judged on (YYYY-MM-DD). */
  date: string;
  country?: string;
  level?: number;
  ruleSet?: string;
  categoryIds?: number[] | null;
  origin?: 'reestr' | 'gisp';
  state?: RegistryRecordRow['state'];
  organizationId?: number;
  /** Records not yet included are listed only for these: all (null), or the records of these countries/organizations. */
  visibility: { all: true } | { countries: string[]; organizationIds: number[] };
}

export interface NewOperation {
  code: string;
  country: string;
  organizationId: number | null;
  organizationName: string | null;
  note: string | null;
}

type Eb = ExpressionBuilder<Database, 'registry_records'>;

/** SQL condition "the record has this status on `date`", matching the life-cycle rules of statusOn. */
export function statusCondition(eb: Eb, status: RegistryStatus, date: string) {
  const id = eb.ref('registry_records.id');
  const covered = eb.exists(
    eb
      .selectFrom('registry_periods as p')
      .select('p.id')
      .whereRef('p.record_id', '=', id)
      .where('p.valid_from', '<=', date)
      .where((w) => w.or([w('p.valid_till', 'is', null), w('p.valid_till', '>=', date)])),
  );
  const started = eb.exists(eb.selectFrom('registry_periods as p').select('p.id').whereRef('p.record_id', '=', id).where('p.valid_from', '<=', date));
  const suspendedOn = eb.exists(
    eb
      .selectFrom('registry_suspensions as s')
      .select('s.id')
      .whereRef('s.record_id', '=', id)
      .where('s.from_date', '<=', date)
      .where((w) => w.or([w('s.till_date', 'is', null), w('s.till_date', '>', date)])),
  );
  const excluded = eb.and([eb('registry_records.end_date', 'is not', null), eb('registry_records.end_date', '<=', date)]);
  const notExcluded = eb.or([eb('registry_records.end_date', 'is', null), eb('registry_records.end_date', '>', date)]);
  switch (status) {
    case 'excluded':
      return eb.and([started, excluded]);
    case 'active':
      return eb.and([notExcluded, covered, eb.not(suspendedOn)]);
    case 'suspended':
      return eb.and([notExcluded, covered, suspendedOn]);
    case 'expired':
      return eb.and([notExcluded, started, eb.not(covered)]);
    case 'not_in_registry':
      return eb.not(started);
  }
}

export class RegistryRepository {
  constructor(
    readonly db: Kysely<Database>,
    private readonly dialect: DialectName,
  ) {}

  transaction<T>(fn: (repo: RegistryRepository, trx: Transaction<Database>) => Promise<T>): Promise<T> {
    return this.db.transaction().execute((trx) => fn(new RegistryRepository(trx, this.dialect), trx));
  }

  // rule sets

  listRuleSets(): Promise<RuleSetRow[]> {
    return this.db.selectFrom('rule_sets').selectAll().orderBy('code').orderBy('version').execute();
  }

  getRuleSet(id: number) {
    return this.db.selectFrom('rule_sets').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async insertRuleSet(row: Omit<RuleSetRow, 'id'>): Promise<number> {
    const r = await this.db.insertInto('rule_sets').values(row).returning('id').executeTakeFirstOrThrow();
    return r.id;
  }

  async latestVersion(code: string): Promise<number> {
    const r = await this.db
      .selectFrom('rule_sets')
      .select((eb) => eb.fn.max('version').as('v'))
      .where('code', '=', code)
      .executeTakeFirst();
    return Number(r?.v ?? 0);
  }

  // records

  async insertRecord(row: NewRegistryRecord): Promise<number> {
    const r = await this.db.insertInto('registry_records').values(row).returning('id').executeTakeFirstOrThrow();
    return r.id;
  }

  async updateRecord(id: number, columns: Partial<Omit<RegistryRecordRow, 'id'>>): Promise<void> {
    await this.db.updateTable('registry_records').set(columns).where('id', '=', id).execute();
  }

  getRecord(id: number): Promise<RegistryRecordRow | undefined> {
    return this.db.selectFrom('registry_records').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Locks the row on PostgreSQL so two decisions on one record are taken one after the other. */
  lockRecord(id: number): Promise<RegistryRecordRow | undefined> {
    return this.db
      .selectFrom('registry_records')
      .selectAll()
      .where('id', '=', id)
      .$if(this.dialect === 'postgres', (q) => q.forUpdate())
      .executeTakeFirst();
  }

  async replaceProducts(recordId: number, productTypeIds: number[]): Promise<void> {
    await this.db.deleteFrom('registry_record_products').where('record_id', '=', recordId).execute();
    if (productTypeIds.length)
      await this.db
        .insertInto('registry_record_products')
        .values(productTypeIds.map((product_type_id) => ({ record_id: recordId, product_type_id })))
        .execute();
  }

  async replaceOperations(recordId: number, operations: NewOperation[]): Promise<void> {
    await this.db.deleteFrom('registry_operations').where('record_id', '=', recordId).execute();
    if (operations.length)
      await this.db
        .insertInto('registry_operations')
        .values(
          operations.map((o, position) => ({
            record_id: recordId,
            position,
            code: o.code,
            country: o.country,
            organization_id: o.organizationId,
            organization_name: o.organizationName,
            note: o.note,
          })),
        )
        .execute();
  }

  async replaceShares(recordId: number, shares: { country: string; percent: number }[]): Promise<void> {
    await this.db.deleteFrom('registry_content_shares').where('record_id', '=', recordId).execute();
    if (shares.length)
      await this.db
        .insertInto('registry_content_shares')
        .values(shares.map((s) => ({ record_id: recordId, country: s.country, percent: s.percent })))
        .execute();
  }

  products(recordId: number) {
    return this.db
      .selectFrom('registry_record_products as rp')
      .innerJoin('product_types as p', 'p.id', 'rp.product_type_id')
      .leftJoin('categories as c', 'c.id', 'p.category_id')
      .select(['p.id', 'p.designation', 'p.designation_latin', 'c.code as category_code'])
      .where('rp.record_id', '=', recordId)
      .orderBy('p.designation')
      .execute();
  }

  productsByIds(ids: number[]) {
    if (!ids.length) return Promise.resolve([]);
    return this.db.selectFrom('product_types').select(['id', 'designation', 'organization_id', 'okpd2', 'tnved']).where('id', 'in', ids).execute();
  }

  operations(recordId: number) {
    return this.db.selectFrom('registry_operations').selectAll().where('record_id', '=', recordId).orderBy('position').execute();
  }

  shares(recordId: number) {
    return this.db.selectFrom('registry_content_shares').select(['country', 'percent']).where('record_id', '=', recordId).orderBy('country').execute();
  }

  periods(recordId: number) {
    return this.db.selectFrom('registry_periods').selectAll().where('record_id', '=', recordId).orderBy('valid_from').orderBy('id').execute();
  }

  suspensions(recordId: number) {
    return this.db.selectFrom('registry_suspensions').selectAll().where('record_id', '=', recordId).orderBy('from_date').orderBy('id').execute();
  }

  events(recordId: number) {
    return this.db.selectFrom('registry_events').selectAll().where('record_id', '=', recordId).orderBy('id').execute();
  }

  /** Periods and suspensions of many records at once, grouped by record. */
  async timelines(recordIds: number[]) {
    const periods = new Map<number, { valid_from: string; valid_till: string | null }[]>();
    const suspensions = new Map<number, { from_date: string; till_date: string | null }[]>();
    if (!recordIds.length) return { periods, suspensions };
    const [p, s] = await Promise.all([
      this.db
        .selectFrom('registry_periods')
        .select(['record_id', 'valid_from', 'valid_till'])
        .where('record_id', 'in', recordIds)
        .orderBy('valid_from')
        .orderBy('id')
        .execute(),
      this.db
        .selectFrom('registry_suspensions')
        .select(['record_id', 'from_date', 'till_date'])
        .where('record_id', 'in', recordIds)
        .orderBy('from_date')
        .orderBy('id')
        .execute(),
    ]);
    for (const row of p) periods.set(row.record_id, [...(periods.get(row.record_id) ?? []), row]);
    for (const row of s) suspensions.set(row.record_id, [...(suspensions.get(row.record_id) ?? []), row]);
    return { periods, suspensions };
  }

  async insertPeriod(row: { record_id: number; valid_from: string; valid_till: string | null; doc_date: string | null; details: string | null }) {
    await this.db.insertInto('registry_periods').values(row).execute();
  }

  async insertSuspension(recordId: number, from: string): Promise<void> {
    await this.db.insertInto('registry_suspensions').values({ record_id: recordId, from_date: from, till_date: null }).execute();
  }

  async closeSuspension(recordId: number, till: string): Promise<void> {
    await this.db.updateTable('registry_suspensions').set({ till_date: till }).where('record_id', '=', recordId).where('till_date', 'is', null).execute();
  }

  /** The highest sequence used in numbers of this country and year (`BY-2026-000012` → 12). */
  async lastNumberSeq(prefix: string): Promise<number> {
    const rows = await this.db
      .selectFrom('registry_records')
      .select('number')
      .where('origin', '=', 'reestr')
      .where('number', 'like', `${prefix}%`)
      .orderBy('number', 'desc')
      .limit(1)
      .execute();
    const m = /(\d+)$/.exec(rows[0]?.number ?? '');
    return m ? Number(m[1]) : 0;
  }

  // documents

  documents(recordId: number) {
    return this.db
      .selectFrom('registry_documents')
      .select(['id', 'kind', 'file_name', 'media_type', 'size', 'sha256', 'uploaded_at'])
      .where('record_id', '=', recordId)
      .orderBy('id')
      .execute();
  }

  async insertDocument(row: {
    record_id: number;
    kind: string;
    file_name: string;
    media_type: string;
    size: number;
    sha256: string;
    content: Buffer;
    uploaded_by: number | null;
    uploaded_at: string;
  }): Promise<number> {
    const r = await this.db.insertInto('registry_documents').values(row).returning('id').executeTakeFirstOrThrow();
    return r.id;
  }

  document(documentId: number) {
    return this.db.selectFrom('registry_documents').selectAll().where('id', '=', documentId).executeTakeFirst();
  }

  // lists and lookups

  async list(f: RecordFilters, page: PageRequest): Promise<{ items: RegistryRecordRow[]; total: number }> {
    let query = this.db.selectFrom('registry_records');
    if (!('all' in f.visibility)) {
      const { countries, organizationIds } = f.visibility;
      query = query.where((eb) =>
        eb.or([
          eb('state', '=', 'included'),
          ...(countries.length ? [eb('country', 'in', countries)] : []),
          ...(organizationIds.length ? [eb('organization_id', 'in', organizationIds)] : []),
        ]),
      );
    }
    if (f.q) {
      const q = f.q.trim();
      const pattern = containsPattern(q.toLowerCase());
      query = query.where((eb) =>
        eb.or([
          eb('number', '=', q),
          eb('maker_inn', '=', q),
          eb(sql`product_name_key`, 'like', sql`${pattern} ESCAPE '\\'`),
          eb(sql`lower(maker_name)`, 'like', sql`${pattern} ESCAPE '\\'`),
        ]),
      );
    }
    if (f.status) query = query.where((eb) => statusCondition(eb, f.status!, f.date));
    if (f.country) query = query.where('country', '=', f.country);
    if (f.level !== undefined) query = query.where('level', '=', f.level);
    if (f.origin) query = query.where('origin', '=', f.origin);
    if (f.state) query = query.where('state', '=', f.state);
    if (f.organizationId) query = query.where('organization_id', '=', f.organizationId);
    if (f.ruleSet) query = query.where('rule_set_id', 'in', (eb) => eb.selectFrom('rule_sets').select('id').where('code', '=', f.ruleSet!));
    if (f.categoryIds)
      query = query.where('id', 'in', (eb) =>
        eb
          .selectFrom('registry_record_products as rp')
          .innerJoin('product_types as p', 'p.id', 'rp.product_type_id')
          .select('rp.record_id')
          .where('p.category_id', 'in', f.categoryIds!.length ? f.categoryIds! : [-1]),
      );
    const total = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const items = await query
      .selectAll()
      .orderBy('id', page.order === 'asc' ? 'asc' : 'desc')
      .limit(page.pageSize)
      .offset(offset(page))
      .execute();
    return { items, total: Number(total.n) };
  }

  /** Records whose number has this key, in any origin (reestr's own first). */
  byNumberKey(key: string): Promise<RegistryRecordRow[]> {
    return this.db.selectFrom('registry_records').selectAll().where('number_key', '=', key).orderBy('origin', 'desc').orderBy('id').execute();
  }

  /** Included records of these product types, and records whose product name contains the designation. */
  async byDesignation(productTypeIds: number[], nameFragment: string, limit: number): Promise<RegistryRecordRow[]> {
    const pattern = containsPattern(nameFragment.toLowerCase());
    return this.db
      .selectFrom('registry_records')
      .selectAll()
      .where('state', '=', 'included')
      .where((eb) =>
        eb.or([
          ...(productTypeIds.length
            ? [eb('id', 'in', eb.selectFrom('registry_record_products').select('record_id').where('product_type_id', 'in', productTypeIds))]
            : []),
          eb(sql`product_name_key`, 'like', sql`${pattern} ESCAPE '\\'`),
        ]),
      )
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
  }

  /** Product types by designation key (typed, Latin or look-alike form already folded by the caller). */
  productTypeIdsByKeys(keys: string[]): Promise<{ id: number }[]> {
    if (!keys.length) return Promise.resolve([]);
    return this.db.selectFrom('product_types').select('id').where('designation_key', 'in', keys).limit(50).execute();
  }

  ruleSetCodes(ids: number[]) {
    if (!ids.length) return Promise.resolve([]);
    return this.db.selectFrom('rule_sets').select(['id', 'code', 'version', 'title_ru', 'title_en']).where('id', 'in', ids).execute();
  }

  /** Submitted applications awaiting a decision, oldest first. */
  async queue(countries: string[] | null, page: PageRequest) {
    let query = this.db.selectFrom('registry_records').where('state', '=', 'submitted');
    if (countries) query = query.where('country', 'in', countries.length ? countries : ['']);
    const total = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const items = await query.selectAll().orderBy('updated_at').orderBy('id').limit(page.pageSize).offset(offset(page)).execute();
    return { items, total: Number(total.n) };
  }
}
