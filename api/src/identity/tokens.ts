import { createHash, createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import type { Role } from './user.entity.js';

/** Claims of an access token: `sub` is the user id. */
export interface AccessClaims {
  sub: string;
  role: Role;
}

const keys = new Map<string, KeyObject>();
/**
 * The HS256 key as a KeyObject, made once per secret: given a string, jsonwebtoken first
 * tries to parse it as a PEM key on every call (≈0.5 ms per verify; 12 µs with a KeyObject).
 */
function keyOf(secret: string): KeyObject {
  let key = keys.get(secret);
  if (!key) keys.set(secret, (key = createSecretKey(Buffer.from(secret, 'utf8'))));
  return key;
}

/** Signs a short-lived HS256 access token; returns it with its expiry. */
export function signAccessToken(claims: AccessClaims, secret: string, ttlSeconds: number): { token: string; expiresAt: Date } {
  const token = jwt.sign({ role: claims.role }, keyOf(secret), {
    algorithm: 'HS256',
    subject: claims.sub,
    expiresIn: ttlSeconds,
    issuer: 'pasar',
    audience: 'pasar-api',
  });
  return { token, expiresAt: new Date(Date.now() + ttlSeconds * 1000) };
}

/** Verifies an access token; returns its claims or null when invalid or expired. */
export function verifyAccessToken(token: string, secret: string): AccessClaims | null {
  try {
    const payload = jwt.verify(token, keyOf(secret), { algorithms: ['HS256'], issuer: 'pasar', audience: 'pasar-api' });
    if (typeof payload === 'string' || typeof payload.sub !== 'string') return null;
    return { sub: payload.sub, role: payload.role as Role };
  } catch {
    return null;
  }
}

/** A new opaque refresh token (256 random bits, base64url). */
export function newRefreshToken(): string {
  return randomBytes(32).toString('base64url');
}

/** SHA-256 hex of a refresh token: the only form stored. */
export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Extracts the token from an "Authorization: Bearer …" value. */
export function bearer(header: unknown): string | undefined {
  if (typeof header !== 'string') return undefined;
  const m = /^Bearer\s+(\S+)$/i.exec(header.trim());
  return m?.[1];
}
