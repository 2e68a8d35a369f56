/**
 * Random names for temporary files, set-aside locks and lock holders. They only have to differ
 * between writers (which also put their pid beside them), not be secret, so Math.random serves:
 * loading node:crypto would cost a plan update more than the rest of its start-up.
 */

/** `digits` random lower-case hexadecimal digits. */
export function randomHex(digits: number): string {
  let out = '';
  while (out.length < digits) out += Math.floor(Math.random() * 0x1_0000_0000).toString(16).padStart(8, '0');
  return out.slice(0, digits);
}
