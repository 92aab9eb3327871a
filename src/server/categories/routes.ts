/** The category tree (flat list with parent ids and product counts). */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { Nullable } from '../http/pagination';
import { conflict, invalid } from '../http/errors';
import { requireAdmin } from '../accounts/plugin';
import type { CategoriesRepository } from './repository';

const CategorySchema = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  parentId: Nullable(Type.Integer()),
  nameRu: Type.String(),
  nameBe: Type.String(),
  nameEn: Type.String(),
  productCount: Type.Integer(),
});

const CreateCategoryBody = Type.Object(
  {
    code: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,62}$' }),
    parentCode: Type.Optional(Nullable(Type.String({ maxLength: 64 }))),
    nameRu: Type.String({ minLength: 1, maxLength: 200 }),
    nameBe: Type.String({ minLength: 1, maxLength: 200 }),
    nameEn: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);

export async function categoriesRoutes(fastify: FastifyInstance, opts: { categories: CategoriesRepository }) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['catalogue'];
  app.get(
    '/api/categories',
    { schema: { tags, summary: 'The category tree as a flat list', response: { 200: Type.Object({ items: Type.Array(CategorySchema) }) } } },
    async () => ({
      items: await opts.categories.list(),
    }),
  );

  app.post(
    '/api/categories',
    { schema: { tags, summary: 'Add a category (admins)', body: CreateCategoryBody, response: { 201: CategorySchema } } },
    async (request, reply) => {
      requireAdmin(request);
      const { code, parentCode, nameRu, nameBe, nameEn } = request.body;
      if (await opts.categories.findByCode(code)) throw conflict(`category ${code} already exists`);
      if (parentCode && !(await opts.categories.findByCode(parentCode))) throw invalid(`parent category ${parentCode} does not exist`);
      await opts.categories.ensure([{ code, parent: parentCode ?? null, nameRu, nameBe, nameEn }]);
      const created = (await opts.categories.list()).find((c) => c.code === code)!;
      return reply.status(201).send(created);
    },
  );
}
