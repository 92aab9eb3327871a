/** Organizations and their members. Authorization is decided by the caller with domain/permissions. */
import { notFound } from '../http/errors';
import { pageRequest } from '../http/pagination';
import type { OrganizationsRepository } from './repository';
import type { CreateOrganizationInput, OrganizationListQueryType, UpdateOrganizationInput } from './schema';

export class OrganizationsService {
  constructor(private readonly repo: OrganizationsRepository) {}

  async list(query: OrganizationListQueryType) {
    const page = pageRequest(query);
    return { ...(await this.repo.list(query, page)), page: page.page, pageSize: page.pageSize };
  }

  async get(id: number) {
    const org = await this.repo.get(id);
    if (!org) throw notFound(`organization ${id}`);
    return org;
  }

  async create(input: CreateOrganizationInput) {
    return this.get(await this.repo.create(input));
  }

  async update(id: number, input: UpdateOrganizationInput) {
    if (!(await this.repo.update(id, input))) throw notFound(`organization ${id}`);
    return this.get(id);
  }
}
