/** Foreign parts: public read, signed-in users add, admins change. */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { IdParams, Page } from '../http/pagination';
import { requireUser } from '../accounts/plugin';
import type { ForeignPartsService } from './service';
import { CreateForeignPartBody, ForeignPartDetailSchema, ForeignPartListQuery, ForeignPartSummarySchema, UpdateForeignPartBody } from './schema';

export async function foreignPartsRoutes(fastify: FastifyInstance, opts: { foreignParts: ForeignPartsService }) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { foreignParts } = opts;
  const tags = ['catalogue'];

  app.get(
    '/api/foreign-parts',
    { schema: { tags, summary: 'List foreign parts', querystring: ForeignPartListQuery, response: { 200: Page(ForeignPartSummarySchema) } } },
    (request) => foreignParts.list(request.query),
  );

  app.get(
    '/api/foreign-parts/:id',
    { schema: { tags, summary: 'One foreign part with its domestic analogs', params: IdParams, response: { 200: ForeignPartDetailSchema } } },
    (request) => foreignParts.get(request.params.id),
  );

  app.post(
    '/api/foreign-parts',
    { schema: { tags, summary: 'Add a foreign part (signed-in users)', body: CreateForeignPartBody, response: { 201: ForeignPartDetailSchema } } },
    async (request, reply) => {
      requireUser(request);
      return reply.status(201).send(await foreignParts.create(request.body));
    },
  );

  app.patch(
    '/api/foreign-parts/:id',
    { schema: { tags, summary: 'Change a foreign part (admins)', params: IdParams, body: UpdateForeignPartBody, response: { 200: ForeignPartDetailSchema } } },
    (request) => foreignParts.update(requireUser(request).actor, request.params.id, request.body),
  );

  app.delete(
    '/api/foreign-parts/:id',
    { schema: { tags, summary: 'Delete a foreign part and its analog links (admins)', params: IdParams } },
    async (request, reply) => {
      await foreignParts.delete(requireUser(request).actor, request.params.id);
      return reply.status(204).send();
    },
  );
}
