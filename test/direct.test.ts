import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli.js';
import type { Io } from '../src/commands/io.js';
import { PROGRAM } from '../src/command-table.js';
import { directCommand } from '../src/direct.js';

const SEED = Number(process.env.EXECPLAN_SEED ?? Math.floor(Math.random() * 2 ** 31));
console.log(`direct: seed ${SEED} (EXECPLAN_SEED=${SEED} repeats this run)`);

const io: Io = { cwd: process.cwd(), env: {}, stdout: () => undefined, stderr: () => undefined, stdoutIsTTY: false, stderrIsTTY: false };

/** What the option parser hands the command for `argv`: its module, options and positional arguments; undefined when it runs none. */
async function viaCommander(argv: string[]): Promise<{ mod: unknown; opts: Record<string, unknown>; positional: unknown[] } | undefined> {
  const calls: { mod: unknown; opts: Record<string, unknown>; positional: unknown[] }[] = [];
  await main(argv, io, async (load, opts, positional) => {
    calls.push({ mod: await load(), opts, positional });
    return 0;
  });
  expect(calls.length).toBeLessThanOrEqual(1);
  return calls[0];
}

async function expectSameAsCommander(argv: string[]): Promise<void> {
  const direct = directCommand(argv);
  if (!direct) return;
  const parsed = await viaCommander(argv);
  expect(parsed, JSON.stringify(argv)).toBeDefined();
  expect(await direct.load(), JSON.stringify(argv)).toBe(parsed!.mod);
  expect(direct.opts, JSON.stringify(argv)).toEqual(parsed!.opts);
  expect(direct.positional, JSON.stringify(argv)).toEqual(parsed!.positional);
}

describe('commands started without the option parser', () => {
  it('get the options and arguments commander would give them', async () => {
    const started = [
      ['progress', 'demo'],
      ['progress', 'demo', 'done', '1'],
      ['progress', 'demo', 'add', 'Write', 'the', 'parser', '--json'],
      ['progress', '--json', 'demo', 'undo', 'parser'],
      ['progress', 'demo', 'add', 'a step with --json inside it'],
      ['progress', 'demo', 'add', '', '--dry-run'],
      ['list'],
      ['list', '--json', '--all'],
      ['list', '--archived'],
      ['lint'],
      ['lint', '.agent/execplans/a.md', 'b', '--json'],
      ['lint', '--fix', '--quiet', '--cache', 'a'],
      ['lint', '--fix-dry-run'],
      ['resume', 'demo'],
      ['show', 'demo', '--json'],
      ['hook', 'stop', '--agent', 'claude'],
      ['hook', '--agent', 'cursor', 'session-start'],
      ['progress', 'demo', '--expect-hash', 'abc'],
      ['lint', '-q'],
      ['lint', '--format', 'json', '-o', 'report.json', 'a'],
      ['show', 'demo', '--section', 'Progress'],
      ['list', '--branches', '--json'],
      ['merge-driver', 'base', 'ours', 'theirs'],
      ['merge-driver', 'base', 'ours', 'theirs', 'plan.md', '--marker-size', '9'],
    ];
    for (const argv of started) {
      expect(directCommand(argv), JSON.stringify(argv)).toBeDefined();
      await expectSameAsCommander(argv);
    }
  });

  it('leave options, help and mistakes to the option parser', () => {
    const parsed = [
      [],
      ['help'],
      ['--help'],
      ['progress'],
      ['progress', 'demo', 'add', '--done', 'x'],
      ['progress', 'demo', '--expect-hash'],
      ['progress', 'demo', '--', '-x'],
      ['progress', 'demo', '-h'],
      ['list', 'extra'],
      ['list', '--no-cache'],
      ['lint', '--no-color'],
      ['lint', '--rule', 'a=off'],
      ['lint', '--format=json'],
      ['merge-driver', 'base', 'ours'],
      ['resume'],
      ['resume', 'a', 'b'],
      ['-C', 'elsewhere', 'list'],
      ['decide', 'demo', 'x'],
      ['toString'],
      ['__proto__'],
    ];
    for (const argv of parsed) expect(directCommand(argv), JSON.stringify(argv)).toBeUndefined();
  });

  it('agree with commander on any mix of words, flags and options', async () => {
    const token = fc.constantFrom(
      ...['progress', 'list', 'lint', 'resume', 'show', 'hook', 'merge-driver', 'demo', 'done', 'add', 'stop', '1', 'x y', '', '-', '--'],
      ...['--json', '--all', '--archived', '--branches', '--dry-run', '--fix', '--cache', '--quiet', '--fix-dry-run', '--no-cache', '--no-color', '-q', '-f', '--format', '-o', '--section', '--agent', '--expect-hash', '--done', '--marker-size', '--rule', '--help'],
    );
    const names = PROGRAM.commands.filter((c) => c.direct).map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(['progress', 'list', 'lint', 'hook', 'merge-driver']));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...names), fc.array(token, { maxLength: 7 }), async (name, rest) => {
        await expectSameAsCommander([name, ...rest]);
      }),
      { numRuns: 400, seed: SEED },
    );
  });
});
