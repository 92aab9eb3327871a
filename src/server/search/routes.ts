/** GET /api/search and /api/search/suggest: public, read-only. */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { SearchService } from './service';
import { SearchQuery, SearchResponse, SuggestQuery, SuggestResponse } from './schema';

export async function searchRoutes(fastify: FastifyInstance, opts: { search: SearchService }) {
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
    (request) => opts.search.search(request.query),
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
