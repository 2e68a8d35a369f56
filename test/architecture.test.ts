import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../', import.meta.url);
const map = readFileSync(new URL('docs/ARCHITECTURE.md', root), 'utf8');

describe('docs/ARCHITECTURE.md', () => {
  it('names only paths that exist', () => {
    const paths = [...map.matchAll(/`((?:src|docs|test)\/[^`\s]*|eslint\.config\.js)`/g)].map((m) => m[1]!);
    expect(paths.length).toBeGreaterThan(10);
    const missing = paths.filter((p) => !existsSync(new URL(p, root)));
    expect(missing, `paths named in docs/ARCHITECTURE.md that do not exist: ${missing.join(', ')}`).toEqual([]);
  });
});
