import { hash, verify } from '@node-rs/argon2';
import { randomBytes, createHash } from 'node:crypto';

/** `Algorithm.Argon2id` of @node-rs/argon2 (a const enum, which isolated modules cannot import). */
const argon2id = 2;

/** argon2id with the library's defaults (OWASP's recommended minimum is met: m=19 MiB, t=2, p=1). */
export const hashPassword = (password: string): Promise<string> => hash(password, { algorithm: argon2id });

export const verifyPassword = (passwordHash: string, password: string): Promise<boolean> => verify(passwordHash, password).catch(() => false);

/** A random secret (sessions, API tokens, first-run passwords), URL-safe. */
export const randomSecret = (bytes = 32): string => randomBytes(bytes).toString('base64url');

/** Session ids and API tokens are random 256-bit secrets, so a plain sha256 is enough to store them. */
export const sha256 = (secret: string): string => createHash('sha256').update(secret).digest('hex');
