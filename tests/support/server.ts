/** A real reestr server on a free port with a fresh SQLite database and the demo dataset, for browser journeys. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/server/config';
import { startServer, type RunningServer } from '../../src/server/server';
import { ensureWebBuild } from '../../src/server/web-build';

export const E2E_ADMIN = { email: 'admin@e2e.reestr', password: 'e2e-admin-password' };

export async function startE2eServer(): Promise<RunningServer & { cleanup(): Promise<void> }> {
  const config = loadConfig({});
  await ensureWebBuild(config.webRoot);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reestr-e2e-'));
  const server = await startServer(
    {
      ...config,
      port: 0,
      host: '127.0.0.1',
      databaseUrl: `sqlite:${path.join(dir, 'e2e.sqlite')}`,
      logLevel: 'silent',
      adminEmail: E2E_ADMIN.email,
      // journeys receive webhooks on a local port
      webhookAllowPrivate: true,
    },
    { adminPassword: E2E_ADMIN.password },
  );
  return Object.assign(server, {
    async cleanup() {
      await server.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  });
}
