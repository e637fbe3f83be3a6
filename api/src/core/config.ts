import { ORDER_RULES } from '@pasar/domain';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { paymentsConfigFromEnv, type PaymentsConfig } from '../payments/provider.js';
import { REPO_ROOT } from './paths.js';

/**
 * The one validated configuration of the API, read from the environment.
 * Every variable is documented in README.md ("Configuration"). Invalid values
 * stop the process at boot with a message naming the variable.
 */
export interface Config {
  nodeEnv: 'development' | 'production' | 'test';
  /** HTTP port for the web app, /graphql (HTTP + graphql-ws), /uploads, /media. */
  port: number;
  host: string;
  /** postgres://… ; when undefined an embedded PostgreSQL is started in dataDir/pg. */
  databaseUrl?: string;
  /** Port of the embedded PostgreSQL (not 5432, which a system server may hold). */
  embeddedPgPort: number;
  /** Git-ignored folder for the embedded database, uploads and generated dev secrets. */
  dataDir: string;
  uploadDir: string;
  /** HS256 secret for access tokens. */
  jwtSecret: string;
  /** Access token lifetime, seconds. */
  accessTokenTtl: number;
  /** Refresh token lifetime, seconds. */
  refreshTokenTtl: number;
  /** Largest accepted upload, bytes (PRODUCT §2: 8 MB). */
  maxUploadBytes: number;
  /** Largest accepted JSON body on /graphql, bytes. */
  bodyLimitBytes: number;
  /** Failed+successful login attempts allowed per window, per IP and per email. */
  loginRateLimit: { points: number; durationSeconds: number };
  graphqlLimits: { maxDepth: number; maxCost: number; maxAliases: number; maxTokens: number };
  /** Version string of the terms and privacy policy a registering member accepts. */
  termsVersion: string;
  /** Load demo data into an empty database at start. */
  seedDemo: boolean;
  /** Folder with the built web app served at / (skipped when missing). */
  webDist: string;
  logLevel: string;
  /** Public base URL for links to media (default: relative). */
  publicUrl: string;
  /** Message encryption keys "id:base64(32 bytes)", current first (PRODUCT §8). */
  messageKeys: string;
  /** redis://… ; when set, live updates go through Redis pub/sub (several API processes). */
  redisUrl?: string;
  /** Barter timings, seconds (PRODUCT §3): answer an offer, ship after a deal, confirm after both shipped. */
  barter: { offerTtl: number; shipWithin: number; confirmWithin: number };
  /** Store orders: how long a PENDING_PAYMENT order holds its stock, seconds (PRODUCT §6; default 30 minutes). */
  commerce: { paymentWindowSeconds: number; confirmSeconds: number; deliveredAfterSeconds: number };
  /** Escrow: the buyer's inspection period after shipping, seconds (PRODUCT §4; default 3 days). */
  escrow: { inspectionSeconds: number };
  /** Creates this admin at boot when no account has the email (the first admin of a new install). */
  bootstrapAdmin?: { email: string; password: string };
  /** Payment providers: manual transfer always; Midtrans and Stripe when their keys are set (PRODUCT §11). */
  payments: PaymentsConfig;
  /** How often job workers poll for due jobs, seconds (pg-boss, ≥ 0.5). */
  jobPollSeconds: number;
  /** Run job workers in this process (the web replicas may leave them to a worker). */
  runJobs: boolean;
}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 0): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < min) throw new Error(`Invalid ${name}: expected an integer ≥ ${min}, got "${raw}"`);
  return n;
}

function bool(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
  throw new Error(`Invalid ${name}: expected true or false, got "${raw}"`);
}

/** Reads a secret from the environment, or generates one once into dataDir (development only). */
function devSecret(dataDir: string, file: string, make = () => randomBytes(48).toString('base64url')): string {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, file);
  if (existsSync(path)) return readFileSync(path, 'utf8').trim();
  const secret = make();
  writeFileSync(path, secret + '\n', { mode: 0o600 });
  return secret;
}

function fail(message: string): never {
  throw new Error(message);
}

/** Builds the configuration from `env` (default process.env). Throws on an invalid value. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const nodeEnv = (env.NODE_ENV ?? 'development') as Config['nodeEnv'];
  if (!['development', 'production', 'test'].includes(nodeEnv)) throw new Error(`Invalid NODE_ENV "${nodeEnv}"`);
  const dataDir = resolve(env.DATA_DIR ?? join(REPO_ROOT, '.data'));
  let jwtSecret = env.JWT_SECRET;
  if (!jwtSecret) {
    if (nodeEnv === 'production') throw new Error('JWT_SECRET is required when NODE_ENV=production');
    jwtSecret = devSecret(dataDir, 'jwt-secret');
  }
  if (jwtSecret.length < 32) throw new Error('JWT_SECRET must be at least 32 characters');
  return {
    nodeEnv,
    port: int(env, 'PORT', 4000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    embeddedPgPort: int(env, 'EMBEDDED_PG_PORT', 54329, 1024),
    dataDir,
    uploadDir: resolve(env.UPLOAD_DIR ?? join(dataDir, 'uploads')),
    jwtSecret,
    accessTokenTtl: int(env, 'ACCESS_TOKEN_TTL', 15 * 60, 10),
    refreshTokenTtl: int(env, 'REFRESH_TOKEN_TTL', 30 * 24 * 3600, 60),
    maxUploadBytes: int(env, 'MAX_UPLOAD_BYTES', 8 * 1024 * 1024, 1024),
    bodyLimitBytes: int(env, 'BODY_LIMIT_BYTES', 100 * 1024, 1024),
    loginRateLimit: {
      points: int(env, 'LOGIN_RATE_LIMIT', 10, 1),
      durationSeconds: int(env, 'LOGIN_RATE_WINDOW', 15 * 60, 1),
    },
    graphqlLimits: {
      maxDepth: int(env, 'GRAPHQL_MAX_DEPTH', 10, 2),
      maxCost: int(env, 'GRAPHQL_MAX_COST', 5000, 10),
      maxAliases: int(env, 'GRAPHQL_MAX_ALIASES', 15, 1),
      maxTokens: int(env, 'GRAPHQL_MAX_TOKENS', 2000, 50),
    },
    termsVersion: env.TERMS_VERSION ?? '2026-11-01',
    seedDemo: bool(env, 'SEED_DEMO', nodeEnv !== 'test'),
    webDist: resolve(env.WEB_DIST ?? join(REPO_ROOT, 'web', 'dist')),
    logLevel: env.LOG_LEVEL ?? (nodeEnv === 'test' ? 'warn' : 'info'),
    publicUrl: (env.PUBLIC_URL ?? '').replace(/\/$/, ''),
    messageKeys: env.MESSAGE_KEYS || (nodeEnv === 'production'
      ? fail('MESSAGE_KEYS is required when NODE_ENV=production')
      : `dev:${devSecret(dataDir, 'message-key', () => randomBytes(32).toString('base64'))}`),
    redisUrl: env.REDIS_URL || undefined,
    barter: {
      offerTtl: int(env, 'OFFER_TTL_SECONDS', 48 * 3600, 1),
      shipWithin: int(env, 'DEAL_SHIP_WITHIN_SECONDS', 72 * 3600, 1),
      confirmWithin: int(env, 'DEAL_CONFIRM_WITHIN_SECONDS', 168 * 3600, 1),
    },
    commerce: { paymentWindowSeconds: int(env, 'ORDER_PAYMENT_WINDOW_SECONDS', 30 * 60, 1), confirmSeconds: int(env, 'ORDER_CONFIRM_SECONDS', ORDER_RULES.confirmHours * 3600, 1),
      deliveredAfterSeconds: int(env, 'ORDER_DELIVERED_AFTER_SECONDS', ORDER_RULES.deliveredAfterDays * 86_400, 1) },
    escrow: { inspectionSeconds: int(env, 'ESCROW_INSPECTION_SECONDS', 72 * 3600, 1) },
    payments: paymentsConfigFromEnv(env),
    bootstrapAdmin: env.BOOTSTRAP_ADMIN_EMAIL
      ? { email: env.BOOTSTRAP_ADMIN_EMAIL.trim().toLowerCase(), password: env.BOOTSTRAP_ADMIN_PASSWORD || fail('BOOTSTRAP_ADMIN_PASSWORD is required with BOOTSTRAP_ADMIN_EMAIL') }
      : undefined,
    jobPollSeconds: Math.max(0.5, Number(env.JOB_POLL_SECONDS ?? 2)),
    runJobs: bool(env, 'RUN_JOBS', true),
  };
}
