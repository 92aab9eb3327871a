/**
 * Cooperation and statistics API of the exchange: cooperation ties and their graphs, state-support programmes,
 * currency rates and the public dashboards. Thin handlers: validate → authorize in the services → present.
 */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { requireUser } from '../accounts/plugin';
import { IdParams } from '../http/pagination';
import type { Services } from '../services';
import { CreateTieBody, TieGraphQuery, TieGraphView, TieList, TieView } from './ties-schema';

export async function cooperationRoutes(fastify: FastifyInstance, opts: { services: Services }) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { exchangeTies: ties } = opts.services;
  const tags = ['exchange'];

  app.get(
    '/api/organizations/:id/ties',
    {
      schema: {
        tags,
        summary: 'Cooperation ties of an organization, each with the partner’s role (supplier, customer, co-development), since when and products',
        params: IdParams,
        response: { 200: TieList },
      },
    },
    (request) => ties.listOf(request.params.id),
  );

  app.get(
    '/api/organizations/:id/ties/graph',
    {
      schema: {
        tags,
        summary: 'The organization and its partners as a graph (edges from supplier to customer)',
        params: IdParams,
        response: { 200: TieGraphView },
      },
    },
    (request) => ties.graphOf(request.params.id),
  );

  app.get(
    '/api/ties/graph',
    {
      schema: {
        tags,
        summary: 'Ties with an end in a region (ISO 3166-2) or a country as a graph: nodes = organizations, edges = ties with kind and weight (contracts)',
        querystring: TieGraphQuery,
        response: { 200: TieGraphView },
      },
    },
    (request) => ties.graphWithin(request.query),
  );

  app.post(
    '/api/ties',
    {
      schema: {
        tags,
        summary: 'Record a tie by hand (members of either organization, admins); kind is the partner’s role for organizationId',
        body: CreateTieBody,
        response: { 201: TieView },
      },
    },
    async (request, reply) => reply.status(201).send(await ties.create(requireUser(request).actor, request.body)),
  );

  app.delete(
    '/api/ties/:id',
    { schema: { tags, summary: 'Remove a tie made by hand (members of either organization, admins)', params: IdParams } },
    async (request, reply) => {
      await ties.delete(requireUser(request).actor, request.params.id);
      return reply.status(204).send();
    },
  );
}
