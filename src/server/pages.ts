/** The dashboard's pages for one request or one report file: the page data rendered with the links of where it is served. */
import { crumbs, layout, overviewMain, planMain, textMain, type PageLinks, type PageMode } from '../formatters/html/pages.js';
import type { Html } from '../formatters/html/escape.js';
import type { DashboardSource } from '../usecases/dashboard.js';

/** A rendered page: its whole HTML and the inside of its `<main>`, which a live update swaps in. */
export interface RenderedPage {
  page: string;
  main: string;
}

function rendered(title: string, nav: Html, main: Html, links: PageLinks, mode: PageMode): RenderedPage {
  return { page: layout(title, nav, main, links, mode), main: main.value };
}

/** The overview page. */
export async function overviewPage(source: DashboardSource, links: PageLinks, mode: PageMode): Promise<RenderedPage> {
  const data = await source.overview();
  return rendered(`Plans in ${data.workspace}`, crumbs(links, data.workspace), overviewMain(data, links), links, mode);
}

/** One plan's page, or undefined when there is no such plan. */
export async function planPage(source: DashboardSource, id: string, links: PageLinks, mode: PageMode, workspace: string): Promise<RenderedPage | undefined> {
  const data = await source.plan(id);
  if (!data) return undefined;
  const title = data.plan.title ?? data.plan.id;
  return rendered(title, crumbs(links, workspace, [title, undefined]), planMain(data, links), links, mode);
}

/** A text page for a repository file or an artifact. */
export function textPage(title: string, text: string, note: string | undefined, links: PageLinks, mode: PageMode, workspace: string, parent?: [string, string]): RenderedPage {
  const trail: [string, string | undefined][] = parent ? [parent, [title, undefined]] : [[title, undefined]];
  return rendered(title, crumbs(links, workspace, ...trail), textMain(title, text, note), links, mode);
}
