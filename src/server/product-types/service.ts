/** Product types: listing, detail and changes by the maker's members (or admins). */
import { canEditProductsOf, type Actor } from '../../domain/permissions';
import { deriveDescription, designations, parameterToSi, type SiParameter } from '../../domain/product-type';
import { conflict, forbidden, invalid, notFound } from '../http/errors';
import { pageRequest } from '../http/pagination';
import { isUniqueViolation } from '../db/sql-helpers';
import { nowIso } from '../clock';
import { designationColumns, stemsColumn } from '../search/columns';
import type { CategoriesRepository } from '../categories/repository';
import type { OrganizationsRepository } from '../organizations/repository';
import type { ProductTypesRepository } from './repository';
import type { CreateProductTypeInput, ProductTypeListQueryType, UpdateProductTypeInput } from './schema';

export class ProductTypesService {
  constructor(
    private readonly repo: ProductTypesRepository,
    private readonly categories: CategoriesRepository,
    private readonly organizations: OrganizationsRepository,
  ) {}

  async list(query: ProductTypeListQueryType) {
    const page = pageRequest(query);
    const categoryIds = query.category ? await this.categories.subtreeIds(query.category) : null;
    return { ...(await this.repo.list(query, page, categoryIds)), page: page.page, pageSize: page.pageSize };
  }

  async get(id: number) {
    const detail = await this.repo.get(id);
    if (!detail) throw notFound(`product type ${id}`);
    return detail;
  }

  async create(actor: Actor, input: CreateProductTypeInput) {
    const makerId = input.makerId ?? null;
    await this.checkMaker(actor, makerId);
    const names = designations(input.designation, input.designationLatin);
    const derived = deriveDescription(names.designation, input);
    const categoryId = await this.categoryId(derived.categoryCode, input.categoryCode !== undefined && input.categoryCode !== null);
    const parameters = toSiParameters(input.parameters ?? []);
    try {
      const id = await this.repo.insert(
        {
          organization_id: makerId,
          ...designationColumns(names),
          search_stems: stemsColumn({ ...derived, description: input.description }),
          category_id: categoryId,
          function_ru: derived.functionRu,
          function_en: derived.functionEn,
          function_derived: Number(derived.functionDerived),
          packages: JSON.stringify(input.packages ?? []),
          quality_level: input.qualityLevel ?? null,
          standards: JSON.stringify(input.standards ?? []),
          okpd2: input.okpd2 ?? null,
          tnved: input.tnved ?? null,
          status: input.status ?? null,
          description: input.description ?? null,
          source: input.source ?? null,
          created_by: actor.userId,
        },
        parameters,
        nowIso(),
      );
      return this.get(id);
    } catch (e) {
      if (isUniqueViolation(e)) throw conflict(`this maker already has a product type ${names.designation}`);
      throw e;
    }
  }

  async update(actor: Actor, id: number, input: UpdateProductTypeInput) {
    const current = await this.get(id);
    if (!canEditProductsOf(actor, current.maker?.id ?? null)) throw forbidden('only members of the maker and administrators edit its product types');
    if (input.makerId !== undefined && input.makerId !== (current.maker?.id ?? null)) await this.checkMaker(actor, input.makerId);
    const columns: Record<string, unknown> = {};
    if (input.designation !== undefined || input.designationLatin !== undefined) {
      const names = designations(
        input.designation ?? current.designation,
        input.designationLatin === undefined ? (input.designation ? null : current.designationLatin) : input.designationLatin,
      );
      Object.assign(columns, designationColumns(names));
    }
    if (input.makerId !== undefined) columns.organization_id = input.makerId;
    if (input.categoryCode !== undefined) columns.category_id = await this.categoryId(input.categoryCode, input.categoryCode !== null);
    if (input.functionRu !== undefined || input.functionEn !== undefined) {
      columns.function_ru = input.functionRu === undefined ? current.functionRu : input.functionRu;
      columns.function_en = input.functionEn === undefined ? current.functionEn : input.functionEn;
      columns.function_derived = 0;
    }
    if (input.packages !== undefined) columns.packages = JSON.stringify(input.packages);
    if (input.standards !== undefined) columns.standards = JSON.stringify(input.standards);
    for (const [key, column] of [
      ['qualityLevel', 'quality_level'],
      ['okpd2', 'okpd2'],
      ['tnved', 'tnved'],
      ['status', 'status'],
      ['description', 'description'],
      ['source', 'source'],
    ] as const) {
      if (input[key] !== undefined) columns[column] = input[key];
    }
    if (input.functionRu !== undefined || input.functionEn !== undefined || input.description !== undefined) {
      columns.search_stems = stemsColumn({
        functionRu: (columns.function_ru as string | null | undefined) ?? current.functionRu,
        functionEn: (columns.function_en as string | null | undefined) ?? current.functionEn,
        description: input.description === undefined ? current.description : input.description,
      });
    }
    const parameters = input.parameters === undefined ? undefined : toSiParameters(input.parameters);
    try {
      await this.repo.update(id, columns, parameters, nowIso());
    } catch (e) {
      if (isUniqueViolation(e)) throw conflict(`this maker already has a product type ${String(columns.designation ?? current.designation)}`);
      throw e;
    }
    return this.get(id);
  }

  async delete(actor: Actor, id: number) {
    const current = await this.get(id);
    if (!canEditProductsOf(actor, current.maker?.id ?? null)) throw forbidden('only members of the maker and administrators delete its product types');
    await this.repo.delete(id);
  }

  private async checkMaker(actor: Actor, makerId: number | null) {
    if (makerId !== null && !(await this.organizations.get(makerId))) throw invalid(`maker organization ${makerId} does not exist`);
    if (!canEditProductsOf(actor, makerId)) {
      throw forbidden(makerId === null ? 'only administrators add product types without a maker' : 'you are not a member of this maker organization');
    }
  }

  private async categoryId(code: string | null, explicit: boolean): Promise<number | null> {
    if (!code) return null;
    const category = await this.categories.findByCode(code);
    if (!category && explicit) throw invalid(`category ${code} does not exist`);
    return category?.id ?? null;
  }
}

function toSiParameters(parameters: NonNullable<CreateProductTypeInput['parameters']>): SiParameter[] {
  return parameters.map((p) => {
    const result = parameterToSi(p);
    if (typeof result === 'string') throw invalid(result);
    return result;
  });
}
