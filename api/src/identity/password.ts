import { Algorithm, hash, verify } from '@node-rs/argon2';

/** argon2id parameters (OWASP 2024 minimum: m=19 MiB, t=2, p=1). */
const OPTIONS = { algorithm: Algorithm.Argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/** Hashes a password with argon2id (PRODUCT §1). */
export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** True when `password` matches `passwordHash`; false for a malformed hash. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A fixed hash to verify against when the email is unknown, so timing does not reveal accounts. */
export const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$2vFhY7VWC2algN+d405d/Q$e5oOKGFKCMX2la0IHZGlHdJa5Zac4/K82cv1smuCw9g';
