/**
 * The tamper-evident log of registry decisions. Every decision is a `registry_events` row and, in the same
 * transaction, one leaf of a Merkle tree (RFC 6962) whose roots are signed in checkpoints. Verification
 * replays the whole log in chunks and reports every place where the stored data no longer matches it.
 */
import type { Transaction } from 'kysely';
import type { Database, RegistryEventRow } from '../../db/types';
import { canonicalJson } from '../../../domain/registry/canonical-json';
import { MerkleFrontier, consistencyProofRanges, fromHex, inclusionProofRanges, leafHash, toHex, type Hash, type Range } from '../../../domain/registry/merkle';
import { notFound, invalid } from '../../http/errors';
import { snapshotDifferences, type RecordSnapshot } from '../snapshot';
import { checkpointText, type LogKey } from './signing';
import type { CheckpointRow, LogRowWithEvent, RegistryLogRepository } from './repository';

/** A decision to log (the caller has already written its effect on the record). */
export interface NewRegistryEvent {
  recordId: number;
  kind: string;
  actorId: number | null;
  actorName: string;
  at: string;
  effectiveDate: string | null;
  remarks: string | null;
  facts: Record<string, unknown>;
  /** The record after the decision. */
  snapshot: RecordSnapshot;
}

export interface LogProblem {
  kind: string;
  seq?: number;
  eventId?: number;
  recordId?: number;
  treeSize?: number;
  message: string;
}

export interface LogVerification {
  ok: boolean;
  treeSize: number;
  rootHash: string | null;
  checkpoints: number;
  checkedEvents: number;
  checkedRecords: number;
  problems: LogProblem[];
}

export interface CheckpointView {
  treeSize: number;
  rootHash: string;
  signedAt: string;
  keyId: string;
  signature: string;
}

export interface RecordLogEntry {
  seq: number;
  eventId: number;
  at: string;
  entry: string;
  leafHash: string;
  /** Audit path against the checkpoint (leaf side first); null for a leaf newer than the checkpoint. */
  proof: string[] | null;
}

export interface RecordProof {
  recordId: number;
  checkpoint: CheckpointView | null;
  entries: RecordLogEntry[];
}

export interface ConsistencyProof {
  from: CheckpointView;
  to: CheckpointView;
  proof: string[];
}

/** The log entry of an event: canonical JSON of its columns, the payload parsed (throws on a payload that is not JSON). */
export function eventEntry(row: RegistryEventRow): string {
  return canonicalJson({
    v: 1,
    eventId: Number(row.id),
    recordId: Number(row.record_id),
    kind: row.kind,
    actorId: row.actor_id === null ? null : Number(row.actor_id),
    actorName: row.actor_name,
    at: row.at,
    effectiveDate: row.effective_date,
    remarks: row.remarks,
    payload: JSON.parse(row.payload) as unknown,
  });
}

/**
 * The same text as `eventEntry` for an event whose payload is already canonical JSON, without parsing it again
 * (keys in code-unit order: actorId, actorName, at, effectiveDate, eventId, kind, payload, recordId, remarks, v).
 */
export function eventEntryWithPayload(row: Omit<RegistryEventRow, 'payload'>, canonicalPayload: string): string {
  const head = canonicalJson({
    actorId: row.actor_id === null ? null : Number(row.actor_id),
    actorName: row.actor_name,
    at: row.at,
    effectiveDate: row.effective_date,
    eventId: Number(row.id),
    kind: row.kind,
  });
  const tail = canonicalJson({ recordId: Number(row.record_id), remarks: row.remarks, v: 1 });
  return `${head.slice(0, -1)},"payload":${canonicalPayload},${tail.slice(1)}`;
}

/** An event's stored payload (its facts and the record snapshot) as `preparePayload` writes it. */
export interface EventPayload {
  text: string;
  canonical: boolean;
}

/**
 * A decision whose payload is already written, so that a thread that builds decisions can leave the logging to
 * another one (the ПП 719 import's writer thread) and hand over one string instead of objects.
 */
export interface PreparedRegistryEvent extends Omit<NewRegistryEvent, 'facts' | 'snapshot'> {
  payload: EventPayload;
}

/** The stored payload of an event: canonical JSON (so its entry needs no second pass), else plain JSON. */
export function preparePayload(facts: Record<string, unknown>, snapshot: RecordSnapshot): EventPayload {
  const payload = { facts, record: snapshot };
  try {
    return { text: canonicalJson(payload), canonical: true };
  } catch {
    // values canonical JSON has no form for (a Date, say) are written as JSON.stringify writes them
    return { text: JSON.stringify(payload), canonical: false };
  }
}

export const checkpointView = (c: CheckpointRow): CheckpointView => ({
  treeSize: Number(c.tree_size),
  rootHash: c.root_hash,
  signedAt: c.signed_at,
  keyId: c.key_id,
  signature: c.signature,
});

const CHUNK = 5000;
/** Problems listed per kind; the rest are counted. */
const LISTED_PER_KIND = 100;

const hashesOf = (frontierJson: string): Hash[] => (JSON.parse(frontierJson) as string[]).map(fromHex);

export class RegistryLog {
  /** The frontier at the end of each open transaction's appends, so batches need not reread their leaves. */
  private readonly pending = new WeakMap<object, MerkleFrontier>();
  private keyCache: LogKey | null = null;

  constructor(
    private readonly repo: RegistryLogRepository,
    private readonly loadKey: () => LogKey,
  ) {}

  /** The signing key, loaded (or created) on first use. */
  key(): LogKey {
    return (this.keyCache ??= this.loadKey());
  }

  /**
   * Inserts the events and appends one leaf per event, in order, inside the caller's transaction; writes a
   * signed checkpoint of the new tree unless `checkpoint: false` (then call `checkpoint(trx)` before commit).
   * Returns the new event ids.
   */
  async record(trx: Transaction<Database>, events: (NewRegistryEvent | PreparedRegistryEvent)[], options: { checkpoint?: boolean } = {}): Promise<number[]> {
    if (!events.length) {
      if (options.checkpoint !== false) await this.checkpoint(trx);
      return [];
    }
    const frontier = await this.frontierFor(trx);
    const payloads = events.map((e) => ('payload' in e ? e.payload : preparePayload(e.facts, e.snapshot)));
    const rows = await this.repo.insertEvents(
      trx,
      events.map((e, i) => ({
        record_id: e.recordId,
        kind: e.kind,
        actor_id: e.actorId,
        actor_name: e.actorName,
        at: e.at,
        effective_date: e.effectiveDate,
        remarks: e.remarks,
        payload: payloads[i]!.text,
      })),
    );
    const leaves = rows.map((row, i) => {
      const entry = payloads[i]!.canonical ? eventEntryWithPayload(row, row.payload) : eventEntry(row);
      const hash = leafHash(entry);
      const seq = frontier.size;
      frontier.append(hash);
      return { seq, event_id: row.id, record_id: row.record_id, entry, leaf_hash: toHex(hash), at: row.at };
    });
    await this.repo.insertLeaves(trx, leaves);
    if (options.checkpoint !== false) await this.checkpoint(trx);
    return rows.map((r) => r.id);
  }

  /** Signs the current tree in the caller's transaction (nothing when the newest checkpoint already covers it). */
  async checkpoint(trx: Transaction<Database>): Promise<CheckpointView | null> {
    const frontier = await this.frontierFor(trx);
    const latest = await this.repo.latestCheckpoint(trx);
    if (latest && Number(latest.tree_size) >= frontier.size) return checkpointView(latest);
    if (frontier.size === 0) return null;
    const rootHash = toHex(frontier.root());
    const signedAt = new Date().toISOString();
    const key = this.key();
    const row = {
      tree_size: frontier.size,
      root_hash: rootHash,
      frontier: JSON.stringify(frontier.frontier.map(toHex)),
      signed_at: signedAt,
      key_id: key.keyId,
      signature: key.sign(checkpointText(frontier.size, rootHash, signedAt)),
    };
    await this.repo.insertCheckpoint(trx, row);
    return checkpointView(row);
  }

  /**
   * Takes the log's append lock for the rest of the caller's transaction (PostgreSQL; SQLite has one writer).
   * Writers that lock rows and then append take it first, so that every writer locks in the same order and
   * whatever they allocate from the current state (registry numbers) is decided one writer at a time.
   */
  async lock(trx: Transaction<Database>): Promise<void> {
    await this.repo.lock(trx);
  }

  /** Takes the append lock and returns the frontier of the whole log as this transaction sees it. */
  private async frontierFor(trx: Transaction<Database>): Promise<MerkleFrontier> {
    const known = this.pending.get(trx);
    if (known) return known;
    await this.repo.lock(trx);
    const cp = await this.repo.latestCheckpoint(trx);
    const frontier = cp ? MerkleFrontier.of(Number(cp.tree_size), hashesOf(cp.frontier)) : MerkleFrontier.empty();
    // leaves appended after the newest checkpoint (a batch that did not sign)
    for (;;) {
      const rows = await this.repo.leafHashes(trx, frontier.size, null, CHUNK);
      if (!rows.length) break;
      for (const r of rows) {
        if (Number(r.seq) !== frontier.size) throw new Error(`the registry log has no leaf ${frontier.size}; run \`reestr verify-log\``);
        frontier.append(fromHex(r.leaf_hash));
      }
    }
    this.pending.set(trx, frontier);
    return frontier;
  }

  // reading

  async publicKey(): Promise<{ keyId: string; publicKeyPem: string; algorithm: 'Ed25519'; signedText: string }> {
    const key = this.key();
    return { keyId: key.keyId, publicKeyPem: key.publicKeyPem, algorithm: 'Ed25519', signedText: 'reestr-log\\n<tree_size>\\n<root_hash_hex>\\n<signed_at>' };
  }

  async checkpoints(page: number, pageSize: number): Promise<{ items: CheckpointView[]; total: number; page: number; pageSize: number }> {
    const [rows, total] = await Promise.all([this.repo.listCheckpoints(pageSize, (page - 1) * pageSize), this.repo.countCheckpoints()]);
    return { items: rows.map(checkpointView), total, page, pageSize };
  }

  /** The record's entries with inclusion proofs against the newest checkpoint. */
  async recordProof(recordId: number): Promise<RecordProof> {
    if (!(await this.repo.recordExists(recordId))) throw notFound(`registry record ${recordId}`);
    const [cp, leaves] = await Promise.all([this.repo.latestCheckpoint(), this.repo.recordLeaves(recordId)]);
    const size = cp ? Number(cp.tree_size) : 0;
    const hashes = new Map<string, Hash>();
    const entries: RecordLogEntry[] = [];
    for (const l of leaves) {
      const seq = Number(l.seq);
      const proof = seq < size ? await Promise.all(inclusionProofRanges(seq, size).map((r) => this.rangeHash(r, hashes))) : null;
      entries.push({ seq, eventId: Number(l.event_id), at: l.at, entry: l.entry, leafHash: l.leaf_hash, proof: proof && proof.map(toHex) });
    }
    return { recordId, checkpoint: cp ? checkpointView(cp) : null, entries };
  }

  /** Proof that the tree of checkpoint `from` is a prefix of the tree of checkpoint `to`. */
  async consistency(from: number, to: number): Promise<ConsistencyProof> {
    if (from > to) throw invalid(`from (${from}) must not exceed to (${to})`);
    const [a, b] = await Promise.all([this.repo.checkpointAt(from), this.repo.checkpointAt(to)]);
    if (!a) throw notFound(`checkpoint of tree size ${from} (see /api/registry/log/checkpoints)`);
    if (!b) throw notFound(`checkpoint of tree size ${to} (see /api/registry/log/checkpoints)`);
    const hashes = new Map<string, Hash>();
    const proof: string[] = [];
    for (const r of consistencyProofRanges(from, to)) proof.push(toHex(await this.rangeHash(r, hashes)));
    return { from: checkpointView(a), to: checkpointView(b), proof };
  }

  /**
   * The hash of an RFC subtree of leaves, from the largest checkpoint inside it (its frontier covers the part
   * before it) and the leaves after that checkpoint: at most one import batch is read.
   */
  private async rangeHash(range: Range, memo: Map<string, Hash>): Promise<Hash> {
    const key = `${range.start}:${range.end}`;
    const known = memo.get(key);
    if (known) return known;
    const cp = await this.repo.checkpointWithin(range.start + 1, range.end);
    const frontier = cp ? MerkleFrontier.suffix(Number(cp.tree_size), hashesOf(cp.frontier), range.start) : MerkleFrontier.empty();
    let next = range.start + frontier.size;
    while (next < range.end) {
      const rows = await this.repo.leafHashes(this.repo.kysely, next, range.end, CHUNK);
      if (!rows.length) break;
      for (const r of rows) {
        if (Number(r.seq) !== next) throw new Error(`the registry log has no leaf ${next}; run \`reestr verify-log\``);
        frontier.append(fromHex(r.leaf_hash));
        next += 1;
      }
    }
    if (next !== range.end) throw new Error(`the registry log has no leaf ${next}; run \`reestr verify-log\``);
    const hash = frontier.root();
    memo.set(key, hash);
    return hash;
  }

  // verification

  async verify(options: { onProgress?: (done: number, total: number) => void } = {}): Promise<LogVerification> {
    const problems = new ProblemList();
    const key = this.key();
    const [leafCount, recordCount] = await Promise.all([this.repo.countLeaves(), this.repo.countRecords()]);
    const total = leafCount + recordCount;
    let done = 0;
    options.onProgress?.(0, total);

    // 1. the leaves in order: hashes, events, and the checkpoints along the way
    const frontier = MerkleFrontier.empty();
    let expectedSeq = 0;
    let checkedEvents = 0;
    let checkpoints = 0;
    let lastCheckpoint: CheckpointRow | null = null;
    let cpQueue: CheckpointRow[] = [];
    let cpAfter = 0;
    let cpDone = false;
    const nextCheckpoint = async (): Promise<CheckpointRow | undefined> => {
      if (!cpQueue.length && !cpDone) {
        cpQueue = await this.repo.checkpointsAfter(cpAfter, CHUNK);
        if (cpQueue.length < CHUNK) cpDone = true;
        if (cpQueue.length) cpAfter = Number(cpQueue[cpQueue.length - 1]!.tree_size);
      }
      return cpQueue[0];
    };
    const checkCheckpoint = (cp: CheckpointRow) => {
      checkpoints += 1;
      lastCheckpoint = cp;
      const size = Number(cp.tree_size);
      const root = toHex(frontier.root());
      if (root !== cp.root_hash)
        problems.add({
          kind: 'checkpoint_root',
          treeSize: size,
          message: `checkpoint ${size}: the signed root ${cp.root_hash} is not the root ${root} of the first ${size} leaves now stored (leaves were changed, removed or inserted)`,
        });
      else if (cp.frontier !== JSON.stringify(frontier.frontier.map(toHex)))
        problems.add({
          kind: 'checkpoint_frontier',
          treeSize: size,
          message: `checkpoint ${size}: its stored frontier does not match the leaves; new leaves would extend a wrong tree`,
        });
      if (cp.key_id !== key.keyId)
        problems.add({
          kind: 'checkpoint_key',
          treeSize: size,
          message: `checkpoint ${size} is signed by key ${cp.key_id}, not by the configured key ${key.keyId}`,
        });
      else if (!key.verify(checkpointText(size, cp.root_hash, cp.signed_at), cp.signature))
        problems.add({
          kind: 'checkpoint_signature',
          treeSize: size,
          message: `checkpoint ${size}: the signature does not match its tree size, root ${cp.root_hash} and time ${cp.signed_at}`,
        });
    };

    for (let after = -1; ;) {
      const chunk = await this.repo.logChunk(after, CHUNK);
      if (!chunk.length) break;
      for (const row of chunk) {
        const seq = Number(row.seq);
        if (seq !== expectedSeq)
          problems.add({
            kind: 'seq_gap',
            seq: expectedSeq,
            message: seq - expectedSeq === 1 ? `log leaf ${expectedSeq} is missing` : `log leaves ${expectedSeq}…${seq - 1} are missing`,
          });
        expectedSeq = seq + 1;
        this.checkLeaf(row, problems);
        checkedEvents += 1;
        frontier.append(/^[0-9a-f]{64}$/.test(row.leaf_hash) ? fromHex(row.leaf_hash) : leafHash(row.entry));
        for (let cp = await nextCheckpoint(); cp && Number(cp.tree_size) <= frontier.size; cp = await nextCheckpoint()) {
          cpQueue.shift();
          if (Number(cp.tree_size) === frontier.size) checkCheckpoint(cp);
        }
      }
      after = Number(chunk[chunk.length - 1]!.seq);
      done += chunk.length;
      options.onProgress?.(done, total);
    }
    for (let cp = await nextCheckpoint(); cp; cp = await nextCheckpoint()) {
      cpQueue.shift();
      checkpoints += 1;
      problems.add({
        kind: 'checkpoint_beyond_log',
        treeSize: Number(cp.tree_size),
        message: `checkpoint ${cp.tree_size} signs more leaves than the ${frontier.size} stored (leaves were removed)`,
      });
    }

    // 2. decisions that never reached the log
    const unlogged = await this.repo.countEventsWithoutLeaf();
    if (unlogged)
      for (const e of await this.repo.eventsWithoutLeaf(LISTED_PER_KIND))
        problems.add({
          kind: 'event_not_logged',
          eventId: Number(e.id),
          recordId: Number(e.record_id),
          message: `event ${e.id} (${e.kind} of record ${e.record_id} at ${e.at}) has no leaf in the log: it was written behind the log or its leaf was removed`,
        });
    if (unlogged > LISTED_PER_KIND) problems.count('event_not_logged', unlogged - LISTED_PER_KIND);

    // 3. every record against its newest logged decision
    let checkedRecords = 0;
    for (let after = 0; ;) {
      const records = await this.repo.recordsChunk(after, CHUNK);
      if (!records.length) break;
      const latest = new Map((await this.repo.latestEvents(records.map((r) => Number(r.id)))).map((e) => [Number(e.record_id), e]));
      for (const record of records) {
        const id = Number(record.id);
        const event = latest.get(id);
        if (!event) {
          problems.add({
            kind: 'record_not_logged',
            recordId: id,
            message: `record ${id}${label(record)} has no logged decision: it was created behind the log`,
          });
          continue;
        }
        let snapshot: RecordSnapshot | undefined;
        try {
          snapshot = (JSON.parse(event.payload) as { record?: RecordSnapshot }).record;
        } catch {
          snapshot = undefined;
        }
        if (!snapshot || typeof snapshot !== 'object') {
          problems.add({
            kind: 'record_unverifiable',
            recordId: id,
            eventId: Number(event.id),
            message: `record ${id}: its newest event ${event.id} carries no readable record snapshot`,
          });
          continue;
        }
        checkedRecords += 1;
        const columns = snapshotDifferences(record, snapshot);
        if (columns.length)
          problems.add({
            kind: 'record_changed',
            recordId: id,
            eventId: Number(event.id),
            message: `record ${id}${label(record)} was changed behind the log: ${columns
              .map((c) => `${c} is ${show(record, c)}, the last logged decision (event ${event.id}) says ${show(snapshot, c)}`)
              .join('; ')}`,
          });
      }
      after = Number(records[records.length - 1]!.id);
      done += records.length;
      options.onProgress?.(done, total);
    }

    const last = lastCheckpoint as CheckpointRow | null;
    const list = problems.list();
    return {
      ok: list.length === 0,
      treeSize: frontier.size,
      rootHash: last ? last.root_hash : null,
      checkpoints,
      checkedEvents,
      checkedRecords,
      problems: list,
    };
  }

  private checkLeaf(row: LogRowWithEvent, problems: ProblemList) {
    const seq = Number(row.seq);
    const eventId = Number(row.event_id);
    const recordId = Number(row.record_id);
    if (toHex(leafHash(row.entry)) !== row.leaf_hash)
      problems.add({ kind: 'leaf_hash', seq, eventId, message: `log leaf ${seq} (event ${eventId}): the stored leaf hash is not the hash of its entry` });
    if (row.e_id === null) {
      problems.add({
        kind: 'event_missing',
        seq,
        eventId,
        recordId,
        message: `log leaf ${seq} names event ${eventId} of record ${recordId}, which no longer exists`,
      });
      return;
    }
    let rebuilt: string;
    try {
      rebuilt = eventEntry({
        id: Number(row.e_id),
        record_id: Number(row.e_record_id),
        kind: row.e_kind!,
        actor_id: row.e_actor_id,
        actor_name: row.e_actor_name!,
        at: row.e_at!,
        effective_date: row.e_effective_date,
        remarks: row.e_remarks,
        payload: row.e_payload!,
      });
    } catch {
      problems.add({
        kind: 'event_changed',
        seq,
        eventId,
        recordId,
        message: `event ${eventId} (log leaf ${seq}, record ${recordId}) was changed after it was logged: its payload is no longer JSON`,
      });
      return;
    }
    if (rebuilt !== row.entry) {
      let fields: string[] = [];
      try {
        fields = differingPaths(JSON.parse(row.entry), JSON.parse(rebuilt), '', 3);
      } catch {
        fields = ['entry'];
      }
      problems.add({
        kind: 'event_changed',
        seq,
        eventId,
        recordId,
        message: `event ${eventId} (log leaf ${seq}, record ${recordId}) was changed after it was logged: ${fields.join(', ') || 'entry'} differ${fields.length === 1 ? 's' : ''}`,
      });
    }
  }
}

const show = (o: object, column: string) => JSON.stringify((o as Record<string, unknown>)[column] ?? null);

function label(record: { number: string | null; product_name: string }): string {
  return record.number ? ` (${record.number})` : ` (${record.product_name})`;
}

/** Dotted paths where two JSON values differ, down to `depth` levels. */
function differingPaths(a: unknown, b: unknown, prefix: string, depth: number): string[] {
  if (canonicalJson(a) === canonicalJson(b)) return [];
  const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (depth === 0 || !isObj(a) || !isObj(b)) return [prefix || 'entry'];
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return keys.flatMap((k) => differingPaths(a[k], b[k], prefix ? `${prefix}.${k}` : k, depth - 1));
}

/** Problems in order, at most LISTED_PER_KIND of each kind listed; the rest summed up at the end. */
class ProblemList {
  private readonly items: LogProblem[] = [];
  private readonly perKind = new Map<string, number>();
  private readonly extra = new Map<string, number>();

  add(p: LogProblem) {
    const n = (this.perKind.get(p.kind) ?? 0) + 1;
    this.perKind.set(p.kind, n);
    if (n <= LISTED_PER_KIND) this.items.push(p);
    else this.count(p.kind, 1);
  }

  count(kind: string, n: number) {
    this.extra.set(kind, (this.extra.get(kind) ?? 0) + n);
  }

  list(): LogProblem[] {
    return [...this.items, ...[...this.extra].map(([kind, n]) => ({ kind, message: `… and ${n} more problems of kind ${kind}` }))];
  }
}
