/** Health, public configuration and catalogue counts. */
import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { Services } from '../services';
import { databaseReachable } from '../bootstrap';

export const VERSION = '0.1.0';

const HealthSchema = Type.Object({ status: Type.String(), database: Type.String(), version: Type.String() });

export async function systemRoutes(app: FastifyInstance, opts: { services: Services; demo: boolean }) {
  const { services } = opts;
  const tags = ['system'];
  app.get(
    '/api/health',
    { schema: { tags, summary: 'Liveness and database reachability', response: { 200: HealthSchema, 503: HealthSchema } } },
    async (_request, reply) => {
      const ok = await databaseReachable(services.db);
      return reply.status(ok ? 200 : 503).send({ status: ok ? 'ok' : 'database unreachable', database: services.db.dialect, version: VERSION });
    },
  );
  app.get(
    '/api/config',
    { schema: { tags, summary: 'What the web app needs to know', response: { 200: Type.Object({ demo: Type.Boolean(), version: Type.String() }) } } },
    async () => ({
      demo: opts.demo,
      version: VERSION,
    }),
  );
  app.get(
    '/api/stats',
    {
      schema: {
        tags,
        summary: 'Catalogue counts',
        response: {
          200: Type.Object({ productTypes: Type.Integer(), foreignParts: Type.Integer(), analogLinks: Type.Integer(), organizations: Type.Integer() }),
        },
      },
    },
    async () => {
      const [productTypes, foreignParts, analogLinks, organizations] = await Promise.all([
        services.productTypesRepo.count(),
        services.foreignPartsRepo.count(),
        services.analogsRepo.count(),
        services.organizationsRepo.count(),
      ]);
      return { productTypes, foreignParts, analogLinks, organizations };
    },
  );
}
