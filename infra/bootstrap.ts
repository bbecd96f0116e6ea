/**
 * First-start duties of access control: the token secret and the first admin's credentials.
 * Secrets are never logged: a generated admin password goes to a file readable by its owner only.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomSecret } from './auth';
import type { AppConfig } from './config';
import type { Logger } from './log';

function writePrivate(file: string, content: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content, { mode: 0o600 });
}

/** AUTH_TOKEN_SECRET, or (embedded) a secret generated once and kept in the data folder. */
export function resolveTokenSecret(config: AppConfig): string {
  if (config.auth.tokenSecret) return config.auth.tokenSecret;
  const file = path.join(config.dataDir, 'auth-secret');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  const secret = randomSecret(48);
  writePrivate(file, secret + '\n');
  return secret;
}

export interface BootstrapAdminCredentials {
  username: string;
  password: string;
  /** Where a generated password was written (embedded, BOOTSTRAP_ADMIN_PASSWORD unset). */
  file?: string;
}

/**
 * The first admin's credentials: from BOOTSTRAP_ADMIN_*; or, embedded and unset, `admin` with a
 * generated password written to DATA_DIR/admin-password.txt. undefined (with a warning) in
 * production without a password.
 */
export function bootstrapAdminCredentials(config: AppConfig, log: Logger): BootstrapAdminCredentials | undefined {
  const username = config.auth.bootstrapAdmin?.username ?? 'admin';
  const password = config.auth.bootstrapAdmin?.password ?? '';
  if (password) return { username, password };
  if (config.env === 'production') {
    log.warn('No users yet: set BOOTSTRAP_ADMIN_USERNAME and BOOTSTRAP_ADMIN_PASSWORD to create the first admin');
    return undefined;
  }
  const generated = randomSecret(18);
  const file = path.join(config.dataDir, 'admin-password.txt');
  writePrivate(file, `${username}\n${generated}\n`);
  return { username, password: generated, file };
}
