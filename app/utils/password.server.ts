import { hash, verify } from "@node-rs/argon2";

/**
 * Argon2id with OWASP's minimum profile (19 MiB, t=2, p=1). Changing these
 * keeps old hashes valid: the parameters are stored in each hash string.
 */
export const ARGON2_OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1, outputLen: 32 } as const;

export function hashPassword(password: string) {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string) {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
