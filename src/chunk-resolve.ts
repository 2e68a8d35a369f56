/**
 * Finding the command line's own chunks without Node's resolver.
 *
 * The bundle is split into chunks that `require('./chunk-….cjs')` one another, and a command loads
 * twenty or more of them. For each, Node's resolver looks for a package that names itself, reads
 * the package scope, stats the file and takes its real path: together about a tenth of a one-plan
 * lint's own time. A chunk's request is always a file name beside the chunk that asks, in a folder
 * whose real path is known (Node took it for the main module), so the answer is that folder and
 * the name; every other request goes to Node's resolver as before.
 */
import Module from 'node:module';
import path from 'node:path';

interface Resolver {
  _resolveFilename(request: string, parent: { filename?: unknown } | undefined, isMain?: boolean, options?: unknown): string;
}

/** The file names chunks ask for: `./name.cjs`, nothing else. */
const CHUNK_REQUEST = /^\.\/[\w.-]+\.cjs$/;

/** Resolve requests for chunks in `chunksDir` (a real path) made by chunks in it, without looking them up. */
export function resolveChunksDirectly(chunksDir: string): void {
  const M = Module as unknown as Resolver;
  const resolve = M._resolveFilename;
  if (typeof resolve !== 'function') return;
  const prefix = chunksDir.endsWith(path.sep) ? chunksDir : chunksDir + path.sep;
  M._resolveFilename = function (this: unknown, request, parent, ...rest) {
    const from = parent?.filename;
    if (typeof from === 'string' && CHUNK_REQUEST.test(request) && from.startsWith(prefix) && !from.includes(path.sep, prefix.length)) {
      return prefix + request.slice(2);
    }
    return resolve.call(this, request, parent, ...rest);
  };
}
