#!/usr/bin/env node
/**
 * The `execplan` command. `--version` is answered before anything else loads; the most frequent
 * commands, given no option the parser must interpret, start without it (src/direct.ts); every
 * other command goes through the option parser (src/cli.ts). Each loads only the modules it needs.
 * This file only sets the exit code.
 */
import type { Io } from './commands/io.js';
import { compileCacheDir, enableCompileCache } from './compile-cache.js';

declare const __EXECPLAN_VERSION__: string;

const argv = process.argv.slice(2);
// A reader that stops early (`execplan list | head`) is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  process.stdout.write(`${__EXECPLAN_VERSION__}\n`);
} else {
  enableCompileCache(__dirname, compileCacheDir(process.env, __EXECPLAN_VERSION__));
  const io: Io = {
    cwd: process.cwd(),
    env: process.env,
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
  };
  void import('./direct.js')
    .then(({ start }) => start(argv, io))
    .then((code) => {
      process.exitCode = code;
    });
}
