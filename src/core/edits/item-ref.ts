/** Finding the Progress item a user means: by its number, or by a piece of its text. */
import type { Plan, ProgressItem } from '../types.js';
import { ExecplanError } from '../errors.js';
import type { EditContext } from './context.js';

/** How an item is shown in lists and error messages: `3. [x] (2026-01-05 14:30) Write the parser`. */
export function describeItem(item: ProgressItem, width = 80): string {
  const text = item.text.length > width ? `${item.text.slice(0, width - 1)}…` : item.text;
  return `${item.index}. [${item.mark}]${item.timestamp ? ` ${item.timestamp.raw}` : ''} ${text}`;
}

/**
 * Resolve an item reference: a 1-based number, or a case-insensitive piece of the item's text that
 * only one item contains (an item whose whole text equals the reference wins over partial matches).
 */
export function resolveItem(plan: Plan, ref: string | number, ctx: Pick<EditContext, 'file'> = {}): ProgressItem {
  const where = ctx.file ? ` in ${ctx.file}` : '';
  const extra = ctx.file ? { file: ctx.file } : {};
  const items = plan.progress;
  const query = String(ref).trim();
  if (!query) throw new ExecplanError('INVALID_INPUT', `The item reference is empty; give an item number (see \`execplan progress <plan>\`) or a piece of its text.`, extra);
  if (!items.length) {
    throw new ExecplanError('ITEM_NOT_FOUND', `The plan${where} has no Progress items yet; add one with \`execplan progress <plan> add "step"\`.`, extra);
  }
  if (/^#?\d+$/.test(query)) {
    const n = Number(query.replace('#', ''));
    const item = items[n - 1];
    if (item) return item;
    throw new ExecplanError('ITEM_NOT_FOUND', `There is no Progress item ${n}${where}: items are numbered 1 to ${items.length}.`, {
      ...extra,
      details: items.map((i) => describeItem(i)),
    });
  }
  const needle = query.toLowerCase();
  const exact = items.filter((i) => i.text.toLowerCase() === needle);
  if (exact.length === 1) return exact[0]!;
  const found = exact.length ? exact : items.filter((i) => i.text.toLowerCase().includes(needle));
  if (found.length === 1) return found[0]!;
  if (!found.length) {
    throw new ExecplanError('ITEM_NOT_FOUND', `No Progress item${where} contains "${query}". Use an item number or a piece of its text; the items are:\n${list(items)}`, {
      ...extra,
      details: items.map((i) => describeItem(i)),
    });
  }
  throw new ExecplanError('ITEM_AMBIGUOUS', `"${query}" matches ${found.length} Progress items${where}; give the item number or more of its text:\n${list(found)}`, {
    ...extra,
    details: found.map((i) => describeItem(i)),
  });
}

function list(items: readonly ProgressItem[]): string {
  const shown = items.slice(0, 20).map((i) => `  ${describeItem(i)}`);
  if (items.length > 20) shown.push(`  (+${items.length - 20} more)`);
  return shown.join('\n');
}
