/** The burn-up chart: done items over time against the plan's scope, drawn as an SVG with its data in words. */
import type { BurnUpPoint } from '../../core/pace.js';
import { esc } from './escape.js';

const W = 640;
const H = 220;
const PAD = { left: 40, right: 16, top: 16, bottom: 36 };

/** An accessible SVG burn-up of `points`, scaled to `total` items; empty when nothing is dated. */
export function burnUpSvg(points: readonly BurnUpPoint[], total: number, title: string): string {
  if (!points.length) return '';
  const first = points[0]!.epoch;
  const last = points[points.length - 1]!.epoch;
  const span = Math.max(last - first, 3_600_000);
  const top = Math.max(total, ...points.map((p) => Math.max(p.done, p.total ?? 0)), 1);
  const x = (epoch: number) => PAD.left + ((epoch - first) / span) * (W - PAD.left - PAD.right);
  const y = (n: number) => H - PAD.bottom - (n / top) * (H - PAD.top - PAD.bottom);
  const f = (n: number) => n.toFixed(1);

  // A step line: each point holds until the next one.
  let done = `M${f(x(first))},${f(y(0))}`;
  let level = 0;
  for (const p of points) {
    done += ` L${f(x(p.epoch))},${f(y(level))} L${f(x(p.epoch))},${f(y(p.done))}`;
    level = p.done;
  }
  const scopePoints = points.filter((p) => p.total !== undefined);
  let scope: string;
  if (scopePoints.length) {
    scope = `M${f(x(first))},${f(y(scopePoints[0]!.total!))}`;
    for (const p of scopePoints) scope += ` L${f(x(p.epoch))},${f(y(p.total!))}`;
    scope += ` L${f(x(last))},${f(y(total))}`;
  } else {
    scope = `M${f(x(first))},${f(y(total))} L${f(x(last))},${f(y(total))}`;
  }
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

