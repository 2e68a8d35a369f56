import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseOnly } from '../src/cli.js';
import type { Io } from '../src/commands/io.js';
import { directCommand } from '../src/direct.js';

const io: Io = { cwd: process.cwd(), env: {}, stdout: () => undefined, stderr: () => undefined, stdoutIsTTY: false, stderrIsTTY: false };

/** What the option parser hands the command for `argv`: its module, options and positional arguments; undefined when it runs none. */
async function viaCommander(argv: string[]): Promise<{ mod: unknown; opts: Record<string, unknown>; positional: unknown[] } | undefined> {
  const calls: { mod: unknown; opts: Record<string, unknown>; positional: unknown[] }[] = [];
  await parseOnly(argv, io, async (load, opts, positional) => {
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
      ['progress', 'demo', '--expect-hash', 'abc'],
      ['progress', 'demo', 'add', '--done', 'x'],
      ['progress', 'demo', '--', '-x'],
      ['progress', 'demo', '-h'],
      ['list', 'extra'],
      ['list', '--no-cache'],
      ['lint', '--no-color'],
      ['lint', '-q'],
      ['lint', '--format', 'json'],
      ['resume'],
      ['resume', 'a', 'b'],
      ['show', 'demo', '--section', 'Progress'],
      ['-C', 'elsewhere', 'list'],
      ['decide', 'demo', 'x'],
      ['toString'],
      ['__proto__'],
    ];
    for (const argv of parsed) expect(directCommand(argv), JSON.stringify(argv)).toBeUndefined();
  });

  it('agree with commander on any mix of words and flags', async () => {
    const token = fc.constantFrom('progress', 'list', 'lint', 'resume', 'show', 'demo', 'done', 'add', '1', 'x y', '', '--json', '--all', '--archived', '--dry-run', '--fix', '--cache', '--quiet', '--fix-dry-run', '--no-cache', '-q', '--');
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('progress', 'list', 'lint', 'resume', 'show'), fc.array(token, { maxLength: 6 }), async (name, rest) => {
        await expectSameAsCommander([name, ...rest]);
      }),
      { numRuns: 300 },
    );
  });
});
