/**
 * A fresh database for one test file: a temporary SQLite file, or a new PostgreSQL database created on the
 * server named by TEST_DATABASE_URL (default: the machine's local server, database `test`) and dropped after.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type Db } from '../../src/server/db/client';

export const TEST_DB_KIND = (process.env.REESTR_TEST_DB ?? 'sqlite') as 'sqlite' | 'postgres';
const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDatabase {
  url: string;
  open(): Db;
  drop(): Promise<void>;
}

export async function createTestDatabase(kind = TEST_DB_KIND): Promise<TestDatabase> {
  const name = `reestr_t_${crypto.randomBytes(6).toString('hex')}`;
  if (kind === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reestr-test-'));
    const url = `sqlite:${path.join(dir, `${name}.sqlite`)}`;
    return { url, open: () => openDatabase(url), drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(ADMIN_URL);
  u.pathname = `/${name}`;
  const url = u.toString();
  return {
    url,
    open: () => openDatabase(url, { poolSize: 4 }),
    drop: async () => {
      const c = new pg.Client({ connectionString: ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
