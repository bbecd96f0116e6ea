/**
 * The one configuration module. Everything the service reads from the environment is
 * declared and validated here, once, at start. Nothing else reads `process.env`.
 *
 * Embedded defaults (no env at all): Temporal dev server with a file database, PGlite in a
 * data folder, a local SMTP mail sink, API and worker in one process.
 * Production: set TEMPORAL_ADDRESS, DATABASE_URL (postgresql://…) and SMTP_URL.
 */
import { isIP } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { ROBOT_HOSTS, type WebhookPolicy } from '../domain/webhook-policy';

const port = z.coerce.number().int().min(0).max(65535);
const emptyAsUndefined = (v: unknown) => (v === '' ? undefined : v);
const optionalString = z.preprocess(emptyAsUndefined, z.string().min(1).optional());

const TRUST_PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);
/** A TRUST_PROXY entry: a name Express knows, an address, or address/prefix. */
function validTrustProxyEntry(entry: string): boolean {
  if (TRUST_PROXY_NAMES.has(entry)) return true;
  const [address = '', prefix, extra] = entry.split('/');
  const family = isIP(address);
  if (!family || extra !== undefined) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d+$/.test(prefix) && bits <= (family === 4 ? 32 : 128);
}
function validTrustProxy(raw: string): boolean {
  if (/^\d+$/.test(raw.trim())) return Number(raw) <= 10;
  const entries = raw.split(',').map((e) => e.trim());
  return entries.length > 0 && entries.every(validTrustProxyEntry);
}
/** TRUST_PROXY as Express takes it: false, a hop count, or a list. */
function parseTrustProxy(raw: string | undefined): false | number | string[] {
  if (raw === undefined) return false;
  if (/^\d+$/.test(raw.trim())) return Number(raw);
  return raw.split(',').map((e) => e.trim());
}

const envSchema = z.object({
  NODE_ENV: z.preprocess(emptyAsUndefined, z.enum(['development', 'test', 'production']).default('development')),
  LOG_LEVEL: z.preprocess(emptyAsUndefined, z.enum(['debug', 'info', 'warn', 'error']).default('info')),
  /** Folder for embedded state: PGlite database, Temporal dev-server database, captured mail. */
  DATA_DIR: z.preprocess(emptyAsUndefined, z.string().default('data')),
  /** Folder where `npm run setup` caches the Temporal CLI and the Java test server. */
  TOOLS_DIR: z.preprocess(emptyAsUndefined, z.string().default('.tools')),
  /** Machine-wide tool cache shared by every clone/CI job on this machine (the go-built CLI, the
   *  test-server jars). Default: $XDG_CACHE_HOME/donggang-governance, else ~/.cache/donggang-governance. */
  TOOLS_CACHE_DIR: optionalString,
  XDG_CACHE_HOME: optionalString,
  /** Where `npm run setup` looks for temporal, go, java and mvn. */
  PATH: z.preprocess(emptyAsUndefined, z.string().default('')),

  // --- HTTP API ---
  PORT: z.preprocess(emptyAsUndefined, port.default(3000)),
  /** Interface the API listens on: loopback by default; e.g. 0.0.0.0 in production behind a proxy. */
  HOST: z.preprocess(emptyAsUndefined, z.union([z.ipv4(), z.ipv6(), z.literal('localhost')]).default('127.0.0.1')),
  /** Base URL used in links inside emails. */
  PUBLIC_URL: optionalString.pipe(z.string().url().optional()),
  /**
   * The reverse proxies whose X-Forwarded-For the API believes (Express's `trust proxy`): a hop
   * count, or a comma-separated list of their addresses/subnets or `loopback`, `linklocal`,
   * `uniquelocal`. Unset: none — the client address is the TCP peer. Behind a proxy, set it, so
   * that the login throttle counts each client, not the proxy.
   */
  TRUST_PROXY: optionalString.pipe(
    z
      .string()
      .refine(
        validTrustProxy,
        'TRUST_PROXY must be a hop count or a list of addresses, subnets, loopback, linklocal or uniquelocal (not true: that believes any client)',
      )
      .optional(),
  ),

  // --- Temporal ---
  /** host:port of a Temporal cluster. Unset → the embedded dev server is started. */
  TEMPORAL_ADDRESS: optionalString,
  TEMPORAL_NAMESPACE: z.preprocess(emptyAsUndefined, z.string().default('default')),
  TEMPORAL_TASK_QUEUE: z.preprocess(emptyAsUndefined, z.string().default('governance')),
  /** Embedded dev server ports (only used when TEMPORAL_ADDRESS is unset). */
  TEMPORAL_DEV_PORT: z.preprocess(emptyAsUndefined, port.default(7233)),
  TEMPORAL_UI_PORT: z.preprocess(emptyAsUndefined, port.default(8233)),
  /** The Temporal Web UI the dashboard links to (embedded: the dev server's). */
  TEMPORAL_UI_URL: z.preprocess(emptyAsUndefined, z.url({ protocol: /^https?$/ }).optional()),
  /** Workflows a worker keeps in memory. Obligations sleep for weeks: a small cache costs nothing. */
  WORKER_MAX_CACHED_WORKFLOWS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).max(100_000).default(500)),
  /** Explicit paths to tools; otherwise `npm run setup` finds or builds them. */
  TEMPORAL_CLI_PATH: optionalString,
  TEMPORAL_TEST_SERVER_PATH: optionalString,

  // --- `npm run cluster` (the Temporal server on PostgreSQL, infra/embedded/cluster.ts) ---
  /** A directory with temporal-server, temporal-sql-tool and schema/postgresql/v12 (as `npm run setup -- --cluster`
   *  leaves in the tool cache); unset → found in, or built into, the tool cache. */
  TEMPORAL_SERVER_DIR: optionalString,
  /** The cluster's frontend (gRPC) port; its other services use the ports from 300 below to 10 above it
   *  (infra/embedded/cluster.ts clusterPorts). At most 32757: the server keeps its ports in a smallint column. */
  CLUSTER_FRONTEND_PORT: z.preprocess(
    emptyAsUndefined,
    port
      .min(1324, 'At least 1324 (the services use ports down to 300 below it)')
      .max(32757, 'At most 32757 (the services use ports up to 10 above it; the server stores them as smallint)')
      .default(7233),
  ),
  /** PostgreSQL port of the cluster's own database server (initdb in DATA_DIR/cluster/postgres). */
  CLUSTER_POSTGRES_PORT: z.preprocess(emptyAsUndefined, port.default(5433)),
  /** An admin URL (a role with CREATEDB) of a PostgreSQL server to use instead of a server of the cluster's own. */
  CLUSTER_POSTGRES_URL: optionalString.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'CLUSTER_POSTGRES_URL must be a postgresql:// URL')
      .optional(),
  ),

  // --- Database ---
  /** postgresql://… for PostgreSQL. Unset → PGlite in DATA_DIR/pglite. */
  DATABASE_URL: optionalString.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgresql:// URL')
      .optional(),
  ),

  // --- Mail ---
  /** smtp://user:pass@host:port or smtps://…  Unset → the embedded mail sink. */
  SMTP_URL: optionalString.pipe(
    z
      .string()
      .regex(/^smtps?:\/\//, 'SMTP_URL must be an smtp:// or smtps:// URL')
      .optional(),
  ),
  MAIL_FROM: z.preprocess(emptyAsUndefined, z.string().default('东港市联席会议联络办公室 <liaison@donggang.example>')),
  /** Domain used in deterministic Message-IDs. */
  MAIL_DOMAIN: z.preprocess(emptyAsUndefined, z.string().default('donggang.example')),
  MAIL_SINK_PORT: z.preprocess(emptyAsUndefined, port.default(2525)),

  // --- Group-robot webhooks ---
  /** Hosts a webhookUrl may point at (comma-separated hostnames): the WeCom and DingTalk robots by default. */
  WEBHOOK_ALLOWED_HOSTS: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .default(ROBOT_HOSTS.join(','))
      .transform((v) =>
        v
          .split(',')
          .map((h) => h.trim().toLowerCase())
          .filter(Boolean),
      )
      .pipe(
        z
          .array(
            z
              .string()
              .regex(
                /^(?=.*[a-z])[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/,
                'Each entry must be a host name (no scheme, port, path or IP address)',
              ),
          )
          .min(1, 'At least one host'),
      ),
  ),
  /** Give up on a webhook after this many milliseconds (then the notice goes by email). */
  WEBHOOK_TIMEOUT_MS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(100).max(30_000).default(5_000)),

  // --- Access control ---
  /** HMAC secret for login tokens (≥ 32 characters). Unset → generated once into DATA_DIR (embedded only). */
  AUTH_TOKEN_SECRET: optionalString.pipe(z.string().min(32, 'At least 32 characters').optional()),
  /** Lifetime of a login token, in seconds. */
  AUTH_TOKEN_TTL_SECONDS: z.preprocess(
    emptyAsUndefined,
    z.coerce
      .number()
      .int()
      .min(60)
      .max(7 * 24 * 3600)
      .default(8 * 3600),
  ),
  /** First start with no users: this admin is created. */
  BOOTSTRAP_ADMIN_USERNAME: optionalString,
  BOOTSTRAP_ADMIN_PASSWORD: optionalString.pipe(z.string().min(12, 'At least 12 characters').optional()),

  /** Credentials of the command-line clients (npm run import, seed:demo): an API key. */
  API_KEY: optionalString,

  // --- Temporal Cloud (mTLS or API key) ---
  TEMPORAL_TLS_CERT_PATH: optionalString,
  TEMPORAL_TLS_KEY_PATH: optionalString,
  TEMPORAL_TLS_SERVER_NAME: optionalString,
  TEMPORAL_API_KEY: optionalString,

  /** SIGINT/SIGTERM: how long a clean stop (worker drained, servers closed, dev server stopped)
   *  may take before the process ends anyway, killing the embedded dev server. */
  SHUTDOWN_TIMEOUT_SECONDS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(3600).default(30)),

  // --- Tests (npm test, npm run setup) ---
  /** Chromium for the dashboard's end-to-end test (default /usr/bin/chromium). */
  CHROMIUM_PATH: optionalString,
  /** A PostgreSQL server (admin URL) for the PostgreSQL half of the tests; set → none is installed. */
  TEST_POSTGRES_URL: optionalString,

  // --- Process role ---
  /** What this process runs: both (embedded default), api, or worker. */
  ROLE: z.preprocess(emptyAsUndefined, z.enum(['all', 'api', 'worker']).default('all')),
});

export type Env = z.infer<typeof envSchema>;

export interface AppConfig {
  env: Env['NODE_ENV'];
  logLevel: Env['LOG_LEVEL'];
  role: Env['ROLE'];
  /** SHUTDOWN_TIMEOUT_SECONDS, in ms. */
  shutdownTimeoutMs: number;
  dataDir: string;
  toolsDir: string;
  /** Machine-wide cache behind toolsDir (TOOLS_CACHE_DIR). */
  toolsCacheDir: string;
  /** Directories searched for external programs (PATH). */
  searchPath: string[];
  /** trustProxy: Express's `trust proxy` (false: the TCP peer is the client). */
  http: { port: number; host: string; publicUrl: string; trustProxy: false | number | string[] };
  /** Which group-robot webhooks may be called (SSRF guard). */
  webhook: WebhookPolicy;
  temporal: {
    /** undefined → embedded dev server */
    address: string | undefined;
    namespace: string;
    taskQueue: string;
    devPort: number;
    uiPort: number;
    /** The Web UI's address for links, if known. */
    uiUrl: string | undefined;
    cliPath: string | undefined;
    testServerPath: string | undefined;
    /** `npm run cluster`: the server's tool directory, ports and database server. */
    cluster: {
      serverDir: string | undefined;
      frontendPort: number;
      postgresPort: number;
      postgresUrl: string | undefined;
    };
    /** mTLS client certificate and key (PEM file paths), e.g. for a Temporal Cloud namespace. */
    tls: { certPath: string; keyPath: string; serverName: string | undefined } | undefined;
    /** API key (Temporal Cloud); implies TLS. */
    apiKey: string | undefined;
    maxCachedWorkflows: number;
  };
  auth: {
    /** undefined → generated once into DATA_DIR (embedded); required in production. */
    tokenSecret: string | undefined;
    tokenTtlSeconds: number;
    bootstrapAdmin: { username: string; password: string } | undefined;
    /** The command-line clients' API key. */
    cliApiKey: string | undefined;
  };
  database: { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string };
  /** What the tests use from the machine (see infra/system-packages.ts). */
  testing: { chromiumPath: string | undefined; postgresUrl: string | undefined };
  mail: {
    /** undefined → embedded mail sink */
    smtpUrl: string | undefined;
    from: string;
    domain: string;
    sinkPort: number;
  };
}

export class ConfigError extends Error {
  constructor(public readonly issues: { variable: string; message: string }[]) {
    super('Invalid configuration:\n' + issues.map((i) => `  ${i.variable}: ${i.message}`).join('\n'));
    this.name = 'ConfigError';
  }
}

/** Parse and validate an environment (defaults to the process's). Throws ConfigError. */
export function loadConfig(source: Record<string, string | undefined> = process.env): AppConfig {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => ({ variable: String(i.path[0] ?? '?'), message: i.message })));
  }
  const e = parsed.data;
  const issues: { variable: string; message: string }[] = [];
  if (!!e.TEMPORAL_TLS_CERT_PATH !== !!e.TEMPORAL_TLS_KEY_PATH) {
    issues.push({
      variable: e.TEMPORAL_TLS_CERT_PATH ? 'TEMPORAL_TLS_KEY_PATH' : 'TEMPORAL_TLS_CERT_PATH',
      message: 'Give both the certificate and the key',
    });
  }
  if (!!e.BOOTSTRAP_ADMIN_USERNAME !== !!e.BOOTSTRAP_ADMIN_PASSWORD) {
    issues.push({
      variable: e.BOOTSTRAP_ADMIN_USERNAME ? 'BOOTSTRAP_ADMIN_PASSWORD' : 'BOOTSTRAP_ADMIN_USERNAME',
      message: 'Give both the username and the password',
    });
  }
  if (e.NODE_ENV === 'production' && !e.AUTH_TOKEN_SECRET) {
    issues.push({ variable: 'AUTH_TOKEN_SECRET', message: 'Required in production (at least 32 random characters)' });
  }
  if (issues.length) throw new ConfigError(issues);
  const dataDir = path.resolve(e.DATA_DIR);
  return {
    env: e.NODE_ENV,
    logLevel: e.LOG_LEVEL,
    role: e.ROLE,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_SECONDS * 1000,
    dataDir,
    toolsDir: path.resolve(e.TOOLS_DIR),
    toolsCacheDir: path.resolve(
      e.TOOLS_CACHE_DIR ?? path.join(e.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'donggang-governance'),
    ),
    searchPath: e.PATH.split(path.delimiter).filter((d) => d !== ''),
    http: {
      port: e.PORT,
      host: e.HOST,
      publicUrl: e.PUBLIC_URL ?? `http://localhost:${e.PORT}`,
      trustProxy: parseTrustProxy(e.TRUST_PROXY),
    },
    webhook: { allowedHosts: e.WEBHOOK_ALLOWED_HOSTS, timeoutMs: e.WEBHOOK_TIMEOUT_MS },
    temporal: {
      address: e.TEMPORAL_ADDRESS,
      namespace: e.TEMPORAL_NAMESPACE,
      taskQueue: e.TEMPORAL_TASK_QUEUE,
      devPort: e.TEMPORAL_DEV_PORT,
      uiPort: e.TEMPORAL_UI_PORT,
      uiUrl: e.TEMPORAL_UI_URL,
      cliPath: e.TEMPORAL_CLI_PATH,
      testServerPath: e.TEMPORAL_TEST_SERVER_PATH,
      cluster: {
        serverDir: e.TEMPORAL_SERVER_DIR,
        frontendPort: e.CLUSTER_FRONTEND_PORT,
        postgresPort: e.CLUSTER_POSTGRES_PORT,
        postgresUrl: e.CLUSTER_POSTGRES_URL,
      },
      tls:
        e.TEMPORAL_TLS_CERT_PATH && e.TEMPORAL_TLS_KEY_PATH
          ? {
              certPath: e.TEMPORAL_TLS_CERT_PATH,
              keyPath: e.TEMPORAL_TLS_KEY_PATH,
              serverName: e.TEMPORAL_TLS_SERVER_NAME,
            }
          : undefined,
      apiKey: e.TEMPORAL_API_KEY,
      maxCachedWorkflows: e.WORKER_MAX_CACHED_WORKFLOWS,
    },
    auth: {
      tokenSecret: e.AUTH_TOKEN_SECRET,
      tokenTtlSeconds: e.AUTH_TOKEN_TTL_SECONDS,
      bootstrapAdmin:
        e.BOOTSTRAP_ADMIN_USERNAME && e.BOOTSTRAP_ADMIN_PASSWORD
          ? { username: e.BOOTSTRAP_ADMIN_USERNAME, password: e.BOOTSTRAP_ADMIN_PASSWORD }
          : undefined,
      cliApiKey: e.API_KEY,
    },
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL }
      : { kind: 'pglite', dataDir: path.join(dataDir, 'pglite') },
    testing: { chromiumPath: e.CHROMIUM_PATH, postgresUrl: e.TEST_POSTGRES_URL },
    mail: { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM, domain: e.MAIL_DOMAIN, sinkPort: e.MAIL_SINK_PORT },
  };
}
