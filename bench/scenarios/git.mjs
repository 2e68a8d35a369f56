/**
 * Git scenarios: `list --branches` over a repository of 200 branches with 20 plans each, against
 * `node -e 0` and `git for-each-ref` in the same run; and the merge driver on a 40 KB plan changed
 * on both sides, against `node -e 0`.
 */
import { Buffer } from 'node:buffer';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { planId, planText, WORK_DIR } from '../corpus.mjs';
import { compare } from '../measure.mjs';
import { ratioRow } from '../report.mjs';

const BRANCHES = 200;
const PLANS = 20;
const GIT_ENV = { GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 'bench', GIT_AUTHOR_EMAIL: 'bench@example.com', GIT_COMMITTER_NAME: 'bench', GIT_COMMITTER_EMAIL: 'bench@example.com' };

function git(cwd, args, input) {
  const r = spawnSync('git', args, { cwd, input, encoding: 'utf8', env: { ...process.env, ...GIT_ENV }, maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

/**
 * The repository, built once with one `git fast-import`: 20 plans on main, and 200 branches that
 * each change one of them (a ticked item), so there are 220 distinct plan files in 4,000 places.
 */
export function branchesRepo() {
  const root = path.join(WORK_DIR, `git-branches-${BRANCHES}x${PLANS}-v1`);
  if (existsSync(path.join(root, '.git', 'bench-ready'))) return root;
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  git(root, ['init', '-q', '-b', 'main']);
  const texts = Array.from({ length: PLANS }, (_, i) => ({ path: `.agent/execplans/${planId(i)}.md`, text: planText(i) }));
  const data = (s) => `data ${Buffer.byteLength(s)}\n${s}\n`;
  let stream = `commit refs/heads/main\nmark :1\ncommitter bench <bench@example.com> 1767225600 +0000\n${data('plans')}`;
  for (const t of texts) stream += `M 100644 inline ${t.path}\n${data(t.text)}`;
  for (let b = 0; b < BRANCHES; b++) {
    const t = texts[b % PLANS];
    const changed = t.text.replace('- [ ]', '- [x] (2026-01-05 10:00)') + `\n<!-- branch ${b} -->\n`;
    stream += `commit refs/heads/feature-${b}\ncommitter bench <bench@example.com> ${1767225600 + b} +0000\n${data(`branch ${b}`)}from :1\nM 100644 inline ${t.path}\n${data(changed)}`;
  }
  git(root, ['fast-import', '--quiet'], stream);
  git(root, ['checkout', '-q', '-f', 'main']);
  writeFileSync(path.join(root, '.git', 'bench-ready'), '');
  return root;
}

/** `execplan list --branches --json` over 200 branches × 20 plans. */
export const listBranches = {
  id: 'list-branches',
  title: `execplan list --branches, ${BRANCHES} branches × ${PLANS} plans`,
  needs: ['list --branches'],
  run(ctx) {
    const root = branchesRepo();
    const env = GIT_ENV;
    const cmd = { label: 'execplan list --branches --json', argv: ctx.execplan('list', '--branches', '--json'), cwd: root, env, capture: true };
    const refs = { label: 'git for-each-ref', argv: ['git', 'for-each-ref', 'refs/heads'], cwd: root, env };
    const [l, b, g] = compare([cmd, ctx.nodeNoop(), refs], { runs: ctx.runs, warmup: ctx.warmup, budgetMs: ctx.budget(40) });
    const out = JSON.parse(l.last.stdout);
    const notes = [`${out.branches.length} branches, ${out.plans.length} plan rows from ${out.blobs} distinct plan files`];
    return [
      ratioRow({ scenario: 'list-branches', name: `list --branches (${BRANCHES}×${PLANS})`, measured: l, baseline: b, baselineLabel: 'node -e 0', max: 3, notes }),
      ratioRow({ scenario: 'list-branches', name: `list --branches vs git for-each-ref`, measured: l, baseline: g, baselineLabel: 'git for-each-ref', max: Infinity, notes: ['for scale: the cheapest git call over the same refs'] }),
    ];
  },
};

/**
 * The three versions the merge driver gets: a 40 KB plan (base.md) that both sides appended to and
 * ticked (theirs.md written here; `ours`, which the driver overwrites, to be written before each run).
 */
export function mergeFiles() {
  const dir = path.join(WORK_DIR, 'merge-driver-v1');
  mkdirSync(dir, { recursive: true });
  let base = planText(0);
  while (base.length < 40_000) base += `\n## Notes ${base.length}\n\n${planText(1).slice(0, 4000)}\n`;
  const progress = (tag, n) => Array.from({ length: n }, (_, i) => `- [x] (2026-01-0${tag === 'a' ? 6 : 7} 1${i}:00) Step ${tag}${i}.`).join('\n');
  const insert = (text, tag) => text.replace(/^## Progress[^\n]*\n\n?/m, (m) => `${m}${progress(tag, 5)}\n`).replace(/^## Decision Log[^\n]*\n\n?/m, (m) => `${m}- Decision: ${tag} choice.\n  Rationale: measured.\n  Date/Author: 2026-01-0${tag === 'a' ? 6 : 7} / ${tag}\n`);
  const ours = insert(base, 'a');
  writeFileSync(path.join(dir, 'base.md'), base);
  writeFileSync(path.join(dir, 'theirs.md'), insert(base, 'b'));
  mkdirSync(path.join(dir, '.git'), { recursive: true });
  writeFileSync(path.join(dir, '.git', 'HEAD'), 'ref: refs/heads/main\n');
  return { dir, base, ours };
}

/** The merge driver on a 40 KB plan that both sides appended to and ticked. */
export const mergeDriver = {
  id: 'merge-driver',
  title: 'execplan merge-driver, 40 KB plan',
  needs: ['merge-driver'],
  run(ctx) {
    const { dir, base, ours } = mergeFiles();
    const cmd = {
      label: 'execplan merge-driver',
      argv: ctx.execplan('merge-driver', 'base.md', 'ours.md', 'theirs.md', 'plan.md'),
      cwd: dir,
      okCodes: [0, 1],
      prepare: () => writeFileSync(path.join(dir, 'ours.md'), ours),
    };
    const [m, b] = compare([cmd, ctx.nodeNoop()], { runs: ctx.runs, warmup: ctx.warmup, budgetMs: ctx.budget(20) });
    const notes = [`${(Buffer.byteLength(base) / 1024).toFixed(1)} KB plan, both sides appended Progress items and a decision`];
    return [ratioRow({ scenario: 'merge-driver', name: 'merge-driver (40 KB plan)', measured: m, baseline: b, baselineLabel: 'node -e 0', max: 2, notes })];
  },
};
