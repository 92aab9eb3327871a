/** Analog links: public read; the maker's members and admins write; verification recorded separately. */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { IdParams, Page } from '../http/pagination';
import { requireUser } from '../accounts/plugin';
import type { AnalogsService } from './service';
import { AnalogLinkSchema, AnalogListQuery, CreateAnalogBody, UpdateAnalogBody } from './schema';

export async function analogsRoutes(fastify: FastifyInstance, opts: { analogs: AnalogsService }) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { analogs } = opts;
  const tags = ['catalogue'];

  app.get(
    '/api/analogs',
    { schema: { tags, summary: 'List analog links', querystring: AnalogListQuery, response: { 200: Page(AnalogLinkSchema) } } },
    (request) => analogs.list(request.query),
  );
  app.get('/api/analogs/:id', { schema: { tags, summary: 'One analog link', params: IdParams, response: { 200: AnalogLinkSchema } } }, (request) =>
    analogs.get(request.params.id),
  );
  app.post(
    '/api/analogs',
    {
      schema: {
        tags,
        summary: 'Claim an analog (members of the maker, admins); starts unverified',
        body: CreateAnalogBody,
        response: { 201: AnalogLinkSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await analogs.create(requireUser(request).actor, request.body)),
  );
  app.patch(
    '/api/analogs/:id',
    { schema: { tags, summary: 'Change or verify an analog link', params: IdParams, body: UpdateAnalogBody, response: { 200: AnalogLinkSchema } } },
    (request) => analogs.update(requireUser(request).actor, request.params.id, request.body),
  );
  app.delete(
    '/api/analogs/:id',
    { schema: { tags, summary: 'Remove an analog link (members of the maker, admins)', params: IdParams } },
    async (request, reply) => {
      await analogs.delete(requireUser(request).actor, request.params.id);
      return reply.status(204).send();
    },
  );
}
