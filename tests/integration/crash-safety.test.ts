/**
 * Crash safety: reestr processes killed with SIGKILL in the middle of a catalogue import, of an open-data
 * (ПП 719) import and of a run of registry decisions. After a restart the database is consistent (foreign keys,
 * the verifiable registry log, every record matching its last decision), nothing is half-written, and running
 * the import again gives the same result as an uninterrupted one. Runs on SQLite and PostgreSQL.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../support/db';
import type { Db } from '../../src/server/db/client';
import { signInOver } from '../support/http';
import { startServerProcess } from '../support/process';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reestr-crash-'));
let database: TestDatabase;
let db: Db;
const env = () => ({ DATABASE_URL: database.url, REESTR_LOG_KEY_FILE: path.join(dir, 'log-key.pem'), REESTR_SEED: 'false', LOG_LEVEL: 'silent' });

/** Runs `reestr …args`; with `killWhen`, SIGKILLs it as soon as that check (asked every 25 ms) says so. */
function cli(args: string[], killWhen?: () => Promise<boolean>): Promise<{ code: number | null; signal: string | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/reestr.js', ...args], { env: { ...process.env, ...env() }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const onData = (d: Buffer) => (output += d.toString());
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    let timer: NodeJS.Timeout | undefined;
    const poll = async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      if (await killWhen!().catch(() => false)) child.kill('SIGKILL');
      else timer = setTimeout(() => void poll(), 25);
    };
    if (killWhen) void poll();
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, output });
    });
  });
}

let writerSince: number | undefined;

/**
 * True once a transaction of another process has been writing for 300 ms: on SQLite another connection holds
 * the write lock (a probe cannot BEGIN IMMEDIATE) — the table cannot be told, the only writer is the import; on
 * PostgreSQL a session of this database is inside a transaction that has inserted into `table`.
 */
async function writingInto(table: string): Promise<boolean> {
  if (db.dialect === 'sqlite') {
    const probe = new SQLite(database.url.slice('sqlite:'.length), { timeout: 0 });
    let busy = false;
    try {
      probe.exec('begin immediate');
      probe.exec('rollback');
    } catch (e) {
      busy = (e as { code?: string }).code === 'SQLITE_BUSY';
    } finally {
      probe.close();
    }
    writerSince = busy ? (writerSince ?? Date.now()) : undefined;
    return busy && Date.now() - writerSince! >= 300;
  }
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity
    where datname = current_database() and pid <> pg_backend_pid() and xact_start is not null
      and now() - xact_start > interval '300 milliseconds' and query ilike ${`%insert into "${table}"%`}`.execute(db.kysely);
  return Number(rows[0]?.n) > 0;
}

const count = async (table: 'product_types' | 'foreign_parts' | 'analog_links' | 'registry_records') =>
  Number(
    (
      await db.kysely
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

async function foreignKeysHold() {
  if (db.dialect === 'sqlite') {
    const { rows } = await sql`pragma foreign_key_check`.execute(db.kysely);
    expect(rows).toEqual([]);
    // on a connection of its own, as a restarted process would open it: FTS5 keeps its index structure cached
    // per connection, and integrity_check on this long-lived one can read that stale copy after other
    // processes wrote the index (a false "corruption found reading blob")
    const fresh = new SQLite(database.url.slice('sqlite:'.length), { readonly: true });
    try {
      expect(fresh.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      fresh.close();
    }
  } // PostgreSQL enforces foreign keys on every commit; nothing to re-check
  const orphans = await db.kysely
    .selectFrom('analog_links')
    .leftJoin('product_types', 'product_types.id', 'analog_links.product_type_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('product_types.id', 'is', null)
    .executeTakeFirstOrThrow();
  expect(Number(orphans.n)).toBe(0);
}

async function logIntact() {
  const verify = await cli(['verify-log']);
  expect(verify.output).toContain('The log is intact.');
  expect(verify.code).toBe(0);
}

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.open();
  const migrated = await cli(['migrate']);
  expect(migrated.code, migrated.output).toBe(0);
}, 120_000);
afterAll(async () => {
  await db?.close();
  await database?.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('killed in the middle', () => {
  it('a catalogue import leaves nothing half-written and runs again to the whole result', async () => {
    const rows = 8_000;
    const file = path.join(dir, 'catalogue.csv');
    const lines = ['designation,category,maker,maker_country,foreign_part,foreign_manufacturer,analog_type,source'];
    for (let i = 0; i < rows; i++)
      lines.push(`К${1000 + (i % 9000)}ЛА${Math.floor(i / 9000) + 1},,АО «Завод ${i % 50}»,RU,SN74X${i}N,Texas Instruments,full,crash test`);
    fs.writeFileSync(file, lines.join('\n'));

    const killed = await cli(['import', 'catalogue', file], () => writingInto('analog_links'));
    expect(killed.signal, killed.output).toBe('SIGKILL');
    // one transaction: either all of it or nothing, and it was killed before the end
    expect(await count('analog_links')).toBe(0);
    expect(await count('product_types')).toBe(0);
    await foreignKeysHold();

    const again = await cli(['import', 'catalogue', file]);
    expect(again.code, again.output).toBe(0);
    expect(await count('product_types')).toBe(rows);
    expect(await count('foreign_parts')).toBe(rows);
    expect(await count('analog_links')).toBe(rows);
    await foreignKeysHold();
  }, 240_000);

  it('an open-data import is consistent after the kill and the next run gives the uninterrupted result', async () => {
    const numbers = 12_000;
    const file = path.join(dir, 'pp719.csv');
    const header = fs.readFileSync('tests/fixtures/gisp/pp719-day1.csv', 'utf8').split(/\r?\n/)[0]!;
    const lines = [header];
    for (let i = 0; i < numbers; i++) {
      const inn = String(7700000000 + (i % 400));
      lines.push(
        [
          `АО «Предприятие ${i % 400}»`,
          String(1027700000000 + (i % 400)),
          inn,
          'г. Москва',
          '-',
          '-',
          '-',
          '2025-01-10',
          '2030-01-09',
          '-',
          `РПП-${900000 + i}`,
          `Микросхема интегральная 1554ЛА${i}`,
          '26.11.30.000',
          '8542 31 000 0',
          'ТУ',
          '100.0',
          '-',
          '-',
          'Да',
          'Нет',
          '1',
          'Акт экспертизы ТПП',
          '2024-12-20',
          `001-${i}`,
          '-',
          'Департамент',
          '-',
        ].join(','),
      );
    }
    fs.writeFileSync(file, lines.join('\n'));

    // killed once some pages are committed and others are not
    const killed = await cli(['import', 'gisp', file, '--as-of', '2026-01-01'], async () => (await count('registry_records')) > 0);
    expect(killed.signal, killed.output).toBe('SIGKILL');
    const partial = await count('registry_records');
    expect(partial).toBeLessThan(numbers);
    await foreignKeysHold();
    await logIntact();

    const again = await cli(['import', 'gisp', file, '--as-of', '2026-01-01']);
    expect(again.code, again.output).toBe(0);
    const records = await db.kysely.selectFrom('registry_records').select(['number', 'state']).where('origin', '=', 'gisp').execute();
    expect(records).toHaveLength(numbers);
    expect(new Set(records.map((r) => r.number)).size).toBe(numbers);
    expect(records.every((r) => r.state === 'included')).toBe(true);
    await logIntact();
    // and once more: nothing changes
    const third = await cli(['import', 'gisp', file, '--as-of', '2026-01-01']);
    expect(third.code, third.output).toBe(0);
    expect(await count('registry_records')).toBe(numbers);
  }, 240_000);

  it('a run of registry decisions: every record matches its last decision and the rest can still be decided', async () => {
    const server = await startServerProcess({ ...env(), REESTR_ADMIN_EMAIL: 'admin@crash.reestr', REESTR_ADMIN_PASSWORD: 'crash-admin-password' });
    const applications = 16;
    const ids: number[] = [];
    try {
      const admin = await signInOver(server.url, 'admin@crash.reestr', 'crash-admin-password');
      const org = (await admin.request('POST', '/api/organizations', { name: 'АО «НИИМЭ»', country: 'RU' })).json();
      await admin.request('POST', '/api/users', { email: 'maker@niime.test', name: 'maker', role: 'user', password: 'crash-password-1' });
      await admin.request('POST', `/api/organizations/${org.id}/members`, { email: 'maker@niime.test', role: 'manager' });
      await admin.request('POST', '/api/users', { email: 'op@ru.test', name: 'op', role: 'operator', operatorCountry: 'RU', password: 'crash-password-1' });
      const maker = await signInOver(server.url, 'maker@niime.test', 'crash-password-1');
      for (let i = 0; i < applications; i++) {
        const product = (await admin.request('POST', '/api/product-types', { designation: `5584ИЕ${i + 1}`, makerId: org.id })).json();
        const record = await maker.request('POST', '/api/registry/records', {
          organizationId: org.id,
          productTypeIds: [product.id],
          operations: ['design', 'software', 'wafer', 'assembly', 'testing'].map((code) => ({ code, country: 'RU' })),
          contentShares: [],
          makerTaxResidentEaeu: true,
          designRightsYears: 10,
          usesForeignReadyMadeSolutions: false,
        });
        expect(record.status, record.text).toBe(201);
        ids.push(record.json().id);
        await maker.request('POST', `/api/registry/records/${record.json().id}/submit`);
      }
      const operator = await signInOver(server.url, 'op@ru.test', 'crash-password-1');
      // decisions four at a time; the process dies once a few have been answered, others in flight
      const answers: string[] = [];
      const queue = [...ids];
      const worker = async () => {
        for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
          const res = await operator.request('POST', `/api/registry/records/${id}/decisions`, { kind: 'include' }).catch(() => null);
          if (res) answers.push(`${res.status} ${res.status === 200 ? '' : res.text}`);
          if (answers.length === 6) server.child.kill('SIGKILL');
        }
      };
      await Promise.all([worker(), worker(), worker(), worker()]);
      // every decision answered before the kill was taken
      expect(answers.slice(0, 6)).toEqual(Array(6).fill('200 '));
    } finally {
      await server.stop();
    }

    const restarted = await startServerProcess({ ...env(), REESTR_ADMIN_EMAIL: 'admin@crash.reestr' });
    try {
      await logIntact();
      await foreignKeysHold();
      const rows = await db.kysely.selectFrom('registry_records').select(['id', 'state', 'number']).where('id', 'in', ids).execute();
      const included = rows.filter((r) => r.state === 'included');
      expect(included.length).toBeGreaterThanOrEqual(6);
      expect(included.length).toBeLessThan(applications);
      expect(rows.every((r) => (r.state === 'included') === (r.number !== null) && ['included', 'submitted'].includes(r.state))).toBe(true);
      for (const r of rows) {
        const events = await db.kysely.selectFrom('registry_events').select('kind').where('record_id', '=', r.id).execute();
        expect(events.filter((e) => e.kind === 'include').length, `record ${r.id}`).toBe(r.state === 'included' ? 1 : 0);
      }
      // the rest can be decided after the restart, once each
      const operator = await signInOver(restarted.url, 'op@ru.test', 'crash-password-1');
      for (const r of rows.filter((x) => x.state === 'submitted')) {
        const res = await operator.request('POST', `/api/registry/records/${r.id}/decisions`, { kind: 'include' });
        expect(res.status, res.text).toBe(200);
      }
      await logIntact();
    } finally {
      await restarted.stop();
    }
  }, 300_000);
});
