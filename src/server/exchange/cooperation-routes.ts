/**
 * Cooperation and statistics API of the exchange: cooperation ties and their graphs, state-support programmes,
 * currency rates and the public dashboards. Thin handlers: validate → authorize in the services → present.
 */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { requireUser } from '../accounts/plugin';
import { IdParams, pageRequest } from '../http/pagination';
import type { Services } from '../services';
import { ProgrammeBody, ProgrammeExportQuery, ProgrammeListQuery, ProgrammePage, ProgrammeView } from './programmes-schema';
import { sendSheets } from './sheets';
import { DashboardExportQuery, DashboardQuery, DashboardView, RateBody, RateList, RateListQuery, RateView } from './statistics-schema';
import { CreateTieBody, TieGraphQuery, TieGraphView, TieList, TieView } from './ties-schema';

export async function cooperationRoutes(fastify: FastifyInstance, opts: { services: Services }) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { exchangeTies: ties, exchangeProgrammes: programmes, exchangeStatistics: statistics } = opts.services;
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

  // state-support programmes

  app.get(
    '/api/programmes',
    {
      schema: {
        tags,
        summary: 'State-support programmes by state and year (state + year: the yearly list of a state), with organizations and products',
        querystring: ProgrammeListQuery,
        response: { 200: ProgrammePage },
      },
    },
    (request) => {
      const { page, pageSize, order, ...filters } = request.query;
      return programmes.list(filters, pageRequest({ page, pageSize, order }));
    },
  );

  app.get(
    '/api/programmes/export',
    { schema: { tags, summary: 'The programmes (same filters) as XLSX or CSV, a row per programme', querystring: ProgrammeExportQuery } },
    async (request, reply) => {
      const { format, ...filters } = request.query;
      const base = ['programmes', filters.state, filters.year].filter(Boolean).join('-');
      return sendSheets(reply, format ?? 'xlsx', base, [await programmes.sheet(filters)]);
    },
  );

  app.get('/api/programmes/:id', { schema: { tags, summary: 'One programme', params: IdParams, response: { 200: ProgrammeView } } }, (request) =>
    programmes.get(request.params.id),
  );

  app.post(
    '/api/programmes',
    {
      schema: {
        tags,
        summary: 'Add a programme (admins, operators of its state; either country for UNION)',
        body: ProgrammeBody,
        response: { 201: ProgrammeView },
      },
    },
    async (request, reply) => reply.status(201).send(await programmes.create(requireUser(request).actor, request.body)),
  );

  app.put(
    '/api/programmes/:id',
    {
      schema: {
        tags,
        summary: 'Change a programme; organizationIds / productTypeIds replace the lists when given',
        params: IdParams,
        body: ProgrammeBody,
        response: { 200: ProgrammeView },
      },
    },
    (request) => programmes.update(requireUser(request).actor, request.params.id, request.body),
  );

  app.delete('/api/programmes/:id', { schema: { tags, summary: 'Remove a programme', params: IdParams } }, async (request, reply) => {
    await programmes.delete(requireUser(request).actor, request.params.id);
    return reply.status(204).send();
  });

  // currency rates and the public dashboard

  app.get(
    '/api/rates',
    { schema: { tags, summary: 'Recorded currency rates, newest first per pair', querystring: RateListQuery, response: { 200: RateList } } },
    (request) => statistics.rates(request.query),
  );

  app.post(
    '/api/rates',
    {
      schema: {
        tags,
        summary: 'Record a rate (operators, admins): one unit of currency in toCurrency on a date; the same pair and date is replaced',
        body: RateBody,
        response: { 201: RateView },
      },
    },
    async (request, reply) => reply.status(201).send(await statistics.recordRate(requireUser(request).actor, request.body)),
  );

  app.delete('/api/rates/:id', { schema: { tags, summary: 'Remove a rate (operators, admins)', params: IdParams } }, async (request, reply) => {
    await statistics.deleteRate(requireUser(request).actor, request.params.id);
    return reply.status(204).send();
  });

  app.get(
    '/api/dashboard/exchange',
    {
      schema: {
        tags,
        summary:
          'Public aggregates: foreign part types substituted, contracts and sums (per currency and converted), cooperating organizations, demand; by country, region, category and year',
        querystring: DashboardQuery,
        response: { 200: DashboardView },
      },
    },
    (request) => statistics.dashboard(request.query),
  );

  app.get(
    '/api/dashboard/exchange/export',
    { schema: { tags, summary: 'The dashboard’s figures (same filters) as XLSX (a sheet per grouping) or CSV', querystring: DashboardExportQuery } },
    async (request, reply) => {
      const { format, ...query } = request.query;
      const base = ['exchange-dashboard', query.year, query.country?.toUpperCase()].filter(Boolean).join('-');
      return sendSheets(reply, format ?? 'xlsx', base, await statistics.sheets(query));
    },
  );
}
