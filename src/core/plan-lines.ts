/** A plan's lines, classified once: which are prose, which are code, which are front matter or fences. */
import { lineEndOffset, lineIndexAt } from './lines.js';
import type { CodeBlock, Plan } from './types.js';

/** One line of the plan, with what kind of text it holds. */
export interface PlanLine {
  /** 1-based line number. */
  line: number;
  /** Offset of the line's first character (after a BOM on line 1). */
  start: number;
  /** The line without its line break. */
  text: string;
  /** `code` inside a code block (fence lines included), `meta` for front matter and outer-fence lines. */
  kind: 'prose' | 'code' | 'meta';
  /** The code block the line belongs to. */
  block?: CodeBlock;
}

/** Every line of the plan, classified. */
export function planLines(plan: Plan): PlanLine[] {
  const { source, lineStarts } = plan;
  const out: PlanLine[] = [];
  for (let i = 0; i < lineStarts.length; i++) {
    const start = lineStarts[i]! + (i === 0 && plan.bom ? 1 : 0);
    // Every line gets the same fields, so the rules reading them see one object shape.
    out.push({ line: i + 1, start, text: source.slice(start, lineEndOffset(source, lineStarts, i)), kind: 'prose', block: undefined });
  }
  for (const block of plan.codeBlocks) {
    for (let l = block.line; l <= block.endLine; l++) {
      const pl = out[l - 1];
      if (pl) {
        pl.kind = 'code';
        pl.block = block;
      }
    }
  }
  const meta = (from: number, to: number) => {
    for (let l = from; l <= to; l++) if (out[l - 1]) out[l - 1]!.kind = 'meta';
  };
  if (plan.frontMatter) meta(plan.frontMatter.line, plan.frontMatter.endLine);
  if (plan.outerFence) {
    const open = lineAt(plan, plan.outerFence.open.start);
    meta(open, open);
    if (plan.outerFence.close) {
      const close = lineAt(plan, plan.outerFence.close.start);
      meta(close, close);
    }
  }
  return out;
}

/** The 1-based line of an offset in the plan. */
function lineAt(plan: Plan, offset: number): number {
  return lineIndexAt(plan.lineStarts, offset) + 1;
}
