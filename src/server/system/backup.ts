/**
 * Online backup and restore. SQLite: the SQLite backup API (a consistent copy while the server runs; a restore
 * writes the copy into the live file under SQLite's own locks, so a running server sees either the old or the
 * restored database, never a mix). PostgreSQL: pg_dump's custom format, restored by pg_restore in one
 * transaction.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { parseDatabaseUrl } from '../db/client';

export interface BackupResult {
  dialect: 'sqlite' | 'postgres';
  file: string;
  bytes: number;
}

export class BackupError extends Error {}

export async function backupDatabase(databaseUrl: string, file: string): Promise<BackupResult> {
  const { dialect, location } = parseDatabaseUrl(databaseUrl);
  const target = path.resolve(file);
  if (fs.existsSync(target)) throw new BackupError(`${file} exists; name a new file for the backup`);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  if (dialect === 'postgres') await run('pg_dump', ['--format=custom', '--no-owner', '--file', target, '--dbname', location]);
  else {
    const db = new SQLite(location, { fileMustExist: true });
    try {
      await db.backup(target);
    } finally {
      db.close();
    }
    checkSqliteCopy(target);
  }
  return { dialect, file: target, bytes: fs.statSync(target).size };
}

export async function restoreDatabase(databaseUrl: string, file: string): Promise<BackupResult> {
  const { dialect, location } = parseDatabaseUrl(databaseUrl);
  const source = path.resolve(file);
  if (!fs.existsSync(source)) throw new BackupError(`${file} does not exist`);
  if (dialect === 'postgres') {
    // check the archive first: pg_restore --list reads its table of contents without touching the database
    await run('pg_restore', ['--list', source]);
    await run('pg_restore', ['--clean', '--if-exists', '--no-owner', '--single-transaction', '--exit-on-error', '--dbname', location, source]);
  } else {
    checkSqliteCopy(source);
    const copy = new SQLite(source, { readonly: true });
    try {
      await copy.backup(location);
    } finally {
      copy.close();
    }
  }
  return { dialect, file: source, bytes: fs.statSync(source).size };
}

/** A copy is usable when SQLite finds it intact and it holds reestr's schema. */
function checkSqliteCopy(file: string) {
  let db: SQLite.Database;
  try {
    db = new SQLite(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new BackupError(`${file} is not an SQLite database: ${(error as Error).message}`);
  }
  try {
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new BackupError(`${file} is damaged: ${String(check)}`);
    const schema = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'kysely_migration'").get();
    if (!schema) throw new BackupError(`${file} is not a reestr database (no migrations table)`);
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(`${file} is not an SQLite database: ${(error as Error).message}`);
  } finally {
    db.close();
  }
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', (error) =>
      reject(new BackupError(`${command} could not be started (${error.message}); install the PostgreSQL client tools (Debian: postgresql-client)`)),
    );
    child.on('close', (code) => (code === 0 ? resolve() : reject(new BackupError(`${command} failed (exit ${code}): ${stderr.trim().slice(0, 2000)}`))));
  });
}
