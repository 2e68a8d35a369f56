import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from './helpers.js';

const FIXTURES = fileURLToPath(new URL('./fixtures/hooks/', import.meta.url));
const home = mkdtempSync(path.join(tmpdir(), 'execplan-hooks-home-'));

// Git in tests: no system or user configuration.
beforeAll(() => {
  process.env.GIT_CONFIG_NOSYSTEM = '1';
  process.env.HOME = home;
});
afterAll(() => rmSync(home, { recursive: true, force: true }));

const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: home } });
}

/** A git repository with one committed plan: item 1 open, item 2 done. */
async function repo(): Promise<{ root: string; id: string; plan: string }> {
  const root = mkdtempSync(path.join(tmpdir(), 'execplan-hooks-'));
  made.push(root);
  git(root, 'init', '-q', '-b', 'main');
  git(root, 'config', 'user.email', 'dev@example.com');
  git(root, 'config', 'user.name', 'Dev');
  await runCli(['init'], { cwd: root });
  const created = await runCli(['new', 'Add the parser', '--json'], { cwd: root });
  const { id, path: rel } = JSON.parse(created.stdout) as { id: string; path: string };
  await runCli(['progress', id, 'add', 'Write the parser'], { cwd: root });
  await runCli(['progress', id, 'add', 'Read the grammar', '--done'], { cwd: root });
  writeFileSync(path.join(root, 'parser.ts'), 'export {};\n');
  git(root, 'add', '-A');
  git(root, 'commit', '-qm', 'start');
  return { root, id, plan: path.join(root, rel) };
}

/** Edit a code file, dated after the plan's last update. */
function editCode(r: { root: string; plan: string }, name = 'parser.ts'): void {
  writeFileSync(path.join(r.root, name), `export const parse = () => ${Date.now()};\n`);
  const later = new Date(statSync(r.plan).mtimeMs + 5000);
  utimesSync(path.join(r.root, name), later, later);
}

function payload(agent: string, file: string, cwd: string): string {
  return readFileSync(path.join(FIXTURES, agent, file), 'utf8').replaceAll('CWD', cwd.replace(/\\/g, '\\\\'));
}

async function hook(cwd: string, event: string, agent: string | undefined, input: string) {
  const argv = ['hook', event, ...(agent ? ['--agent', agent] : [])];
  const r = await runCli(argv, { cwd, stdin: Readable.from([input]) });
  return { ...r, answer: r.stdout ? (JSON.parse(r.stdout) as Record<string, unknown>) : undefined };
}

const AGENTS = ['claude', 'codex', 'cursor', 'gemini'] as const;

describe('execplan hook answers each agent in its own format', () => {
  let r: Awaited<ReturnType<typeof repo>>;
  beforeEach(async () => {
    r = await repo();
  });

  for (const agent of AGENTS) {
    it(`${agent}: session start, stop (blocked once), stop while continuing, before compaction`, async () => {
      const start = await hook(r.root, 'session-start', agent, payload(agent, 'session-start.json', r.root));
      expect(start.code).toBe(0);
      const context = agent === 'cursor' ? start.answer?.additional_context : (start.answer?.hookSpecificOutput as Record<string, unknown>)?.additionalContext;
      expect(Object.keys(start.answer!)).toEqual([agent === 'cursor' ? 'additional_context' : 'hookSpecificOutput']);
      if (agent !== 'cursor') expect(start.answer?.hookSpecificOutput).toEqual({ hookEventName: 'SessionStart', additionalContext: context });
      expect(context).toMatch(new RegExp(`^This session works on the ExecPlan \\.agent/execplans/${r.id}\\.md \\(the only active plan in progress\\)\\.\\n`));
      expect(context).toContain('1. [ ] Write the parser');
      expect((context as string).length / 4).toBeLessThanOrEqual(1500);

      // Nothing changed yet: the stop goes through.
      expect((await hook(r.root, 'stop', agent, payload(agent, 'stop.json', r.root))).answer).toEqual({});

      editCode(r);
      const stop = await hook(r.root, 'stop', agent, payload(agent, 'stop.json', r.root));
      const reason = agent === 'cursor' ? stop.answer?.followup_message : stop.answer?.reason;
      if (agent === 'cursor') expect(Object.keys(stop.answer!)).toEqual(['followup_message']);
      else expect(stop.answer).toEqual({ decision: agent === 'gemini' ? 'deny' : 'block', reason });
      expect(reason).toContain(`The working tree changed since the ExecPlan .agent/execplans/${r.id}.md was last updated (parser.ts).`);
      expect(reason).toContain(`execplan progress ${r.id} done 1   (open: 1 "Write the parser")`);
      expect(reason).toContain(`execplan decide ${r.id} "the decision" --rationale "why"`);
      expect(reason).toContain(`execplan discover ${r.id} "what you found" --evidence "what shows it"`);
      expect(reason).toContain(`execplan outcome ${r.id}`);
      expect(reason).toContain(`progress {"plan":"${r.id}","action":"done","item":1}`);

      // The agent continues because of that block: never twice in a row.
      const again = await hook(r.root, 'stop', agent, payload(agent, 'stop-active.json', r.root));
      expect(again.answer).toEqual({});
      expect(again.stderr).toContain('already continuing after a blocked stop');

      const compact = await hook(r.root, 'pre-compact', agent, payload(agent, 'pre-compact.json', r.root));
      expect(compact.answer).toEqual(agent === 'cursor' ? { user_message: reason } : { systemMessage: reason });
    });
  }

  it('gives the context again when a Claude Code session restarts after compaction', async () => {
    const start = await hook(r.root, 'session-start', 'claude', payload('claude', 'session-start-compact.json', r.root));
    expect((start.answer?.hookSpecificOutput as Record<string, string>).additionalContext).toContain(`${r.id}.md`);
  });

  it('lets the stop through once the plan is brought up to date, and when the plan is finished', async () => {
    editCode(r);
    expect((await hook(r.root, 'stop', 'claude', payload('claude', 'stop.json', r.root))).answer?.decision).toBe('block');
    // The commands the reason names, as the agent runs them.
    expect((await runCli(['progress', r.id, 'done', '1'], { cwd: r.root })).code).toBe(0);
    expect((await runCli(['decide', r.id, 'Parse by hand', '--rationale', 'No grammar tool fits', '--author', 'agent'], { cwd: r.root })).code).toBe(0);
    const later = new Date(Date.now() + 10_000);
    utimesSync(r.plan, later, later);
    expect((await hook(r.root, 'stop', 'claude', payload('claude', 'stop.json', r.root))).answer).toEqual({});
    // Finished: every item checked and the outcome written; later edits do not block.
    await runCli(['outcome', r.id, 'The parser shipped.'], { cwd: r.root });
    editCode(r);
    const done = await hook(r.root, 'stop', 'claude', payload('claude', 'stop.json', r.root));
    expect(done.answer).toEqual({});
    expect(done.stderr).toContain('is finished');
  });

  it('counts committed work, and leaves the plan folders out', async () => {
    editCode(r, 'lexer.ts');
    git(r.root, 'add', 'lexer.ts');
    execFileSync('git', ['commit', '-qm', 'lexer'], { cwd: r.root, env: { ...process.env, GIT_COMMITTER_DATE: new Date(Date.now() + 60_000).toISOString() } });
    writeFileSync(path.join(r.root, '.agent/execplans/notes.txt'), 'x');
    const stop = await hook(r.root, 'stop', 'codex', payload('codex', 'stop.json', r.root));
    expect(stop.answer?.reason).toContain('was last updated (lexer.ts)');
  });

  it('never blocks without a plan, outside git, or on what it cannot read', async () => {
    const plain = mkdtempSync(path.join(tmpdir(), 'execplan-hooks-plain-'));
    made.push(plain);
    // No plan at all.
    expect((await hook(plain, 'stop', 'claude', payload('claude', 'stop.json', plain))).answer).toEqual({});
    expect((await hook(plain, 'session-start', 'claude', payload('claude', 'session-start.json', plain))).answer).toEqual({});
    // A plan, but no git repository.
    await runCli(['init'], { cwd: plain });
    await runCli(['new', 'Loose plan'], { cwd: plain });
    writeFileSync(path.join(plain, 'x.ts'), '');
    const noGit = await hook(plain, 'stop', 'claude', payload('claude', 'stop.json', plain));
    expect(noGit.answer).toEqual({});
    expect(noGit.stderr).toMatch(/not a git repository/);
    for (const [event, agent, input, note] of [
      ['stop', 'claude', '{not json', 'the payload on stdin is not JSON'],
      ['stop', 'claude', '[1,2]', 'not a JSON object'],
      ['stop', 'claude', '', 'stdin was empty'],
      ['stop', 'windsurf', payload('claude', 'stop.json', r.root), 'unknown agent "windsurf"'],
      ['teatime', 'claude', payload('claude', 'stop.json', r.root), 'unknown event "teatime"'],
    ] as const) {
      const out = await hook(r.root, event, agent, input);
      expect(out.code).toBe(0);
      expect(out.stdout).toBe('');
      expect(out.stderr).toContain(note);
    }
  });
});

describe('execplan use', () => {
  it('names the session plan, says which and why, and forgets it', async () => {
    const r = await repo();
    expect((await runCli(['use'], { cwd: r.root })).stdout).toBe(`.agent/execplans/${r.id}.md: the only active plan in progress.\n`);
    const other = JSON.parse((await runCli(['new', 'Write the docs', '--json'], { cwd: r.root })).stdout) as { id: string; path: string };
    expect((await runCli(['use', other.id], { cwd: r.root })).stdout).toBe(`${other.path}: named with \`execplan use\`.\n`);
    expect(readFileSync(path.join(r.root, '.execplan/.gitignore'), 'utf8')).toBe('*\n');
    expect(git(r.root, 'status', '--porcelain')).not.toContain('.execplan');
    const start = await hook(r.root, 'session-start', 'claude', payload('claude', 'session-start.json', r.root));
    expect(JSON.stringify(start.answer)).toContain(`This session works on the ExecPlan ${other.path} (named with`);
    const cleared = await runCli(['use', '--clear', '--json'], { cwd: r.root });
    expect(JSON.parse(cleared.stdout).plan).toMatchObject({ id: r.id, how: 'single' });
  });

  it('picks the most recently updated plan when several are in progress', async () => {
    const r = await repo();
    const other = JSON.parse((await runCli(['new', 'Write the docs', '--json'], { cwd: r.root })).stdout) as { id: string; path: string };
    await runCli(['progress', other.id, 'add', 'Outline', '--done'], { cwd: r.root });
    await runCli(['progress', other.id, 'add', 'Write'], { cwd: r.root });
    const old = new Date(Date.now() - 60_000);
    utimesSync(r.plan, old, old);
    const out = JSON.parse((await runCli(['use', '--json'], { cwd: r.root })).stdout);
    expect(out.plan).toMatchObject({ id: other.id, how: 'recent' });
    expect(out.plan.why).toBe('the most recently updated of 2 plans in progress; name another with `execplan use <plan>`');
  });
});

describe('execplan hooks install and uninstall', () => {
  const withComments = `{
    // Team settings: keep these.
    "model": "opus",   /* aligned on purpose */
    "hooks": {
        "Stop": [
            { "hooks": [ { "type": "command", "command": "./scripts/notify.sh" } ] }
        ],
        "PostToolUse": [ { "matcher": "Edit", "hooks": [ { "type": "command", "command": "prettier -w" } ] } ]
    },
}
`;

  it('adds the entries, keeping every other byte, changes nothing on a second run, and removes only its own', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'execplan-hooks-install-'));
    made.push(root);
    mkdirSync(path.join(root, '.git'));
    mkdirSync(path.join(root, '.claude'));
    writeFileSync(path.join(root, '.claude/settings.json'), withComments);
    mkdirSync(path.join(root, '.cursor'));
    const cursorText = '\uFEFF{"version":1,"hooks":{"afterFileEdit":[{"command":"./fmt.sh"}]}}\r\n';
    writeFileSync(path.join(root, '.cursor/hooks.json'), cursorText);
    const first = await runCli(['hooks', 'install'], { cwd: root });
    expect(first.code).toBe(0);
    expect(first.stdout).toBe(
      [
        'updated   .claude/settings.json (SessionStart, Stop, PreCompact)\n',
        'created   .codex/hooks.json (SessionStart, Stop, PreCompact): Codex runs hooks only with them enabled: `codex_hooks = true` under [features] in .codex/config.toml or ~/.codex/config.toml, on versions that still ask for it\n',
        'updated   .cursor/hooks.json (sessionStart, stop, preCompact)\n',
        'created   .gemini/settings.json (SessionStart, AfterAgent, PreCompress)\n',
      ].join(''),
    );
    const claude = readFileSync(path.join(root, '.claude/settings.json'), 'utf8');
    // Everything the user wrote is still there, in order, byte for byte: the new entries are only inserted.
    let at = 0;
    for (const piece of ['{\n    // Team settings: keep these.\n    "model": "opus",   /* aligned on purpose */\n    "hooks": {\n        "Stop": [\n            { "hooks": [ { "type": "command", "command": "./scripts/notify.sh" } ] }', '\n        ],\n        "PostToolUse": [ { "matcher": "Edit", "hooks": [ { "type": "command", "command": "prettier -w" } ] } ]', '\n    },\n}\n']) {
      const found = claude.indexOf(piece, at);
      expect(found, piece).toBeGreaterThanOrEqual(at);
      at = found + piece.length;
    }
    expect(claude).toContain(`            {\n                "hooks": [\n                    {\n                        "type": "command",\n                        "command": "execplan hook stop --agent claude"\n                    }\n                ]\n            }`);
    const cursor = readFileSync(path.join(root, '.cursor/hooks.json'), 'utf8');
    expect(cursor).toBe('\uFEFF{"version":1,"hooks":{"afterFileEdit":[{"command":"./fmt.sh"}],"sessionStart":[{"command":"execplan hook session-start --agent cursor"}],"stop":[{"command":"execplan hook stop --agent cursor"}],"preCompact":[{"command":"execplan hook pre-compact --agent cursor"}]}}\r\n');
    const gemini = JSON.parse(readFileSync(path.join(root, '.gemini/settings.json'), 'utf8'));
    expect(gemini.hooks.AfterAgent).toEqual([{ hooks: [{ type: 'command', command: 'execplan hook stop --agent gemini' }] }]);

    const second = await runCli(['hooks', 'install'], { cwd: root });
    expect(second.stdout).toBe('unchanged .claude/settings.json\nunchanged .codex/hooks.json\nunchanged .cursor/hooks.json\nunchanged .gemini/settings.json\n');

    const removed = await runCli(['hooks', 'uninstall'], { cwd: root });
    expect(removed.code).toBe(0);
    expect(readFileSync(path.join(root, '.claude/settings.json'), 'utf8')).toBe(withComments);
    expect(readFileSync(path.join(root, '.cursor/hooks.json'), 'utf8')).toBe(cursorText);
    expect(existsSync(path.join(root, '.codex/hooks.json'))).toBe(false);
    expect(existsSync(path.join(root, '.gemini/settings.json'))).toBe(false);
  });

  it('installs for the agents named, with init --hooks too', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'execplan-hooks-pick-'));
    made.push(root);
    mkdirSync(path.join(root, '.git'));
    expect((await runCli(['hooks', 'install', '--cursor'], { cwd: root })).stdout).toBe('created   .cursor/hooks.json (sessionStart, stop, preCompact)\n');
    expect(readdirSync(root).sort()).toEqual(['.cursor', '.git']);
    const init = await runCli(['init', '--hooks', '--json'], { cwd: root });
    const steps = JSON.parse(init.stdout).steps as { path: string; action: string }[];
    expect(steps.filter((s) => s.path.includes('.json') && s.path !== 'execplan.json').map((s) => `${s.action} ${s.path}`)).toEqual(['updated .claude/settings.json', 'created .codex/hooks.json', 'unchanged .cursor/hooks.json', 'created .gemini/settings.json'].map((s) => s.replace('updated .claude', 'created .claude')));
  });

  it('refuses a settings file that is not JSON, naming the line, and a settings folder linked outside', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'execplan-hooks-bad-'));
    const outside = mkdtempSync(path.join(tmpdir(), 'execplan-hooks-outside-'));
    made.push(root, outside);
    mkdirSync(path.join(root, '.git'));
    mkdirSync(path.join(root, '.gemini'));
    const broken = '{\n  "hooks": {\n    "SessionStart": [\n  }\n}\n';
    writeFileSync(path.join(root, '.gemini/settings.json'), broken);
    const r = await runCli(['hooks', 'install', '--gemini'], { cwd: root });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^kept {6}\.gemini\/settings\.json: \.gemini\/settings\.json:4: it is not valid JSON \(\w+\); fix it by hand and run again\n$/);
    expect(readFileSync(path.join(root, '.gemini/settings.json'), 'utf8')).toBe(broken);
    symlinkSync(outside, path.join(root, '.claude'));
    const linked = await runCli(['hooks', 'install', '--claude'], { cwd: root });
    expect(linked.code).toBe(2);
    expect(linked.stderr).toContain('a symbolic link on the way leads outside the workspace');
    expect(readdirSync(outside)).toEqual([]);
  });
});
