/** A workspace for the dashboard tests, and a running dashboard over it. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startDashboard, type Dashboard } from '../../src/server/http.js';
import { dashboardSource } from '../../src/usecases/dashboard.js';
import { openWorkspace } from '../../src/workspace/workspace.js';
import { tempRepo } from '../helpers.js';
import { GOOD } from '../rules/helpers.js';

/** The plan ids of the dashboard workspace. */
export const PLANS = {
  retry: '2026-01-05_add-upload-retry',
  hostile: '2026-01-06_render-hostile-markdown',
} as const;

/** A plan whose Markdown tries to run script in the page that shows it. */
export const HOSTILE = `# Render hostile Markdown

This ExecPlan is a living document. Keep \`Progress\`, \`Surprises & Discoveries\`, \`Decision Log\`, and \`Outcomes & Retrospective\` up to date.

## Purpose / Big Picture

<script>window.__ran = 'script tag'</script>
<img src="x" onerror="window.__ran = 'onerror'">

A [javascript link](javascript:window.__ran='link') and a [data link](data:text/html,<script>alert(1)</script>), a [file link](../../src/upload.ts) and \`src/http.ts\`.

## Progress

- [x] (2026-01-06 10:00) Wrote a plan with <b onmouseover="window.__ran='hover'">markup</b> in it.
- [ ] Check that none of it runs.

## Decision Log

- Decision: Show raw HTML as text. <script>window.__ran = 'decision'</script>
  Rationale: A plan is text; the dashboard must never run what it holds.
  Date/Author: 2026-01-06 / Dana
`;

/** A workspace with two active plans, the files they name, and a transcript in the first plan's artifacts. */
export function dashboardWorkspace(): { root: string; write: (rel: string, text: string) => string } {
  const root = tempRepo();
  const write = (rel: string, text: string) => {
    const abs = path.join(root, rel);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, text);
    return abs;
  };
  for (const f of ['src/upload.ts', 'src/http.ts', 'test/upload.test.ts', 'package.json']) write(f, `// ${f}\n`);
  write(`.agent/execplans/${PLANS.retry}.md`, GOOD);
  write(`.agent/execplans/${PLANS.hostile}.md`, HOSTILE);
  write(
    `.agent/execplans/artifacts/${PLANS.retry}/npm-test.log`,
    'command:  npm test\ncwd:      .\nstarted:  2026-01-05T09:00:00.000Z\nended:    2026-01-05T09:00:02.000Z\nduration: 2.000 s\nresult:   exit code 1\noutput:   20 bytes\n--- output ---\n1 failing <script>x</script>\n',
  );
  mkdirSync(path.join(root, `.agent/execplans/artifacts/${PLANS.hostile}`), { recursive: true });
  return { root, write };
}

/** A dashboard on a free loopback port over `root`, with a fixed clock. */
export async function startTestDashboard(root: string, now = new Date('2026-01-07T12:00:00Z')): Promise<Dashboard> {
  const ws = openWorkspace(root);
  const source = dashboardSource(ws, { now: () => now, tzOffsetMinutes: 0 });
  return startDashboard(source, { host: '127.0.0.1', port: 0, workspace: path.basename(root) }, () => undefined);
}
