/**
 * The tamper-evident registry log on both databases: events and leaves written in the caller's transaction,
 * signed checkpoints, inclusion and consistency proofs that verify offline, and verification that names
 * every kind of edit made behind the log. Records are inserted directly; decisions go through registryLog.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { createTestApp, type TestApp } from '../support/app';
import { createServices } from '../../src/server/services';
import type { Db } from '../../src/server/db/client';
import { migrateToLatest } from '../../src/server/db/migrate';
import type { NewRegistryRecord } from '../../src/server/db/types';
import { RegistryLogRepository } from '../../src/server/registry/log/repository';
import { RegistryLog, eventEntry, eventEntryWithPayload, type NewRegistryEvent } from '../../src/server/registry/log/service';
import { checkpointText, logKeyFromPem, generateLogKeyPem, publicLogKey } from '../../src/server/registry/log/signing';
import { recordSnapshot } from '../../src/server/registry/snapshot';
import { fromHex, leafHash, verifyConsistency, verifyInclusion } from '../../src/domain/registry/merkle';

let database: TestDatabase;
let db: Db;
let log: RegistryLog;
const key = logKeyFromPem(generateLogKeyPem());

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.open();
  await migrateToLatest(db);
  log = new RegistryLog(new RegistryLogRepository(db.kysely, db.dialect), () => key);
});

afterAll(async () => {
  await db.close();
  await database.drop();
});

async function clear() {
  await db.kysely.deleteFrom('registry_log').execute();
  await db.kysely.deleteFrom('registry_log_checkpoints').execute();
  await db.kysely.deleteFrom('registry_events').execute();
  await db.kysely.deleteFrom('registry_records').execute();
}

let counter = 0;
function recordRow(over: Partial<NewRegistryRecord> = {}): NewRegistryRecord {
  counter += 1;
  const now = '2026-11-22T10:00:00.000Z';
  return {
    origin: 'reestr',
    country: 'BY',
    number: `BY-2026-${String(counter).padStart(6, '0')}`,
    number_key: `by2026${String(counter).padStart(6, '0')}`,
    maker_name: 'ОАО «Интеграл»',
    product_name: `Микросхема ИН${counter}`,
    product_name_key: `микросхема ин${counter}`,
    state: 'included',
    valid_from: '2026-01-01',
    valid_till: '2027-01-01',
    created_at: now,
    updated_at: now,
    ...over,
  };
}

async function insertRecord(over: Partial<NewRegistryRecord> = {}): Promise<number> {
  const r = await db.kysely.insertInto('registry_records').values(recordRow(over)).returning('id').executeTakeFirstOrThrow();
  return Number(r.id);
}

async function snapshotOf(id: number) {
  return recordSnapshot(await db.kysely.selectFrom('registry_records').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
}

async function decide(recordId: number, kind: string, facts: Record<string, unknown> = {}): Promise<NewRegistryEvent> {
  return {
    recordId,
    kind,
    actorId: null,
    actorName: 'Оператор BY',
    at: new Date().toISOString(),
    effectiveDate: '2026-01-01',
    remarks: kind === 'include' ? 'по заключению № 12' : null,
    facts,
    snapshot: await snapshotOf(recordId),
  };
}

/** Three records with five decisions, each decision in its own transaction (and checkpoint). */
async function history(): Promise<number[]> {
  const ids = [await insertRecord(), await insertRecord(), await insertRecord({ state: 'submitted', valid_from: null, valid_till: null })];
  for (const [id, kind] of [
    [ids[0]!, 'include'],
    [ids[1]!, 'include'],
    [ids[0]!, 'renew'],
    [ids[2]!, 'submit'],
    [ids[1]!, 'suspend'],
  ] as const) {
    const event = await decide(id, kind, { n: 1.5, note: 'ё' });
    await db.kysely.transaction().execute((trx) => log.record(trx, [event]));
  }
  return ids;
}

describe('record', () => {
  beforeEach(clear);

  it('stores canonical payloads, whose entries need no second parse; other values are written as JSON writes them', async () => {
    const id = await insertRecord();
    const events = [
      await decide(id, 'include', { z: 1, a: { y: 'ё', b: [2, 0.5] } }),
      { ...(await decide(id, 'renew')), actorId: null, remarks: 'с замечанием "в кавычках"', facts: { at: new Date('2026-01-02T00:00:00Z') } },
    ];
    await db.kysely.transaction().execute((trx) => log.record(trx, events));
    const rows = await db.kysely.selectFrom('registry_events').selectAll().orderBy('id').execute();
    expect(rows[0]!.payload.startsWith('{"facts":{"a":{"b":[2,0.5],"y":"ё"},"z":1},"record":{')).toBe(true);
    expect(eventEntryWithPayload(rows[0]!, rows[0]!.payload)).toBe(eventEntry(rows[0]!));
    expect(JSON.parse(rows[1]!.payload).facts).toEqual({ at: '2026-01-02T00:00:00.000Z' });
    const leaves = await db.kysely.selectFrom('registry_log').selectAll().orderBy('seq').execute();
    expect(leaves.map((l) => l.entry)).toEqual(rows.map(eventEntry));
    expect((await log.verify()).problems).toEqual([]);
  });

  it('writes events, leaves in order and a signed checkpoint in the caller’s transaction', async () => {
    const id = await insertRecord();
    const events = [await decide(id, 'apply'), await decide(id, 'include', { conclusion: { number: '12', date: '2026-01-01' } })];
    const ids = await db.kysely.transaction().execute((trx) => log.record(trx, events));
    expect(ids).toHaveLength(2);
    expect(ids[1]).toBeGreaterThan(ids[0]!);
    const rows = await db.kysely.selectFrom('registry_events').selectAll().orderBy('id').execute();
    expect(rows.map((r) => Number(r.id))).toEqual(ids);
    expect(JSON.parse(rows[1]!.payload)).toEqual({ facts: { conclusion: { number: '12', date: '2026-01-01' } }, record: events[1]!.snapshot });
    const leaves = await db.kysely.selectFrom('registry_log').selectAll().orderBy('seq').execute();
    expect(leaves.map((l) => [Number(l.seq), Number(l.event_id)])).toEqual([
      [0, ids[0]],
      [1, ids[1]],
    ]);
    expect(leaves.map((l) => l.entry)).toEqual(rows.map(eventEntry));
    expect(leaves[0]!.leaf_hash).toBe(leafHash(leaves[0]!.entry).toString('hex'));
    const cps = await db.kysely.selectFrom('registry_log_checkpoints').selectAll().execute();
    expect(cps).toHaveLength(1);
    expect(Number(cps[0]!.tree_size)).toBe(2);
    expect(cps[0]!.key_id).toBe(key.keyId);
    expect(publicLogKey(key.publicKeyPem).verify(checkpointText(2, cps[0]!.root_hash, cps[0]!.signed_at), cps[0]!.signature)).toBe(true);
  });

  it('rolls back with the caller’s transaction', async () => {
    const id = await insertRecord();
    const event = await decide(id, 'include');
    await expect(
      db.kysely.transaction().execute(async (trx) => {
        await log.record(trx, [event]);
        throw new Error('the decision failed later');
      }),
    ).rejects.toThrow('failed later');
    expect(await db.kysely.selectFrom('registry_log').selectAll().execute()).toHaveLength(0);
    expect(await db.kysely.selectFrom('registry_events').selectAll().execute()).toHaveLength(0);
    // the record stays, without a decision: created behind the log
    expect((await log.verify()).problems.map((p) => p.kind)).toEqual(['record_not_logged']);
  });

  it('appends bulk batches without checkpoints and signs once per transaction', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 40; i++) ids.push(await insertRecord());
    const snapshots = await Promise.all(ids.map(snapshotOf));
    const batch = (from: number, to: number) =>
      ids.slice(from, to).map((recordId, i) => ({
        recordId,
        kind: 'import',
        actorId: null,
        actorName: 'ГИСП',
        at: '2026-11-22T10:00:00.000Z',
        effectiveDate: null,
        remarks: null,
        facts: { row: from + i },
        snapshot: snapshots[from + i]!,
      }));
    await db.kysely.transaction().execute(async (trx) => {
      await log.record(trx, batch(0, 7), { checkpoint: false });
      await log.record(trx, batch(7, 20), { checkpoint: false });
      await log.checkpoint(trx);
    });
    await db.kysely.transaction().execute(async (trx) => {
      await log.record(trx, batch(20, 33), { checkpoint: false });
      await log.checkpoint(trx);
    });
    // a batch left unsigned, then a later decision picks its leaves up
    await db.kysely.transaction().execute((trx) => log.record(trx, batch(33, 39), { checkpoint: false }));
    await db.kysely.transaction().execute(async (trx) => log.record(trx, batch(39, 40)));
    const sizes = (await db.kysely.selectFrom('registry_log_checkpoints').select('tree_size').orderBy('tree_size').execute()).map((r) => Number(r.tree_size));
    expect(sizes).toEqual([20, 33, 40]);
    const result = await log.verify();
    expect(result).toMatchObject({ ok: true, treeSize: 40, checkpoints: 3, checkedEvents: 40, checkedRecords: 40, problems: [] });
  });

  it('serializes concurrent writers', async () => {
    const ids = await Promise.all(Array.from({ length: 6 }, () => insertRecord()));
    const events = await Promise.all(ids.map((id) => decide(id, 'include')));
    await Promise.all(events.map((e) => db.kysely.transaction().execute((trx) => log.record(trx, [e, { ...e, kind: 'renew' }]))));
    const result = await log.verify();
    expect(result.problems).toEqual([]);
    expect(result.treeSize).toBe(12);
  });
});

describe('proofs', () => {
  beforeAll(async () => {
    await clear();
  });

  it('gives each record’s entries with inclusion proofs against the newest checkpoint', async () => {
    const ids = await history();
    const proof = await log.recordProof(ids[0]!);
    expect(proof.checkpoint?.treeSize).toBe(5);
    expect(proof.entries.map((e) => e.seq)).toEqual([0, 2]);
    for (const e of proof.entries) {
      expect(leafHash(e.entry).toString('hex')).toBe(e.leafHash);
      expect(verifyInclusion(fromHex(e.leafHash), e.seq, 5, e.proof!.map(fromHex), fromHex(proof.checkpoint!.rootHash))).toBe(true);
      expect(verifyInclusion(fromHex(e.leafHash), e.seq === 0 ? 1 : 0, 5, e.proof!.map(fromHex), fromHex(proof.checkpoint!.rootHash))).toBe(false);
    }
    await expect(log.recordProof(999_999)).rejects.toMatchObject({ statusCode: 404 });
  });

  it('proves every checkpoint consistent with every later one', async () => {
    const cps = (await log.checkpoints(1, 50)).items;
    expect(cps.map((c) => c.treeSize)).toEqual([5, 4, 3, 2, 1]);
    for (const a of cps)
      for (const b of cps) {
        if (a.treeSize > b.treeSize) continue;
        const c = await log.consistency(a.treeSize, b.treeSize);
        expect(verifyConsistency(a.treeSize, b.treeSize, c.proof.map(fromHex), fromHex(a.rootHash), fromHex(b.rootHash))).toBe(true);
      }
    await expect(log.consistency(2, 7)).rejects.toMatchObject({ statusCode: 404 });
    await expect(log.consistency(3, 2)).rejects.toMatchObject({ statusCode: 400 });
  });
});

describe('verify', () => {
  let ids: number[];
  beforeEach(async () => {
    await clear();
    ids = await history();
  });

  const eventIdAt = async (seq: number) =>
    Number((await db.kysely.selectFrom('registry_log').select('event_id').where('seq', '=', seq).executeTakeFirstOrThrow()).event_id);

  it('passes an intact log and reports progress', async () => {
    const progress: [number, number][] = [];
    const result = await log.verify({ onProgress: (d, t) => progress.push([d, t]) });
    expect(result).toMatchObject({ ok: true, treeSize: 5, checkpoints: 5, checkedEvents: 5, checkedRecords: 3, problems: [] });
    expect(progress.at(-1)).toEqual([8, 8]);
  });

  it('names an event whose payload was edited', async () => {
    const eventId = await eventIdAt(1);
    const row = await db.kysely.selectFrom('registry_events').select('payload').where('id', '=', eventId).executeTakeFirstOrThrow();
    const payload = JSON.parse(row.payload) as { record: { valid_till: string } };
    payload.record.valid_till = '2099-12-31';
    await db.kysely
      .updateTable('registry_events')
      .set({ payload: JSON.stringify(payload) })
      .where('id', '=', eventId)
      .execute();
    const result = await log.verify();
    expect(result.ok).toBe(false);
    const p = result.problems.find((x) => x.kind === 'event_changed');
    expect(p).toMatchObject({ eventId, seq: 1, recordId: ids[1] });
    expect(p!.message).toContain(`event ${eventId}`);
    expect(p!.message).toContain('payload.record.valid_till');
  });

  it('fails when a log row is deleted', async () => {
    const eventId = await eventIdAt(2);
    await db.kysely.deleteFrom('registry_log').where('seq', '=', 2).execute();
    const result = await log.verify();
    expect(result.ok).toBe(false);
    const kinds = result.problems.map((p) => p.kind);
    expect(kinds).toContain('seq_gap');
    expect(kinds).toContain('checkpoint_root');
    expect(result.problems.find((p) => p.kind === 'event_not_logged')).toMatchObject({ eventId });
  });

  it('fails when an event and its leaf are deleted', async () => {
    const eventId = await eventIdAt(4);
    await db.kysely.deleteFrom('registry_log').where('seq', '=', 4).execute();
    await db.kysely.deleteFrom('registry_events').where('id', '=', eventId).execute();
    const result = await log.verify();
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => p.kind)).toContain('checkpoint_beyond_log');
    // and from the middle: the later checkpoints no longer match the leaves
    await clear();
    await history();
    const middle = await eventIdAt(1);
    await db.kysely.deleteFrom('registry_log').where('seq', '=', 1).execute();
    await db.kysely.deleteFrom('registry_events').where('id', '=', middle).execute();
    const again = await log.verify();
    expect(again.ok).toBe(false);
    expect(again.problems.find((p) => p.kind === 'checkpoint_root')).toMatchObject({ treeSize: 2 });
    expect(again.problems.find((p) => p.kind === 'seq_gap')).toMatchObject({ seq: 1 });
  });

  it('fails when an event is inserted without a leaf', async () => {
    const snapshot = await snapshotOf(ids[2]!);
    const row = await db.kysely
      .insertInto('registry_events')
      .values({
        record_id: ids[2]!,
        kind: 'include',
        actor_id: null,
        actor_name: 'somebody',
        at: new Date().toISOString(),
        effective_date: null,
        remarks: null,
        payload: JSON.stringify({ facts: {}, record: snapshot }),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const result = await log.verify();
    expect(result.ok).toBe(false);
    const p = result.problems.find((x) => x.kind === 'event_not_logged');
    expect(p).toMatchObject({ eventId: Number(row.id), recordId: ids[2] });
    expect(p!.message).toContain('has no leaf');
  });

  it('names the record and column when a record row is edited directly', async () => {
    await db.kysely.updateTable('registry_records').set({ valid_till: '2030-01-01' }).where('id', '=', ids[0]!).execute();
    const result = await log.verify();
    expect(result.ok).toBe(false);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ kind: 'record_changed', recordId: ids[0] });
    expect(result.problems[0]!.message).toContain('valid_till is "2030-01-01"');
    expect(result.problems[0]!.message).toContain('"2027-01-01"');
  });

  it('reports a record created behind the log', async () => {
    const id = await insertRecord();
    const result = await log.verify();
    expect(result.problems).toEqual([expect.objectContaining({ kind: 'record_not_logged', recordId: id })]);
  });

  it('fails the signature when a checkpoint root is edited', async () => {
    await db.kysely
      .updateTable('registry_log_checkpoints')
      .set({ root_hash: 'ab'.repeat(32) })
      .where('tree_size', '=', 3)
      .execute();
    const result = await log.verify();
    expect(result.ok).toBe(false);
    const kinds = result.problems.filter((p) => p.treeSize === 3).map((p) => p.kind);
    expect(kinds).toEqual(['checkpoint_root', 'checkpoint_signature']);
  });

  it('fails when an entry and its leaf hash are rewritten consistently', async () => {
    const leaf = await db.kysely.selectFrom('registry_log').selectAll().where('seq', '=', 0).executeTakeFirstOrThrow();
    const entry = leaf.entry.replace('Оператор BY', 'Оператор RU');
    await db.kysely
      .updateTable('registry_log')
      .set({ entry, leaf_hash: leafHash(entry).toString('hex') })
      .where('seq', '=', 0)
      .execute();
    const result = await log.verify();
    const kinds = new Set(result.problems.map((p) => p.kind));
    expect([...kinds].sort()).toEqual(['checkpoint_root', 'event_changed']);
  });

  it('reads the log in chunks (more leaves than one chunk)', async () => {
    await clear();
    const [a, b] = [await insertRecord(), await insertRecord()];
    const base = { kind: 'import', actorId: null, actorName: 'ГИСП', at: '2026-11-22T10:00:00.000Z', effectiveDate: null, remarks: null };
    const ofA = { ...base, recordId: a, facts: {}, snapshot: await snapshotOf(a) };
    const ofB = { ...base, recordId: b, facts: {}, snapshot: await snapshotOf(b) };
    await db.kysely.transaction().execute(async (trx) => {
      const events: NewRegistryEvent[] = Array.from({ length: 6200 }, (_, i) => ({ ...ofA, facts: { i } }));
      events[4321] = ofB;
      await log.record(trx, events, { checkpoint: false });
      await log.checkpoint(trx);
    });
    await db.kysely.transaction().execute((trx) => log.record(trx, [ofB]));
    expect(await log.verify()).toMatchObject({ ok: true, treeSize: 6201, checkpoints: 2, checkedEvents: 6201, checkedRecords: 2 });
    const proof = await log.recordProof(b);
    expect(proof.entries.map((e) => e.seq)).toEqual([4321, 6200]);
    for (const e of proof.entries)
      expect(verifyInclusion(fromHex(e.leafHash), e.seq, 6201, e.proof!.map(fromHex), fromHex(proof.checkpoint!.rootHash))).toBe(true);
  }, 60_000);
});

describe('HTTP API', () => {
  let t: TestApp;
  let recordId: number;

  beforeAll(async () => {
    t = await createTestApp();
    recordId = Number((await t.db.kysely.insertInto('registry_records').values(recordRow()).returning('id').executeTakeFirstOrThrow()).id);
    const snapshot = recordSnapshot(await t.db.kysely.selectFrom('registry_records').selectAll().where('id', '=', recordId).executeTakeFirstOrThrow());
    const event = {
      recordId,
      kind: 'include',
      actorId: null,
      actorName: 'Оператор',
      at: '2026-11-22T10:00:00.000Z',
      effectiveDate: '2026-01-01',
      remarks: null,
      facts: {},
      snapshot,
    };
    for (let i = 0; i < 3; i++) await t.db.kysely.transaction().execute((trx) => t.services.registryLog.record(trx, [{ ...event, facts: { i } }]));
  });

  afterAll(() => t.close());

  it('verifies publicly', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/registry/log/verify' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ok: true, treeSize: 3, checkpoints: 3, checkedEvents: 3, checkedRecords: 1, problems: [] });
    expect(res.headers['x-ratelimit-limit']).toBeDefined();
  });

  it('lists checkpoints newest first and serves the key that signed them', async () => {
    const page = (await t.app.inject({ method: 'GET', url: '/api/registry/log/checkpoints?pageSize=2' })).json();
    expect(page.total).toBe(3);
    expect(page.items.map((c: { treeSize: number }) => c.treeSize)).toEqual([3, 2]);
    const key = (await t.app.inject({ method: 'GET', url: '/api/registry/log/key' })).json();
    expect(key.algorithm).toBe('Ed25519');
    const verifier = publicLogKey(key.publicKeyPem);
    expect(verifier.keyId).toBe(key.keyId);
    for (const c of page.items) {
      expect(c.keyId).toBe(key.keyId);
      expect(verifier.verify(checkpointText(c.treeSize, c.rootHash, c.signedAt), c.signature)).toBe(true);
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/registry/log/checkpoints?pageSize=500' })).statusCode).toBe(400);
  });

  it('gives a record’s entries with proofs, 404 for an unknown record', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/registry/records/${recordId}/log` });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.entries).toHaveLength(3);
    for (const e of body.entries as { seq: number; leafHash: string; proof: string[] }[])
      expect(verifyInclusion(fromHex(e.leafHash), e.seq, 3, e.proof.map(fromHex), fromHex(body.checkpoint.rootHash))).toBe(true);
    const missing = await t.app.inject({ method: 'GET', url: '/api/registry/records/999999/log' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error).toBe('not_found');
  });

  it('proves consistency between checkpoints', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/registry/log/consistency?from=1&to=3' });
    expect(res.statusCode).toBe(200);
    const c = res.json();
    expect(verifyConsistency(1, 3, c.proof.map(fromHex), fromHex(c.from.rootHash), fromHex(c.to.rootHash))).toBe(true);
    expect((await t.app.inject({ method: 'GET', url: '/api/registry/log/consistency?from=3&to=1' })).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/api/registry/log/consistency?from=1&to=9' })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/registry/log/consistency?from=x&to=1' })).statusCode).toBe(400);
  });

  it('documents the endpoints in OpenAPI', async () => {
    const paths = Object.keys((await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json().paths);
    for (const p of [
      '/api/registry/log/verify',
      '/api/registry/log/checkpoints',
      '/api/registry/log/key',
      '/api/registry/log/consistency',
      '/api/registry/records/{id}/log',
    ])
      expect(paths).toContain(p);
  });
});

describe('reestr verify-log', () => {
  it('exits 0 for an intact log and 1, listing the problem, after an edit behind it', async () => {
    const database = await createTestDatabase();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reestr-log-key-'));
    const env = { ...process.env, DATABASE_URL: database.url, REESTR_LOG_KEY_FILE: path.join(dir, 'log-key.pem'), REESTR_SEED: 'false', LOG_LEVEL: 'silent' };
    const cli = () => spawnSync(process.execPath, ['bin/reestr.js', 'verify-log'], { env, encoding: 'utf8', timeout: 60_000 });
    const own = database.open();
    try {
      await migrateToLatest(own);
      const services = createServices(own, { sessionTtlHours: 1, logKeyFile: env.REESTR_LOG_KEY_FILE });
      const id = Number((await own.kysely.insertInto('registry_records').values(recordRow()).returning('id').executeTakeFirstOrThrow()).id);
      const snapshot = recordSnapshot(await own.kysely.selectFrom('registry_records').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
      await own.kysely.transaction().execute((trx) =>
        services.registryLog.record(trx, [
          {
            recordId: id,
            kind: 'include',
            actorId: null,
            actorName: 'CLI test',
            at: '2026-11-22T10:00:00.000Z',
            effectiveDate: null,
            remarks: null,
            facts: {},
            snapshot,
          },
        ]),
      );
      expect((fs.statSync(env.REESTR_LOG_KEY_FILE).mode & 0o777).toString(8)).toBe('600');

      const intact = cli();
      expect(intact.stderr).not.toContain('reestr:');
      expect(intact.stdout).toContain('The log is intact.');
      expect(intact.status).toBe(0);

      await own.kysely.updateTable('registry_records').set({ valid_till: '2031-01-01' }).where('id', '=', id).execute();
      const tampered = cli();
      expect(tampered.status).toBe(1);
      expect(tampered.stdout).toContain('TAMPERED: 1 problem(s)');
      expect(tampered.stdout).toContain(`[record_changed] record ${id}`);
      expect(tampered.stdout).toContain('valid_till');
    } finally {
      await own.close();
      await database.drop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
