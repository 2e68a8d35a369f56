import fc from 'fast-check';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { childPath, resolveRel } from '../src/workspace/join.js';

const ROOTS = [path.resolve('/repo'), path.resolve('/'), path.resolve('/a b/ünï')];

describe('joining paths without normalising them', () => {
  it('gives what path.resolve gives, for any relative path', () => {
    const part = fc.oneof(fc.constantFrom('', '.', '..', 'src', '.github', 'a.b', 'c:', 'x\\y', ' ', 'é'), fc.string({ maxLength: 4 }));
    const rel = fc.array(part, { maxLength: 5 }).map((parts) => parts.join('/'));
    fc.assert(
      fc.property(fc.constantFrom(...ROOTS), fc.oneof(rel, fc.string({ maxLength: 12 })), (root, r) => {
        expect(resolveRel(root, r)).toBe(path.resolve(root, r));
      }),
      { numRuns: 2000 },
    );
  });

  it('gives what path.join gives for a name read from a folder', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ROOTS), fc.stringMatching(/^[^/\\\0]+$/).filter((n) => n !== '.' && n !== '..'), (dir, name) => {
        expect(childPath(dir, name)).toBe(path.join(dir, name));
      }),
    );
  });
});
