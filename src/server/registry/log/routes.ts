/**
 * The registry log in public: verification (rate-limited: it reads the whole log), signed checkpoints, the
 * public key to check them offline, a record's entries with inclusion proofs, and consistency proofs.
 */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { RegistryLog } from './service';
import { CheckpointPage, CheckpointsQuery, Consistency, ConsistencyQuery, LogKey, LogVerification, RecordLog, RecordLogParams } from './schema';

export async function registryLogRoutes(fastify: FastifyInstance, opts: { registryLog: RegistryLog; verifyPerMinute?: number }) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { registryLog } = opts;
  const tags = ['registry log'];

  app.get(
    '/api/registry/log/verify',
    {
      // a full pass over the log: a few per client and minute
      config: { rateLimit: { max: Math.max(1, Math.floor((opts.verifyPerMinute ?? 120) / 60)), timeWindow: '1 minute' } },
      schema: {
        tags,
        summary:
          'Verify the whole log: leaf hashes, events against their entries, signed checkpoint roots, records against their last decision (public, rate-limited)',
        response: { 200: LogVerification },
      },
    },
    () => registryLog.verify(),
  );

  app.get(
    '/api/registry/log/checkpoints',
    { schema: { tags, summary: 'Signed checkpoints of the log, newest first', querystring: CheckpointsQuery, response: { 200: CheckpointPage } } },
    (request) => registryLog.checkpoints(request.query.page ?? 1, request.query.pageSize ?? 25),
  );

  app.get(
    '/api/registry/log/key',
    { schema: { tags, summary: 'The Ed25519 public key that signs the checkpoints (PEM) and its key id', response: { 200: LogKey } } },
    () => registryLog.publicKey(),
  );

  app.get(
    '/api/registry/log/consistency',
    {
      schema: {
        tags,
        summary: 'Proof that the tree of one checkpoint is a prefix of the tree of a later one (RFC 9162 §2.1.4)',
        querystring: ConsistencyQuery,
        response: { 200: Consistency },
      },
    },
    (request) => registryLog.consistency(request.query.from, request.query.to),
  );

  app.get(
    '/api/registry/records/:id/log',
    {
      schema: {
        tags,
        summary: 'A record’s logged decisions with inclusion proofs against the newest checkpoint',
        params: RecordLogParams,
        response: { 200: RecordLog },
      },
    },
    (request) => registryLog.recordProof(request.params.id),
  );
}
