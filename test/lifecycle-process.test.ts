/** Spawned-process checks of the built binary (`npx tsup` first): what only a real process shows. */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempRepo } from './helpers.js';
import { addPlan, PLAN_ID } from './helpers/lifecycle.js';

const BIN = new URL('../dist/bin.cjs', import.meta.url).pathname;
const ART = `.agent/execplans/artifacts/${PLAN_ID}`;
const env = { ...process.env, EXECPLAN_NOW: '2026-01-05T14:30:00Z', EXECPLAN_TZ_OFFSET: '0' };

describe('the built binary', () => {
  beforeAll(() => {
    if (!existsSync(BIN)) throw new Error(`${BIN} is missing: build it with \`npx tsup\` (npm test does so first).`);
  });

  it('run: inherits standard input and exits with the command’s code', () => {
    const root = tempRepo();
    addPlan(root);
    const script = "let s = ''; process.stdin.on('data', (d) => (s += d)); process.stdin.on('end', () => { console.log(s.trim().toUpperCase()); process.exit(7); })";
    const r = spawnSync(process.execPath, [BIN, 'run', PLAN_ID, '--label', 'stdin', '--', process.execPath, '-e', script], { cwd: root, env, input: 'piped in\n', encoding: 'utf8' });
    expect(r.status).toBe(7);
    expect(r.stdout).toBe('PIPED IN\n');
    expect(readFileSync(path.join(root, ART, '2026-01-05T14-30-00_stdin.log'), 'utf8')).toContain('result:   exit code 7\n');
  });

  it('run: a SIGTERM sent to execplan reaches the command, and the transcript is still written', async () => {
    const root = tempRepo();
    addPlan(root);
    const child = spawn(process.execPath, [BIN, 'run', PLAN_ID, '--label', 'term', '--', process.execPath, '-e', "console.log('started'); setTimeout(() => {}, 20000)"], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    await new Promise<void>((resolve) => child.stdout.on('data', (b: Buffer) => ((out += b.toString()), out.includes('started') && resolve())));
    child.kill('SIGTERM');
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(code).toBe(143);
    const log = readFileSync(path.join(root, ART, '2026-01-05T14-30-00_term.log'), 'utf8');
    expect(log).toContain('result:   killed by SIGTERM (exit code 143)\n');
    expect(log).toContain('interrupted: execplan received SIGTERM');
    expect(log.endsWith('--- output ---\nstarted\n[execplan: interrupted by SIGTERM]\n')).toBe(true);
  });

  it('archive: a refusal exits 1, and archive then reopen exit 0', () => {
    const root = tempRepo();
    addPlan(root, { text: '# Unfinished\n\n## Progress\n\n- [ ] Start.\n' });
    expect(spawnSync(process.execPath, [BIN, 'archive', PLAN_ID], { cwd: root, env }).status).toBe(1);
    const other = tempRepo();
    addPlan(other);
    expect(spawnSync(process.execPath, [BIN, 'archive', PLAN_ID], { cwd: other, env }).status).toBe(0);
    expect(readdirSync(path.join(other, '.agent/execplans/archive/artifacts'))).toEqual([PLAN_ID]);
    expect(spawnSync(process.execPath, [BIN, 'reopen', PLAN_ID], { cwd: other, env }).status).toBe(0);
  });
});
