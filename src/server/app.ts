/** The Fastify application: security headers, auth, OpenAPI, every capability's routes and the web app. */
import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import helmet from '@fastify/helmet';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import multipart from '@fastify/multipart';
import type { Config } from './config';
import type { Services } from './services';
import { errorHandler, notFoundHandler } from './http/errors';
import { authPlugin } from './accounts/plugin';
import { accountsRoutes } from './accounts/routes';
import { organizationsRoutes } from './organizations/routes';
import { categoriesRoutes } from './categories/routes';
import { productTypesRoutes } from './product-types/routes';
import { foreignPartsRoutes } from './foreign-parts/routes';
import { analogsRoutes } from './analogs/routes';
import { systemRoutes, VERSION } from './system/routes';
import { searchRoutes } from './search/routes';
import { bomRoutes } from './bom/routes';
import { registryLogRoutes } from './registry/log/routes';
import { gispRoutes } from './registry/gisp/routes';
import { registryRoutes } from './registry/routes';
import { exchangeRoutes } from './exchange/routes';
import { cooperationRoutes } from './exchange/cooperation-routes';
import { auditPlugin } from './audit/plugin';
import { auditRoutes } from './audit/routes';
import { databaseRateLimitStore } from './system/rate-limits';

export type AppConfig = Pick<
  Config,
  'demo' | 'secureCookies' | 'bodyLimitBytes' | 'loginAttemptsPerMinute' | 'logLevel' | 'webRoot' | 'bomMaxBytes' | 'registryVerifyPerMinute'
> &
  Partial<Pick<Config, 'gispMaxBytes' | 'rateLimitStore'>>;

export async function buildApp(config: AppConfig, services: Services): Promise<FastifyInstance> {
  const app = Fastify({
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    bodyLimit: config.bodyLimitBytes,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true } },
  });
  app.setErrorHandler(errorHandler);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
      },
    },
  });
  await app.register(cookie);
  // counters in the database when several processes share it, so that they throttle together
  await app.register(rateLimit, {
    global: false,
    ...(config.rateLimitStore === 'database' ? { store: databaseRateLimitStore(services.rateLimits) } : {}),
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Союзный реестр (reestr) API',
        version: VERSION,
        description: 'Domestic analogs of imported products, registry status and demand for the Union State.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'personal API token (rst_…)' },
          session: { type: 'apiKey', in: 'cookie', name: 'reestr_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  await app.register(authPlugin, { accounts: services.accounts });
  await app.register(auditPlugin, { audit: services.audit });
  await app.register(auditRoutes, { audit: services.audit });

  await app.register(systemRoutes, { services, demo: config.demo });
  await app.register(accountsRoutes, {
    accounts: services.accounts,
    secureCookies: config.secureCookies,
    loginAttemptsPerMinute: config.loginAttemptsPerMinute,
  });
  await app.register(organizationsRoutes, { organizations: services.organizations, accounts: services.accounts });
  await app.register(categoriesRoutes, { categories: services.categories });
  await app.register(productTypesRoutes, { productTypes: services.productTypes });
  await app.register(foreignPartsRoutes, { foreignParts: services.foreignParts });
  await app.register(analogsRoutes, { analogs: services.analogs });
  await app.register(searchRoutes, { search: services.search, cache: services.searchCache });
  await app.register(multipart, { limits: { fileSize: config.bomMaxBytes, files: 1, fields: 10, fieldSize: config.bomMaxBytes, parts: 12 } });
  await app.register(bomRoutes, { bom: services.bom, maxBytes: config.bomMaxBytes });
  await app.register(registryRoutes, {
    registry: services.registry,
    verification: services.registryVerification,
    verifyPerMinute: config.registryVerifyPerMinute,
  });
  await app.register(registryLogRoutes, { registryLog: services.registryLog, verifyPerMinute: config.registryVerifyPerMinute });
  await app.register(gispRoutes, { gisp: services.registryGisp, maxBytes: config.gispMaxBytes ?? 512 * 1024 * 1024 });
  await app.register(exchangeRoutes, { exchange: services.exchange, webhooks: services.exchangeWebhooks });
  await app.register(cooperationRoutes, { services });
  // the exchange worker (re-matching, webhook deliveries) runs only in a listening server, not under inject()
  app.addHook('onListen', async () => services.exchangeWorker.start());
  app.addHook('onClose', async () => services.exchangeWorker.stop());
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const indexHtml = path.join(config.webRoot, 'index.html');
  const hasWeb = fs.existsSync(indexHtml);
  if (hasWeb) await app.register(fastifyStatic, { root: config.webRoot, wildcard: false, index: ['index.html'] });
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api') || request.method !== 'GET' || !hasWeb) return notFoundHandler(request, reply);
    // client-side routes of the single-page app
    return reply.type('text/html').sendFile('index.html');
  });
  return app;
}
