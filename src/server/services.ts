/** Wires repositories and services over one database. */
import type { Db } from './db/client';
import { AccountsRepository } from './accounts/repository';
import { AccountsService } from './accounts/service';
import { OrganizationsRepository } from './organizations/repository';
import { OrganizationsService } from './organizations/service';
import { CategoriesRepository } from './categories/repository';
import { ProductTypesRepository } from './product-types/repository';
import { ProductTypesService } from './product-types/service';
import { ForeignPartsRepository } from './foreign-parts/repository';
import { ForeignPartsService } from './foreign-parts/service';
import { AnalogsRepository } from './analogs/repository';
import { AnalogsService } from './analogs/service';
import { SearchRepository } from './search/repository';
import { SearchService } from './search/service';
import { SearchCache, sqliteVersion } from './search/cache';
import { sqliteHandle } from './db/client';
import { BomRepository } from './bom/repository';
import { BomService } from './bom/service';
import { RegistryLogRepository } from './registry/log/repository';
import { RegistryLog } from './registry/log/service';
import { loadLogKey, logKeyFromPem, generateLogKeyPem } from './registry/log/signing';
import { GispRepository } from './registry/gisp/repository';
import { GispService } from './registry/gisp/service';
import { RegistryRepository } from './registry/repository';
import { RegistryService } from './registry/service';
import { RegistryVerification } from './registry/verification';
import { ExchangeRepository } from './exchange/repository';
import { ExchangeService } from './exchange/service';
import { DemandMatcher } from './exchange/matching';
import { ExchangeWorker, WebhookService } from './exchange/webhooks';
import { TiesRepository, TiesService } from './exchange/ties';
import { ProgrammesRepository, ProgrammesService } from './exchange/programmes';
import { StatisticsRepository, StatisticsService } from './exchange/statistics';
import { AuditRepository } from './audit/repository';
import { AuditService } from './audit/service';
import { RateLimitRepository } from './system/rate-limits';

export function createServices(
  db: Db,
  options: {
    sessionTtlHours: number;
    bomMaxBytes?: number;
    bomMaxLines?: number;
    /** SEARCH_CACHE_MB: answers of GET /api/search kept on SQLite (default 64; 0: none). */
    searchCacheMb?: number;
    /** The log's signing key (PEM text, or a PEM file created when missing); neither: a key for this process only. */
    logKey?: string;
    logKeyFile?: string;
    /** WEBHOOK_ALLOW_PRIVATE: webhooks may reach loopback, private and link-local addresses. */
    webhookAllowPrivate?: boolean;
    /** Demo mode (REESTR_DEMO): the exchange's demo batch is shown, marked; otherwise it is left out. */
    demo?: boolean;
  },
) {
  const k = db.kysely;
  const organizationsRepo = new OrganizationsRepository(k);
  const categories = new CategoriesRepository(k);
  const productTypesRepo = new ProductTypesRepository(k, db.dialect);
  const foreignPartsRepo = new ForeignPartsRepository(k);
  const analogsRepo = new AnalogsRepository(k);
  const foreignParts = new ForeignPartsService(foreignPartsRepo);
  const searchRepo = new SearchRepository(k, db.dialect);
  const registryLog = new RegistryLog(new RegistryLogRepository(k, db.dialect), () =>
    options.logKey || options.logKeyFile ? loadLogKey({ pem: options.logKey, file: options.logKeyFile ?? '' }) : logKeyFromPem(generateLogKeyPem()),
  );
  const registryRepo = new RegistryRepository(k, db.dialect);
  const registry = new RegistryService(registryRepo, registryLog, organizationsRepo, categories);
  const exchangeRepo = new ExchangeRepository(k, db.dialect);
  const search = new SearchService(searchRepo, productTypesRepo, categories);
  const sqlite = sqliteHandle(k);
  const searchCacheMb = options.searchCacheMb ?? 64;
  const searchCache = sqlite && searchCacheMb > 0 ? new SearchCache(searchCacheMb * 1024 * 1024, sqliteVersion(sqlite)) : null;
  const demandMatcher = new DemandMatcher(exchangeRepo, searchRepo, search, categories);
  const exchangeWebhooks = new WebhookService(exchangeRepo, { allowPrivate: options.webhookAllowPrivate ?? false });
  return {
    db,
    audit: new AuditService(new AuditRepository(k)),
    rateLimits: new RateLimitRepository(k),
    accounts: new AccountsService(new AccountsRepository(k), options.sessionTtlHours),
    organizations: new OrganizationsService(organizationsRepo),
    organizationsRepo,
    categories,
    productTypes: new ProductTypesService(productTypesRepo, categories, organizationsRepo),
    productTypesRepo,
    foreignParts,
    foreignPartsRepo,
    analogs: new AnalogsService(analogsRepo, productTypesRepo, foreignPartsRepo, foreignParts),
    analogsRepo,
    search,
    searchCache,
    registryLog,
    registryGisp: new GispService(
      new GispRepository(k, db.dialect),
      registryLog,
      // a first import into an SQLite file is written by a thread with a connection of its own
      sqlite && !sqlite.memory ? { databaseFile: sqlite.name, logKey: () => registryLog.key().privateKey } : null,
    ),
    registry,
    registryVerification: new RegistryVerification(registryRepo, registry),
    exchange: new ExchangeService(exchangeRepo, categories, productTypesRepo, new BomRepository(k), demandMatcher, {
      includeDemo: options.demo ?? false,
    }),
    exchangeWebhooks,
    exchangeTies: new TiesService(new TiesRepository(k), { includeDemo: options.demo ?? false }),
    exchangeProgrammes: new ProgrammesService(new ProgrammesRepository(k), { includeDemo: options.demo ?? false }),
    exchangeStatistics: new StatisticsService(new StatisticsRepository(k), { includeDemo: options.demo ?? false }),
    exchangeWorker: new ExchangeWorker(demandMatcher, exchangeWebhooks, (message, error) =>
      console.warn(`${message}: ${String((error as Error)?.message ?? error)}`),
    ),
    bom: new BomService(new BomRepository(k), searchRepo, { maxBytes: options.bomMaxBytes ?? 20 * 1024 * 1024, maxLines: options.bomMaxLines ?? 50_000 }),
  };
}

export type Services = ReturnType<typeof createServices>;
