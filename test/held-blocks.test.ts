/**
 * The whole-document formats (json, sarif) hold each plan's block compressed until the totals that
 * lead the document are known: what comes out must be the very bytes that went in.
 */
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { holdBlocks } from '../src/workspace/held-blocks.js';
import { runCli } from './helpers.js';
import { lintWorkspace } from './helpers/lint-workspace.js';
import { CORPUS, corpusPath, corpusPlans, need } from './helpers/prerequisites.js';
import { seededRandom } from './helpers/seed.js';

describe('held blocks', () => {
  it('give back every non-empty block in order, joined by the separator, across many compressed batches', (ctx) => {
    const random = seededRandom(ctx);
    const pieces = ['"', 'ü', '日本', '😀', '\\n', ',', ' ', 'result', '{', '}'];
    const blocks = Array.from({ length: 400 }, () => (random() < 0.2 ? '' : Array.from({ length: Math.floor(random() * 300) }, () => pieces[Math.floor(random() * pieces.length)]).join('')));
    const held = holdBlocks(',\n', 1_000);
    blocks.forEach((b) => held.add(b));
    const out: Buffer[] = [];
    held.drain((bytes) => out.push(bytes));
    expect(out.length).toBeGreaterThan(10);
    expect(Buffer.concat(out).toString('utf8')).toBe(blocks.filter((b) => b).join(',\n'));
    // Drained once: nothing is left to give again.
    const again: Buffer[] = [];
    held.drain((bytes) => again.push(bytes));
    expect(Buffer.concat(again).length).toBe(0);
  });
});

describe('lint --format json and sarif over the real plans', () => {
  it('print, streamed, the very bytes JSON.stringify gives for the whole document', async (ctx) => {
    need(ctx, CORPUS);
    const { root } = lintWorkspace();
    const dir = path.join(root, '.agent/execplans');
    // Named as plans are, so every real plan is linted, with its findings.
    corpusPlans().forEach((name, n) => {
      copyFileSync(corpusPath(name), path.join(dir, `2026-02-${String((n % 28) + 1).padStart(2, '0')}_real-${String(n).padStart(3, '0')}.md`));
    });
    for (const format of ['json', 'sarif']) {
      const r = await runCli(['lint', '--format', format], { cwd: root, env: { NO_COLOR: '1' } });
      expect(r.code, format).toBe(1);
      // SARIF's log is large enough to be held in more than one compressed batch.
      if (format === 'sarif') expect(r.stdout.length).toBeGreaterThan(1 << 20);
      expect(r.stdout, format).toBe(`${JSON.stringify(JSON.parse(r.stdout), null, 2)}\n`);
    }
  });
});
