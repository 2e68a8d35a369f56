/** The burn-up chart: done items over time against the plan's scope, drawn as an SVG with its data in words. */
import type { BurnUpPoint } from '../../core/pace.js';
import { esc } from './escape.js';

const W = 640;
const H = 220;
const PAD = { left: 40, right: 16, top: 16, bottom: 36 };

/**
 * An accessible SVG burn-up of `points` (done items by their timestamps), scaled to `total` items, with
 * the plan's scope at each of its commits (`history`) as a second line; done counts at the commits
 * stand in when no done item carries a timestamp. Empty when nothing is dated.
 */
export function burnUpSvg(stamped: readonly BurnUpPoint[], total: number, title: string, history: readonly BurnUpPoint[]): string {
  const points = stamped.length ? stamped : history;
  if (!points.length) return '';
  const times = [...points, ...history].map((p) => p.epoch);
  // Not spread into Math.min: a plan can hold more items than a call takes arguments.
  const first = times.reduce((a, b) => Math.min(a, b));
  const last = times.reduce((a, b) => Math.max(a, b));
  const span = Math.max(last - first, 3_600_000);
  const top = Math.max(total, ...points.map((p) => p.done), ...history.map((p) => p.total ?? 0), 1);
  const x = (epoch: number) => PAD.left + ((epoch - first) / span) * (W - PAD.left - PAD.right);
  const y = (n: number) => H - PAD.bottom - (n / top) * (H - PAD.top - PAD.bottom);
  const f = (n: number) => n.toFixed(1);

  // Step lines: each point holds until the next one.
  const step = (epoch: number, from: number, to: number) => ` L${f(x(epoch))},${f(y(from))} L${f(x(epoch))},${f(y(to))}`;
  const done = `M${f(x(first))},${f(y(0))}${points.map((p, i) => step(p.epoch, i ? points[i - 1]!.done : 0, p.done)).join('')}`;
  // The scope holds from one commit to the next, then to the end of the chart at today's count.
  const commits = history.filter((p): p is BurnUpPoint & { total: number } => p.total !== undefined);
  const scope = commits.length
    ? `M${f(x(commits[0]!.epoch))},${f(y(commits[0]!.total))}${commits.map((p, i) => step(p.epoch, commits[i ? i - 1 : 0]!.total, p.total)).join('')}${step(last, commits[commits.length - 1]!.total, total)}`
    : `M${f(x(first))},${f(y(total))} L${f(x(last))},${f(y(total))}`;
  const day = (epoch: number) => new Date(epoch).toISOString().slice(0, 10);
  const ticks = [0, Math.round(top / 2), top].filter((v, i, a) => a.indexOf(v) === i);
  const desc = `${points[points.length - 1]!.done} of ${total} items done between ${day(first)} and ${day(last)}.`;
  return [
    `<svg class="chart" viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="chart-title chart-desc" xmlns="http://www.w3.org/2000/svg">`,
    `<title id="chart-title">${esc(title)}</title><desc id="chart-desc">${esc(desc)}</desc>`,
    ...ticks.map((t) => `<line class="grid" x1="${PAD.left}" x2="${W - PAD.right}" y1="${f(y(t))}" y2="${f(y(t))}"/><text class="tick" x="${PAD.left - 6}" y="${f(y(t) + 4)}" text-anchor="end">${t}</text>`),
    `<text class="tick" x="${PAD.left}" y="${H - 12}">${day(first)}</text>`,
    `<text class="tick" x="${W - PAD.right}" y="${H - 12}" text-anchor="end">${day(last)}</text>`,
    `<path class="scope" d="${scope}"/>`,
    `<path class="done" d="${done}"/>`,
    ...points.map((p) => `<circle class="dot" cx="${f(x(p.epoch))}" cy="${f(y(p.done))}" r="3"><title>${esc(`${new Date(p.epoch).toISOString().slice(0, 16).replace('T', ' ')}: ${p.done} done`)}</title></circle>`),
    `</svg>`,
  ].join('');
}

