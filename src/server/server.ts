/** Starts reestr: open the database, bootstrap, listen. Used by `reestr serve` and the tests. */
import type { FastifyInstance } from 'fastify';
import type { Config } from './config';
import { openDatabase, type Db } from './db/client';
import { createServices } from './services';
import { bootstrap, type BootstrapResult } from './bootstrap';
import { buildApp } from './app';

export interface RunningServer {
  app: FastifyInstance;
  db: Db;
  url: string;
  bootstrap: BootstrapResult;
  close(): Promise<void>;
}

export async function startServer(config: Config, options: { adminPassword?: string } = {}): Promise<RunningServer> {
  const db = openDatabase(config.databaseUrl);
  try {
    const services = createServices(db, config);
    const result = await bootstrap(db, services, config, options.adminPassword);
    const app = await buildApp(config, services);
    await app.listen({ port: config.port, host: config.host });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
    return {
      app,
      db,
      url: `http://${host}:${port}/`,
      bootstrap: result,
      async close() {
        await app.close();
        await db.close();
      },
    };
  } catch (e) {
    await db.close();
    throw e;
  }
}
