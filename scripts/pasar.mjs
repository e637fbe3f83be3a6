#!/usr/bin/env node
// The root verbs (README): start, test, build, dev, bench, check. Node builtins only, so it
// runs before anything is installed. pnpm comes through npx at the pinned version.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const PNPM = ['npx', '--yes', 'pnpm@10.34.9'];
const RESULTS = join(ROOT, '.data', 'test-results');

function sh(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', ...opts, env: { ...process.env, ...opts.env } });
  return r.status ?? 1;
}
function must(cmd, args, opts) {
  const code = sh(cmd, args, opts);
  if (code !== 0) {
    console.error(`\n✗ ${[cmd, ...args].join(' ')} exited with ${code}`);
    process.exit(code);
  }
}
const pnpm = (...args) => must(PNPM[0], [...PNPM.slice(1), ...args]);

function install() {
  console.log('› installing dependencies (pnpm, frozen lockfile)…');
  pnpm('install', '--frozen-lockfile', '--reporter=append-only');
}
function build() {
  console.log('› building packages/domain, api (emits schema.graphql), web…');
  pnpm('-r', '--workspace-concurrency=1', 'run', 'build');
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function chromium() {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (existsSync(path)) return path;
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    console.log('› installing Debian chromium for the browser tests (apt-get)…');
    if (sh('apt-get', ['update', '-qq']) === 0 && sh('apt-get', ['install', '-y', '-qq', 'chromium'], { env: { DEBIAN_FRONTEND: 'noninteractive' } }) === 0 && existsSync(path)) return path;
  }
  console.error(`✗ Chromium not found at ${path}. Install Debian's "chromium" package or set CHROMIUM_PATH.`);
  process.exit(1);
}

/** Runs one vitest suite, recording its JSON report; returns its exit code. */
function vitest(name, cwd, args = [], env = {}) {
  console.log(`\n› ${name}`);
  mkdirSync(RESULTS, { recursive: true });
  return sh(PNPM[0], [...PNPM.slice(1), 'exec', 'vitest', 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${join(RESULTS, name + '.json')}`], { cwd: join(ROOT, cwd), env });
}

/** Starts the built app on a free port with its own data folder; resolves when it listens. */
async function startApp(env) {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'pasar-e2e-'));
  const child = spawn(process.execPath, ['api/dist/main.js'], {
    cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(await freePort()), LOG_LEVEL: 'warn', ...env },
  });
  let out = '';
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`app did not start:\n${out}`)), 180_000);
    child.stdout.on('data', (d) => {
      out += d;
      if (out.includes('Pasar is running')) { clearTimeout(timer); resolve(); }
    });
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`app exited with ${code}:\n${out}`)); });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () => new Promise((resolve) => {
      child.removeAllListeners('exit');
      child.once('exit', () => { rmSync(dataDir, { recursive: true, force: true }); resolve(); });
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 15_000).unref();
    }),
  };
}

function summary() {
  let passed = 0, failed = 0, skipped = 0;
  for (const name of ['domain', 'api', 'web', 'e2e']) {
    const file = join(RESULTS, name + '.json');
    if (!existsSync(file)) {
      // A suite that wrote no report did not run (or crashed): that is a failure, not a pass.
      console.log(`  ${name.padEnd(7)} NO REPORT: the suite did not run to the end`);
      failed += 1;
      continue;
    }
    const r = JSON.parse(readFileSync(file, 'utf8'));
    // A file that failed outside its tests (an import error, a failing afterAll such as the API
    // harness's ledger check) fails the run although no test failed.
    const broken = !r.success && !r.numFailedTests ? Math.max(1, r.numFailedTestSuites) : 0;
    passed += r.numPassedTests; failed += r.numFailedTests + broken; skipped += r.numPendingTests + (r.numTodoTests ?? 0);
    console.log(`  ${name.padEnd(7)} ${r.numPassedTests} passed, ${r.numFailedTests} failed${broken ? `, ${broken} file(s) failed outside their tests` : ''}`);
  }
  console.log(`\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
  return failed;
}

const verb = process.argv[2];
const started = Date.now();
switch (verb) {
  case 'build':
    install();
    build();
    break;
  case 'start': {
    install();
    build();
    const child = spawn(process.execPath, ['api/dist/main.js'], { cwd: ROOT, stdio: 'inherit' });
    for (const s of ['SIGINT', 'SIGTERM']) process.on(s, () => child.kill(s));
    child.on('exit', (code) => process.exit(code ?? 0));
    break;
  }
  case 'dev':
    install();
    pnpm('--filter', '@pasar/domain', 'run', 'build');
    pnpm('--parallel', '--filter', '@pasar/api', '--filter', '@pasar/web', 'run', 'dev');
    break;
  case 'test': {
    install();
    build();
    rmSync(RESULTS, { recursive: true, force: true });
    const codes = [vitest('domain', 'packages/domain'), vitest('api', 'api'), vitest('web', 'web')];
    const browser = chromium();
    let app;
    try {
      console.log('\n› starting the built app for the browser tests…');
      const admin = { email: 'e2e-admin@pasar.test', password: `e2e-${Date.now()}-admin` };
      app = await startApp({ SEED_DEMO: 'false', BOOTSTRAP_ADMIN_EMAIL: admin.email, BOOTSTRAP_ADMIN_PASSWORD: admin.password });
      codes.push(vitest('e2e', 'web', ['--config', 'vitest.e2e.config.ts'], {
        PASAR_E2E_URL: app.url, CHROMIUM_PATH: browser, PASAR_E2E_ADMIN_EMAIL: admin.email, PASAR_E2E_ADMIN_PASSWORD: admin.password,
      }));
    } catch (e) {
      console.error(e);
      codes.push(1);
    } finally {
      await app?.stop();
    }
    const failed = summary();
    console.log(`(${Math.round((Date.now() - started) / 1000)} s)`);
    process.exit(failed || codes.some((c) => c !== 0) ? 1 : 0);
  }
  case 'bench':
    install();
    build();
    pnpm('--filter', '@pasar/bench', 'run', 'bench');
    break;
  case 'ledger-check':
    if (!existsSync(join(ROOT, 'api', 'dist', 'scripts', 'ledger-check.js'))) { install(); build(); }
    must(process.execPath, ['api/dist/scripts/ledger-check.js']);
    break;
  case 'simulate-escrow':
    if (!existsSync(join(ROOT, 'api', 'dist', 'main.js'))) { install(); build(); }
    must(process.execPath, ['bench/escrow.simulate.mjs', ...process.argv.slice(3)]);
    break;
  case 'check':
    install();
    pnpm('--filter', '@pasar/domain', 'run', 'build');
    pnpm('-r', 'run', 'typecheck');
    break;
  default:
    console.error('usage: node scripts/pasar.mjs start|test|build|dev|bench|check|ledger-check|simulate-escrow');
    process.exit(2);
}
