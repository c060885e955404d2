import { hash, verify } from "@node-rs/argon2";

// @node-rs/argon2 defaults to argon2id (m=19 MiB, t=2, p=1: the OWASP baseline).
export const hashPassword = (password: string): Promise<string> => hash(password);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/**
 * A real hash of a random password, verified against when the email is unknown so that
 * "no such user" and "wrong password" take the same time.
 */
export const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$UeiWNMijOuCQQg0KdmsLng$6F0Wpb/mb2aZDBMrs3tN0i6vNr69FFammD9bF+iBOIc";
