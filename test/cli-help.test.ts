import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { commandTree } from '../src/cli.js';
import { runCli, tempRepo } from './helpers.js';

/** Every command of the parser, by its path. */
function paths(cmd: Command, prefix: string[] = []): string[][] {
  return cmd.commands.flatMap((c) => [[...prefix, c.name()], ...paths(c, [...prefix, c.name()])]);
}

describe('--help', () => {
  it.each(paths(commandTree()).map((p) => [p.join(' '), p]))('of %s shows examples of that command', async (name, words) => {
    const run = await runCli([...(words as string[]), '--help'], { cwd: tempRepo() });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/\nExamples:\n/);
    const examples = run.stdout.slice(run.stdout.indexOf('\nExamples:\n'));
    expect(examples).toContain(`\n  execplan ${name}`);
  });
});
