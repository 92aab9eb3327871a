/** GET /api/search and /api/search/suggest: public, read-only. */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Static } from '@sinclair/typebox';
import type { SearchService } from './service';
import { SearchQuery, SearchResponse, SuggestQuery, SuggestResponse } from './schema';
import type { SearchCache } from './cache';
import { nowIso } from '../clock';

/** The cache key of a search: its parameters in a fixed order, and the day (registry statuses are of today). */
function cacheKey(query: Record<string, unknown>): string {
  const entries = Object.entries(query)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return JSON.stringify([nowIso().slice(0, 10), entries]);
}

export async function searchRoutes(fastify: FastifyInstance, opts: { search: SearchService; cache?: SearchCache | null }) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['search'];

  app.get(
    '/api/search',
    {
      schema: {
        tags,
        summary: 'Find product types, foreign parts with their domestic analogs, and organizations; each hit says its tier',
        querystring: SearchQuery,
        response: { 200: SearchResponse },
      },
    },
    async (request, reply) => {
      if (!opts.cache) return opts.search.search(request.query);
      // the answer is serialized JSON of a SearchResponse, sent as is (a cached one keeps the tookMs of the search
      // that made it)
      const body = await opts.cache.answer(cacheKey(request.query), () => opts.search.search(request.query));
      return reply.type('application/json; charset=utf-8').send(body as unknown as Static<typeof SearchResponse>);
    },
  );

  app.get(
    '/api/search/suggest',
    { schema: { tags, summary: 'Suggestions while typing', querystring: SuggestQuery, response: { 200: SuggestResponse } } },
    async (request) => {
      const limit = request.query.limit ?? 8;
      const result = await opts.search.search({ q: request.query.q, limit, facets: false });
      const items = [
        ...result.productTypes.items.map((p) => ({
          kind: 'productType' as const,
          id: p.id,
          label: p.designation,
          sublabel: p.functionRu ?? p.functionEn,
          tier: p.tier,
          score: p.score,
        })),
        ...result.foreignParts.items.map((f) => ({
          kind: 'foreignPart' as const,
          id: f.id,
          label: f.partNumber,
          sublabel: f.manufacturer,
          tier: f.tier,
          score: f.score,
        })),
        ...result.organizations.items.map((o) => ({
          kind: 'organization' as const,
          id: o.id,
          label: o.name,
          sublabel: o.country,
          tier: o.tier,
          score: o.score,
        })),
      ];
      items.sort((a, b) => b.score - a.score);
      return { items: items.slice(0, limit).map(({ score: _score, ...item }) => item) };
    },
  );
}
