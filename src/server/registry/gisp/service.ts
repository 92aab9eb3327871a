/**
 * Import and export of the Russian registry's open data (ПП 719). The import is a daily re-import of the whole
 * published file in flat memory:
 *
 * 1. stream the file once: decode, read CSV records, check the header, parse each row; rejected rows are kept
 *    (line and reason); good rows are staged into a temporary table keyed by registry number — the rows of one
 *    number (renewals) may be anywhere in the file, so grouping them in memory would grow with the file;
 * 2. read the staging table back in number order, page by page; each page is one transaction: records whose
 *    source hash (of their rows' values) is unchanged are skipped, the others are inserted or updated with
 *    their periods, and every change is a decision in the tamper-evident log (`include`, `renew`, `exclude`,
 *    `import` for corrections), with a checkpoint at the end of each transaction. What a page changes is planned
 *    first (`writer.ts`); a load that mostly adds records into an SQLite file has the plans written by a thread
 *    with a connection of its own while it plans the next page;
 * 3. count what ran out since the previous import (`expired`: no decision, time passed) and store the summary.
 *
 * Nothing is written before the whole file has been read, so a file that is not UTF-8 or has the wrong header
 * changes nothing. A failure in step 2 leaves the committed pages (each consistent) and marks the import failed;
 * importing the file again completes it.
 */
import crypto, { type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import {
  CsvReader,
  GISP_HEADER_LINE,
  checkGispHeader,
  gispCsvLine,
  gispRecord,
  gispDetailsJson,
  gispValuesFromDetails,
  gispValuesFromJson,
  gispValuesJson,
  isGispRowError,
  parseGispRow,
  type CsvRecord,
  type GispRecord,
  type GispRowError,
  type GispValues,
} from '../../../domain/registry/gisp';
import type { NewRegistryRecord, RegistryRecordRow } from '../../db/types';
import { parseJsonList } from '../../db/sql-helpers';
import { AppError, conflict, invalid, notFound } from '../../http/errors';
import { nowIso } from '../../clock';
import { recordSnapshot, type RecordSnapshot } from '../snapshot';
import { preparePayload } from '../log/service';
import { GispRepository, type ExportRecord, type Executor, type ImportRow, type StagedRow } from './repository';
import { writePage, type GispLogWriter, type GispPlan, type PlannedPeriod } from './writer';
import { GispWriterThread } from './writer-thread';

export const GISP_SOURCE = 'gisp-pp719';
export const GISP_ACTOR_NAME = 'ГИСП (открытые данные)';
/** Rejected rows kept in a summary; the count is always complete. */
export const MAX_REJECTED_LISTED = 1000;
/** Records in a file from which an import that mostly adds records drops and rebuilds unordered indexes. */
export const BULK_LOAD_RECORDS = 20_000;
/** Registry numbers of a page planned at a time (the page stays one transaction). */
const APPLY_PART = 500;

export interface GispImportSummary {
  status: 'running' | 'finished' | 'failed';
  /** The date the statuses are taken on (expired = in force on the previous import's date, not on this one). */
  asOf: string;
  previousImportId: number | null;
  previousAsOf: string | null;
  /** Data rows read (without the header), rejected ones included. */
  rows: number;
  /** Distinct registry numbers among the good rows. */
  records: number;
  new: number;
  renewed: number;
  excluded: number;
  expired: number;
  /** Changed in other columns (name, address, documents…), or newly linked to an organization by ИНН. */
  updated: number;
  unchanged: number;
  /** Records of origin gisp that the file no longer lists (kept as they are). */
  absent: number;
  /** Decisions written to the log. */
  events: number;
  rejectedRows: number;
  rejected: GispRowError[];
  error?: string;
  seconds?: number;
}

export interface GispImport {
  id: number;
  source: string;
  fileName: string;
  sha256: string;
  rows: number;
  startedBy: number | null;
  startedAt: string;
  finishedAt: string;
  summary: GispImportSummary;
}

export interface GispImportOptions {
  fileName?: string;
  /** `YYYY-MM-DD`; default today (UTC). */
  asOf?: string;
  startedBy?: number | null;
  onProgress?: (p: { phase: 'read' | 'apply'; done: number; total: number }) => void;
  /** Staged rows read back per page; one page = one transaction (default 5000). */
  pageRows?: number;
  /** Records from which a load that mostly adds records rebuilds unordered indexes at its end (BULK_LOAD_RECORDS). */
  bulkLoadRecords?: number;
  /**
   * Whether an import into an SQLite file has its pages written by a thread of its own; by default a load that
   * mostly adds records does (the first import; a daily re-import writes little).
   */
  writerThread?: boolean;
}

interface Context {
  importId: number;
  at: string;
  startedBy: number | null;
  summary: GispImportSummary;
}

type Row = GispValues & { line: number; number: string; numberKey: string };

/** The columns of a record that follow from its rows (everything the import writes except ids and times). */
type RecordColumns = Omit<
  NewRegistryRecord,
  | 'id'
  | 'created_at'
  | 'updated_at'
  | 'created_by'
  | 'source_hash'
  | 'evaluation'
  | 'maker_tax_resident_eaeu'
  | 'design_rights_years'
  | 'uses_foreign_solutions'
  | 'remarks'
>;

const COMPARED: (keyof RecordColumns)[] = [
  'number',
  'primary_number',
  'organization_id',
  'maker_name',
  'maker_inn',
  'maker_ogrn',
  'maker_address',
  'production_address',
  'product_name',
  'product_name_key',
  'okpd2',
  'tnved',
  'regulations',
  'ektru',
  'level',
  'points',
  'percentage',
  'score_desc',
  'is_electronic',
  'is_ai',
  'doc_name',
  'doc_date',
  'doc_number',
  'doc_valid_till',
  'department',
  'conclusion_number',
  'state',
  'valid_from',
  'valid_till',
  'end_date',
];

const flag = (b: boolean | null) => (b === null ? null : b ? 1 : 0);
const same = (a: unknown, b: unknown) => (a ?? null) === (b ?? null) || (typeof a === 'number' && typeof b === 'number' && Math.abs(a - b) < 1e-9);
const laterTill = (a: string | null, b: string | null) => a !== b && (a === null || (b !== null && a > b));

export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

export class GispService {
  private running = false;

  constructor(
    private readonly repo: GispRepository,
    private readonly log: GispLogWriter,
    /** For a writer thread: the SQLite file and the log's signing key (none: every page is written here). */
    private readonly threadOptions: { databaseFile: string; logKey: () => KeyObject } | null = null,
  ) {}

  // -------------------------------------------------------------------------------------------------------
  // import

  /** Imports a file of the published layout; throws a 4xx AppError (nothing written) when it is not one. */
  async importFile(file: string, options: GispImportOptions = {}): Promise<GispImport> {
    const asOf = options.asOf ?? todayIso();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(Date.parse(asOf))) throw invalid(`as-of date "${asOf}" must be YYYY-MM-DD`);
    if (this.running) throw conflict('an import of the registry open data is already running; try again when it has finished');
    this.running = true;
    try {
      return await this.repo.withConnection((conn) => this.run(conn, file, asOf, options));
    } finally {
      this.running = false;
    }
  }

  private async run(conn: Executor, file: string, asOf: string, options: GispImportOptions): Promise<GispImport> {
    const started = performance.now();
    const startedAt = nowIso();
    const summary: GispImportSummary = {
      status: 'running',
      asOf,
      previousImportId: null,
      previousAsOf: null,
      rows: 0,
      records: 0,
      new: 0,
      renewed: 0,
      excluded: 0,
      expired: 0,
      updated: 0,
      unchanged: 0,
      absent: 0,
      events: 0,
      rejectedRows: 0,
      rejected: [],
    };
    let staging: string | null = null;
    try {
      // 1. read and stage
      const total = (await fs.promises.stat(file)).size;
      const hash = crypto.createHash('sha256');
      let header = false;
      let buffer: StagedRow[] = [];
      const flush = async () => {
        if (!buffer.length) return;
        const rows = buffer;
        buffer = [];
        await conn.transaction().execute((trx) => this.repo.stage(trx, staging!, rows));
      };
      for await (const { records, bytesRead } of readCsv(file, hash)) {
        for (const r of records) {
          if (!header) {
            if ('error' in r) throw invalid(`the header cannot be read: ${r.error}`);
            const problem = checkGispHeader(r.fields);
            if (problem) throw invalid(problem);
            header = true;
            staging = await this.repo.createStaging(conn);
            continue;
          }
          summary.rows++;
          const row = 'error' in r ? { line: r.line, message: r.error } : parseGispRow(r.fields, r.line);
          if (isGispRowError(row)) {
            summary.rejectedRows++;
            if (summary.rejected.length < MAX_REJECTED_LISTED) summary.rejected.push(row);
            continue;
          }
          buffer.push({ number_key: row.numberKey, line: row.line, data: gispValuesJson(row) });
        }
        if (buffer.length >= 5000) await flush();
        options.onProgress?.({ phase: 'read', done: bytesRead, total });
      }
      if (!header) throw invalid('the file is empty: no header row');
      if (summary.rows > 0 && summary.rejectedRows === summary.rows) {
        const reasons = summary.rejected.slice(0, 3).map((r) => `line ${r.line}: ${r.message}`);
        throw invalid(`none of the file's ${summary.rows} rows can be read, so nothing was imported (${reasons.join('; ')})`);
      }
      await flush();
      summary.records = await this.repo.finishStaging(conn, staging!);
      const sha256 = hash.digest('hex');

      // 2. apply, page by page
      const previous = (await this.repo.recentImports(GISP_SOURCE, 20)).map(toImport).find((i) => i.summary.status === 'finished');
      summary.previousImportId = previous?.id ?? null;
      summary.previousAsOf = previous?.summary.asOf ?? null;
      const maxIdBefore = await this.repo.maxRecordId(conn);
      const importId = await this.repo.createImport({
        source: GISP_SOURCE,
        file_name: options.fileName ?? file.split(/[\\/]/).pop()!,
        sha256,
        rows: summary.rows,
        summary: JSON.stringify(summary),
        started_by: options.startedBy ?? null,
        started_at: startedAt,
        finished_at: startedAt,
      });
      const ctx: Context = { importId, at: startedAt, startedBy: options.startedBy ?? null, summary };
      // a load that mostly adds records (the first import) rebuilds the unordered indexes once at the end
      await this.repo.restoreIndexes(conn);
      const bulk = summary.records >= (options.bulkLoadRecords ?? BULK_LOAD_RECORDS) && (await this.repo.countGispRecords(conn)) * 2 < summary.records;
      const suspended = bulk && (await this.repo.suspendIndexes(conn));
      let thread: GispWriterThread | null = null;
      try {
        // a large first import into an SQLite file is written by a thread of its own while the next page is planned
        if (this.threadOptions && (options.writerThread ?? bulk))
          thread = await GispWriterThread.start(this.threadOptions.databaseFile, this.threadOptions.logKey());
        const pageRows = options.pageRows ?? 5000;
        let after: string | null = null;
        let done = 0;
        let writing: Promise<number> | null = null;
        for (;;) {
          const page = await this.repo.stagedPage(conn, staging!, after, pageRows);
          if (!page.length) break;
          let groups = groupStaged(page);
          if (page.length === pageRows) {
            // the last number may continue on the next page: leave it for then, unless it fills the page alone
            if (groups.length > 1) groups = groups.slice(0, -1);
            else groups = [await this.repo.stagedRowsOf(conn, staging!, groups[0][0].number_key)];
          }
          // in parts, so that what is parsed and looked up for one part is garbage before the next is planned
          const parts: StagedRow[][][] = [];
          for (let i = 0; i < groups.length; i += APPLY_PART) parts.push(groups.slice(i, i + APPLY_PART));
          if (thread) {
            for (const part of parts) thread.write(await this.planPart(conn, part, ctx));
            const committed = thread.commit();
            committed.catch(() => {}); // awaited after the next page is planned; handled if planning fails first
            if (writing) summary.events += await writing;
            writing = committed;
          } else summary.events += await conn.transaction().execute((trx) => writePage(trx, this.repo, this.log, this.plans(trx, parts, ctx)));
          after = groups[groups.length - 1][0].number_key;
          done += groups.length;
          options.onProgress?.({ phase: 'apply', done, total: summary.records });
        }
        if (writing) summary.events += await writing;
        // 3. what ran out, and what the file no longer lists
        if (summary.previousAsOf) summary.expired = await this.repo.countExpired(conn, summary.previousAsOf, asOf, maxIdBefore);
        summary.absent = await this.repo.countAbsent(conn, staging!);
        summary.status = 'finished';
      } catch (e) {
        summary.status = 'failed';
        summary.error = e instanceof Error ? e.message : String(e);
        throw e;
      } finally {
        await thread?.close();
        if (suspended) await this.repo.restoreIndexes(conn);
        summary.seconds = Math.round(performance.now() - started) / 1000;
        await this.repo.finishImport(importId, { rows: summary.rows, summary: JSON.stringify(summary), finished_at: nowIso() });
      }
      return {
        id: importId,
        source: GISP_SOURCE,
        fileName: options.fileName ?? file,
        sha256,
        rows: summary.rows,
        startedBy: ctx.startedBy,
        startedAt,
        finishedAt: nowIso(),
        summary,
      };
    } finally {
      if (staging) await this.repo.dropStaging(conn, staging);
    }
  }

  /** The plans of a page's parts, each made when the previous one has been written (in the page's transaction). */
  private async *plans(trx: Executor, parts: StagedRow[][][], ctx: Context): AsyncGenerator<GispPlan> {
    for (const part of parts) yield await this.planPart(trx, part, ctx);
  }

  /**
   * What part of a page of registry numbers changes (read on `conn`: the page's transaction, or the import's
   * connection while the writer thread writes the previous page). The source hash is taken from the staged text,
   * so an unchanged number costs one indexed lookup and is never parsed again.
   */
  private async planPart(conn: Executor, groups: StagedRow[][], ctx: Context): Promise<GispPlan> {
    const { summary } = ctx;
    const items = groups.map((rows) => {
      // a row repeated verbatim is one period
      const unique = rows.filter((r, i) => i === 0 || !rows.slice(0, i).some((q) => q.data === r.data));
      return { key: rows[0].number_key, rows: unique, hash: sourceHash(unique), lines: rows.map((r) => r.line) };
    });
    const states = await this.repo.recordStates(
      conn,
      items.map((i) => i.key),
    );
    const parse = (rows: StagedRow[]) =>
      gispRecord(
        rows.map((r) => {
          const v = gispValuesFromJson(r.data) as Row;
          v.line = r.line;
          v.number = (v.registerNumber ?? v.primaryNumber)!;
          v.numberKey = r.number_key;
          return v;
        }),
        true,
      );
    const work = items.map((item) => {
      const state = states.get(item.key);
      const record = state && state.source_hash === item.hash ? null : parse(item.rows);
      return { ...item, state, record };
    });
    // ИНН of every record that is new, changed, or not linked to an organization yet
    const inns: string[] = [];
    for (const w of work) {
      const inn = w.record ? w.record.current.inn : w.state!.organization_id === null ? w.state!.maker_inn : null;
      if (inn) inns.push(inn);
    }
    const orgs = inns.length ? await this.repo.organizationsByInn(conn, inns) : new Map<string, number>();
    const orgOf = (inn: string | null) => (inn && orgs.get(inn)) || null;
    const linkable = work.filter((w) => !w.record && w.state!.organization_id === null && orgOf(w.state!.maker_inn) !== null);
    const changedIds = work.filter((w) => w.record && w.state).map((w) => w.state!.id);
    const full = await this.repo.recordsById(conn, [...changedIds, ...linkable.map((w) => w.state!.id)]);

    const plan: GispPlan = { updates: [], replaced: [], events: [], fresh: [] };
    // the payload is written here, so that one string crosses to a writer thread instead of the facts and snapshot
    const decision = (kind: string, effectiveDate: string | null, snapshot: RecordSnapshot, lines: number[], facts: Record<string, unknown> = {}) => ({
      kind,
      actorId: null,
      actorName: GISP_ACTOR_NAME,
      at: ctx.at,
      effectiveDate,
      remarks: null,
      payload: preparePayload({ importId: ctx.importId, source: GISP_SOURCE, lines, ...facts }, snapshot),
    });

    for (const { record, state, hash, lines } of work) {
      if (!record) {
        // unchanged source; linked when the maker's organization has appeared since
        const org = state!.organization_id === null ? orgOf(state!.maker_inn) : null;
        if (org === null) {
          summary.unchanged++;
          continue;
        }
        const old = full.get(state!.id)!;
        plan.updates.push({ id: old.id, values: { organization_id: org, updated_at: ctx.at } });
        plan.events.push({
          recordId: old.id,
          ...decision('import', null, recordSnapshot({ ...old, organization_id: org }), lines, { changed: ['organization_id'] }),
        });
        summary.updated++;
        continue;
      }
      if (!state) {
        const columns = recordColumns(record, orgOf(record.current.inn));
        const snapshot = recordSnapshot(columns as RecordSnapshot);
        const events = [
          decision('include', record.periods[0].docDate, record.endDate ? { ...snapshot, end_date: null } : snapshot, lines, {
            number: record.number,
            periods: record.periods.length,
          }),
        ];
        if (record.endDate) events.push(decision('exclude', record.endDate, snapshot, lines));
        plan.fresh.push({
          record: { ...columns, source_hash: hash, created_by: null, created_at: ctx.at, updated_at: ctx.at },
          periods: periodRows(record, columns),
          events,
        });
        summary.new++;
        continue;
      }
      const old = full.get(state.id)!;
      const columns = recordColumns(record, old.organization_id ?? orgOf(record.current.inn));
      const changed = COMPARED.filter((c) => !same(old[c as keyof RegistryRecordRow], columns[c]));
      if (!changed.length) {
        // the same facts written differently (order of rows, DD.MM.YYYY, a repeated row)
        plan.updates.push({ id: old.id, values: { source_hash: hash } });
        summary.unchanged++;
        continue;
      }
      plan.updates.push({ id: old.id, values: { ...columns, source_hash: hash, updated_at: ctx.at } });
      plan.replaced.push({ recordId: old.id, periods: periodRows(record, columns) });
      const after = { ...old, ...columns } as RegistryRecordRow;
      const renewed = (after.valid_from ?? '') > (old.valid_from ?? '') || laterTill(after.valid_till, old.valid_till);
      // an early end of a record in force, or of the period a renewal opened (an earlier period's end is history)
      const excluded = after.end_date !== null && (old.end_date === null || (renewed && after.end_date !== old.end_date));
      const facts = { changed };
      const event = (...args: Parameters<typeof decision>) => plan.events.push({ recordId: old.id, ...decision(...args) });
      // the newest event's snapshot is the record as stored: the renewal is logged before the early end that follows
      if (renewed)
        event('renew', after.valid_from, recordSnapshot(excluded ? { ...after, end_date: null } : after), lines, { ...facts, validTill: after.valid_till });
      if (excluded) event('exclude', after.end_date, recordSnapshot(after), lines, facts);
      if (!renewed && !excluded) event('import', null, recordSnapshot(after), lines, facts);
      if (excluded) summary.excluded++;
      else if (renewed) summary.renewed++;
      else summary.updated++;
    }
    return plan;
  }

  /**
   * Builds the indexes a large first import drops while loading, where they are missing: an import killed before
   * its end leaves them dropped (queries stay correct, only slower), so every start-up checks.
   */
  restoreIndexes(): Promise<void> {
    return this.repo.restoreIndexes();
  }

  // -------------------------------------------------------------------------------------------------------
  // history

  async listImports(limit: number, offset: number): Promise<{ items: GispImport[]; total: number }> {
    const { items, total } = await this.repo.listImports(GISP_SOURCE, limit, offset);
    return {
      items: items.map((i) => {
        const imp = toImport(i);
        return { ...imp, summary: { ...imp.summary, rejected: imp.summary.rejected.slice(0, 20) } };
      }),
      total,
    };
  }

  async getImport(id: number): Promise<GispImport> {
    const row = await this.repo.getImport(id);
    if (!row || row.source !== GISP_SOURCE) throw notFound(`import ${id}`);
    return toImport(row);
  }

  // -------------------------------------------------------------------------------------------------------
  // export

  /**
   * The published layout, line by line: reestr's own included records (or, with `all`, every included record),
   * one row per validity period. Records imported from ГИСП are written back exactly as their rows were read.
   */
  async *exportLines(options: { all?: boolean } = {}): AsyncGenerator<string> {
    yield '\uFEFF' + GISP_HEADER_LINE;
    for await (const page of this.repo.exportPages({ all: Boolean(options.all) })) {
      let chunk = '';
      for (const record of page) for (const values of exportRows(record)) chunk += gispCsvLine(values);
      yield chunk;
    }
  }
}

/** Bytes of the file decoded as UTF-8 (strictly: another encoding is a clear error) into CSV records. */
async function* readCsv(file: string, hash: crypto.Hash): AsyncGenerator<{ records: CsvRecord[]; bytesRead: number }> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const reader = new CsvReader();
  let bytesRead = 0;
  const decode = (chunk?: Buffer) => {
    try {
      return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
    } catch {
      throw new AppError(415, 'unsupported_media_type', 'the file is not UTF-8 text; export the registry data as a UTF-8 CSV');
    }
  };
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 256 * 1024 }) as AsyncIterable<Buffer>) {
    if (bytesRead === 0 && (chunk.includes(0) || (chunk[0] === 0x50 && chunk[1] === 0x4b)))
      throw new AppError(415, 'unsupported_media_type', 'a binary file (XLSX, ZIP…); upload the registry data as CSV');
    hash.update(chunk);
    bytesRead += chunk.length;
    yield { records: reader.push(decode(chunk)), bytesRead };
  }
  yield { records: [...reader.push(decode()), ...reader.end()], bytesRead };
}

function groupStaged(rows: StagedRow[]): StagedRow[][] {
  const groups: StagedRow[][] = [];
  for (const r of rows) {
    const last = groups[groups.length - 1];
    if (last && last[0].number_key === r.number_key) last.push(r);
    else groups.push([r]);
  }
  return groups;
}

/** Hash of the distinct row values of one number, independent of their order and place in the file. */
function sourceHash(rows: StagedRow[]): string {
  const data = [...new Set(rows.map((r) => r.data))].sort();
  return crypto.createHash('sha256').update(data.join('\n')).digest('hex');
}

function recordColumns(record: GispRecord<Row>, organizationId: number | null): RecordColumns {
  const c = record.current;
  const productName = c.productName ?? '';
  return {
    origin: 'gisp',
    country: 'RU',
    number: record.number,
    number_key: record.numberKey,
    primary_number: c.primaryNumber,
    organization_id: organizationId,
    maker_name: c.makerName ?? '',
    maker_inn: c.inn,
    maker_ogrn: c.ogrn,
    maker_address: c.makerAddress,
    production_address: c.productionAddress,
    product_name: productName,
    product_name_key: productName.toLowerCase(),
    okpd2: c.okpd2,
    tnved: JSON.stringify(c.tnved),
    regulations: c.regulations,
    ektru: c.ektru,
    rule_set_id: null,
    level: c.level,
    points: c.score,
    percentage: c.percentage,
    score_desc: c.scoreDesc,
    is_electronic: flag(c.isElectronic),
    is_ai: flag(c.isAi),
    doc_name: c.docName,
    doc_date: c.docDateBasis,
    doc_number: c.docNumber,
    doc_valid_till: c.docValidTillTpp,
    department: c.department,
    conclusion_number: c.conclusionNumber,
    state: 'included',
    valid_from: c.docDate,
    valid_till: c.validTill,
    end_date: record.endDate,
    suspended: 0,
  };
}

/** The validity periods of a record, each with the details in which its row differs from the current one. */
function periodRows(record: GispRecord<Row>, columns: RecordColumns): PlannedPeriod[] {
  const base = recordValues(columns);
  return record.periods.map((p) => ({ valid_from: p.docDate!, valid_till: p.validTill, doc_date: p.docDate, details: gispDetailsJson(p, base) }));
}

/** The values of a record's current row, as its columns hold them (the base its periods' details differ from). */
function recordValues(r: Omit<RecordColumns, 'origin' | 'country' | 'state'>): GispValues {
  return {
    makerName: r.maker_name || null,
    ogrn: r.maker_ogrn ?? null,
    inn: r.maker_inn ?? null,
    makerAddress: r.maker_address ?? null,
    productionAddress: r.production_address ?? null,
    primaryNumber: r.primary_number ?? null,
    ektru: r.ektru ?? null,
    docDate: r.valid_from ?? null,
    validTill: r.valid_till ?? null,
    endDate: r.end_date ?? null,
    registerNumber: r.number ?? null,
    productName: r.product_name || null,
    okpd2: r.okpd2 ?? null,
    tnved: parseJsonList(r.tnved ?? '[]'),
    regulations: r.regulations ?? null,
    score: r.points ?? null,
    percentage: r.percentage ?? null,
    scoreDesc: r.score_desc ?? null,
    isElectronic: r.is_electronic === null || r.is_electronic === undefined ? null : Boolean(r.is_electronic),
    isAi: r.is_ai === null || r.is_ai === undefined ? null : Boolean(r.is_ai),
    level: r.level ?? null,
    docName: r.doc_name ?? null,
    docDateBasis: r.doc_date ?? null,
    docNumber: r.doc_number ?? null,
    docValidTillTpp: r.doc_valid_till ?? null,
    department: r.department ?? null,
    conclusionNumber: r.conclusion_number ?? null,
  };
}

function toImport(row: ImportRow): GispImport {
  return {
    id: row.id,
    source: row.source,
    fileName: row.file_name,
    sha256: row.sha256,
    rows: row.rows,
    startedBy: row.started_by,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    summary: JSON.parse(row.summary) as GispImportSummary,
  };
}

/** The rows of one record: the stored source rows of an imported record, else its periods from the record's columns. */
function exportRows(r: ExportRecord): GispValues[] {
  const current = recordValues(r);
  const stored = r.origin === 'gisp' ? r.periods.map((p) => gispValuesFromDetails(p.details, current)) : [];
  if (stored.length && stored.every((v) => v !== null)) return stored as GispValues[];
  const base = current;

  if (!r.periods.length) return [base];
  // older periods carry their own dates; the record's current facts and early end belong to the newest
  return r.periods.map((p, i) =>
    i === r.periods.length - 1
      ? { ...base, docDate: p.valid_from, validTill: p.valid_till }
      : { ...base, docDate: p.valid_from, validTill: p.valid_till, endDate: null },
  );
}
