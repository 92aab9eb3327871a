/**
 * BOM analysis exports: XLSX with a summary sheet and a lines sheet that keeps the original columns and adds
 * the verdict, and CSV of the lines. Cells that a spreadsheet would run as formulas are neutralised.
 */
import { excel } from '../excel';
import { stringify } from 'csv-stringify/sync';
import type { BomSummary, Candidate } from '../../domain/bom/analysis';
import { neutraliseFormula } from '../../domain/spreadsheet';
import type { BomAnalysisView } from './service';

const ADDED_COLUMNS = [
  'reestr: status',
  'reestr: domestic analog',
  'reestr: analog type',
  'reestr: maker',
  'reestr: country',
  'reestr: tier',
  'reestr: registry status',
  'reestr: registry number',
  'reestr: other candidates',
  'reestr: warnings',
];

function addedCells(line: BomAnalysisView['lines'][number]): string[] {
  const best: Candidate | undefined = line.status === 'covered' || line.status === 'functional' ? line.candidates[0] : undefined;
  return [
    line.status,
    best ? best.designation : '',
    best ? best.analogType : '',
    best?.maker?.name ?? '',
    best?.maker?.country ?? '',
    best ? best.tier : '',
    best?.registry?.status ?? '',
    best?.registry?.number ?? '',
    line.candidates
      .slice(1, 6)
      .map((c) => `${c.designation} (${c.analogType}, ${c.tier})`)
      .join('; '),
    line.warnings.join('; '),
  ];
}

function linesTable(analysis: BomAnalysisView): string[][] {
  return [
    ['line', ...analysis.headers, ...ADDED_COLUMNS],
    ...analysis.lines.map((l) => [String(l.sourceLine), ...analysis.headers.map((_, i) => l.cells[i] ?? ''), ...addedCells(l)].map(neutraliseFormula)),
  ];
}

export function bomCsv(analysis: BomAnalysisView): Buffer {
  return Buffer.concat([Buffer.from('\uFEFF'), Buffer.from(stringify(linesTable(analysis)))]);
}

function summaryRows(name: string, s: BomSummary): (string | number)[][] {
  return [
    ['BOM', name],
    [],
    ['', 'lines', 'quantity'],
    ['covered (full analog)', s.lines.covered, s.quantity.covered],
    ['functional / partial analog only', s.lines.functional, s.quantity.functional],
    ['not covered', s.lines.notCovered, s.quantity.notCovered],
    ['generic (passives, mechanical)', s.lines.generic, s.quantity.generic],
    ['unreadable', s.lines.unreadable, s.quantity.unreadable],
    ['excluded (do not place)', s.lines.excluded, s.quantity.excluded],
    ['coverage with full analogs', s.coverage.byLines.full, s.coverage.byQuantity.full],
    ['coverage with any analog', s.coverage.byLines.any, s.coverage.byQuantity.any],
    ['covered by an analog active in the registry', s.registryListed?.lines ?? '', s.registryListed?.quantity ?? ''],
    [],
    ['maker', 'country', 'lines', 'quantity'],
    ...s.byMaker.map((m) => [m.name, m.country, m.lines, m.quantity]),
    [],
    ['country', 'lines', 'quantity'],
    ...s.byCountry.map((c) => [c.country, c.lines, c.quantity]),
    [],
    ['not covered: line', 'part number', 'value', 'quantity'],
    ...s.notCovered.map((n) => [n.sourceLine, n.partNumber ?? '', n.value ?? '', n.quantity]),
  ];
}

export async function bomXlsx(analysis: BomAnalysisView): Promise<Buffer> {
  const workbook = new (await excel()).Workbook();
  workbook.creator = 'reestr';
  const summary = workbook.addWorksheet('Summary');
  for (const row of summaryRows(analysis.name, analysis.summary)) summary.addRow(row.map((c) => (typeof c === 'string' ? neutraliseFormula(c) : c)));
  summary.getColumn(1).width = 36;
  const lines = workbook.addWorksheet('Lines');
  for (const row of linesTable(analysis)) lines.addRow(row);
  lines.getRow(1).font = { bold: true };
  lines.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
