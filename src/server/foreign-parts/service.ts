/** Foreign parts: shared reference data; signed-in users add, admins change and delete. */
import { isAdmin, type Actor } from '../../domain/permissions';
import { conflict, forbidden, notFound } from '../http/errors';
import { pageRequest } from '../http/pagination';
import { isUniqueViolation } from '../db/sql-helpers';
import { nowIso } from '../clock';
import type { ForeignPartsRepository } from './repository';
import type { CreateForeignPartInput, ForeignPartListQueryType, UpdateForeignPartInput } from './schema';

export class ForeignPartsService {
  constructor(private readonly repo: ForeignPartsRepository) {}

  async list(query: ForeignPartListQueryType) {
    const page = pageRequest(query);
    return { ...(await this.repo.list(query, page)), page: page.page, pageSize: page.pageSize };
  }

  async get(id: number) {
    const part = await this.repo.get(id);
    if (!part) throw notFound(`foreign part ${id}`);
    return part;
  }

  async create(input: CreateForeignPartInput) {
    try {
      return this.get(await this.repo.insert(input, nowIso()));
    } catch (e) {
      if (isUniqueViolation(e)) throw conflict(`foreign part ${input.partNumber} of this manufacturer already exists`);
      throw e;
    }
  }

  /** The id of the foreign part with this number and manufacturer, created when missing. */
  async findOrCreate(partNumber: string, manufacturer: string | null | undefined): Promise<number> {
    const existing = await this.repo.findByIdentity(partNumber, manufacturer);
    if (existing) return existing.id;
    try {
      return await this.repo.insert({ partNumber, manufacturer }, nowIso());
    } catch (e) {
      const raced = isUniqueViolation(e) ? await this.repo.findByIdentity(partNumber, manufacturer) : undefined;
      if (raced) return raced.id;
      throw e;
    }
  }

  async update(actor: Actor, id: number, input: UpdateForeignPartInput) {
    if (!isAdmin(actor)) throw forbidden('only administrators change shared foreign parts');
    await this.get(id);
    try {
      await this.repo.update(id, input, nowIso());
    } catch (e) {
      if (isUniqueViolation(e)) throw conflict(`foreign part ${input.partNumber ?? ''} of this manufacturer already exists`);
      throw e;
    }
    return this.get(id);
  }

  async delete(actor: Actor, id: number) {
    if (!isAdmin(actor)) throw forbidden('only administrators delete shared foreign parts');
    await this.get(id);
    await this.repo.delete(id);
  }
}
