/**
 * Content hashes. node:crypto takes longer to load than a whole plan update or a one-plan lint
 * needs, so it is loaded on the first hash, by the commands that hash at all.
 */
import { createRequire } from 'node:module';

const load = createRequire(import.meta.url);
let crypto: typeof import('node:crypto') | undefined;

function digest(algorithm: 'sha1' | 'sha256', data: string | Uint8Array): string {
  crypto ??= load('node:crypto') as typeof import('node:crypto');
  return crypto.createHash(algorithm).update(data).digest('hex');
}

/** sha256 of a text's UTF-8 bytes (or of the bytes), hex: the identity of a plan's content. */
export function sha256(data: string | Uint8Array): string {
  return digest('sha256', data);
}

/** sha1, hex: cache keys, where speed matters and collisions are not an attack surface. */
export function sha1(data: string | Uint8Array): string {
  return digest('sha1', data);
}
