/** Fixtures for archive, reopen, run and artifact tests: a finished plan, workspace snapshots, a CLI with stdin. */
import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { RULES } from '../../src/rules/index.js';
import { runCli, type CliRun } from '../helpers.js';

/** A plan every default lint rule accepts: all items checked, outcomes written. */
export const FINISHED_PLAN = `# Add retry to the HTTP client

This ExecPlan is a living document. Keep \`Progress\`, \`Surprises & Discoveries\`, \`Decision Log\`, and \`Outcomes & Retrospective\` up to date.

## Purpose / Big Picture

Requests that fail with a 503 are retried up to three times, so a flaky upstream no longer fails the import.

## Progress

- [x] (2026-01-04 10:00) Wrote the retry loop in src/retry.ts.
- [x] (2026-01-05 09:00) Added tests for the back-off.

## Surprises & Discoveries

- Observation: The upstream sends Retry-After in seconds.
  Evidence: a captured response header \`Retry-After: 2\`.

## Decision Log

- Decision: Retry only idempotent requests.
  Rationale: A POST retried twice could create two records.
  Date/Author: 2026-01-04 / Ada

## Outcomes & Retrospective

Retries shipped; the import survives a flaky upstream. Lesson: read the headers first.

## Context and Orientation

The HTTP client lives in src/retry.ts. A retry is a second attempt of the same request.

## Plan of Work

Add a loop around the request in src/retry.ts that waits and tries again on a 503.

## Concrete Steps

Run the tests from the repository root:

    npm test

## Validation and Acceptance

Run \`npm test\` and expect the retry tests to pass.

## Idempotence and Recovery

The change is code only; re-running the steps is safe.

## Artifacts and Notes

- Test run: all green.

## Interfaces and Dependencies

No new dependencies. \`retry(request, attempts)\` in src/retry.ts.
`;

/** The id of the plan `addPlan` writes by default. */
export const PLAN_ID = '2026-01-05_add-retry';

/** Write a file, creating its folders. */
export function write(root: string, rel: string, data: string | Uint8Array): string {
  const abs = path.join(root, rel);
  mkdirSync(path.dirname(abs), { recursive: true });
  writeFileSync(abs, data);
  return abs;
}

/** Add a plan with an artifacts folder holding a file, and the source file it names. */
export function addPlan(root: string, opts: { id?: string; text?: string; artifacts?: boolean } = {}): string {
  const id = opts.id ?? PLAN_ID;
  write(root, 'src/retry.ts', 'export {};\n');
  if (opts.artifacts !== false) {
    write(root, `.agent/execplans/artifacts/${id}/.gitkeep`, '');
    write(root, `.agent/execplans/artifacts/${id}/bench.txt`, 'p50 12 ms\n');
  }
  return write(root, `.agent/execplans/${id}.md`, opts.text ?? FINISHED_PLAN);
}

/** An `execplan.json` that turns every lint rule off, for tests about moves rather than lint. */
export function lintOff(root: string, extra: Record<string, unknown> = {}): void {
  write(root, 'execplan.json', JSON.stringify({ lint: { rules: Object.fromEntries(RULES.map((r) => [r.meta.id, 'off'])) }, ...extra }));
}

/** Every file, folder and link under `root` (`.git` and the `.execplan` cache left out): path → content hash, `dir` or `link:<target>`. */
export function snapshot(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const name of readdirSync(path.join(root, rel)).sort()) {
      if (!rel && (name === '.git' || name === '.execplan')) continue;
      const r = rel ? `${rel}/${name}` : name;
      const abs = path.join(root, r);
      const st = lstatSync(abs);
      if (st.isSymbolicLink()) out[r] = `link:${readlinkSync(abs)}`;
      else if (st.isDirectory()) {
        out[r] = 'dir';
        walk(r);
      } else out[r] = createHash('sha256').update(readFileSync(abs)).digest('hex');
    }
  };
  walk('');
  return out;
}

/** Only the files of a snapshot (folders left out). */
export function filesOf(snap: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(snap).filter(([, v]) => v !== 'dir'));
}

/** Run the CLI in-process with captured output and, optionally, standard input. */
export function cli(argv: string[], opts: { cwd: string; stdin?: string | Uint8Array; env?: Record<string, string | undefined> }): Promise<CliRun> {
  const stdin = Readable.from(opts.stdin === undefined ? [] : [typeof opts.stdin === 'string' ? Buffer.from(opts.stdin) : Buffer.from(opts.stdin)]);
  return runCli(argv, { cwd: opts.cwd, env: { PATH: process.env.PATH, ...opts.env }, stdin });
}
