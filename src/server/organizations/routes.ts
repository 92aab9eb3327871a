/** Organizations: public read; admins create; managers and admins edit and manage members. */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { IdParams, Page } from '../http/pagination';
import { forbidden } from '../http/errors';
import { canManageOrganization } from '../../domain/permissions';
import { requireAdmin, requireUser } from '../accounts/plugin';
import type { AccountsService } from '../accounts/service';
import type { OrganizationsService } from './service';
import { AddMemberBody, CreateOrganizationBody, MemberSchema, OrganizationListQuery, OrganizationSchema, UpdateOrganizationBody } from './schema';

export async function organizationsRoutes(fastify: FastifyInstance, opts: { organizations: OrganizationsService; accounts: AccountsService }) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { organizations, accounts } = opts;
  const tags = ['organizations'];

  app.get(
    '/api/organizations',
    { schema: { tags, summary: 'List organizations', querystring: OrganizationListQuery, response: { 200: Page(OrganizationSchema) } } },
    (request) => organizations.list(request.query),
  );

  app.get('/api/organizations/:id', { schema: { tags, summary: 'One organization', params: IdParams, response: { 200: OrganizationSchema } } }, (request) =>
    organizations.get(request.params.id),
  );

  app.post(
    '/api/organizations',
    { schema: { tags, summary: 'Create an organization (admins)', body: CreateOrganizationBody, response: { 201: OrganizationSchema } } },
    async (request, reply) => {
      requireAdmin(request);
      return reply.status(201).send(await organizations.create(request.body));
    },
  );

  app.patch(
    '/api/organizations/:id',
    {
      schema: {
        tags,
        summary: 'Change an organization (its managers, admins)',
        params: IdParams,
        body: UpdateOrganizationBody,
        response: { 200: OrganizationSchema },
      },
    },
    async (request) => {
      const { actor } = requireUser(request);
      await organizations.get(request.params.id);
      if (!canManageOrganization(actor, request.params.id)) throw forbidden('only managers of this organization and administrators');
      return organizations.update(request.params.id, request.body);
    },
  );

  app.get(
    '/api/organizations/:id/members',
    {
      schema: {
        tags,
        summary: 'Members (visible to the members and administrators)',
        params: IdParams,
        response: { 200: Type.Object({ items: Type.Array(MemberSchema) }) },
      },
    },
    async (request) => {
      const { actor } = requireUser(request);
      await organizations.get(request.params.id);
      if (!actor.memberships.has(request.params.id) && actor.role !== 'admin') throw forbidden('only members of this organization and administrators');
      return { items: await accounts.members(request.params.id) };
    },
  );

  app.post(
    '/api/organizations/:id/members',
    { schema: { tags, summary: 'Add or change a member by email (managers, admins)', params: IdParams, body: AddMemberBody } },
    async (request, reply) => {
      const { actor } = requireUser(request);
      await organizations.get(request.params.id);
      if (!canManageOrganization(actor, request.params.id)) throw forbidden('only managers of this organization and administrators');
      await accounts.addMember(request.params.id, request.body.email, request.body.role);
      return reply.status(204).send();
    },
  );

  app.delete(
    '/api/organizations/:id/members/:userId',
    { schema: { tags, summary: 'Remove a member (managers, admins)', params: Type.Object({ id: IdParams.properties.id, userId: IdParams.properties.id }) } },
    async (request, reply) => {
      const { actor } = requireUser(request);
      if (!canManageOrganization(actor, request.params.id)) throw forbidden('only managers of this organization and administrators');
      await accounts.removeMember(request.params.id, request.params.userId);
      return reply.status(204).send();
    },
  );
}
