/**
 * Registry records and their life cycle: a producer applies for its product types, an operator of the
 * maker's country decides (return, reject, include, renew, suspend, resume, exclude). Each decision changes
 * the record, its periods or suspensions and is written to the tamper-evident log in one transaction.
 */
import crypto from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Database, RegistryRecordRow, RuleSetRow } from '../db/types';
import { isAdmin, type Actor } from '../../domain/permissions';
import {
  evaluateAll,
  fillGaps,
  parseRuleSetDefinition,
  RuleValidationError,
  type EvaluationInput,
  type EvaluationResult,
  type RuleSet,
} from '../../domain/registry/rules';
import { INITIAL_RULE_SETS } from '../../domain/registry/rule-sets';
import { LifecycleError, nextState, statusOfState, type Decision, type LifecycleState } from '../../domain/registry/lifecycle';
import { registryNumberKey } from '../../domain/registry-number';
import { conflict, forbidden, invalid, notFound } from '../http/errors';
import type { PageRequest } from '../http/pagination';
import type { OrganizationsRepository } from '../organizations/repository';
import type { CategoriesRepository } from '../categories/repository';
import type { RegistryLog } from './log/service';
import { recordSnapshot } from './snapshot';
import { RegistryRepository, type NewOperation, type RecordFilters, type RegistryStatus } from './repository';
import { nowIso } from '../clock';

/** Registries kept here: one per member state of the Union State. */
export const REGISTRY_COUNTRIES = ['BY', 'RU'] as const;

export interface ApplicationInput {
  organizationId: number;
  productTypeIds: number[];
  productName?: string;
  okpd2?: string | null;
  tnved?: string[];
  regulations?: string | null;
  makerTaxResidentEaeu: boolean | null;
  designRightsYears: number | null;
  usesForeignReadyMadeSolutions: boolean | null;
  operations: { code: string; country: string; organizationId?: number | null; organizationName?: string | null; note?: string | null }[];
  contentShares: { country: string; percent: number }[];
}

export type DecisionInput =
  | { kind: 'return'; remarks: string }
  | { kind: 'reject'; remarks: string }
  | { kind: 'include'; number?: string; validFrom?: string; validTill?: string; ruleSetId?: number; remarks?: string }
  | { kind: 'renew'; validTill: string; validFrom?: string; remarks?: string }
  | { kind: 'suspend'; date?: string; remarks: string }
  | { kind: 'resume'; date?: string; remarks?: string }
  | { kind: 'exclude'; date?: string; remarks: string };

export interface Who {
  actor: Actor;
  userId: number;
  name: string;
}

const today = () => nowIso().slice(0, 10);

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function addYears(date: string, years: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.toISOString().slice(0, 10);
}

export function toRuleSet(row: RuleSetRow): RuleSet & { id: number } {
  return {
    id: row.id,
    code: row.code,
    version: row.version,
    title: { ru: row.title_ru, en: row.title_en },
    country: row.country as RuleSet['country'],
    status: row.status,
    effectiveFrom: row.effective_from,
    effectiveTo: row.effective_to,
    source: row.source,
    definition: parseRuleSetDefinition(JSON.parse(row.definition)),
  };
}

/** Operators decide records of their own country only. */
export const canDecide = (actor: Actor, country: string) => actor.canWrite && actor.role === 'operator' && actor.operatorCountry === country;

/** Who sees a record that is not (yet) in the registry: the maker's members, its country's operators, admins. */
function canSeeUnpublished(actor: Actor | null, record: RegistryRecordRow): boolean {
  if (!actor) return false;
  if (isAdmin(actor)) return true;
  if (actor.role === 'operator' && actor.operatorCountry === record.country) return true;
  return record.organization_id !== null && actor.memberships.has(record.organization_id);
}

export function visibilityOf(actor: Actor | null): RecordFilters['visibility'] {
  if (actor && isAdmin(actor)) return { all: true };
  return {
    countries: actor?.role === 'operator' && actor.operatorCountry ? [actor.operatorCountry] : [],
    organizationIds: actor ? [...actor.memberships.keys()] : [],
  };
}

/** The life-cycle state a record's row, periods and suspensions stand for. */
export function lifecycleOf(
  record: Pick<RegistryRecordRow, 'state' | 'end_date' | 'remarks'>,
  periods: { valid_from: string; valid_till: string | null }[],
  suspensions: { from_date: string; till_date: string | null }[],
): LifecycleState {
  return {
    application: record.state,
    periods: periods.map((p) => ({ from: p.valid_from, till: p.valid_till ?? '9999-12-31' })),
    suspensions: suspensions.map((x) => ({ from: x.from_date, until: x.till_date, reason: '' })),
    exclusion: record.end_date ? { endDate: record.end_date, reason: record.remarks ?? '' } : null,
    lastAt: null,
  };
}

export class RegistryService {
  constructor(
    private readonly repo: RegistryRepository,
    private readonly log: RegistryLog,
    private readonly organizations: OrganizationsRepository,
    private readonly categories: CategoriesRepository,
  ) {}

  // rule sets

  async ruleSets(): Promise<(RuleSet & { id: number })[]> {
    return (await this.repo.listRuleSets()).map(toRuleSet);
  }

  /** Adds the rule sets known at the start that the database does not hold yet (by code and version). */
  async ensureInitialRuleSets(): Promise<number> {
    const have = new Set((await this.repo.listRuleSets()).map((r) => `${r.code}@${r.version}`));
    let added = 0;
    for (const rs of INITIAL_RULE_SETS) {
      if (have.has(`${rs.code}@${rs.version}`)) continue;
      await this.repo.insertRuleSet(this.ruleSetRow(rs, null));
      added++;
    }
    return added;
  }

  private ruleSetRow(rs: RuleSet, createdBy: number | null): Omit<RuleSetRow, 'id'> {
    return {
      code: rs.code,
      version: rs.version,
      title_ru: rs.title.ru,
      title_en: rs.title.en,
      country: rs.country,
      kind: rs.definition.kind,
      status: rs.status,
      effective_from: rs.effectiveFrom,
      effective_to: rs.effectiveTo,
      source: rs.source,
      definition: JSON.stringify(rs.definition),
      created_by: createdBy,
      created_at: nowIso(),
    };
  }

  /**
   * A new version of a rule set: the operator fills the points the draft left open, or changes its status,
   * dates or source. Records judged under the old version keep pointing at it.
   */
  async newRuleSetVersion(
    who: Who,
    id: number,
    change: { points?: Record<string, number>; status?: 'in_force' | 'draft'; effectiveFrom?: string; effectiveTo?: string | null; source?: string },
  ) {
    const row = await this.repo.getRuleSet(id);
    if (!row) throw notFound(`rule set ${id}`);
    const current = toRuleSet(row);
    const allowed = isAdmin(who.actor) || (who.actor.role === 'operator' && (current.country === 'UNION' || who.actor.operatorCountry === current.country));
    if (!who.actor.canWrite || !allowed) throw forbidden(`only operators of ${current.country} and administrators change this rule set`);
    let definition = current.definition;
    try {
      if (change.points) definition = fillGaps(definition, change.points);
      const next: RuleSet = {
        ...current,
        version: (await this.repo.latestVersion(current.code)) + 1,
        status: change.status ?? current.status,
        effectiveFrom: change.effectiveFrom ?? current.effectiveFrom,
        effectiveTo: change.effectiveTo === undefined ? current.effectiveTo : change.effectiveTo,
        source: change.source ?? current.source,
        definition: parseRuleSetDefinition(definition),
      };
      if (next.effectiveTo && next.effectiveTo < next.effectiveFrom) throw invalid('effectiveTo must not be before effectiveFrom');
      const newId = await this.repo.insertRuleSet(this.ruleSetRow(next, who.userId));
      return { id: newId, ...next };
    } catch (e) {
      if (e instanceof RuleValidationError) throw invalid(e.message);
      throw e;
    }
  }

  /** The self-assessment calculator: the same evaluator the operators' decisions use. */
  async evaluate(input: EvaluationInput, options: { includeDrafts?: boolean } = {}): Promise<EvaluationResult[]> {
    const all = await this.ruleSets();
    try {
      return evaluateAll(input, all, { includeDrafts: options.includeDrafts ?? true });
    } catch (e) {
      if (e instanceof RuleValidationError) throw invalid(e.message);
      throw e;
    }
  }

  // applications

  private async applicationColumns(input: ApplicationInput, date: string) {
    const org = await this.organizations.get(input.organizationId);
    if (!org) throw invalid(`organization ${input.organizationId} does not exist`);
    if (!(REGISTRY_COUNTRIES as readonly string[]).includes(org.country))
      throw invalid(`registry applications are taken for makers in ${REGISTRY_COUNTRIES.join(' or ')}; ${org.name} is in ${org.country}`);
    if (!input.productTypeIds.length) throw invalid('name at least one product type (productTypeIds)');
    const products = await this.repoProducts(input.productTypeIds);
    const foreign = products.filter((p) => p.organization_id !== input.organizationId);
    if (foreign.length) throw invalid(`product types ${foreign.map((p) => p.designation).join(', ')} are not made by ${org.name}`);
    const evaluationInput: EvaluationInput = {
      date,
      makerCountry: org.country,
      makerTaxResidentEaeu: input.makerTaxResidentEaeu,
      designRightsYears: input.designRightsYears,
      usesForeignReadyMadeSolutions: input.usesForeignReadyMadeSolutions,
      operations: input.operations.map((o) => ({
        code: o.code as EvaluationInput['operations'][number]['code'],
        country: o.country,
        ...(o.organizationName ? { organizationName: o.organizationName } : {}),
      })),
      contentShares: input.contentShares,
    };
    const evaluation = await this.evaluate(evaluationInput);
    const productName = input.productName?.trim() || products.map((p) => p.designation).join(', ');
    return {
      org,
      products,
      evaluation,
      columns: {
        country: org.country,
        organization_id: org.id,
        maker_name: org.name,
        maker_inn: org.inn ?? null,
        maker_ogrn: org.ogrn ?? null,
        product_name: productName,
        product_name_key: productName.toLowerCase(),
        okpd2: input.okpd2 ?? products.find((p) => p.okpd2)?.okpd2 ?? null,
        tnved: JSON.stringify(input.tnved ?? [...new Set(products.map((p) => p.tnved).filter((t): t is string => !!t))]),
        regulations: input.regulations ?? null,
        maker_tax_resident_eaeu: input.makerTaxResidentEaeu === null ? null : input.makerTaxResidentEaeu ? 1 : 0,
        design_rights_years: input.designRightsYears,
        uses_foreign_solutions: input.usesForeignReadyMadeSolutions === null ? null : input.usesForeignReadyMadeSolutions ? 1 : 0,
        evaluation: JSON.stringify(evaluation),
      },
      operations: input.operations.map((o): NewOperation => ({
        code: o.code,
        country: o.country,
        organizationId: o.organizationId ?? null,
        organizationName: o.organizationName ?? null,
        note: o.note ?? null,
      })),
    };
  }

  private async repoProducts(ids: number[]) {
    const unique = [...new Set(ids)];
    const rows = await this.repo.productsByIds(unique);
    const missing = unique.filter((id) => !rows.some((r) => r.id === id));
    if (missing.length) throw invalid(`product types ${missing.join(', ')} do not exist`);
    return rows;
  }

  async apply(who: Who, input: ApplicationInput) {
    if (!who.actor.canWrite || !who.actor.memberships.has(input.organizationId)) throw forbidden('only members of the maker apply for its product types');
    const now = nowIso();
    const app = await this.applicationColumns(input, now.slice(0, 10));
    const id = await this.write(async (repo, trx) => {
      const id = await repo.insertRecord({ ...app.columns, origin: 'reestr', state: 'draft', created_by: who.userId, created_at: now, updated_at: now });
      await repo.replaceProducts(
        id,
        app.products.map((p) => p.id),
      );
      await repo.replaceOperations(id, app.operations);
      await repo.replaceShares(id, input.contentShares);
      await this.logDecision(repo, trx, id, who, 'apply', now, null, null, { evaluation: summary(app.evaluation) });
      return id;
    });
    return this.get(who.actor, id);
  }

  async update(who: Who, id: number, input: ApplicationInput) {
    const record = await this.editable(who, id);
    if (input.organizationId !== record.organization_id) throw invalid('an application stays with its maker; start a new one for another organization');
    const now = nowIso();
    const app = await this.applicationColumns(input, now.slice(0, 10));
    await this.write(async (repo, trx) => {
      await repo.updateRecord(id, { ...app.columns, updated_at: now });
      await repo.replaceProducts(
        id,
        app.products.map((p) => p.id),
      );
      await repo.replaceOperations(id, app.operations);
      await repo.replaceShares(id, input.contentShares);
      await this.logDecision(repo, trx, id, who, 'edit', now, null, null, { evaluation: summary(app.evaluation) });
    });
    return this.get(who.actor, id);
  }

  private async editable(who: Who, id: number): Promise<RegistryRecordRow> {
    const record = await this.repo.getRecord(id);
    if (!record || (!canSeeUnpublished(who.actor, record) && record.state !== 'included')) throw notFound(`registry record ${id}`);
    if (record.origin !== 'reestr') throw forbidden('records imported from another registry are changed only by re-importing it');
    if (!record.organization_id || !who.actor.canWrite || !who.actor.memberships.has(record.organization_id))
      throw forbidden('only members of the maker change its application');
    if (record.state !== 'draft' && record.state !== 'returned')
      throw conflict(`the application is ${record.state}; it can be changed only as a draft or when returned`);
    return record;
  }

  async submit(who: Who, id: number) {
    const record = await this.editable(who, id);
    const now = nowIso();
    await this.write(async (repo, trx) => {
      const next = this.transition(lifecycleOf(record, [], []), { kind: 'submit', at: now });
      await repo.updateRecord(id, { state: next.application, remarks: null, updated_at: now });
      await this.logDecision(repo, trx, id, who, 'submit', now, null, null, {});
    });
    return this.get(who.actor, id);
  }

  /** The state after a decision; a decision the life cycle does not allow is a conflict, a bad date a 400. */
  private transition(state: LifecycleState, decision: Decision): LifecycleState {
    try {
      return nextState(state, decision);
    } catch (e) {
      if (e instanceof LifecycleError) throw e.code === 'not_allowed' || e.code === 'out_of_order' ? conflict(e.message) : invalid(e.message);
      throw e;
    }
  }

  /** An operator's decision on a record of its country. */
  async decide(who: Who, id: number, input: DecisionInput) {
    const found = await this.repo.getRecord(id);
    if (!found || (!canSeeUnpublished(who.actor, found) && found.state !== 'included')) throw notFound(`registry record ${id}`);
    if (!canDecide(who.actor, found.country)) throw forbidden(`only registry operators of ${found.country} decide this record`);
    if (found.origin !== 'reestr') throw forbidden('records imported from another registry are decided by that registry');
    const now = nowIso();
    await this.write(async (repo, trx) => {
      const record = (await repo.lockRecord(id))!;
      const periods = await repo.periods(id);
      const life = lifecycleOf(record, periods, await repo.suspensions(id));
      const effects = await this.effects(repo, record, life, input, now);
      await repo.updateRecord(id, { ...effects.columns, state: effects.next.application, updated_at: now });
      await this.logDecision(repo, trx, id, who, input.kind, now, effects.effectiveDate, input.remarks ?? null, effects.facts);
    });
    return this.get(who.actor, id);
  }

  private async effects(repo: RegistryRepository, record: RegistryRecordRow, life: LifecycleState, input: DecisionInput, now: string) {
    const date = now.slice(0, 10);
    const remarks = input.remarks ?? null;
    switch (input.kind) {
      case 'return':
      case 'reject': {
        const decision: Decision =
          input.kind === 'return' ? { kind: 'return', at: now, remarks: input.remarks } : { kind: 'reject', at: now, reason: input.remarks };
        return { next: this.transition(life, decision), columns: { remarks }, effectiveDate: null, facts: {} };
      }
      case 'include': {
        const validFrom = input.validFrom ?? date;
        const validTill = input.validTill ?? addDays(addYears(validFrom, 3), -1);
        const next = this.transition(life, { kind: 'include', at: now, validFrom, validTill });
        const ruleSet = await this.judgingRuleSet(repo, record, input.ruleSetId);
        const number = input.number?.trim() || (await this.newNumber(repo, record.country, validFrom));
        const numberKey = registryNumberKey(number);
        if (!numberKey) throw invalid('the registry number has no digits or letters after its prefix');
        if ((await repo.byNumberKey(numberKey)).some((r) => r.origin === 'reestr' && r.id !== record.id))
          throw conflict(`registry number ${number} is already used`);
        await repo.insertPeriod({ record_id: record.id, valid_from: validFrom, valid_till: validTill, doc_date: date, details: null });
        return {
          next,
          columns: {
            number,
            number_key: numberKey,
            valid_from: validFrom,
            valid_till: validTill,
            rule_set_id: ruleSet.id,
            level: ruleSet.level,
            points: ruleSet.points,
            remarks,
          },
          effectiveDate: validFrom,
          facts: {
            number,
            validFrom,
            validTill,
            ruleSet: { id: ruleSet.id, code: ruleSet.code, version: ruleSet.version },
            level: ruleSet.level,
            points: ruleSet.points,
          },
        };
      }
      case 'renew': {
        const last = life.periods.at(-1)?.till ?? null;
        const validFrom = input.validFrom ?? (last ? addDays(last, 1) : date);
        const next = this.transition(life, { kind: 'renew', at: now, validFrom, validTill: input.validTill });
        await repo.insertPeriod({ record_id: record.id, valid_from: validFrom, valid_till: input.validTill, doc_date: date, details: null });
        return { next, columns: { valid_till: input.validTill, remarks }, effectiveDate: validFrom, facts: { validFrom, validTill: input.validTill } };
      }
      case 'suspend': {
        const from = input.date ?? date;
        const next = this.transition(life, { kind: 'suspend', at: now, from, reason: input.remarks });
        await repo.insertSuspension(record.id, from);
        return { next, columns: { suspended: 1, remarks }, effectiveDate: from, facts: { from } };
      }
      case 'resume': {
        const from = input.date ?? date;
        const next = this.transition(life, { kind: 'resume', at: now, from });
        await repo.closeSuspension(record.id, from);
        return { next, columns: { suspended: 0, remarks }, effectiveDate: from, facts: { from } };
      }
      case 'exclude': {
        const endDate = input.date ?? date;
        const next = this.transition(life, { kind: 'exclude', at: now, endDate, reason: input.remarks });
        return { next, columns: { end_date: endDate, remarks }, effectiveDate: endDate, facts: { endDate } };
      }
    }
  }

  /** The rule set an inclusion is judged under: the one named, or the in-force one giving the best level. */
  private async judgingRuleSet(repo: RegistryRepository, record: RegistryRecordRow, ruleSetId: number | undefined) {
    const evaluation: EvaluationResult[] = record.evaluation ? JSON.parse(record.evaluation) : [];
    const rows = await repo.listRuleSets();
    const find = (code: string, version: number) => rows.find((r) => r.code === code && r.version === version);
    if (ruleSetId !== undefined) {
      const row = rows.find((r) => r.id === ruleSetId);
      if (!row) throw invalid(`rule set ${ruleSetId} does not exist`);
      if (row.country !== record.country && row.country !== 'UNION') throw invalid(`rule set ${row.code} is not a rule set of ${record.country}`);
      const result = evaluation.find((e) => e.ruleSet.code === row.code && e.ruleSet.version === row.version);
      return { id: row.id, code: row.code, version: row.version, level: result?.level ?? null, points: result?.points ?? null };
    }
    const qualified = evaluation
      .filter((e) => e.outcome === 'qualified')
      .map((e) => ({ e, row: find(e.ruleSet.code, e.ruleSet.version) }))
      .filter(({ row }) => row && row.status === 'in_force' && (row.country === record.country || row.country === 'UNION') && row.kind !== 'recognition')
      .sort((a, b) => (a.e.level ?? 99) - (b.e.level ?? 99));
    const best = qualified[0];
    if (!best) throw conflict('the product qualifies under no rule set in force; name the rule set (ruleSetId) to include it under, or return the application');
    return { id: best.row!.id, code: best.e.ruleSet.code, version: best.e.ruleSet.version, level: best.e.level, points: best.e.points };
  }

  /**
   * Every registry write takes the log's append lock first, then its rows: writers lock in one order (no
   * deadlocks across processes) and registry numbers are allocated one writer at a time.
   */
  private write<T>(work: (repo: RegistryRepository, trx: Transaction<Database>) => Promise<T>): Promise<T> {
    return this.repo.transaction(async (repo, trx) => {
      await this.log.lock(trx);
      return work(repo, trx);
    });
  }

  private async newNumber(repo: RegistryRepository, country: string, validFrom: string): Promise<string> {
    const prefix = `${country}-${validFrom.slice(0, 4)}-`;
    return prefix + String((await repo.lastNumberSeq(prefix)) + 1).padStart(6, '0');
  }

  private async logDecision(
    repo: RegistryRepository,
    trx: Transaction<Database>,
    recordId: number,
    who: Who,
    kind: string,
    at: string,
    effectiveDate: string | null,
    remarks: string | null,
    facts: Record<string, unknown>,
  ) {
    const after = (await repo.getRecord(recordId))!;
    await this.log.record(trx, [
      { recordId, kind, actorId: who.userId, actorName: who.name, at, effectiveDate, remarks, facts, snapshot: recordSnapshot(after) },
    ]);
  }

  // documents

  async addDocument(who: Who, id: number, file: { fileName: string; mediaType: string; bytes: Buffer; kind: string }) {
    const record = await this.editable(who, id);
    if (!file.bytes.length) throw invalid('the document is empty');
    const sha256 = crypto.createHash('sha256').update(file.bytes).digest('hex');
    const now = nowIso();
    await this.write(async (repo, trx) => {
      const docId = await repo.insertDocument({
        record_id: record.id,
        kind: file.kind,
        file_name: file.fileName,
        media_type: file.mediaType,
        size: file.bytes.length,
        sha256,
        content: file.bytes,
        uploaded_by: who.userId,
        uploaded_at: now,
      });
      await this.logDecision(repo, trx, id, who, 'document', now, null, null, {
        document: { id: docId, kind: file.kind, fileName: file.fileName, size: file.bytes.length, sha256 },
      });
    });
    return this.get(who.actor, id);
  }

  async document(actor: Actor | null, documentId: number) {
    const doc = await this.repo.document(documentId);
    const record = doc && (await this.repo.getRecord(doc.record_id));
    if (!doc || !record || !canSeeUnpublished(actor, record)) throw notFound(`document ${documentId}`);
    return doc;
  }

  // reading

  async get(actor: Actor | null, id: number, date = today()) {
    const record = await this.repo.getRecord(id);
    if (!record || (record.state !== 'included' && !canSeeUnpublished(actor, record))) throw notFound(`registry record ${id}`);
    const [products, operations, shares, periods, suspensions, events, documents] = await Promise.all([
      this.repo.products(id),
      this.repo.operations(id),
      this.repo.shares(id),
      this.repo.periods(id),
      this.repo.suspensions(id),
      this.repo.events(id),
      this.repo.documents(id),
    ]);
    const ruleSet = record.rule_set_id ? ((await this.repo.getRuleSet(record.rule_set_id)) ?? null) : null;
    const status = statusOfState(lifecycleOf(record, periods, suspensions), date);
    const insider = canSeeUnpublished(actor, record);
    return {
      ...this.summary(record, status.status, ruleSet),
      statusDate: date,
      period: { validFrom: status.validFrom ?? null, validTill: status.validTill ?? null, endDate: status.endDate ?? null },
      primaryNumber: record.primary_number,
      makerAddress: record.maker_address,
      productionAddress: record.production_address,
      okpd2: record.okpd2,
      tnved: JSON.parse(record.tnved) as string[],
      regulations: record.regulations,
      ektru: record.ektru,
      percentage: record.percentage,
      scoreDescription: record.score_desc,
      isElectronic: record.is_electronic === null ? null : !!record.is_electronic,
      isAi: record.is_ai === null ? null : !!record.is_ai,
      basisDocument: {
        name: record.doc_name,
        date: record.doc_date,
        number: record.doc_number,
        validTill: record.doc_valid_till,
        department: record.department,
        conclusionNumber: record.conclusion_number,
      },
      remarks: record.remarks,
      makerTaxResidentEaeu: record.maker_tax_resident_eaeu === null ? null : !!record.maker_tax_resident_eaeu,
      designRightsYears: record.design_rights_years,
      usesForeignReadyMadeSolutions: record.uses_foreign_solutions === null ? null : !!record.uses_foreign_solutions,
      evaluation: record.evaluation ? (JSON.parse(record.evaluation) as EvaluationResult[]) : null,
      products: products.map((p) => ({ id: p.id, designation: p.designation, designationLatin: p.designation_latin, categoryCode: p.category_code })),
      operations: operations.map((o) => ({
        code: o.code,
        country: o.country,
        organizationId: o.organization_id,
        organizationName: o.organization_name,
        note: o.note,
      })),
      contentShares: shares,
      periods: periods.map((p) => ({ validFrom: p.valid_from, validTill: p.valid_till, docDate: p.doc_date })),
      suspensions: suspensions.map((s) => ({ from: s.from_date, till: s.till_date })),
      documents: documents.map((d) => ({
        id: d.id,
        kind: d.kind,
        fileName: d.file_name,
        mediaType: d.media_type,
        size: d.size,
        sha256: d.sha256,
        uploadedAt: d.uploaded_at,
        downloadable: insider,
      })),
      history: events.map((e) => ({
        id: e.id,
        kind: e.kind,
        actorName: e.actor_name,
        at: e.at,
        effectiveDate: e.effective_date,
        remarks: e.remarks,
        facts: (JSON.parse(e.payload) as { facts?: unknown }).facts ?? {},
      })),
      canEdit:
        !!actor &&
        record.origin === 'reestr' &&
        (record.state === 'draft' || record.state === 'returned') &&
        record.organization_id !== null &&
        actor.canWrite &&
        actor.memberships.has(record.organization_id),
      canDecide: !!actor && record.origin === 'reestr' && canDecide(actor, record.country),
    };
  }

  summary(record: RegistryRecordRow, status: RegistryStatus, ruleSet: Pick<RuleSetRow, 'id' | 'code' | 'version' | 'title_ru' | 'title_en'> | null) {
    return {
      id: record.id,
      origin: record.origin,
      number: record.number,
      country: record.country,
      state: record.state,
      status,
      organizationId: record.organization_id,
      makerName: record.maker_name,
      makerInn: record.maker_inn,
      productName: record.product_name,
      level: record.level,
      points: record.points,
      ruleSet: ruleSet ? { id: ruleSet.id, code: ruleSet.code, version: ruleSet.version, title: { ru: ruleSet.title_ru, en: ruleSet.title_en } } : null,
      validFrom: record.valid_from,
      validTill: record.valid_till,
      endDate: record.end_date,
      suspended: !!record.suspended,
      updatedAt: record.updated_at,
    };
  }

  /** Status of many records on one date, from their periods and suspensions. */
  async summaries(rows: RegistryRecordRow[], date: string) {
    const ruleSets = new Map(
      (await this.repo.ruleSetCodes([...new Set(rows.map((r) => r.rule_set_id).filter((x): x is number => x !== null))])).map((r) => [r.id, r]),
    );
    const { periods, suspensions } = await this.repo.timelines(rows.map((r) => r.id));
    return rows.map((r) =>
      this.summary(
        r,
        statusOfState(lifecycleOf(r, periods.get(r.id) ?? [], suspensions.get(r.id) ?? []), date).status,
        r.rule_set_id ? (ruleSets.get(r.rule_set_id) ?? null) : null,
      ),
    );
  }

  async list(
    actor: Actor | null,
    filters: Omit<RecordFilters, 'visibility' | 'categoryIds' | 'date'> & { date?: string; category?: string },
    page: PageRequest,
  ) {
    const date = filters.date ?? today();
    const categoryIds = filters.category ? await this.categories.subtreeIds(filters.category) : null;
    const { items, total } = await this.repo.list({ ...filters, date, categoryIds, visibility: visibilityOf(actor) }, page);
    return { items: await this.summaries(items, date), total, page: page.page, pageSize: page.pageSize, date };
  }

  /** Applications awaiting a decision: an operator sees its country's, an admin all. */
  async queue(actor: Actor, page: PageRequest) {
    if (!isAdmin(actor) && actor.role !== 'operator') throw forbidden('the review queue is for registry operators');
    const countries = isAdmin(actor) ? null : [actor.operatorCountry ?? ''];
    const { items, total } = await this.repo.queue(countries, page);
    return { items: await this.summaries(items, today()), total, page: page.page, pageSize: page.pageSize };
  }
}

function summary(evaluation: EvaluationResult[]) {
  return evaluation.map((e) => ({ ruleSet: e.ruleSet, outcome: e.outcome, level: e.level, points: e.points }));
}
