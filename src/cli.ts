/** reestr serve | migrate | seed | import | export | users — the command line. */
import fs from 'node:fs';
import path from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import cliProgress from 'cli-progress';
import { loadConfig } from './server/config';
import { openDatabase } from './server/db/client';
import { migrateDown, migrateToLatest } from './server/db/migrate';
import { startServer } from './server/server';
import { createServices } from './server/services';
import { removeDemoExchange } from './server/demo/exchange';
import { bootstrap } from './server/bootstrap';
import { loadDemoDataset } from './server/demo/dataset';
import { importCatalogue, readCatalogueCsv, type ImportReport } from './server/catalogue-io/import';
import { exportCatalogue, type ExportFormat } from './server/catalogue-io/export';
import { ensureWebBuild } from './server/web-build';
import { reindexSearch } from './server/search/reindex';
import type { GispImportSummary } from './server/registry/gisp/service';
import { backupDatabase, restoreDatabase } from './server/system/backup';
import { AuditRepository } from './server/audit/repository';
import { AuditService, cliActor } from './server/audit/service';

const program = new Command();
program.name('reestr').description('Союзный реестр: domestic analogs, registry status and demand').showHelpAfterError();

function progressBar(label: string, total: number) {
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {percentage}% {value}/{total}`, hideCursor: true, noTTYOutput: !process.stderr.isTTY, stream: process.stderr },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return bar;
}

function printReport(report: ImportReport) {
  const lines = [
    `rows read:              ${report.rowsRead}`,
    `product types created:  ${report.productTypesCreated}`,
    `foreign parts created:  ${report.foreignPartsCreated}`,
    `organizations created:  ${report.organizationsCreated}`,
    `analog links created:   ${report.analogLinksCreated}`,
    `analog links existing:  ${report.analogLinksExisting}`,
    `rows not imported:      ${report.errors.length}`,
  ];
  console.log((report.dryRun ? 'DRY RUN, nothing written\n' : '') + lines.join('\n'));
  for (const e of report.errors.slice(0, 50)) console.log(`  line ${e.line}: ${e.message}`);
  if (report.errors.length > 50) console.log(`  … and ${report.errors.length - 50} more`);
}

program
  .command('serve')
  .description('start the server (migrates, loads the demo dataset into a new database, creates the first admin)')
  .action(async () => {
    const config = loadConfig();
    if (!process.env.REESTR_SKIP_WEB_BUILD) await ensureWebBuild(config.webRoot);
    const server = await startServer(config, { adminPassword: process.env.REESTR_ADMIN_PASSWORD });
    const { bootstrap: b } = server;
    const out: string[] = [''];
    if (b.migrationsApplied.length) out.push(`Applied migrations: ${b.migrationsApplied.join(', ')}`);
    if (b.demoDataset)
      out.push(`Loaded the demo dataset: ${b.demoDataset.productTypesCreated} product types, ${b.demoDataset.analogLinksCreated} analog links (unverified).`);
    if (b.admin) {
      out.push('', `First administrator created: ${b.admin.email}`, `Password (shown only now, keep it): ${b.admin.password}`);
    }
    if (config.demo) out.push('', 'DEMO MODE: demo accounts (see README) with the published password "reestr-demo".');
    out.push('', `reestr is running on ${server.db.dialect}: open ${server.url}`, `API description: ${server.url}api/docs`, '');
    console.log(out.join('\n'));
    const stop = async () => {
      await server.close();
      process.exit(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });

program
  .command('migrate')
  .description('apply database migrations')
  .option('--down', 'revert the newest migration')
  .action(async (opts: { down?: boolean }) => {
    const db = openDatabase(loadConfig().databaseUrl);
    try {
      const names = opts.down ? await migrateDown(db) : await migrateToLatest(db);
      console.log(names.length ? `${opts.down ? 'Reverted' : 'Applied'}: ${names.join(', ')}` : 'The schema is current.');
    } finally {
      await db.close();
    }
  });

program
  .command('seed')
  .description('load the demo dataset (reference analog pairs, unverified); safe to run again')
  .action(async () => {
    const config = loadConfig();
    const db = openDatabase(config.databaseUrl);
    try {
      const services = createServices(db, config);
      await bootstrap(db, services, { ...config, seedOnFirstStart: false, demo: false });
      const bar = progressBar('seed', 2867);
      const report = await loadDemoDataset(db, (n) => bar.update(n));
      bar.stop();
      printReport(report);
    } finally {
      await db.close();
    }
  });

function printGispSummary(s: GispImportSummary) {
  const lines = [
    `as of ${s.asOf}${s.previousAsOf ? ` (previous import as of ${s.previousAsOf})` : ''}: ${s.rows} rows, ${s.records} registry numbers`,
    `new:        ${s.new}`,
    `renewed:    ${s.renewed}`,
    `excluded:   ${s.excluded}`,
    `expired:    ${s.expired}`,
    `updated:    ${s.updated}`,
    `unchanged:  ${s.unchanged}`,
    `absent:     ${s.absent} (imported before, not in this file; kept)`,
    `decisions:  ${s.events}`,
    `rejected rows: ${s.rejectedRows}`,
  ];
  console.log(lines.join('\n'));
  for (const e of s.rejected.slice(0, 50)) console.log(`  line ${e.line}: ${e.message}`);
  if (s.rejectedRows > 50) console.log(`  … and ${s.rejectedRows - 50} more`);
}

/** `reestr import gisp FILE [--as-of DATE]`: the Russian registry's open data (ПП 719). */
async function importGisp(file: string, asOf: string | undefined) {
  const config = loadConfig();
  const db = openDatabase(config.databaseUrl);
  try {
    await migrateToLatest(db);
    const services = createServices(db, config);
    let bar: ReturnType<typeof progressBar> | null = null;
    let phase = '';
    const result = await services.registryGisp.importFile(file, {
      fileName: path.basename(file),
      asOf,
      onProgress: (p: { phase: string; done: number; total: number }) => {
        if (p.phase !== phase) {
          bar?.stop();
          phase = p.phase;
          bar = progressBar(p.phase === 'read' ? 'read (bytes)' : 'apply (numbers)', p.total);
        }
        bar!.update(p.done);
      },
    });
    (bar as ReturnType<typeof progressBar> | null)?.stop();
    console.log(`Import ${result.id} of ${result.fileName} (sha256 ${result.sha256.slice(0, 12)}…) in ${result.summary.seconds} s`);
    printGispSummary(result.summary);
  } finally {
    await db.close();
  }
}

/** `reestr export gisp FILE [--all]`: registry records in the ПП 719 layout. */
async function exportGisp(file: string, all: boolean) {
  const db = openDatabase(loadConfig().databaseUrl);
  try {
    await migrateToLatest(db);
    const out = fs.createWriteStream(file);
    let rows = -1;
    for await (const chunk of createServices(db, { sessionTtlHours: 1 }).registryGisp.exportLines({ all })) {
      rows += chunk.split('\r\n').length - 1;
      if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    }
    await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
    console.log(`Wrote ${rows} rows to ${file}`);
  } finally {
    await db.close();
  }
}

program
  .command('import')
  .description('import catalogue rows (product types, foreign parts, analog links) from CSV, or the Russian registry open data (gisp)')
  .argument('<kind>', 'what to import: catalogue or gisp (ПП 719 open-data CSV, 27 columns)')
  .argument('<file>', 'CSV file in the exchange layout (see `reestr export`) or the reference layout')
  .option('--dry-run', 'validate and count, write nothing')
  .option('--source <text>', 'provenance for rows without a source column')
  .option('--as-of <date>', 'gisp: the date statuses are compared on (YYYY-MM-DD, default today)')
  .action(async (kind: string, file: string, opts: { dryRun?: boolean; source?: string; asOf?: string }) => {
    if (kind !== 'catalogue' && kind !== 'gisp') throw new InvalidArgumentError(`unknown kind "${kind}"; supported: catalogue, gisp`);
    if (!fs.existsSync(file)) throw new InvalidArgumentError(`no such file: ${file}`);
    if (kind === 'gisp') return importGisp(file, opts.asOf);
    const config = loadConfig();
    const db = openDatabase(config.databaseUrl);
    try {
      await migrateToLatest(db);
      const parsed = await readCatalogueCsv(file);
      const bar = progressBar('import', parsed.records.length);
      const report = await importCatalogue(db, parsed, {
        dryRun: opts.dryRun,
        defaultSource: opts.source ?? `import of ${path.basename(file)}`,
        onProgress: (n) => bar.update(n),
      });
      bar.stop();
      printReport(report);
    } finally {
      await db.close();
    }
  });

program
  .command('export')
  .description('export the catalogue (one row per analog link) as CSV, JSON or XLSX; `export gisp FILE` writes registry records in the ПП 719 layout')
  .argument('<file>', 'output file; the format follows the extension unless --format is given (or: gisp)')
  .argument('[gispFile]', 'with gisp: the output CSV')
  .option('--format <format>', 'csv, json or xlsx')
  .option('--all', 'gisp: every included record, not only reestr’s own')
  .action(async (file: string, gispFile: string | undefined, opts: { format?: string; all?: boolean }) => {
    if (file === 'gisp') {
      if (!gispFile) throw new InvalidArgumentError('name the output file: reestr export gisp FILE.csv');
      return exportGisp(gispFile, Boolean(opts.all));
    }
    const format = (opts.format ?? path.extname(file).slice(1)).toLowerCase();
    if (!['csv', 'json', 'xlsx'].includes(format)) throw new InvalidArgumentError(`unknown format "${format}"; use csv, json or xlsx`);
    const db = openDatabase(loadConfig().databaseUrl);
    try {
      await migrateToLatest(db);
      const total = await createServices(db, { sessionTtlHours: 1 }).analogsRepo.count();
      const bar = progressBar('export', total);
      const rows = await exportCatalogue(db, format as ExportFormat, file, (n) => bar.update(Math.min(n, total)));
      bar.stop();
      console.log(`Wrote ${rows} rows to ${file}`);
    } finally {
      await db.close();
    }
  });

program
  .command('reindex')
  .description('recompute the stored search keys and stems of every product type and foreign part')
  .action(async () => {
    const db = openDatabase(loadConfig().databaseUrl);
    try {
      await migrateToLatest(db);
      const result = await reindexSearch(db, { all: true });
      console.log(`Reindexed ${result.productTypes} product types and ${result.foreignParts} foreign parts.`);
    } finally {
      await db.close();
    }
  });

program
  .command('verify-log')
  .description('verify the tamper-evident registry log: leaves, events, signed checkpoints and records; exit code 1 when anything was changed behind it')
  .action(async () => {
    const config = loadConfig();
    const db = openDatabase(config.databaseUrl);
    let intact = false;
    try {
      await migrateToLatest(db);
      const services = createServices(db, config);
      let bar: ReturnType<typeof progressBar> | null = null;
      const result = await services.registryLog.verify({
        onProgress: (done, total) => {
          // a bar only when there is enough to wait for
          if (!bar && total >= 10_000) bar = progressBar('verify', total);
          bar?.update(done);
        },
      });
      (bar as ReturnType<typeof progressBar> | null)?.stop();
      intact = result.ok;
      console.log(
        [
          `tree size:        ${result.treeSize}`,
          `root (newest checkpoint): ${result.rootHash ?? '—'}`,
          `checkpoints:      ${result.checkpoints}`,
          `events checked:   ${result.checkedEvents}`,
          `records checked:  ${result.checkedRecords}`,
          result.ok ? 'The log is intact.' : `TAMPERED: ${result.problems.length} problem(s)`,
        ].join('\n'),
      );
      for (const p of result.problems) console.log(`  [${p.kind}] ${p.message}`);
    } finally {
      await db.close();
    }
    process.exitCode = intact ? 0 : 1;
  });

/** Records a command-line action in the audit trail of the database it acted on. */
async function auditCli(action: string, entity: string, request: unknown, after: unknown) {
  const db = openDatabase(loadConfig().databaseUrl);
  try {
    await new AuditService(new AuditRepository(db.kysely)).record({ actor: cliActor(), action, entity, request, after });
  } finally {
    await db.close();
  }
}

program
  .command('backup')
  .description('online backup of the database to FILE (SQLite: backup API while the server runs; PostgreSQL: pg_dump custom format)')
  .argument('<file>', 'a new file')
  .action(async (file: string) => {
    const result = await backupDatabase(loadConfig().databaseUrl, file);
    await auditCli('backup', 'database', { file: result.file }, result);
    console.log(`Backed up the ${result.dialect} database to ${result.file} (${result.bytes} bytes).`);
  });

program
  .command('restore')
  .description('replace the whole database with a backup made by "reestr backup"')
  .argument('<file>', 'a backup file')
  .option('--yes', 'confirm that the current contents are to be replaced')
  .action(async (file: string, opts: { yes?: boolean }) => {
    if (!opts.yes) throw new InvalidArgumentError('restore replaces the whole database; run it again with --yes to confirm');
    const config = loadConfig();
    const result = await restoreDatabase(config.databaseUrl, file);
    const db = openDatabase(config.databaseUrl);
    let applied: string[];
    try {
      applied = await migrateToLatest(db);
    } finally {
      await db.close();
    }
    await auditCli('restore', 'database', { file: result.file }, { ...result, migrationsApplied: applied });
    console.log(`Restored the ${result.dialect} database from ${result.file}${applied.length ? `; applied migrations: ${applied.join(', ')}` : ''}.`);
  });

const users = program.command('users').description('manage user accounts');
users
  .command('create')
  .description('create a user; prints a generated password once')
  .requiredOption('--email <email>')
  .requiredOption('--name <name>')
  .option('--role <role>', 'admin, operator or user', 'user')
  .option('--country <code>', 'country of a registry operator (BY, RU)')
  .action(async (opts: { email: string; name: string; role: string; country?: string }) => {
    if (!['admin', 'operator', 'user'].includes(opts.role)) throw new InvalidArgumentError('role must be admin, operator or user');
    const config = loadConfig();
    const db = openDatabase(config.databaseUrl);
    try {
      await migrateToLatest(db);
      const services = createServices(db, config);
      const result = await services.accounts.createUser({
        email: opts.email,
        name: opts.name,
        role: opts.role as 'admin',
        operatorCountry: opts.country?.toUpperCase() ?? null,
      });
      console.log(`Created ${result.user.email} (${result.user.role}). Password (shown only now): ${result.password}`);
    } finally {
      await db.close();
    }
  });

const demo = program.command('demo').description('the demo exchange of demo mode');
demo
  .command('remove')
  .description('delete exactly the rows of the demo exchange (demo organizations, demand, offers, contracts, ties, programme, rate); real data stays')
  .action(async () => {
    const db = openDatabase(loadConfig().databaseUrl);
    try {
      await migrateToLatest(db);
      const { removed } = await removeDemoExchange(db);
      const parts = Object.entries(removed).filter(([, n]) => n > 0);
      console.log(parts.length ? `Removed the demo exchange: ${parts.map(([t, n]) => `${n} ${t}`).join(', ')}.` : 'There is no demo exchange to remove.');
    } finally {
      await db.close();
    }
  });

program.parseAsync().catch((error: unknown) => {
  console.error(`reestr: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
