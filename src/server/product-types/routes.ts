/** Product types (типономиналы): public read; the maker's members and admins write. */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { IdParams, Page } from '../http/pagination';
import { requireUser } from '../accounts/plugin';
import type { ProductTypesService } from './service';
import { CreateProductTypeBody, ProductTypeDetailSchema, ProductTypeListQuery, ProductTypeSummarySchema, UpdateProductTypeBody } from './schema';

export async function productTypesRoutes(fastify: FastifyInstance, opts: { productTypes: ProductTypesService }) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { productTypes } = opts;
  const tags = ['catalogue'];

  app.get(
    '/api/product-types',
    {
      schema: {
        tags,
        summary: 'List product types with filters, sorting and pages',
        querystring: ProductTypeListQuery,
        response: { 200: Page(ProductTypeSummarySchema) },
      },
    },
    (request) => productTypes.list(request.query),
  );

  app.get(
    '/api/product-types/:id',
    { schema: { tags, summary: 'One product type with parameters and foreign analogs', params: IdParams, response: { 200: ProductTypeDetailSchema } } },
    (request) => productTypes.get(request.params.id),
  );

  app.post(
    '/api/product-types',
    { schema: { tags, summary: 'Add a product type (members of the maker, admins)', body: CreateProductTypeBody, response: { 201: ProductTypeDetailSchema } } },
    async (request, reply) => reply.status(201).send(await productTypes.create(requireUser(request).actor, request.body)),
  );

  app.patch(
    '/api/product-types/:id',
    {
      schema: {
        tags,
        summary: 'Change a product type (members of the maker, admins)',
        params: IdParams,
        body: UpdateProductTypeBody,
        response: { 200: ProductTypeDetailSchema },
      },
    },
    (request) => productTypes.update(requireUser(request).actor, request.params.id, request.body),
  );

  app.delete(
    '/api/product-types/:id',
    { schema: { tags, summary: 'Delete a product type (members of the maker, admins)', params: IdParams } },
    async (request, reply) => {
      await productTypes.delete(requireUser(request).actor, request.params.id);
      return reply.status(204).send();
    },
  );
}
