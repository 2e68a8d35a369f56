import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { markerProblem, placeBlock } from '../src/workspace/agent-files.js';
import { NOT_INSTALLED } from '../src/commands/init.js';
import { BLOCK_END, BLOCK_START } from '../src/templates/agent-instructions.js';
import { runCli, tempRepo } from './helpers.js';

const read = (dir: string, rel: string) => readFileSync(path.join(dir, rel), 'utf8');
const SKILLS = ['.claude/skills/execplan/SKILL.md', '.agents/skills/execplan/SKILL.md'];

async function initAgents(dir: string) {
  const run = await runCli(['init', '--agents', '--json'], { cwd: dir });
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as { changed: boolean; steps: { path: string; action: string; note?: string }[] };
}

function stepFor(result: Awaited<ReturnType<typeof initAgents>>, rel: string) {
  return result.steps.find((s) => s.path === rel);
}

/** The bytes of `text` outside the managed block. */
function outside(text: string): [string, string] {
  const start = text.indexOf(BLOCK_START);
  const end = text.indexOf(BLOCK_END) + BLOCK_END.length;
  return [text.slice(0, start), text.slice(end)];
}

describe('init --agents', () => {
  it('creates AGENTS.md with the block, and both skill files with front matter', async () => {
    const dir = tempRepo();
    const result = await initAgents(dir);
    expect(stepFor(result, 'AGENTS.md')?.action).toBe('created');
    const agents = read(dir, 'AGENTS.md');
    expect(agents.startsWith(`${BLOCK_START}\n`)).toBe(true);
    expect(agents.endsWith(`${BLOCK_END}\n`)).toBe(true);
    expect(agents).toContain('`.agent/execplans/`');
    expect(agents).toContain('`.agent/PLANS.md`');
    expect(agents).toMatch(/execplan progress <plan>/);
    // No CLAUDE.md was there, so none is made.
    expect(existsSync(path.join(dir, 'CLAUDE.md'))).toBe(false);
    for (const rel of SKILLS) {
      expect(stepFor(result, rel)?.action).toBe('created');
      const skill = read(dir, rel);
      const front = /^---\nname: (.+)\ndescription: (.+)\n---\n/.exec(skill);
      expect(front?.[1]).toBe('execplan');
      expect(front?.[2]?.length).toBeGreaterThan(40);
      expect(front?.[2]?.length).toBeLessThanOrEqual(1024);
      expect(skill).toMatch(/<!-- execplan-skill sha256:[0-9a-f]{64} -->\n$/);
    }
  });

  it('names the configured folders', async () => {
    const dir = tempRepo();
    writeFileSync(path.join(dir, 'execplan.json'), JSON.stringify({ paths: { active: 'docs/plans' } }));
    await initAgents(dir);
    const agents = read(dir, 'AGENTS.md');
    expect(agents).toContain('`docs/plans/`');
    expect(agents).toContain('`docs/plans/archive/`');
    expect(read(dir, SKILLS[0]!)).toContain('docs/plans/YYYY-MM-DD_short-description.md');
  });

  it('is a no-op when run again', async () => {
    const dir = tempRepo();
    await initAgents(dir);
    const before = [read(dir, 'AGENTS.md'), ...SKILLS.map((s) => read(dir, s))];
    const again = await initAgents(dir);
    expect(again.changed).toBe(false);
    for (const rel of ['AGENTS.md', ...SKILLS]) expect(stepFor(again, rel)?.action).toBe('unchanged');
    expect([read(dir, 'AGENTS.md'), ...SKILLS.map((s) => read(dir, s))]).toEqual(before);
  });

  it('appends to an existing CRLF AGENTS.md and CLAUDE.md, keeping every byte of the user text', async () => {
    const dir = tempRepo();
    const userAgents = '\uFEFF# Rules\r\n\r\nRun `make test` before committing.\r\n';
    const userClaude = '# Claude\r\n\r\nBe brief.'; // no final line break
    writeFileSync(path.join(dir, 'AGENTS.md'), userAgents);
    writeFileSync(path.join(dir, 'CLAUDE.md'), userClaude);
    const result = await initAgents(dir);
    expect(stepFor(result, 'AGENTS.md')?.action).toBe('updated');
    expect(stepFor(result, 'CLAUDE.md')?.action).toBe('updated');
    const agents = read(dir, 'AGENTS.md');
    const claude = read(dir, 'CLAUDE.md');
    expect(agents.startsWith(userAgents)).toBe(true);
    expect(claude.startsWith(userClaude)).toBe(true);
    for (const text of [agents, claude]) {
      // Every line break of the file is CRLF, the block's included.
      expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/);
      expect(text).toContain(`${BLOCK_START}\r\n## ExecPlans\r\n`);
    }
  });

  it('updates an old block in place, byte-identical around it', async () => {
    const dir = tempRepo();
    const before = '# Rules\r\n\r\nIntro.\r\n\r\n';
    const after = '\r\n\r\n## Testing\r\n\r\nUse `npm test`.\r\n';
    writeFileSync(path.join(dir, 'AGENTS.md'), `${before}${BLOCK_START}\r\nold text\r\n${BLOCK_END}${after}`);
    const result = await initAgents(dir);
    expect(stepFor(result, 'AGENTS.md')).toMatchObject({ action: 'updated', note: 'execplan block brought up to date' });
    const text = read(dir, 'AGENTS.md');
    expect(outside(text)).toEqual([before, after]);
    expect(text).not.toContain('old text');
    expect(stepFor(await initAgents(dir), 'AGENTS.md')?.action).toBe('unchanged');
    expect(outside(read(dir, 'AGENTS.md'))).toEqual([before, after]);
  });

  it('leaves a file with broken markers alone, says why, and exits 1', async () => {
    const dir = tempRepo();
    const text = `# Rules\n\n${BLOCK_START}\nno end marker\n`;
    writeFileSync(path.join(dir, 'AGENTS.md'), text);
    const run = await runCli(['init', '--agents', '--json'], { cwd: dir });
    expect(run.code).toBe(1);
    const result = JSON.parse(run.stdout);
    expect(result.ok).toBe(false);
    expect(stepFor(result, 'AGENTS.md')).toMatchObject({ action: 'kept', blocked: true, note: expect.stringMatching(/markers/) });
    expect(read(dir, 'AGENTS.md')).toBe(text);
    const human = await runCli(['init', '--agents'], { cwd: dir });
    expect(human.code).toBe(1);
    expect(human.stdout).not.toContain('Nothing to do');
    expect(human.stderr).toBe(`execplan: left AGENTS.md as it is: its markers are broken: ${BLOCK_START} on line 3 has no ${BLOCK_END} after it; fix them by hand and run again.\n`);
  });

  it('refuses an AGENTS.md that is not UTF-8 or is a folder, naming it, and changes nothing', async () => {
    const dir = tempRepo();
    const bytes = Buffer.from([0xff, 0xfe, 0x20, 0x62, 0x61, 0x64, 0x0a]);
    writeFileSync(path.join(dir, 'AGENTS.md'), bytes);
    const bad = await runCli(['init', '--agents'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('execplan: AGENTS.md is not valid UTF-8, so it cannot be edited without changing bytes you did not ask to change.');
    expect(readFileSync(path.join(dir, 'AGENTS.md'))).toEqual(bytes);
    const other = tempRepo();
    mkdirSync(path.join(other, 'AGENTS.md'));
    const folder = await runCli(['init', '--agents'], { cwd: other });
    expect(folder.code).toBe(2);
    expect(folder.stderr).toContain('execplan: Cannot read AGENTS.md: it is a folder.');
  });

  it('does not repeat the block in a CLAUDE.md that imports AGENTS.md', async () => {
    const dir = tempRepo();
    writeFileSync(path.join(dir, 'CLAUDE.md'), '@AGENTS.md\n');
    const result = await initAgents(dir);
    expect(stepFor(result, 'CLAUDE.md')?.action).toBe('kept');
    expect(read(dir, 'CLAUDE.md')).toBe('@AGENTS.md\n');
  });

  it('keeps a skill file the user edited, and refreshes an unedited one', async () => {
    const dir = tempRepo();
    await initAgents(dir);
    const [claude, codex] = SKILLS.map((s) => path.join(dir, s)) as [string, string];
    const edited = read(dir, SKILLS[0]!).replace('# ExecPlans with execplan', '# Our own plan rules');
    writeFileSync(claude, edited);
    // An older, unedited skill: its marker matches its own text, so it may be replaced.
    const oldBody = '---\nname: execplan\ndescription: old\n---\n\nOld text.\n';
    const { createHash } = await import('node:crypto');
    writeFileSync(codex, `${oldBody}\n<!-- execplan-skill sha256:${createHash('sha256').update(oldBody).digest('hex')} -->\n`);
    const result = await initAgents(dir);
    expect(stepFor(result, SKILLS[0]!)).toMatchObject({ action: 'kept', note: 'edited by you; left as it is' });
    expect(readFileSync(claude, 'utf8')).toBe(edited);
    expect(stepFor(result, SKILLS[1]!)?.action).toBe('updated');
    expect(read(dir, SKILLS[1]!)).toBe(read(dir, SKILLS[0]!).replace('# Our own plan rules', '# ExecPlans with execplan'));
  });

  it('takes a skill checked out with CRLF line endings as unedited', async () => {
    const dir = tempRepo();
    await initAgents(dir);
    const file = path.join(dir, SKILLS[1]!);
    const crlf = readFileSync(file, 'utf8').replace(/\n/g, '\r\n');
    writeFileSync(file, crlf);
    const result = await initAgents(dir);
    expect(stepFor(result, SKILLS[1]!)?.action).toBe('unchanged');
    expect(readFileSync(file, 'utf8')).toBe(crlf);
  });

  it('points at the repository own rules file when it has one', async () => {
    const dir = tempRepo();
    mkdirSync(path.join(dir, 'docs'));
    writeFileSync(path.join(dir, 'docs', 'PLANS.md'), '# Our plans\n');
    await initAgents(dir);
    expect(read(dir, 'AGENTS.md')).toContain('Read `docs/PLANS.md` whole');
  });
});

describe('placeBlock', () => {
  const block = `${BLOCK_START}\nnew\n${BLOCK_END}`;
  it.each([
    ['', `${block}\n`],
    ['text', `text\n\n${block}\n`],
    ['text\n', `text\n\n${block}\n`],
    ['text\n\n', `text\n\n${block}\n`],
    [`a\n${BLOCK_START}\nold\n${BLOCK_END}\nb`, `a\n${block}\nb`],
  ])('places the block in %j', (text, expected) => {
    expect(placeBlock(text, block)).toBe(expected);
  });
  it.each([
    [`${BLOCK_END}\n${BLOCK_START}`, `${BLOCK_END} on line 1 comes before ${BLOCK_START} on line 2`],
    [`${block}\n${block}`, `${BLOCK_START} appears on lines 1 and ${block.split('\n').length + 1}; keep one block`],
    [`${BLOCK_START}\n`, `${BLOCK_START} on line 1 has no ${BLOCK_END} after it`],
    [`x\n${BLOCK_END}\n`, `${BLOCK_END} on line 2 has no ${BLOCK_START} before it`],
  ])('refuses broken markers in %j, saying where', (text, problem) => {
    expect(placeBlock(text, block)).toBeUndefined();
    expect(markerProblem(text)).toBe(problem);
  });
});

describe('init --agents and the installed command', () => {
  const PLAIN_PATH = '/usr/bin:/bin';

  function fakeExecplan(dir: string): void {
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'execplan'), '#!/bin/sh\n');
    chmodSync(path.join(dir, 'execplan'), 0o755);
  }

  it('writes instructions and skills that run the installed execplan, never through npx', async () => {
    const dir = tempRepo();
    await initAgents(dir);
    for (const rel of ['AGENTS.md', ...SKILLS, '.agent/PLANS.md']) {
      const text = read(dir, rel);
      expect(text, rel).not.toMatch(/npx\s+(?:-y\s+)?execplan/);
      expect(text, rel).toContain('execplan ');
    }
    expect(read(dir, 'AGENTS.md')).toContain('`node_modules/.bin/execplan`');
  });

  it('says how to install execplan when it is neither on PATH nor in node_modules/.bin, and still writes the files', async () => {
    const dir = tempRepo();
    const run = await runCli(['init', '--agents'], { cwd: dir, env: { PATH: PLAIN_PATH } });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(NOT_INSTALLED);
    expect(NOT_INSTALLED).toMatch(/npm install -g <checkout>/);
    expect(existsSync(path.join(dir, 'AGENTS.md'))).toBe(true);
    for (const rel of SKILLS) expect(existsSync(path.join(dir, rel)), rel).toBe(true);
    // --json keeps stdout to the one document; the note goes to stderr.
    const json = await runCli(['init', '--agents', '--json'], { cwd: dir, env: { PATH: PLAIN_PATH } });
    expect(JSON.parse(json.stdout).ok).toBe(true);
    expect(json.stderr).toBe(NOT_INSTALLED);
  });

  it('says nothing when execplan is in the repository\'s node_modules/.bin or on PATH', async () => {
    const inProject = tempRepo();
    fakeExecplan(path.join(inProject, 'node_modules/.bin'));
    expect((await runCli(['init', '--agents'], { cwd: inProject, env: { PATH: PLAIN_PATH } })).stderr).not.toContain('execplan: note');
    const onPath = tempRepo();
    const bin = path.join(tempRepo({ git: false }), 'bin');
    fakeExecplan(bin);
    expect((await runCli(['init', '--agents'], { cwd: onPath, env: { PATH: `${PLAIN_PATH}${path.delimiter}${bin}` } })).stderr).not.toContain('execplan: note');
    // A file of that name that cannot run is not the command.
    const notRunnable = tempRepo();
    fakeExecplan(path.join(notRunnable, 'node_modules/.bin'));
    chmodSync(path.join(notRunnable, 'node_modules/.bin/execplan'), 0o644);
    expect((await runCli(['init', '--agents'], { cwd: notRunnable, env: { PATH: PLAIN_PATH } })).stderr).toContain(NOT_INSTALLED);
  });
});
