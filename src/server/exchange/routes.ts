/**
 * Demand exchange API: demand (by hand or from a BOM analysis), offers, contracts, the inbox and webhooks.
 * Thin handlers: validate → authorize (in the services, through pure permission functions) → present.
 */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { requireUser } from '../accounts/plugin';
import { IdParams, pageRequest } from '../http/pagination';
import { AnalysisIdParams } from '../bom/schema';
import type { ExchangeService } from './service';
import type { WebhookService } from './webhooks';
import {
  AcceptBody,
  BomDemandsBody,
  ContractListQuery,
  CreateDemandBody,
  DeclineBody,
  DeliveryListQuery,
  DemandListQuery,
  InboxQuery,
  ReadAllQuery,
  ReadAllResponse,
  OfferBody,
  UpdateDemandBody,
  WebhookBody,
} from './schema';

export async function exchangeRoutes(fastify: FastifyInstance, opts: { exchange: ExchangeService; webhooks: WebhookService }) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { exchange, webhooks } = opts;
  const tags = ['exchange'];
  const actorOf = (request: { principal: { actor: import('../../domain/permissions').Actor } | null }) => request.principal?.actor ?? null;

  app.get(
    '/api/demands',
    {
      schema: {
        tags,
        summary:
          'Demand for imported items, newest first: filters status, region, category, partNumber, mine, matched (registered-only demand for signed-in users)',
        querystring: DemandListQuery,
      },
    },
    (request) => {
      const { page, pageSize, order, ...query } = request.query;
      return exchange.listDemands(actorOf(request), query, pageRequest({ page, pageSize, order: order ?? 'desc' }));
    },
  );

  app.post(
    '/api/demands',
    { schema: { tags, summary: 'Post demand for a buyer organization (its members); matched producers are notified', body: CreateDemandBody } },
    async (request, reply) => reply.status(201).send(await exchange.createDemand(requireUser(request).actor, request.body)),
  );

  app.get(
    '/api/demands/:id',
    { schema: { tags, summary: 'One demand with its matches (the buyer sees all, a producer its own)', params: IdParams } },
    (request) => exchange.getDemand(actorOf(request), request.params.id),
  );

  app.put(
    '/api/demands/:id',
    { schema: { tags, summary: 'Change an open demand (the buyer’s members); matched again', params: IdParams, body: UpdateDemandBody } },
    (request) => exchange.updateDemand(requireUser(request).actor, request.params.id, request.body),
  );

  app.post(
    '/api/demands/:id/close',
    { schema: { tags, summary: 'Close a demand; its open offers lapse (the buyer’s members)', params: IdParams } },
    (request) => exchange.closeDemand(requireUser(request).actor, request.params.id),
  );

  app.post(
    '/api/bom/analyses/:id/demands',
    {
      schema: {
        tags,
        summary: 'Post the not covered lines of a BOM analysis as demand (its owner, for an organization they belong to); once per line',
        params: AnalysisIdParams,
        body: BomDemandsBody,
      },
    },
    (request) => exchange.demandsFromBom(requireUser(request).actor, request.params.id, request.body),
  );

  app.get(
    '/api/demands/:id/offers',
    { schema: { tags, summary: 'Offers on a demand: all for the buyer, operators and admins; a producer’s own for the producer', params: IdParams } },
    (request) => exchange.offersOf(actorOf(request), request.params.id),
  );

  app.post(
    '/api/demands/:id/offers',
    { schema: { tags, summary: 'Offer a product type of my organization for a demand', params: IdParams, body: OfferBody } },
    async (request, reply) => reply.status(201).send(await exchange.createOffer(requireUser(request).actor, request.params.id, request.body)),
  );

  app.get('/api/offers/:id', { schema: { tags, summary: 'One offer (its buyer and producer, operators, admins)', params: IdParams } }, (request) =>
    exchange.getOffer(actorOf(request), request.params.id),
  );

  app.post(
    '/api/offers/:id/accept',
    {
      schema: {
        tags,
        summary: 'Accept an offer (the buyer’s members): makes a contract (volume, sum = price × volume unless given, date) and records the substitution',
        params: IdParams,
        body: AcceptBody,
      },
    },
    async (request, reply) => reply.status(201).send(await exchange.acceptOffer(requireUser(request).actor, request.params.id, request.body ?? {})),
  );

  app.post('/api/offers/:id/decline', { schema: { tags, summary: 'Decline an offer (the buyer’s members)', params: IdParams, body: DeclineBody } }, (request) =>
    exchange.declineOffer(requireUser(request).actor, request.params.id, request.body?.reason),
  );

  app.post('/api/offers/:id/withdraw', { schema: { tags, summary: 'Withdraw an open offer (the producer’s members)', params: IdParams } }, (request) =>
    exchange.withdrawOffer(requireUser(request).actor, request.params.id),
  );

  app.get(
    '/api/contracts',
    { schema: { tags, summary: 'Contracts I may see: of my organizations; operators: of their country; admins: all', querystring: ContractListQuery } },
    (request) => exchange.listContracts(requireUser(request).actor, pageRequest({ ...request.query, order: request.query.order ?? 'desc' })),
  );

  app.get(
    '/api/contracts/:id',
    { schema: { tags, summary: 'One contract with its substitution (its parties, operators of their countries, admins)', params: IdParams } },
    (request) => exchange.getContract(actorOf(request), request.params.id),
  );

  app.get(
    '/api/inbox',
    { schema: { tags, summary: 'Notifications of my organizations, newest first, with the unread count', querystring: InboxQuery } },
    (request) => {
      const { unread, ...page } = request.query;
      return exchange.inbox(requireUser(request).actor, unread ?? false, pageRequest(page));
    },
  );

  app.post('/api/inbox/:id/read', { schema: { tags, summary: 'Mark a notification read', params: IdParams } }, async (request, reply) => {
    await exchange.markRead(requireUser(request).actor, request.params.id);
    return reply.status(204).send();
  });

  app.post(
    '/api/inbox/read-all',
    {
      schema: {
        tags,
        summary: 'Mark all unread notifications of my organizations (or of one) read',
        querystring: ReadAllQuery,
        response: { 200: ReadAllResponse },
      },
    },
    (request) => exchange.markAllRead(requireUser(request).actor, request.query.organizationId),
  );

  app.get('/api/organizations/:id/webhook', { schema: { tags, summary: 'The organization’s webhook (its managers, admins)', params: IdParams } }, (request) =>
    webhooks.get(requireUser(request).actor, request.params.id),
  );

  app.put(
    '/api/organizations/:id/webhook',
    {
      schema: {
        tags,
        summary: 'Set the webhook URL and HMAC secret (its managers, admins); a secret generated when omitted is shown once',
        params: IdParams,
        body: WebhookBody,
      },
    },
    (request) => webhooks.put(requireUser(request).actor, request.params.id, request.body),
  );

  app.get(
    '/api/organizations/:id/webhook/deliveries',
    { schema: { tags, summary: 'Webhook delivery log, newest first (its managers, admins)', params: IdParams, querystring: DeliveryListQuery } },
    (request) => {
      const { status, ...page } = request.query;
      return webhooks.deliveries(requireUser(request).actor, request.params.id, status, pageRequest({ ...page, order: page.order ?? 'desc' }));
    },
  );
}
