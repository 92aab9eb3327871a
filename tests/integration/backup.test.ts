/**
 * Backup and restore round trip while the database is in use: SQLite through its backup API, PostgreSQL
 * through pg_dump / pg_restore. Runs on SQLite and PostgreSQL.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { openDatabase, type Db } from '../../src/server/db/client';
import { migrateToLatest } from '../../src/server/db/migrate';
import { backupDatabase, BackupError, restoreDatabase } from '../../src/server/system/backup';

let database: TestDatabase;
let db: Db;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reestr-backup-'));

const names = async (d: Db) => (await d.kysely.selectFrom('organizations').select('name').orderBy('name').execute()).map((o) => o.name);
const addOrganization = (d: Db, name: string) =>
  d.kysely
    .insertInto('organizations')
    .values({ name, country: 'BY', created_at: new Date().toISOString(), updated_at: new Date().toISOString() } as never)
    .execute();

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.open();
  await migrateToLatest(db);
});
afterAll(async () => {
  await db?.close();
  await database?.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('restores the database as it was at the backup, while a connection stays open', async () => {
    await addOrganization(db, 'ОАО «Интеграл»');
    const file = path.join(dir, 'one.backup');
    const result = await backupDatabase(database.url, file);
    expect(result.bytes).toBeGreaterThan(1000);

    await addOrganization(db, 'ОАО «Планар»');
    await db.kysely.updateTable('organizations').set({ name: 'переименовано' }).where('name', '=', 'ОАО «Интеграл»').execute();
    expect(await names(db)).toEqual(['ОАО «Планар»', 'переименовано']);

    await restoreDatabase(database.url, file);
    const fresh = openDatabase(database.url);
    try {
      expect(await names(fresh)).toEqual(['ОАО «Интеграл»']);
    } finally {
      await fresh.close();
    }
    // the connection that was open all along sees the restored data too
    expect(await names(db)).toEqual(['ОАО «Интеграл»']);
    // and the restored database takes writes
    await addOrganization(db, 'ОАО «Планар»');
    expect(await names(db)).toEqual(['ОАО «Интеграл»', 'ОАО «Планар»']);
  });

  it('refuses to overwrite a file, to restore what is not a backup, and leaves the database as it was', async () => {
    const file = path.join(dir, 'two.backup');
    await backupDatabase(database.url, file);
    await expect(backupDatabase(database.url, file)).rejects.toThrow(/exists/);
    const garbage = path.join(dir, 'garbage.backup');
    fs.writeFileSync(garbage, 'not a database at all '.repeat(100));
    await expect(restoreDatabase(database.url, garbage)).rejects.toBeInstanceOf(BackupError);
    await expect(restoreDatabase(database.url, path.join(dir, 'missing.backup'))).rejects.toThrow(/does not exist/);
    expect(await names(db)).toEqual(['ОАО «Интеграл»', 'ОАО «Планар»']);
  });
});
