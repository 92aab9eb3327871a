/**
 * Verification for procurement and customs: is this registry number, or this product, in a registry and
 * valid on a date? Answers from reestr's own records and from imported registries alike. Public.
 */
import { registryNumberKey } from '../../domain/registry-number';
import { designationReadings } from '../../domain/matching';
import { invalid } from '../http/errors';
import { nowIso } from '../clock';
import type { RegistryRecordRow } from '../db/types';
import type { RegistryRepository } from './repository';
import type { RegistryService } from './service';
import { MAX_BULK_ITEMS } from './schema';
import { parseVerifyList, VerifyListError, type VerifyRequest } from '../../domain/registry/verify-list';

const MAX_MATCHES = 20;

export class RegistryVerification {
  constructor(
    private readonly repo: RegistryRepository,
    private readonly registry: RegistryService,
  ) {}

  async verify(request: VerifyRequest) {
    const date = request.date ?? nowIso().slice(0, 10);
    const number = request.number?.trim();
    const designation = request.designation?.trim();
    if (!number && !designation) throw invalid('give a registry number (number) or a product designation (designation)');
    const rows = number ? await this.byNumber(number) : await this.byDesignation(designation!);
    const records = (await this.registry.summaries(rows, date)).map((r) => ({
      recordId: r.id,
      number: r.number,
      origin: r.origin,
      status: r.status,
      validOnDate: r.status === 'active',
      level: r.level,
      points: r.points,
      ruleSet: r.ruleSet,
      maker: { name: r.makerName, inn: r.makerInn, country: r.country, organizationId: r.organizationId },
      productName: r.productName,
      validFrom: r.validFrom,
      validTill: r.validTill,
      endDate: r.endDate,
    }));
    return {
      query: number ? { number } : { designation },
      date,
      found: records.length > 0,
      validOnDate: records.some((r) => r.validOnDate),
      records,
    };
  }

  private async byNumber(number: string): Promise<RegistryRecordRow[]> {
    const key = registryNumberKey(number);
    if (!key) throw invalid(`"${number}" holds no registry number`);
    return (await this.repo.byNumberKey(key)).filter((r) => r.state === 'included').slice(0, MAX_MATCHES);
  }

  private async byDesignation(designation: string): Promise<RegistryRecordRow[]> {
    const keys = [...new Set(designationReadings(designation).map((r) => r.keys.key))];
    const ids = (await this.repo.productTypeIdsByKeys(keys)).map((r) => r.id);
    return this.repo.byDesignation(ids, designation, MAX_MATCHES);
  }

  /** Many at once: items, or text with one number or designation per line (optionally `;date`). */
  async bulk(input: { items?: VerifyRequest[]; text?: string; date?: string }) {
    let items: VerifyRequest[];
    try {
      items = input.items ?? parseVerifyList(input.text ?? '');
    } catch (e) {
      if (e instanceof VerifyListError) throw invalid(e.message);
      throw e;
    }
    if (!items.length) throw invalid('nothing to verify: send items, or text with one number or designation per line');
    if (items.length > MAX_BULK_ITEMS) throw invalid(`at most ${MAX_BULK_ITEMS} items per request (got ${items.length}); split the list`);
    const results = [];
    for (const item of items) {
      const request = { ...item, date: item.date ?? input.date };
      try {
        results.push({ ...(await this.verify(request)), error: null });
      } catch (e) {
        results.push({ query: item, date: request.date ?? null, found: false, validOnDate: false, records: [], error: (e as Error).message });
      }
    }
    return { total: results.length, found: results.filter((r) => r.found).length, valid: results.filter((r) => r.validOnDate).length, results };
  }
}
