/**
 * Credentials: passwords hashed with scrypt (a memory-hard KDF), signed expiring login tokens
 * (JWT, HS256), and API keys kept only as a SHA-256 digest. Node's crypto only.
 */
import { createHash, createHmac, randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scrypt = promisify(scryptCb) as (pw: string, salt: Buffer, len: number, opts: object) => Promise<Buffer>;
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scrypt(password, salt, 32, SCRYPT);
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [kind, n, r, p, salt, hash] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = await scrypt(password, Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: SCRYPT.maxmem,
  });
  return timingSafeEqual(actual, expected);
}

export interface TokenClaims {
  /** user id */
  sub: string;
  /** issued at / expires, epoch seconds */
  iat: number;
  exp: number;
  /** The user's token version when issued: a disabled user or a changed password raises it. */
  ver?: number;
}

const b64url = (b: Buffer | string) => Buffer.from(b).toString('base64url');

export function signToken(
  userId: string,
  secret: string,
  ttlSeconds: number,
  nowMs: number,
  version = 0,
): { token: string; expiresAt: Date } {
  const iat = Math.floor(nowMs / 1000);
  const claims: TokenClaims = { sub: userId, iat, exp: iat + ttlSeconds, ver: version };
  const body = `${b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${b64url(JSON.stringify(claims))}`;
  const signature = createHmac('sha256', secret).update(body).digest('base64url');
  return { token: `${body}.${signature}`, expiresAt: new Date(claims.exp * 1000) };
}

/** The claims of a genuine, unexpired token; null otherwise. */
export function verifyToken(token: string, secret: string, nowMs: number): TokenClaims | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const [header, payload, signature] = parts as [string, string, string];
  const expected = createHmac('sha256', secret).update(`${header}.${payload}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    if ((JSON.parse(Buffer.from(header, 'base64url').toString()) as { alg?: string }).alg !== 'HS256') return null;
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as TokenClaims;
    if (typeof claims.sub !== 'string' || typeof claims.exp !== 'number') return null;
    return claims.exp * 1000 > nowMs ? claims : null;
  } catch {
    return null;
  }
}

export function digestApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** A new API key: shown once to its owner; only its digest and prefix are stored. */
export function newApiKey(): { key: string; prefix: string; hash: string } {
  const key = `dgk_${randomBytes(32).toString('base64url')}`;
  return { key, prefix: key.slice(0, 12), hash: digestApiKey(key) };
}

export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}
