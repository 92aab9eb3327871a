/**
 * Demo exchange, explicit demo mode only (REESTR_DEMO=true): a clearly labelled synthetic exchange so that a
 * newcomer sees it living — two demo buyer organizations, demand, offers of the demo makers, three contracts
 * with their substitutions and ties, a programme and a rate. Loaded once, in one transaction. Every row made
 * is listed in exchange_demo_rows: shown marked as demo in demo mode, left out otherwise, and removed exactly
 * by `removeDemoExchange` (`reestr demo remove`), which leaves every other row as it was.
 */
import type { Kysely } from 'kysely';
import type { Db } from '../db/client';
import type { Database } from '../db/types';
import { nowIso } from '../clock';
import type { Services } from '../services';
import { ExchangeRepository } from '../exchange/repository';
import { TiesRepository } from '../exchange/ties';
import { ProgrammesRepository } from '../exchange/programmes';
import { DEMO_TABLES, type DemoTable } from '../exchange/demo-rows';
import { storedPair } from '../../domain/exchange/ties';
import { partNumberKey } from '../../domain/part-number';
import { contractSum } from '../../domain/exchange/offers';
import { DEMO_ACCOUNTS } from './accounts';

export const DEMO_EXCHANGE_KEY = 'demo_exchange_loaded_at';
const LABEL = 'Демо';

const BUYERS = [
  { key: 'plant', name: 'ОАО «Демо-Автозавод» (демо)', country: 'BY', region: 'BY-MI' },
  { key: 'instruments', name: 'АО «Демо-Приборный завод» (демо)', country: 'RU', region: 'RU-SPE' },
] as const;

/** Demand of the demo buyers; `contract` ones get an offer of the maker's product that is accepted on that date. */
const DEMANDS: {
  buyer: (typeof BUYERS)[number]['key'];
  partNumber?: string;
  description: string;
  quantityPerYear: number;
  region: string;
  visibility: 'public' | 'anonymous';
  offer?: { maker: 'BY' | 'RU'; product: string; price: number; currency: string; leadTimeDays: number; contract?: string };
}[] = [
  {
    buyer: 'plant',
    partNumber: 'STM32F103C8T6',
    description: `${LABEL}: микроконтроллер блока управления двигателем`,
    quantityPerYear: 12000,
    region: 'BY-MI',
    visibility: 'public',
    offer: { maker: 'RU', product: 'К1986ВЕ92QI', price: 950, currency: 'RUB', leadTimeDays: 45, contract: '2026-02-16' },
  },
  {
    buyer: 'plant',
    partNumber: 'LM7805CT',
    description: `${LABEL}: стабилизатор +5 В для бортовой электроники`,
    quantityPerYear: 50000,
    region: 'BY-MI',
    visibility: 'public',
    offer: { maker: 'BY', product: '1180ЕН5А', price: 0.42, currency: 'BYN', leadTimeDays: 30, contract: '2026-03-20' },
  },
  {
    buyer: 'instruments',
    partNumber: 'STM32F103RBT6',
    description: `${LABEL}: микроконтроллер измерительного модуля`,
    quantityPerYear: 3000,
    region: 'RU-SPE',
    visibility: 'anonymous',
    offer: { maker: 'RU', product: '1986ВЕ91Т', price: 1450, currency: 'RUB', leadTimeDays: 60, contract: '2025-11-10' },
  },
  {
    buyer: 'instruments',
    description: `${LABEL}: микроконтроллер ARM Cortex-M3 с интерфейсом CAN`,
    quantityPerYear: 800,
    region: 'RU-SPE',
    visibility: 'public',
    offer: { maker: 'RU', product: '1986ВЕ92У', price: 1100, currency: 'RUB', leadTimeDays: 40 },
  },
  {
    buyer: 'plant',
    partNumber: 'LM317T',
    description: `${LABEL}: регулируемый стабилизатор напряжения`,
    quantityPerYear: 20000,
    region: 'BY-VI',
    visibility: 'public',
  },
];

async function mark(db: Kysely<Database>, table: DemoTable, ids: number[], now: string) {
  if (ids.length)
    await db
      .insertInto('exchange_demo_rows')
      .values(ids.map((row_id) => ({ table_name: table, row_id, created_at: now })))
      .onConflict((oc) => oc.columns(['table_name', 'row_id']).doNothing())
      .execute();
}

async function loaded(db: Kysely<Database>): Promise<boolean> {
  return Boolean(await db.selectFrom('settings').select('value').where('key', '=', DEMO_EXCHANGE_KEY).executeTakeFirst());
}

/** Loads the demo exchange once; returns whether it was loaded now. Needs the demo makers and their products. */
export async function ensureDemoExchange(db: Db, services: Services): Promise<boolean> {
  if (await loaded(db.kysely)) return false;
  const makers = { BY: DEMO_ACCOUNTS.find((a) => a.organization?.country === 'BY')!, RU: DEMO_ACCOUNTS.find((a) => a.organization?.country === 'RU')! };
  const makerOrgs = {
    BY: await services.organizationsRepo.findByName(makers.BY.organization!.name),
    RU: await services.organizationsRepo.findByName(makers.RU.organization!.name),
  };
  if (!makerOrgs.BY || !makerOrgs.RU) return false;
  const products = await db.kysely
    .selectFrom('product_types')
    .select(['id', 'designation', 'organization_id'])
    .where('organization_id', 'in', [makerOrgs.BY.id, makerOrgs.RU.id])
    .execute();
  const productOf = (maker: 'BY' | 'RU', designation: string) =>
    products.find((p) => p.designation === designation && p.organization_id === makerOrgs[maker]!.id);
  // without the demo catalogue's products of the demo makers there is nothing to offer
  if (DEMANDS.some((d) => d.offer && !productOf(d.offer.maker, d.offer.product))) return false;

  const now = nowIso();
  const base = new ExchangeRepository(db.kysely, db.dialect);
  const demands = await base.transaction(async (repo) => {
    const trx = repo.db;
    const made: Record<DemoTable, number[]> = Object.fromEntries(DEMO_TABLES.map((t) => [t, []])) as unknown as Record<DemoTable, number[]>;
    const buyerIds: Record<string, number> = {};
    for (const b of BUYERS) {
      const row = await trx
        .insertInto('organizations')
        .values({
          name: b.name,
          country: b.country,
          region: b.region,
          description: `${LABEL}: синтетическая организация демо-режима`,
          source: 'demo exchange',
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      buyerIds[b.key] = row.id;
      made.organizations.push(row.id);
    }
    const ties = new TiesRepository(trx);
    for (const d of DEMANDS) {
      const demandId = await repo.insertDemand({
        buyer_organization_id: buyerIds[d.buyer],
        created_by: null,
        part_number: d.partNumber ?? null,
        part_number_key: d.partNumber ? partNumberKey(d.partNumber) : null,
        description: d.description,
        category_code: null,
        quantity_per_year: d.quantityPerYear,
        needed_by: null,
        region: d.region,
        visibility: d.visibility,
        status: d.offer?.contract ? 'closed' : 'open',
        bom_analysis_id: null,
        bom_position: null,
        matched_at: null,
        created_at: now,
        updated_at: now,
        closed_at: d.offer?.contract ? now : null,
      });
      made.demands.push(demandId);
      if (!d.offer) continue;
      const product = productOf(d.offer.maker, d.offer.product)!;
      const makerId = makerOrgs[d.offer.maker]!.id;
      // the maker was matched and told, as a live demand would have it
      await repo.replaceMatches(demandId, [
        {
          demand_id: demandId,
          product_type_id: product.id,
          organization_id: makerId,
          tier: 'exact',
          analog_type: 'functional',
          foreign_part_id: null,
          created_at: now,
        },
      ]);
      const offerId = await repo.insertOffer({
        demand_id: demandId,
        organization_id: makerId,
        product_type_id: product.id,
        price: d.offer.price,
        currency: d.offer.currency,
        lead_time_days: d.offer.leadTimeDays,
        volume: d.quantityPerYear,
        note: `${LABEL}-предложение`,
        status: d.offer.contract ? 'accepted' : 'open',
        created_by: null,
        created_at: now,
        decided_by: null,
        decided_at: d.offer.contract ? now : null,
        decision_note: null,
      });
      made.offers.push(offerId);
      if (!d.offer.contract) continue;
      const contractId = await repo.insertContract(
        {
          demand_id: demandId,
          offer_id: offerId,
          buyer_organization_id: buyerIds[d.buyer],
          producer_organization_id: makerId,
          product_type_id: product.id,
          volume: d.quantityPerYear,
          price: d.offer.price,
          sum: contractSum(d.offer.price, d.quantityPerYear, d.offer.currency),
          currency: d.offer.currency,
          contract_date: d.offer.contract,
          created_by: null,
          created_at: now,
        },
        {
          foreign_part_number: d.partNumber ?? null,
          foreign_part_key: d.partNumber ? partNumberKey(d.partNumber) : null,
          foreign_part_id: null,
          item_description: d.description,
          product_type_id: product.id,
          buyer_organization_id: buyerIds[d.buyer],
          producer_organization_id: makerId,
          created_at: now,
        },
      );
      made.contracts.push(contractId);
      made.cooperation_ties.push(
        await ties.recordContract({
          producerOrganizationId: makerId,
          buyerOrganizationId: buyerIds[d.buyer],
          productTypeId: product.id,
          contractDate: d.offer.contract,
          userId: null,
        }),
      );
    }
    // a co-development tie of the two demo makers, unless they have one already
    const coDevelopment = await ties.insertManual(
      storedPair(makerOrgs.BY!.id, makerOrgs.RU!.id, 'co-development'),
      '2024-09-01',
      `${LABEL}: совместная разработка`,
      null,
    );
    if (coDevelopment !== null) {
      made.cooperation_ties.push(coDevelopment);
      await ties.addProducts(coDevelopment, [productOf('BY', '1180ЕН5А')!.id]);
    }
    const programmes = new ProgrammesRepository(trx);
    const programmeId = await programmes.insert({
      name: `${LABEL}: программа импортозамещения электронной компонентной базы (демо)`,
      state: 'UNION',
      owner_body: 'Постоянный Комитет Союзного государства (демо)',
      year_from: 2025,
      year_to: 2027,
      description: 'Синтетическая программа демо-режима, не является реальной программой государственной поддержки.',
      created_by: null,
      created_at: now,
      updated_at: now,
    });
    made.support_programmes.push(programmeId);
    await programmes.replaceMembers(
      programmeId,
      [...Object.values(buyerIds), makerOrgs.BY!.id, makerOrgs.RU!.id],
      DEMANDS.flatMap((d) => (d.offer?.contract ? [productOf(d.offer.maker, d.offer.product)!.id] : [])),
    );
    // a rate for the BYN contract, unless one is recorded for that pair and date
    const rate = await trx
      .insertInto('currency_rates')
      .values({ currency: 'BYN', to_currency: 'RUB', rate: 28.9, rate_date: '2026-01-01', source: `${LABEL}-курс`, created_by: null, created_at: now })
      .onConflict((oc) => oc.columns(['currency', 'to_currency', 'rate_date']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (rate) made.currency_rates.push(rate.id);
    for (const table of DEMO_TABLES) await mark(trx, table, made[table], now);
    await trx
      .insertInto('settings')
      .values({ key: DEMO_EXCHANGE_KEY, value: now })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: now }))
      .execute();
    return made.demands;
  });
  // the matched makers' inbox shows the demand, as it would for live demand
  const rows = await Promise.all(demands.map((id) => base.getDemand(id)));
  const matches = await Promise.all(demands.map((id) => base.matchesOf(id)));
  await base.notify(
    rows.flatMap((d, i) =>
      d && matches[i].length
        ? [
            {
              organization_id: matches[i][0].organization_id,
              kind: 'demand.matched',
              demand_id: d.id,
              offer_id: null,
              dedupe_key: `demand.matched:${d.id}:${matches[i][0].organization_id}`,
              payload: {
                demand: {
                  id: d.id,
                  partNumber: d.part_number,
                  description: d.description,
                  quantityPerYear: d.quantity_per_year,
                  region: d.region,
                  visibility: d.visibility,
                  demo: true,
                },
                productTypes: matches[i].map((m) => ({ id: m.product_type_id, designation: m.designation, tier: m.tier, analogType: m.analog_type })),
              },
            },
          ]
        : [],
    ),
    now,
  );
  return true;
}

export interface DemoRemoval {
  removed: Record<DemoTable, number>;
}

/** Deletes exactly the rows of the demo batch (and what cascades from them: matches, notifications, substitutions, tie and programme lists). */
export async function removeDemoExchange(db: Db): Promise<DemoRemoval> {
  return db.kysely.transaction().execute(async (trx) => {
    const removed = Object.fromEntries(DEMO_TABLES.map((t) => [t, 0])) as Record<DemoTable, number>;
    for (const table of DEMO_TABLES) {
      const ids = (await trx.selectFrom('exchange_demo_rows').select('row_id').where('table_name', '=', table).execute()).map((r) => r.row_id);
      for (let i = 0; i < ids.length; i += 500) {
        const chunk = ids.slice(i, i + 500);
        const r = await trx.deleteFrom(table).where('id', 'in', chunk).executeTakeFirst();
        removed[table] += Number(r.numDeletedRows);
      }
      await trx.deleteFrom('exchange_demo_rows').where('table_name', '=', table).execute();
    }
    await trx.deleteFrom('settings').where('key', '=', DEMO_EXCHANGE_KEY).execute();
    return { removed };
  });
}
