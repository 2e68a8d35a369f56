/** The built command as a script would find it on PATH, for tests of scripts that call `execplan` back. */
import { spawnSync } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tempRepo } from '../helpers.js';
import { BIN } from './mcp-client.js';

/** Whether a program is on this machine's PATH. */
export const has = (program: string): boolean => spawnSync('sh', ['-c', `command -v ${program}`]).status === 0;

/** A folder holding an `execplan` that runs the built command, to put first on PATH. */
export function binDir(): string {
  const dir = tempRepo({ git: false });
  const exe = path.join(dir, 'execplan');
  writeFileSync(exe, `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
  chmodSync(exe, 0o755);
  return dir;
}
