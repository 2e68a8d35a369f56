#!/usr/bin/env node
/**
 * The `execplan` command. `--version` is answered before anything else loads; the most frequent
 * commands, given no option the parser must interpret, start without it (src/direct.ts); every
 * other command goes through the option parser (src/cli.ts). Each loads only the modules it needs.
 * This file only sets the exit code.
 */
import type { Io } from './commands/io.js';
import { fdWriter, isTerminal } from './stdio.js';

const argv = process.argv.slice(2);
// A reader that stops early (`execplan list | head`) is not an error.
const stdout = fdWriter(1, () => process.stdout, () => process.exit(process.exitCode ?? 0));
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  stdout(`${__EXECPLAN_VERSION__}\n`);
} else {
  let stdoutIsTTY: boolean | undefined;
  let stderrIsTTY: boolean | undefined;
  const io = {
    cwd: process.cwd(),
    env: process.env,
    stdout,
    // Messages to a reader that has gone are dropped: the command itself goes on.
    stderr: fdWriter(2, () => process.stderr, () => undefined),
    // Asked only by the commands that colour or animate their output.
    get stdoutIsTTY() {
      return (stdoutIsTTY ??= isTerminal(1));
    },
    // Asked only by `list`, on a terminal.
    get stdoutColumns() {
      return isTerminal(1) ? process.stdout.columns : undefined;
    },
    get stderrIsTTY() {
      return (stderrIsTTY ??= isTerminal(2));
    },
  } satisfies Io;
  void import('./direct.js').then(async ({ start, directCommand }) => {
    const code = await start(argv, io);
    process.exitCode = code;
    // A command started directly has finished everything it does, and has written its output to
    // the descriptors; it exits now rather than wait while V8 runs the tasks it queued for idle
    // time (a young-generation collection, typically), a millisecond or more. Output handed to a
    // stream (possibly asynchronous) and the commands that go through the option parser, which
    // may print with the streams, end as usual.
    if (directCommand(argv)?.exits && !stdout.streamed() && !io.stderr.streamed()) process.exit(code);
  });
}
