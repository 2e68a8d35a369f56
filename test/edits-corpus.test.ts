import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PLACEMENT_OPS, placementProblems } from './helpers/edit-placement.js';
import { CORPUS, realPlans, skipsWithout } from './helpers/prerequisites.js';

// The quality bar's corpus test: on every real plan, each of the five edits keeps the author's
// lines and lands where `show --json` reads it as the right kind, at the top of its section's list.
describe('edits land where the author would put them, on every real plan', () => {
  skipsWithout(CORPUS, 'places entries in every plan of the real corpus');
  const plans = realPlans();

  it.each(PLACEMENT_OPS)('%s', (op) => {
    const wrong: string[] = [];
    for (const p of plans) {
      const source = readFileSync(p.path, 'utf8');
      for (const problem of placementProblems(source, op)) wrong.push(`${p.name}: ${problem}`);
    }
    expect(wrong).toEqual([]);
  });
});
