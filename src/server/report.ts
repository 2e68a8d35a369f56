/**
 * The static report: the dashboard's pages as files with relative links, readable from a folder, a
 * CI artifact or GitHub Pages with no server and no network. Repository files get a page when a plan
 * links to them; every artifact gets one.
 */
import { APP_CSS, APP_JS } from '../formatters/html/assets.js';
import type { PageLinks } from '../formatters/html/pages.js';
import type { DashboardSource } from '../usecases/dashboard.js';
import { overviewPage, planPage, textPage } from './pages.js';

/** The file that marks a folder as an execplan report, so a later report may replace it. */
export const REPORT_MARKER = '.execplan-report';

const enc = (s: string) => encodeURIComponent(s);
const encPath = (p: string) => p.split('/').map(enc).join('/');

/** Links from a page `depth` folders below the report's root; `files` collects the repository files linked. */
function reportLinks(source: DashboardSource, depth: number, files: Set<string>): PageLinks {
  const up = '../'.repeat(depth);
  return {
    home: `${up}index.html`,
    plan: (id) => `${up}plan/${enc(id)}.html`,
    artifact: (id, name) => `${up}artifact/${enc(id)}/${encPath(name)}.html`,
    asset: (name) => `${up}assets/${name}`,
    file: (p, fragment) => {
      if (!source.exists(p)) return `${up}index.html`;
      files.add(p);
      return `${up}file/${encPath(p)}.html${fragment ? `#${enc(fragment)}` : ''}`;
    },
    exists: (p) => source.exists(p),
  };
}

const depthOf = (rel: string) => rel.split('/').length - 1;

/** Every file of the report, by its path inside the report folder (with `/`). */
export async function renderReport(source: DashboardSource, workspace: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const files = new Set<string>();
  const mode = { live: false };
  out.set('index.html', (await overviewPage(source, reportLinks(source, 0, files), mode)).page);
  const overview = await source.overview();
  for (const p of overview.plans) {
    const rel = `plan/${p.id}.html`;
    const page = await planPage(source, p.id, reportLinks(source, depthOf(rel), files), mode, workspace);
    if (!page) continue;
    out.set(rel, page.page);
    const data = await source.plan(p.id);
    for (const a of data?.artifacts ?? []) {
      const arel = `artifact/${p.id}/${a.name}.html`;
      const text = await source.artifact(p.id, a.name);
      const links = reportLinks(source, depthOf(arel), files);
      if (text) out.set(arel, textPage(text.path, text.text, text.note, links, mode, workspace, [p.id, links.plan(p.id)]).page);
    }
  }
  for (const f of files) {
    const rel = `file/${f}.html`;
    const text = source.file(f);
    if (text) out.set(rel, textPage(text.path, text.text, text.note, reportLinks(source, depthOf(rel), new Set()), mode, workspace).page);
  }
  out.set('assets/app.css', APP_CSS);
  out.set('assets/app.js', APP_JS);
  out.set(REPORT_MARKER, 'An execplan report: `execplan report --out <this folder>` replaces it.\n');
  return out;
}
