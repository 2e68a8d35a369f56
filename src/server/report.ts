/**
 * The static report: the dashboard's pages as files with relative links, readable from a folder, a
 * CI artifact or GitHub Pages with no server and no network. Repository files get a page when a plan
 * links to them; every artifact gets one.
 */
import { APP_CSS, APP_JS } from '../formatters/html/assets.js';
import { overviewPage, pageLinks, planPage, textPage } from '../formatters/html/pages.js';
import type { DashboardSource } from '../usecases/dashboard.js';

/** The file that marks a folder as an execplan report, so a later report may replace it. */
export const REPORT_MARKER = '.execplan-report';

/** Every file of the report, by its path inside the report folder (with `/`). */
export async function renderReport(source: DashboardSource, workspace: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  // The repository files the pages link to; each gets a page of its own.
  const files = new Set<string>();
  const linksAt = (rel: string) => pageLinks((p) => source.exists(p), { depth: rel.split('/').length - 1, files });
  const overview = await source.overview();
  out.set('index.html', overviewPage(overview, linksAt('index.html'), false).page);
  for (const p of overview.plans) {
    const data = await source.plan(p.id);
    if (!data) continue;
    const rel = `plan/${p.id}.html`;
    out.set(rel, planPage(data, workspace, linksAt(rel), false).page);
    for (const a of data.artifacts) {
      const arel = `artifact/${p.id}/${a.name}.html`;
      const text = await source.artifact(p.id, a.name);
      const links = linksAt(arel);
      if (text) out.set(arel, textPage(text, workspace, links, false, [p.id, links.plan(p.id)]).page);
    }
  }
  for (const f of files) {
    const rel = `file/${f}.html`;
    const text = source.file(f);
    if (text) out.set(rel, textPage(text, workspace, linksAt(rel), false).page);
  }
  out.set('assets/app.css', APP_CSS);
  out.set('assets/app.js', APP_JS);
  out.set(REPORT_MARKER, 'An execplan report: `execplan report --out <this folder>` replaces it.\n');
  return out;
}
