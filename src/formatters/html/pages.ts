/**
 * The dashboard's pages as HTML strings, from plain data: the overview of every plan, one plan, and
 * a file's text. The same pages serve the live dashboard (`execplan serve`) and the static report
 * (`execplan report`); only their links differ.
 */
import type { BurnUpPoint, DatedEntry, Pace } from '../../core/pace.js';
import type { PlanState, PlanSummary } from '../../core/summary.js';
import type { ProgressItem } from '../../core/types.js';
import { burnUpSvg } from './chart.js';
import { html, Html } from './escape.js';
import { blockLines, renderMarkdown, type MarkdownLinks } from './markdown.js';

/** One plan as a row of the overview. */
export interface DashboardPlan extends PlanSummary {
  id: string;
  /** Read from the working tree (it has a page); false for another branch's version. */
  local: boolean;
  path: string;
  archived: boolean;
  /** The branches and worktrees (space-separated) the plan was read from, when the overview spans branches. */
  branch?: string;
  /** Null for another branch's version, whose timestamps are not judged against today. */
  pace: Pace | null;
  /** Lint's error and warning counts; null when the plan was not linted (another branch). */
  lint: { errors: number; warnings: number } | null;
  /** Files the plan names that changed in commits after its own last change. */
  drift?: { files: string[]; commits: number; since: string } | null;
  /** Other active plans that name the same files. */
  overlap?: string[];
}

/** What the overview shows. */
export interface OverviewData {
  workspace: string;
  generated: string;
  plans: DashboardPlan[];
  branches: boolean;
}

/** A Progress item on the plan's timeline. */
export type TimelineItem = Pick<ProgressItem, 'index' | 'state' | 'text' | 'line' | 'depth'> & { timestamp: string | null };

/** A commit that changed the plan, with the plan's progress at that commit. */
export interface HistoryPoint {
  hash: string;
  date: string;
  subject: string;
  author: string;
  done: number;
  total: number;
}

/** A file of the plan's artifacts folder; a `run` transcript carries its command and exit code. */
export interface ArtifactRow {
  name: string;
  path: string;
  size: number;
  mtime: string;
  command?: string;
  exitCode?: number | null;
}

/** A lint finding at its line. */
export interface FindingRow {
  line: number;
  severity: 'error' | 'warn';
  rule: string;
  message: string;
}

/** What one plan's page shows. */
export interface PlanPageData {
  plan: DashboardPlan;
  text: string;
  /** 1-based lines the parser hides from Markdown (front matter, an outer fence). */
  hidden: number[];
  progress: TimelineItem[];
  burnUp: BurnUpPoint[];
  /** The plan's commits with its progress at each, oldest first. */
  history: HistoryPoint[];
  entries: DatedEntry[];
  artifacts: ArtifactRow[];
  findings: FindingRow[];
}

/** A text page's content: a repository file or an artifact. */
export interface TextFile {
  path: string;
  text: string;
  note?: string;
}

/** Where a page's links go: absolute paths on the server, relative ones in the report. */
export interface PageLinks extends MarkdownLinks {
  home: string;
  plan(id: string): string;
  artifact(planId: string, name: string): string;
  asset(name: string): string;
}

const enc = (s: string) => encodeURIComponent(s);
const encPath = (p: string) => p.split('/').map(enc).join('/');

/**
 * The links of the server's pages (absolute), or with `report` of a report page `depth` folders below
 * the report's root (relative); a report links only the repository files that exist, and collects them in `files`.
 */
export function pageLinks(exists: (repoPath: string) => boolean, report?: { depth: number; files: Set<string> }): PageLinks {
  const up = report ? '../'.repeat(report.depth) : '/';
  const ext = report ? '.html' : '';
  return {
    home: report ? `${up}index.html` : up,
    plan: (id) => `${up}plan/${enc(id)}${ext}`,
    artifact: (id, name) => `${up}artifact/${enc(id)}/${encPath(name)}${ext}`,
    asset: (name) => `${up}assets/${name}`,
    file: (p, fragment) => {
      if (report && !exists(p)) return `${up}index.html`;
      report?.files.add(p);
      return `${up}file/${encPath(p)}${ext}${fragment ? `#${enc(fragment)}` : ''}`;
    },
    exists,
  };
}

/** A rendered page: its whole HTML and the inside of its `<main>`, which a live update swaps in. */
export interface RenderedPage {
  page: string;
  main: string;
}

/** A text page for a repository file or an artifact, below its plan's page when `parent` names it. */
export function textPage(f: TextFile, workspace: string, links: PageLinks, live: boolean, parent?: [string, string]): RenderedPage {
  const main = html`<h1><code>${f.path}</code></h1>${f.note ? html`<p class="note">${f.note}</p>` : ''}<pre class="text"><code>${f.text}</code></pre>`;
  return rendered(f.path, crumbs(links, workspace, ...(parent ? [parent] : []), [f.path, undefined]), main, links, live);
}

const STATES: PlanState[] = ['in progress', 'not started', 'complete', 'archived'];

/** A whole page around `main`; `live` pages follow changes (the server), others are a snapshot (the report). */
function rendered(title: string, crumbs: Html, main: Html, links: PageLinks, live: boolean): RenderedPage {
  const page = `<!doctype html>${html`<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="color-scheme" content="light dark"><title>${title}</title><link rel="stylesheet" href="${links.asset('app.css')}"><script src="${links.asset('app.js')}" defer></script></head><body data-live="${live ? '1' : '0'}"><a class="skip" href="#main">Skip to content</a><header class="top"><nav aria-label="Breadcrumb">${crumbs}</nav><p class="live-status" role="status" aria-live="polite"></p></header><main id="main" tabindex="-1">${main}</main><footer class="foot"><p>execplan dashboard${live ? ', live: pages follow changes on disk' : ', a snapshot'}.</p></footer></body></html>`}\n`;
  return { page, main: main.value };
}

/** The overview page. */
export function overviewPage(data: OverviewData, links: PageLinks, live: boolean): RenderedPage {
  const counts = STATES.map((s) => [s, data.plans.filter((p) => p.state === s).length] as const).filter(([, n]) => n > 0);
  const branches = [...new Set(data.plans.flatMap((p) => (p.branch ? p.branch.split(' ') : [])))].sort();
  const columns = Object.entries({ plan: 'Plan', ...(data.branches ? { branch: 'Branch' } : {}), state: 'State', progress: 'Progress', activity: 'Last activity', pace: 'Pace (7 days)', lint: 'Lint', flags: 'Flags' });
  const main = html`<h1>Plans in ${data.workspace}</h1>
<p class="counts">${data.plans.length} ${data.plans.length === 1 ? 'plan' : 'plans'}${counts.map(([s, n]) => html`, <span class="state state-${slug(s)}">${n} ${s}</span>`)}. Updated <time datetime="${data.generated}">${data.generated.slice(0, 16).replace('T', ' ')} UTC</time>.</p>
<form class="filters" aria-label="Filter plans"><label>State <select data-filter="state"><option value="">all</option>${STATES.map((s) => html`<option value="${s}">${s}</option>`)}</select></label>${data.branches ? html` <label>Branch <select data-filter="branch"><option value="">all</option>${branches.map((b) => html`<option value="${b}">${b}</option>`)}</select></label>` : ''}</form>
${
  data.plans.length
    ? html`<div class="table-wrap"><table class="plans"><caption class="visually-hidden">Plans, one per row; the column buttons sort them</caption><thead><tr>${columns.map(([key, label]) => html`<th scope="col" data-key="${key}"><button type="button" data-sort="${key}">${label}</button></th>`)}</tr></thead><tbody>${data.plans.map((p) => overviewRow(p, data.branches, links))}</tbody></table></div><p class="empty-filter" hidden>No plan matches the filter.</p>`
    : html`<p class="empty">No plans yet. Create one with <code>execplan new "Short description"</code>.</p>`
}`;
  return rendered(`Plans in ${data.workspace}`, crumbs(links, data.workspace), main, links, live);
}

function overviewRow(p: DashboardPlan, branches: boolean, links: PageLinks): Html {
  const pct = p.total ? Math.round((p.done / p.total) * 100) : 0;
  const lint = p.lint;
  const flags: Html[] = [];
  if (p.drift) flags.push(html`<span class="flag flag-drift" title="${`Named files changed in ${p.drift.commits} commits since ${p.drift.since}: ${p.drift.files.join(', ')}`}">drifting</span>`);
  if (p.overlap?.length) flags.push(html`<span class="flag flag-overlap" title="${`Names the same files as ${p.overlap.join(', ')}`}">overlaps ${p.overlap.length}</span>`);
  const name = p.title ?? p.id;
  const href = p.local ? links.plan(p.id) : undefined;
  return html`<tr data-state="${p.state}" data-branch="${p.branch ?? ''}">
<td data-label="Plan" data-value="${name.toLowerCase()}">${href ? html`<a href="${href}">${name}</a>` : name}<span class="id">${p.id}</span></td>${branches ? html`<td data-label="Branch" data-value="${p.branch ?? ''}">${p.branch ?? ''}</td>` : ''}
<td data-label="State" data-value="${STATES.indexOf(p.state)}"><span class="state state-${slug(p.state)}">${p.state}</span></td>
<td data-label="Progress" data-value="${p.total ? p.done / p.total : -1}"><progress max="${p.total || 1}" value="${p.done}" aria-label="${`${p.done} of ${p.total} items done`}">${pct}%</progress> <span class="count">${p.total ? `${p.done}/${p.total}` : 'no items'}</span></td>
<td data-label="Last activity" data-value="${p.lastActivityIso ?? ''}">${p.lastActivityIso ? html`<time datetime="${p.lastActivityIso}">${p.lastActivity}</time>` : '–'}</td>
<td data-label="Pace (7 days)" data-value="${p.pace ? p.pace.perDay : -1}">${p.pace ? paceText(p.pace) : '–'}</td>
<td data-label="Lint" data-value="${lint ? lint.errors * 1000 + lint.warnings : -1}">${lint ? lintText(lint) : '–'}</td>
<td data-label="Flags" data-value="${flags.length}">${flags.length ? flags : '–'}</td></tr>`;
}

/** One plan's page. */
export function planPage(d: PlanPageData, workspace: string, links: PageLinks, live: boolean): RenderedPage {
  const p = d.plan;
  const title = p.title ?? p.id;
  const lines = blockLines(d.text, new Set(d.hidden));
  const at = (line: number) => {
    let best = lines[0] ?? 1;
    for (const l of lines) if (l <= line) best = l;
    return `#L${best}`;
  };
  const chart = burnUpSvg(d.burnUp, p.total, `Burn-up of ${title}`, d.history.map((h) => ({ epoch: Date.parse(h.date), done: h.done, total: h.total })));
  const main = html`<h1>${title}</h1>
<dl class="facts"><div><dt>Plan</dt><dd><code>${p.path}</code></dd></div>${p.branch ? html`<div><dt>Branch</dt><dd>${p.branch}</dd></div>` : ''}<div><dt>State</dt><dd><span class="state state-${slug(p.state)}">${p.state}</span></dd></div><div><dt>Progress</dt><dd><progress max="${p.total || 1}" value="${p.done}" aria-label="${`${p.done} of ${p.total} items done`}"></progress> ${p.total ? `${p.done}/${p.total}` : 'no items'}</dd></div><div><dt>Last activity</dt><dd>${p.lastActivity ?? '–'}</dd></div><div><dt>Pace (7 days)</dt><dd>${p.pace ? paceText(p.pace) : '–'}</dd></div><div><dt>Lint</dt><dd>${p.lint ? lintText(p.lint) : '–'}</dd></div>${p.drift ? html`<div><dt>Drift</dt><dd><span class="flag flag-drift">drifting</span> ${p.drift.files.join(', ')} changed in ${p.drift.commits} ${p.drift.commits === 1 ? 'commit' : 'commits'} since ${p.drift.since}</dd></div>` : ''}${p.overlap?.length ? html`<div><dt>Overlap</dt><dd>names the same files as ${p.overlap.map((id, i) => html`${i ? ', ' : ''}<a href="${links.plan(id)}">${id}</a>`)}</dd></div>` : ''}</dl>
<nav class="toc" aria-label="On this page"><a href="#progress">Progress</a> <a href="#burn-up">Burn-up</a> ${d.history.length ? html`<a href="#history">History</a> ` : ''}<a href="#log">Decisions, surprises, outcomes</a> <a href="#artifacts">Artifacts</a> <a href="#findings">Findings</a> <a href="#plan-text">Plan</a></nav>
${section('progress', 'Progress', d.progress.length > 0 && html`<ol class="timeline">${d.progress.map((i) => html`<li class="item item-${i.state}${i.depth ? ' nested' : ''}"><span class="mark">${i.state === 'done' ? 'done' : i.state === 'partial' ? 'partly done' : 'open'}</span>${i.timestamp ? html` <time>${i.timestamp}</time>` : ''} <a href="${at(i.line)}">${i.text || '(no text)'}</a></li>`)}</ol>`, 'No Progress items.')}
${section('burn-up', 'Burn-up', Boolean(chart) && new Html(chart), 'No done item carries a timestamp yet.')}
${d.history.length ? section('history', 'History', html`<div class="table-wrap"><table class="history"><caption class="visually-hidden">Commits that changed the plan, with its progress at each</caption><thead><tr><th scope="col">Date</th><th scope="col">Commit</th><th scope="col">Progress</th><th scope="col">Subject</th></tr></thead><tbody>${[...d.history].reverse().map((h) => html`<tr><td data-label="Date"><time datetime="${h.date}">${h.date.slice(0, 16).replace('T', ' ')}</time></td><td data-label="Commit"><code>${h.hash}</code></td><td data-label="Progress">${h.done}/${h.total}</td><td data-label="Subject">${h.subject}</td></tr>`)}</tbody></table></div>`) : ''}
${section('log', 'Decisions, surprises and outcomes', d.entries.length > 0 && html`<ol class="log">${d.entries.map((e) => html`<li class="entry entry-${e.kind}"><span class="kind">${e.kind}</span> ${e.date ? html`<time>${e.date}</time> ` : ''}<a href="${at(e.line)}">${e.title}</a>${e.details.length ? html`<dl>${e.details.map((f) => html`<div><dt>${f.label}</dt><dd>${f.value}</dd></div>`)}</dl>` : ''}</li>`)}</ol>`, 'No entries yet.')}
${section('artifacts', 'Artifacts', d.artifacts.length > 0 && html`<div class="table-wrap"><table class="artifacts"><caption class="visually-hidden">Files of the plan's artifacts folder</caption><thead><tr><th scope="col">File</th><th scope="col">Command</th><th scope="col">Exit code</th><th scope="col">Size</th><th scope="col">Modified</th></tr></thead><tbody>${d.artifacts.map((a) => html`<tr><td data-label="File"><a href="${links.artifact(p.id, a.name)}">${a.name}</a></td><td data-label="Command">${a.command ? html`<code>${a.command}</code>` : '–'}</td><td data-label="Exit code">${a.exitCode === undefined ? '–' : a.exitCode === null ? 'unknown' : html`<span class="${a.exitCode === 0 ? 'ok' : 'bad'}">${a.exitCode}</span>`}</td><td data-label="Size">${size(a.size)}</td><td data-label="Modified"><time datetime="${a.mtime}">${a.mtime.slice(0, 16).replace('T', ' ')}</time></td></tr>`)}</tbody></table></div>`, 'No artifacts.')}
${section('findings', 'Findings', d.findings.length > 0 && html`<ul class="findings">${d.findings.map((f) => html`<li class="finding finding-${f.severity}"><a href="${at(f.line)}">line ${f.line}</a> <span class="severity">${f.severity === 'warn' ? 'warning' : 'error'}</span> ${f.message} <code>${f.rule}</code></li>`)}</ul>`, p.lint ? 'No findings.' : 'Not linted.')}
${section('plan-text', 'Plan', html`<article class="markdown">${new Html(renderMarkdown(d.text, p.path, links, new Set(d.hidden)))}</article>`)}`;
  return rendered(title, crumbs(links, workspace, [title, undefined]), main, links, live);
}

/** A section of a plan's page: its heading, then `body`, or `empty` in a paragraph when there is no body. */
function section(id: string, title: string, body: Html | false, empty = ''): Html {
  return html`<section aria-labelledby="${id}"><h2 id="${id}">${title}</h2>${body || html`<p>${empty}</p>`}</section>`;
}

/** The breadcrumb of a page below the overview. */
function crumbs(links: PageLinks, workspace: string, ...rest: [string, string | undefined][]): Html {
  return html`<a href="${links.home}">${workspace}</a>${rest.map(([label, href]) => html` <span aria-hidden="true">/</span> ${href ? html`<a href="${href}">${label}</a>` : html`<span aria-current="page">${label}</span>`}`)}`;
}

function paceText(p: Pace): string {
  return p.done ? `${p.done} done, ${p.perDay.toFixed(1)}/day` : '0';
}

function lintText(l: { errors: number; warnings: number }): Html {
  if (!l.errors && !l.warnings) return html`<span class="ok">clean</span>`;
  return html`${l.errors ? html`<span class="bad">${l.errors} ${l.errors === 1 ? 'error' : 'errors'}</span>` : ''}${l.errors && l.warnings ? ', ' : ''}${l.warnings ? html`<span class="warn">${l.warnings} ${l.warnings === 1 ? 'warning' : 'warnings'}</span>` : ''}`;
}

function size(n: number): string {
  return n < 1024 ? `${n} B` : n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`;
}

function slug(s: string): string {
  return s.replace(/\s+/g, '-');
}

