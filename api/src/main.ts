import 'reflect-metadata';
import { loadConfig } from './core/config.js';
import { DEMO_MUSIC_STORE_EMAIL, DEMO_PASSWORD } from './core/db/demo/demo-data.js';
import { createLogger } from './core/logger.js';
import { startServer } from './core/server.js';

/** Entry point: `node api/dist/main.js` (what `npm start` runs). */
const config = loadConfig();
const log = createLogger(config.logLevel);
const server = await startServer(config, { log });

const lines = [
  '',
  `  Pasar is running at ${server.url}`,
  `  GraphQL (HTTP + graphql-ws): ${server.url}/graphql   playground (admins): ${server.url}/playground`,
];
const demoAccounts = server.demo?.accounts ?? [];
if (config.seedDemo) {
  lines.push(`  Demo accounts (password "${DEMO_PASSWORD}"):`);
  const shown = demoAccounts.length ? demoAccounts : [
    { email: 'admin@pasar.test', role: 'ADMIN' }, { email: 'siti.rahma@pasar.test', role: 'MEMBER' }, { email: DEMO_MUSIC_STORE_EMAIL, role: 'STORE' },
  ];
  for (const a of shown) lines.push(`    ${a.role.padEnd(6)} ${a.email}`);
}
console.log(lines.join('\n') + '\n');

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    server.close().then(() => process.exit(0), (e) => { log.error(e); process.exit(1); });
  });
}
