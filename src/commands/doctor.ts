/** `execplan doctor`: report (and with `--fix`, repair) what interrupted processes left in the workspace. */
import { hostname } from 'node:os';
import type { OptionsOf } from '../command-table.js';
import { doctor, type DoctorFinding } from '../usecases/doctor.js';
import { processAlive } from '../workspace/lock.js';
import { openWorkspace } from '../workspace/workspace.js';
import { writeJson, type Io } from './io.js';

/** Run `execplan doctor`. Exit 0 when nothing is left to repair, 1 when something is. */
export async function run(io: Io, opts: OptionsOf<'doctor'>): Promise<number> {
  const ws = openWorkspace(io.cwd);
  const fix = Boolean(opts.fix) && !opts.dryRun;
  const findings = doctor(ws, { fix, alive: processAlive, host: hostname() });
  const open = findings.filter((f) => !f.fixed && f.kind !== 'move-in-progress');
  if (opts.json) {
    writeJson(io, { ok: !open.length, fixed: fix, findings });
    return open.length ? 1 : 0;
  }
  if (!findings.length) {
    io.stdout('Nothing to repair: every plan is with its artifacts, and no move, edit or lock was left half done.\n');
    return 0;
  }
  for (const f of findings) io.stdout(`${line(f)}\n`);
  if (open.length && !fix) io.stdout(`\n${open.length} to repair: run \`execplan doctor --fix\`.\n`);
  return open.length ? 1 : 0;
}

function line(f: DoctorFinding): string {
  const state = f.fixed ? 'fixed' : f.kind === 'move-in-progress' ? 'busy' : 'found';
  return `${state.padEnd(5)} ${f.message}${f.repair ? ` (${f.fixed ? '' : 'repair: '}${f.repair})` : ''}`;
}
