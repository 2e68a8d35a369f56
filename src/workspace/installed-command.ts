/**
 * Where a command that files written for agents tell them to run would be found: the repository's
 * own `node_modules/.bin`, then each folder of PATH, as a shell finds it.
 */
import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';

/** The executable file `name` resolves to from `root` (its node_modules/.bin first, then PATH), or undefined. */
export function installedCommand(name: string, root: string, env: Record<string, string | undefined>): string | undefined {
  const windows = process.platform === 'win32';
  const extensions = windows ? ['', ...(env.PATHEXT ?? '.COM;.EXE;.BAT;.CMD').split(';').filter(Boolean)] : [''];
  const dirs = [path.join(root, 'node_modules', '.bin'), ...(env.PATH ?? env.Path ?? '').split(path.delimiter).filter(Boolean)];
  for (const dir of dirs) {
    for (const ext of extensions) {
      const file = path.join(dir, name + ext);
      if (runnable(file, windows)) return file;
    }
  }
  return undefined;
}

function runnable(file: string, windows: boolean): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    if (!windows) accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
