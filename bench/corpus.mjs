/**
 * Benchmark workspaces of N real-size plans, built at bench time from the real corpus (never copied
 * into the repository): the real plans are cycled through, each copy gets its own title, ids and
 * file name (`YYYY-MM-DD_slug.md` in `.agent/execplans/`), and every fifth plan gets an artifacts
 * folder. Workspaces are cached under `bench/.work/` by (N, corpus hash), so re-runs are fast.
 *
 * Usage: node bench/corpus.mjs <N>   (prints the workspace path)
 */
import { Buffer } from 'node:buffer';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Bump when the generated files change shape, so cached workspaces are rebuilt. */
const GENERATOR_VERSION = 1;
const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
/** Where generated workspaces live (gitignored). */
export const WORK_DIR = path.join(BENCH_DIR, '.work');
/** The real corpus, read at bench time; `EXECPLAN_CORPUS` points elsewhere. */
export const CORPUS_DIR = process.env.EXECPLAN_CORPUS ?? path.resolve(BENCH_DIR, '../../shared/corpus/real/plans');
const STAMP = '.bench-workspace.json';
const FM_ID_KEYS = /^(title|id|plan_id|execplan_id|task_id):[ \t]*(.*)$/gm;

let corpusCache;

/** The real plans, sorted by name, with a hash of their names and contents. */
export function loadCorpus() {
  if (corpusCache) return corpusCache;
  if (!existsSync(CORPUS_DIR)) throw new Error(`corpus not found at ${CORPUS_DIR}; set EXECPLAN_CORPUS to a folder of plans`);
  const names = readdirSync(CORPUS_DIR).filter((n) => n.endsWith('.md')).sort();
  if (!names.length) throw new Error(`no .md plans in ${CORPUS_DIR}`);
  const hash = createHash('sha256').update(`v${GENERATOR_VERSION}\n`);
  const plans = names.map((name) => {
    const text = readFileSync(path.join(CORPUS_DIR, name), 'utf8');
    hash.update(`${name}\n${text.length}\n`).update(text);
    return { name, text };
  });
  corpusCache = { plans, hash: hash.digest('hex').slice(0, 12) };
  return corpusCache;
}

/** The file name (without `.md`) of copy `i`: `YYYY-MM-DD_slug-iiiii`. */
export function planId(i) {
  const { plans } = loadCorpus();
  const src = plans[i % plans.length];
  const day = new Date(Date.UTC(2025, 0, 1) + (i % 365) * 86_400_000).toISOString().slice(0, 10);
  const slug = slugify(titleOf(src.text) ?? src.name.replace(/\.md$/, '').split('__').pop());
  return `${day}_${slug}-${String(i).padStart(5, '0')}`;
}

/** The text of copy `i`: the real plan with its title and ids made distinct. Deterministic. */
export function planText(i) {
  const { plans } = loadCorpus();
  const src = plans[i % plans.length].text;
  const tag = `copy ${i}`;
  let changed = false;
  // The first level-1 heading (after an optional BOM or a ```md fence line).
  let text = src.replace(/^(\uFEFF?# [^\r\n]*?)[ \t]*(?=\r?$)/m, (_, h) => {
    changed = true;
    return `${h} (${tag})`;
  });
  const fm = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text);
  if (fm) {
    const body = fm[1].replace(FM_ID_KEYS, (_, k, v) => {
      changed = true;
      return `${k}: ${withSuffix(v, `-c${i}`)}`;
    });
    text = text.slice(0, fm.index) + fm[0].replace(fm[1], () => body) + text.slice(fm.index + fm[0].length);
  }
  if (!changed) {
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    text = `${text}${text.endsWith('\n') ? '' : eol}${eol}<!-- ${tag} -->${eol}`;
  }
  return text;
}

/**
 * A workspace with `n` plans: `{ root, plansDir, n, bytes, ids }`, generated on first use and then
 * reused while the corpus and the generator stay the same.
 */
export function workspace(n) {
  const { hash } = loadCorpus();
  const root = path.join(WORK_DIR, `ws-${n}-${hash}`);
  const stampFile = path.join(root, STAMP);
  if (existsSync(stampFile)) {
    try {
      const stamp = JSON.parse(readFileSync(stampFile, 'utf8'));
      if (stamp.n === n && stamp.hash === hash) return { root, plansDir: path.join(root, '.agent/execplans'), ...stamp };
    } catch {
      // A damaged stamp means a damaged workspace: rebuild it below.
    }
  }
  removeStale(n);
  rmSync(root, { recursive: true, force: true });
  const plansDir = path.join(root, '.agent/execplans');
  mkdirSync(path.join(plansDir, 'artifacts'), { recursive: true });
  // An execplan.json marks the root, so the tool does not walk up into the enclosing repository.
  writeFileSync(path.join(root, 'execplan.json'), '{}\n');
  const ids = [];
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const id = planId(i);
    const text = planText(i);
    writeFileSync(path.join(plansDir, `${id}.md`), text);
    bytes += Buffer.byteLength(text);
    ids.push(id);
    if (i % 5 === 0) {
      const art = path.join(plansDir, 'artifacts', id);
      mkdirSync(art);
      writeFileSync(path.join(art, 'notes.md'), `# Notes for ${id}\n\nTranscript of copy ${i}.\n`);
    }
  }
  const stamp = { n, hash, bytes, ids };
  writeFileSync(stampFile, JSON.stringify(stamp));
  return { root, plansDir, ...stamp };
}

/** Put plan `i` of a workspace back to its generated text (after a benchmark edited it). */
export function resetPlan(ws, i) {
  writeFileSync(planPath(ws, i), planText(i));
}

/** Absolute path of plan `i` of a workspace. */
export function planPath(ws, i) {
  return path.join(ws.plansDir, `${ws.ids[i]}.md`);
}

function removeStale(n) {
  if (!existsSync(WORK_DIR)) return;
  for (const name of readdirSync(WORK_DIR)) {
    if (name.startsWith(`ws-${n}-`)) rmSync(path.join(WORK_DIR, name), { recursive: true, force: true });
  }
}

function titleOf(text) {
  const h = /^\uFEFF?# (.+)$/m.exec(text);
  if (h) return h[1];
  const t = /^title:[ \t]*(.+)$/m.exec(text);
  return t ? t[1].replace(/^["']|["']$/g, '') : undefined;
}

function slugify(s) {
  const slug = s
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return slug || 'plan';
}

function withSuffix(value, suffix) {
  const v = value.trim();
  const q = /^(["'])(.*)\1$/.exec(v);
  if (q) return `${q[1]}${q[2]}${suffix}${q[1]}`;
  return v ? `${v}${suffix}` : suffix.slice(1);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const n = Number(process.argv[2]);
  if (!Number.isInteger(n) || n < 1) {
    process.stderr.write('usage: node bench/corpus.mjs <number of plans>\n');
    process.exit(2);
  }
  const t0 = performance.now();
  const ws = workspace(n);
  process.stdout.write(`${ws.root}\n`);
  process.stderr.write(`${n} plans, ${(ws.bytes / 1e6).toFixed(1)} MB, ready in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
}
