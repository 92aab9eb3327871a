/**
 * BOM import-substitution analysis: read a real file (CSV in any common encoding and separator, XLSX, pasted
 * text, or JSON lines), find the header and map the columns, parse the lines, match them through the search
 * tiers, and keep the result as a shareable analysis that can be re-run when the catalogue changes.
 */
import crypto from 'node:crypto';
import { binaryKindMessage, decodeBytes, detectBinaryKind } from '../../domain/bom/decode';
import { splitTable } from '../../domain/bom/table';
import { detectHeader, mappingFromRoles } from '../../domain/bom/header';
import { toLines } from '../../domain/bom/lines';
import type { BomLine, ColumnMapping, ColumnRole } from '../../domain/bom/types';
import {
  lineQuery,
  lineStatus,
  statusChanges,
  summarise,
  type AnalysedLine,
  type AnalysisStatus,
  type BomSummary,
  type Candidate,
} from '../../domain/bom/analysis';
import { isAdmin, type Actor } from '../../domain/permissions';
import { AppError, forbidden, invalid, notFound } from '../http/errors';
import { parseJsonList } from '../db/sql-helpers';
import { nowIso } from '../clock';
import type { SearchRepository } from '../search/repository';
import type { BomAnalysesTable, BomLinesTable } from '../db/types';
import { bestStanding, type RegistryRef } from '../../domain/matching-registry';
import { matchQueries } from './matcher';
import type { BomRepository } from './repository';
import { readXlsx, zipBombProblem } from './xlsx';

export interface BomLimits {
  maxBytes: number;
  maxLines: number;
}

export type Upload =
  { kind: 'file'; filename: string; bytes: Buffer } | { kind: 'text'; name?: string; text: string } | { kind: 'lines'; name?: string; lines: JsonLine[] };

export interface JsonLine {
  partNumber?: string | null;
  manufacturer?: string | null;
  value?: string | null;
  quantity?: number | null;
  designators?: string | null;
  description?: string | null;
}

export interface RunOptions {
  sheet?: string;
  /** Column index → role, as the user set it in the mapping step; otherwise detected. */
  roles?: Record<number, ColumnRole | null>;
  /** Zero-based header row, when the user picked another one. */
  headerRow?: number;
  name?: string;
}

interface SourceTable {
  name: string;
  sourceKind: 'csv' | 'xlsx' | 'text' | 'json';
  encoding: string | null;
  delimiter: string | null;
  sheets: string[];
  sheet: string | null;
  rows: string[][];
  lines: number[];
}

const JSON_HEADERS = ['Part Number', 'Manufacturer', 'Value', 'Quantity', 'Designator', 'Description'];
const JSON_ROLES: Record<number, ColumnRole> = { 0: 'partNumber', 1: 'manufacturer', 2: 'value', 3: 'quantity', 4: 'designators', 5: 'description' };

const unprocessable = (what: string) => new AppError(422, 'invalid_request', what);

export interface BomAnalysisView {
  id: string;
  name: string;
  owner: number | null;
  sourceKind: string;
  encoding: string | null;
  delimiter: string | null;
  sheet: string | null;
  headerRow: number;
  headers: string[];
  mapping: ColumnMapping['columns'];
  summary: BomSummary;
  changes: { position: number; sourceLine: number; from: string; to: string }[] | null;
  skipped: { sourceLine: number; reason: string }[];
  revision: number;
  createdAt: string;
  runAt: string;
  lines: {
    position: number;
    sourceLine: number;
    cells: string[];
    partNumber: string | null;
    value: string | null;
    manufacturer: string | null;
    designators: string[];
    quantity: number | null;
    dnp: boolean;
    generic: BomLine['generic'];
    warnings: string[];
    status: AnalysisStatus;
    previousStatus: AnalysisStatus | null;
    bestTier: string | null;
    candidates: Candidate[];
  }[];
}

export class BomService {
  constructor(
    private readonly repo: BomRepository,
    private readonly search: SearchRepository,
    private readonly limits: BomLimits,
  ) {}

  /** Reads an upload into rows of text cells, with clear errors for anything that is not a BOM. */
  async readSource(upload: Upload, sheet?: string): Promise<SourceTable> {
    if (upload.kind === 'lines') {
      if (!upload.lines.length) throw invalid('the list of lines is empty');
      if (upload.lines.length > this.limits.maxLines) throw new AppError(413, 'invalid_request', `more than ${this.limits.maxLines} lines; split the BOM`);
      const rows = [
        JSON_HEADERS,
        ...upload.lines.map((l) => [
          l.partNumber ?? '',
          l.manufacturer ?? '',
          l.value ?? '',
          l.quantity == null ? '' : String(l.quantity),
          l.designators ?? '',
          l.description ?? '',
        ]),
      ];
      return {
        name: upload.name ?? 'lines',
        sourceKind: 'json',
        encoding: null,
        delimiter: null,
        sheets: [],
        sheet: null,
        rows,
        lines: rows.map((_, i) => i + 1),
      };
    }
    if (upload.kind === 'text') {
      if (!upload.text.trim()) throw invalid('the pasted text is empty');
      return this.fromText(upload.text, upload.name ?? 'pasted text', 'text', null);
    }
    const { bytes, filename } = upload;
    if (bytes.length === 0) throw invalid(`the file ${filename} is empty`);
    if (bytes.length > this.limits.maxBytes) throw new AppError(413, 'body_too_large', String(this.limits.maxBytes));
    const binary = detectBinaryKind(bytes);
    if (binary === 'xlsx' || (binary === 'zip' && /\.xlsx$/i.test(filename))) {
      const problem = zipBombProblem(bytes);
      if (problem) throw unprocessable(problem);
      try {
        const table = await readXlsx(bytes, { sheet, maxRows: this.limits.maxLines, accept: (rows) => detectHeader(rows) !== null });
        return {
          name: filename,
          sourceKind: 'xlsx',
          encoding: 'xlsx',
          delimiter: null,
          sheets: table.sheets,
          sheet: table.sheet,
          rows: table.rows,
          lines: table.lines,
        };
      } catch (e) {
        throw unprocessable((e as Error).message);
      }
    }
    if (binary) throw new AppError(415, 'unsupported_media_type', `${filename}: ${binaryKindMessage(binary)}`);
    const decoded = decodeBytes(bytes);
    return this.fromText(decoded.text, filename, 'csv', decoded.encoding);
  }

  private fromText(text: string, name: string, sourceKind: 'csv' | 'text', encoding: string | null): SourceTable {
    const table = splitTable(text);
    if (table.rows.length > this.limits.maxLines + 50) throw new AppError(413, 'invalid_request', `more than ${this.limits.maxLines} lines; split the BOM`);
    return { name, sourceKind, encoding, delimiter: table.delimiter, sheets: [], sheet: null, rows: table.rows, lines: table.lines };
  }

  private mapping(source: SourceTable, options: RunOptions): ColumnMapping {
    if (source.sourceKind === 'json') return mappingFromRoles(JSON_HEADERS, JSON_ROLES, 0);
    if (options.roles) {
      const headerRow = options.headerRow ?? detectHeader(source.rows)?.headerRow ?? 0;
      if (headerRow >= source.rows.length) throw invalid(`header row ${headerRow + 1} is past the end of the table`);
      const mapping = mappingFromRoles(source.rows[headerRow], options.roles, headerRow);
      if (!mapping.columns.some((c) => c.role === 'partNumber' || c.role === 'value' || c.role === 'distributorPartNumber'))
        throw invalid('map at least one column to part number, value or a distributor part number');
      return mapping;
    }
    const detected = detectHeader(source.rows);
    if (!detected)
      throw unprocessable(
        'no recognisable header row: the table needs a column such as "Manufacturer Part Number", "MPN", "Value", "Comment", "Наименование" or "Артикул"; rename a column or map the columns by hand',
      );
    return detected;
  }

  /** The mapping step: detected header and roles and the first rows, nothing stored. */
  async preview(upload: Upload, options: RunOptions = {}) {
    const source = await this.readSource(upload, options.sheet);
    const mapping = this.mapping(source, options);
    const parsed = toLines(source.rows, source.lines, mapping);
    return {
      name: source.name,
      sourceKind: source.sourceKind,
      encoding: source.encoding,
      delimiter: source.delimiter,
      sheets: source.sheets,
      sheet: source.sheet,
      headerRow: mapping.headerRow,
      headers: source.rows[mapping.headerRow] ?? [],
      mapping: mapping.columns,
      confidence: mapping.confidence,
      sampleRows: source.rows.slice(mapping.headerRow + 1, mapping.headerRow + 21),
      lineCount: parsed.lines.length,
      skipped: parsed.skipped,
    };
  }

  async create(owner: number | null, upload: Upload, options: RunOptions = {}): Promise<BomAnalysisView> {
    const source = await this.readSource(upload, options.sheet);
    const mapping = this.mapping(source, options);
    const parsed = toLines(source.rows, source.lines, mapping);
    if (!parsed.lines.length) throw unprocessable('the table has a header but no lines under it');
    if (parsed.lines.length > this.limits.maxLines) throw new AppError(413, 'invalid_request', `more than ${this.limits.maxLines} lines; split the BOM`);
    const analysed = await this.analyse(parsed.lines);
    const now = nowIso();
    const id = crypto.randomBytes(12).toString('base64url');
    const summary = summarise(analysed);
    const analysis: BomAnalysesTable = {
      id,
      owner_id: owner,
      name: (options.name ?? source.name).slice(0, 200),
      source_kind: source.sourceKind,
      encoding: source.encoding,
      delimiter: source.delimiter,
      sheet: source.sheet,
      header_row: mapping.headerRow,
      headers: JSON.stringify(source.rows[mapping.headerRow] ?? []),
      mapping: JSON.stringify(mapping.columns),
      summary: JSON.stringify(summary),
      changes: null,
      skipped: JSON.stringify(parsed.skipped),
      line_count: parsed.lines.length,
      revision: 1,
      created_at: now,
      run_at: now,
    };
    await this.repo.insert(
      analysis,
      parsed.lines.map((line, i): BomLinesTable => ({
        analysis_id: id,
        position: i + 1,
        source_line: line.sourceLine,
        cells: JSON.stringify(line.cells),
        part_number: line.partNumber,
        value: line.value,
        manufacturer: line.manufacturer,
        designators: JSON.stringify(line.designators),
        quantity: line.quantity,
        dnp: Number(line.dnp),
        generic: line.generic ? JSON.stringify(line.generic) : null,
        warnings: JSON.stringify(line.warnings),
        status: analysed[i].status,
        previous_status: null,
        best_tier: analysed[i].candidates[0]?.tier ?? null,
        candidates: JSON.stringify(analysed[i].candidates),
      })),
    );
    // the answer is built from what was just written, not read back
    return {
      ...this.header(analysis),
      headers: source.rows[mapping.headerRow] ?? [],
      mapping: mapping.columns,
      summary,
      skipped: parsed.skipped,
      lines: parsed.lines.map((line, i) => ({
        position: i + 1,
        sourceLine: line.sourceLine,
        cells: line.cells,
        partNumber: line.partNumber,
        value: line.value,
        manufacturer: line.manufacturer,
        designators: line.designators,
        quantity: line.quantity,
        dnp: line.dnp,
        generic: line.generic,
        warnings: line.warnings,
        status: analysed[i].status,
        previousStatus: null,
        bestTier: analysed[i].candidates[0]?.tier ?? null,
        candidates: analysed[i].candidates,
      })),
    };
  }

  /** The columns of an analysis that need no parsing. */
  private header(row: BomAnalysesTable) {
    return {
      id: row.id,
      name: row.name,
      owner: row.owner_id,
      sourceKind: row.source_kind,
      encoding: row.encoding,
      delimiter: row.delimiter,
      sheet: row.sheet,
      headerRow: row.header_row,
      changes: row.changes ? JSON.parse(row.changes) : null,
      revision: row.revision,
      createdAt: row.created_at,
      runAt: row.run_at,
    };
  }

  private async analyse(
    lines: Pick<BomLine, 'sourceLine' | 'partNumber' | 'value' | 'dnp' | 'generic' | 'quantity' | 'designators'>[],
  ): Promise<AnalysedLine[]> {
    const queries = lines.map((l) => (l.dnp || l.generic ? null : lineQuery(l)));
    const found = await matchQueries(this.search, queries);
    const candidates = found.map((c) => c.slice(0, 20));
    // registry status of every candidate on the day of the run
    const records = await this.search.registryRecords([...new Set(candidates.flat().map((c) => c.productTypeId))]);
    const date = nowIso().slice(0, 10);
    const standing = new Map<number, RegistryRef>();
    for (const list of candidates)
      for (const c of list) {
        let ref = standing.get(c.productTypeId);
        if (!ref) standing.set(c.productTypeId, (ref = bestStanding(records.get(c.productTypeId) ?? [], date)));
        c.registry = ref;
      }
    return lines.map((line, i) => ({
      position: i + 1,
      sourceLine: line.sourceLine,
      partNumber: line.partNumber,
      value: line.value,
      quantity: line.quantity,
      designators: line.designators,
      status: lineStatus(line, found[i]),
      candidates: candidates[i],
    }));
  }

  async get(id: string): Promise<BomAnalysisView> {
    const row = await this.repo.find(id);
    if (!row) throw notFound(`BOM analysis ${id}`);
    const lines = await this.repo.lines(id);
    return {
      ...this.header(row),
      headers: parseJsonList(row.headers),
      mapping: JSON.parse(row.mapping),
      summary: JSON.parse(row.summary),
      skipped: JSON.parse(row.skipped),
      lines: lines.map((l) => ({
        position: l.position,
        sourceLine: l.source_line,
        cells: parseJsonList(l.cells),
        partNumber: l.part_number,
        value: l.value,
        manufacturer: l.manufacturer,
        designators: parseJsonList(l.designators),
        quantity: l.quantity,
        dnp: Boolean(l.dnp),
        generic: l.generic ? JSON.parse(l.generic) : null,
        warnings: parseJsonList(l.warnings),
        status: l.status as AnalysisStatus,
        previousStatus: l.previous_status as AnalysisStatus | null,
        bestTier: l.best_tier,
        candidates: JSON.parse(l.candidates),
      })),
    };
  }

  /** Matches the stored lines again against the current catalogue and records what changed. */
  async rerun(actor: Actor | null, id: string): Promise<BomAnalysisView> {
    const current = await this.get(id);
    this.checkOwner(actor, current.owner, 're-run');
    const analysed = await this.analyse(current.lines);
    const previous = new Map(current.lines.map((l) => [l.position, l.status]));
    const changes = statusChanges(previous, analysed);
    await this.repo.updateRun(
      id,
      { summary: JSON.stringify(summarise(analysed)), changes: JSON.stringify(changes), revision: current.revision + 1, run_at: nowIso() },
      analysed.map((a) => ({
        position: a.position,
        status: a.status,
        previous_status: previous.get(a.position) ?? null,
        best_tier: a.candidates[0]?.tier ?? null,
        candidates: JSON.stringify(a.candidates),
      })),
    );
    return this.get(id);
  }

  async list(ownerId: number, limit: number, offset: number) {
    const [rows, total] = await Promise.all([this.repo.listByOwner(ownerId, limit, offset), this.repo.countByOwner(ownerId)]);
    return {
      items: rows.map((r) => ({
        id: r.id,
        name: r.name,
        sourceKind: r.source_kind,
        lineCount: r.line_count,
        summary: JSON.parse(r.summary) as BomSummary,
        revision: r.revision,
        createdAt: r.created_at,
        runAt: r.run_at,
      })),
      total,
    };
  }

  async delete(actor: Actor | null, id: string) {
    const row = await this.repo.find(id);
    if (!row) throw notFound(`BOM analysis ${id}`);
    this.checkOwner(actor, row.owner_id, 'delete');
    await this.repo.delete(id);
  }

  /** An analysis with an owner is changed only by its owner (or an admin); an anonymous one by its link holders. */
  private checkOwner(actor: Actor | null, owner: number | null, what: string) {
    if (owner === null) return;
    if (!actor) throw new AppError(401, 'unauthenticated');
    if (actor.userId !== owner && !isAdmin(actor)) throw forbidden(`only the owner may ${what} this analysis`);
  }
}
