/**
 * `execplan hook stop`, which an agent runs at every stop: in a git repository holding the
 * 500-plan workspace, with a code file changed after the latest plan, so the whole check runs
 * (choose the session's plan among 500, ask git what changed, read the plan, block with the reason).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { compare, runOnce } from '../measure.mjs';
import { ratioRow } from '../report.mjs';

/** A copy of the 500-plan workspace made a git repository, with one code file changed after every plan. */
export function gitWorkspace(ws) {
  const root = `${ws.root}-git`;
  const stamp = path.join(root, '.bench-git-ready');
  const home = path.join(root, '..', '.bench-git-home');
  const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: home, GIT_AUTHOR_NAME: 'Bench', GIT_AUTHOR_EMAIL: 'bench@example.com', GIT_COMMITTER_NAME: 'Bench', GIT_COMMITTER_EMAIL: 'bench@example.com' };
  if (!existsSync(stamp)) {
    rmSync(root, { recursive: true, force: true });
    cpSync(ws.root, root, { recursive: true });
    writeFileSync(path.join(root, 'app.js'), 'export const version = 1;\n');
    for (const args of [['init', '-q'], ['add', '-A'], ['commit', '-qm', 'plans']]) {
      const r = spawnSync('git', args, { cwd: root, env, encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`git ${args[0]} failed in ${root}: ${r.stderr}`);
    }
    writeFileSync(stamp, '');
  }
  // The change comes after the plans: dated a day ahead of now.
  writeFileSync(path.join(root, 'app.js'), 'export const version = 2;\n');
  const later = new Date(Date.now() + 86_400_000);
  utimesSync(path.join(root, 'app.js'), later, later);
  return { root, env: { GIT_CONFIG_NOSYSTEM: '1', HOME: home } };
}

/** Claude Code's Stop payload for a session in `repo`. */
export function stopPayload(repo) {
  return JSON.stringify({ session_id: 'bench', transcript_path: path.join(tmpdir(), 'bench.jsonl'), cwd: repo.root, permission_mode: 'default', hook_event_name: 'Stop', stop_hook_active: false });
}

/** `execplan hook stop --agent claude` with Claude Code's Stop payload on stdin. */
export const hookStop = {
  id: 'hook-stop',
  title: 'execplan hook stop, 500-plan git workspace',
  needs: ['hook'],
  run(ctx) {
    const ws = ctx.ws(500);
    const repo = gitWorkspace(ws);
    const input = stopPayload(repo);
    const cmd = { label: 'hook stop', argv: ctx.execplan('hook', 'stop', '--agent', 'claude'), cwd: repo.root, env: repo.env, input, capture: true };
    // One untimed run: the answer must be a blocked stop, or the scenario measures nothing.
    const first = runOnce(cmd);
    const answer = JSON.parse(first.stdout || '{}');
    const [h, b] = compare([cmd, ctx.nodeNoop()], { runs: ctx.runs, warmup: ctx.warmup, budgetMs: ctx.budget(30) });
    const notes = [answer.decision === 'block' ? 'the stop was blocked (the full check ran)' : `the stop was NOT blocked: ${first.stdout.trim() || '(no answer)'}`];
    const row = ratioRow({ scenario: 'hook-stop', name: 'hook stop (500 plans, git)', measured: h, baseline: b, baselineLabel: 'node -e 0', max: 2, notes });
    if (answer.decision !== 'block') row.status = 'failed';
    return [row];
  },
};
