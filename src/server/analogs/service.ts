/**
 * Analog links. The maker's members (and admins) claim and edit links; verification is a separate act by
 * admins, the maker's members or an operator of the maker's country, recorded with who and when.
 */
import { canEditProductsOf, canVerifyAnalog, type Actor } from '../../domain/permissions';
import { conflict, forbidden, invalid, notFound } from '../http/errors';
import { pageRequest } from '../http/pagination';
import { isUniqueViolation } from '../db/sql-helpers';
import { nowIso } from '../clock';
import type { ProductTypesRepository } from '../product-types/repository';
import type { ForeignPartsService } from '../foreign-parts/service';
import type { ForeignPartsRepository } from '../foreign-parts/repository';
import type { AnalogsRepository } from './repository';
import type { AnalogListQueryType, CreateAnalogInput, UpdateAnalogInput } from './schema';

export class AnalogsService {
  constructor(
    private readonly repo: AnalogsRepository,
    private readonly productTypes: ProductTypesRepository,
    private readonly foreignParts: ForeignPartsRepository,
    private readonly foreignPartsService: ForeignPartsService,
  ) {}

  async list(query: AnalogListQueryType) {
    const page = pageRequest(query);
    return { ...(await this.repo.list(query, page)), page: page.page, pageSize: page.pageSize };
  }

  async get(id: number) {
    const link = await this.repo.get(id);
    if (!link) throw notFound(`analog link ${id}`);
    return link;
  }

  async create(actor: Actor, input: CreateAnalogInput) {
    const product = await this.productTypes.findOwnership(input.productTypeId);
    if (!product) throw invalid(`product type ${input.productTypeId} does not exist`);
    if (!canEditProductsOf(actor, product.organization_id)) throw forbidden('only members of the maker and administrators add analogs of its product types');
    let foreignPartId = input.foreignPartId;
    if (foreignPartId !== undefined) {
      if (!(await this.foreignParts.findRow(foreignPartId))) throw invalid(`foreign part ${foreignPartId} does not exist`);
    } else if (input.foreignPartNumber) {
      foreignPartId = await this.foreignPartsService.findOrCreate(input.foreignPartNumber, input.foreignManufacturer);
    } else {
      throw invalid('give foreignPartId or foreignPartNumber');
    }
    const now = nowIso();
    try {
      const id = await this.repo.insert({
        product_type_id: input.productTypeId,
        foreign_part_id: foreignPartId,
        type: input.type,
        source: input.source,
        note: input.note ?? null,
        verified: 0,
        verified_by: null,
        verified_at: null,
        created_by: actor.userId,
        created_at: now,
        updated_at: now,
      });
      return this.get(id);
    } catch (e) {
      if (isUniqueViolation(e)) throw conflict('this product type is already linked to this foreign part');
      throw e;
    }
  }

  async update(actor: Actor, id: number, input: UpdateAnalogInput) {
    const link = await this.get(id);
    const maker = link.productType.maker;
    const editsClaim = input.type !== undefined || input.source !== undefined || input.note !== undefined;
    if (editsClaim && !canEditProductsOf(actor, maker?.id ?? null)) throw forbidden('only members of the maker and administrators change an analog claim');
    if (input.verified !== undefined && !canVerifyAnalog(actor, maker))
      throw forbidden('only administrators, the maker and operators of its country verify analogs');
    const now = nowIso();
    const changesClaim = (input.type !== undefined && input.type !== link.type) || (input.source !== undefined && input.source !== link.source);
    // a changed claim is no longer the claim that was verified
    const verified = input.verified ?? (changesClaim ? false : link.verified);
    await this.repo.update(id, {
      type: input.type,
      source: input.source,
      note: input.note,
      verified: Number(verified),
      verified_by: verified ? (input.verified ? actor.userId : link.verifiedBy) : null,
      verified_at: verified ? (input.verified ? now : link.verifiedAt) : null,
      updated_at: now,
    });
    return this.get(id);
  }

  async delete(actor: Actor, id: number) {
    const link = await this.get(id);
    if (!canEditProductsOf(actor, link.productType.maker?.id ?? null)) throw forbidden('only members of the maker and administrators remove analogs');
    await this.repo.delete(id);
  }
}
