/** TypeBox schemas of the registry log API: validation, types and OpenAPI from one source. */
import { Type } from '@sinclair/typebox';
import { Nullable, Page, IdParams } from '../../http/pagination';

const Hex = Type.String({ pattern: '^[0-9a-f]{64}$', description: 'SHA-256, lower-case hex' });

export const Checkpoint = Type.Object({
  treeSize: Type.Integer({ description: 'number of leaves the root covers' }),
  rootHash: Hex,
  signedAt: Type.String({ description: 'ISO 8601 time of signing' }),
  keyId: Type.String({ description: 'first 16 hex digits of SHA-256 of the public key (SPKI DER)' }),
  signature: Type.String({ description: 'Ed25519 signature (base64) of "reestr-log\\n<treeSize>\\n<rootHash>\\n<signedAt>"' }),
});

export const LogProblem = Type.Object({
  kind: Type.String({
    description:
      'seq_gap, leaf_hash, event_missing, event_changed, event_not_logged, checkpoint_root, checkpoint_frontier, checkpoint_signature, checkpoint_key, checkpoint_beyond_log, record_changed, record_not_logged, record_unverifiable',
  }),
  seq: Type.Optional(Type.Integer()),
  eventId: Type.Optional(Type.Integer()),
  recordId: Type.Optional(Type.Integer()),
  treeSize: Type.Optional(Type.Integer()),
  message: Type.String(),
});

export const LogVerification = Type.Object({
  ok: Type.Boolean({ description: 'true when nothing was found changed, removed or inserted behind the log' }),
  treeSize: Type.Integer(),
  rootHash: Nullable(Hex),
  checkpoints: Type.Integer(),
  checkedEvents: Type.Integer(),
  checkedRecords: Type.Integer(),
  problems: Type.Array(LogProblem),
});

export const CheckpointPage = Page(Checkpoint);
export const CheckpointsQuery = Type.Object(
  {
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 25 })),
  },
  { additionalProperties: false },
);

export const LogKey = Type.Object({
  keyId: Type.String(),
  algorithm: Type.Literal('Ed25519'),
  publicKeyPem: Type.String({ description: 'SPKI PEM of the public key' }),
  signedText: Type.String({ description: 'the text each checkpoint signature covers' }),
});

export const RecordLogParams = IdParams;

export const RecordLog = Type.Object({
  recordId: Type.Integer(),
  checkpoint: Nullable(Checkpoint),
  entries: Type.Array(
    Type.Object({
      seq: Type.Integer({ description: 'leaf index in the tree' }),
      eventId: Type.Integer(),
      at: Type.String(),
      entry: Type.String({ description: 'canonical JSON of the decision; leaf hash = SHA-256(0x00 ‖ entry as UTF-8)' }),
      leafHash: Hex,
      proof: Nullable(Type.Array(Hex, { description: 'RFC 9162 inclusion proof against the checkpoint, leaf side first' })),
    }),
  ),
});

export const ConsistencyQuery = Type.Object(
  {
    from: Type.Integer({ minimum: 1, description: 'tree size of the older checkpoint' }),
    to: Type.Integer({ minimum: 1, description: 'tree size of the newer checkpoint' }),
  },
  { additionalProperties: false },
);

export const Consistency = Type.Object({
  from: Checkpoint,
  to: Checkpoint,
  proof: Type.Array(Hex, { description: 'RFC 9162 consistency proof' }),
});
