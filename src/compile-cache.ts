/**
 * V8's compile cache for the command line's own chunks.
 *
 * Compiling the chunks a command loads is a large part of its start-up: a one-plan lint spends
 * about a tenth of its time in V8's parser. V8 can save the code it compiled and take it back on
 * the next run. Node 22.1 and later do this themselves (`module.enableCompileCache`); on Node 20
 * each chunk is compiled here as `vm.Script` with the data saved by the last run, and at exit the
 * chunks that had none (or whose data V8 refused) are saved. The data is taken after the command
 * ran, so it holds the functions the command called too, not only each chunk's top level, which
 * is what makes it pay: caching at compile time, as the `v8-compile-cache` package does, made a
 * one-plan lint slower here.
 *
 * Chunk names carry a hash of their content, and V8 checks the data against the source and its own
 * version and flags, refusing a mismatch. The folder is the user's own: one that another user owns
 * or may write to is not used, since compiled code read from it would run as this user.
 * `EXECPLAN_COMPILE_CACHE` names another folder, or turns the cache off with `0`; so does
 * `NODE_DISABLE_COMPILE_CACHE`, Node's own switch. Any failure leaves the command to compile as usual.
 */
import { closeSync, lstatSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import Module from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import vm from 'node:vm';

interface Compilable {
  _compile(content: string, filename: string): unknown;
  exports: unknown;
  require(id: string): unknown;
}

interface ModuleInternals {
  prototype: Compilable;
  wrap(script: string): string;
  _resolveFilename(request: string, parent: unknown, isMain?: boolean, options?: unknown): string;
  _cache: unknown;
  enableCompileCache?: (dir?: string) => unknown;
}

/** Where the cache lives, or undefined when it is off. */
export function compileCacheDir(env: Record<string, string | undefined>, version: string): string | undefined {
  const set = env.EXECPLAN_COMPILE_CACHE;
  if (set === '0' || env.NODE_DISABLE_COMPILE_CACHE) return undefined;
  const uid = typeof process.getuid === 'function' ? process.getuid() : 'user';
  return set || path.join(tmpdir(), `execplan-compile-cache-${uid}`, `${version}-${process.version}-${process.arch}`);
}

/**
 * Whether `dir` exists (or was made) as a folder of this user's that nobody else may write to,
 * inside one that is too when it is the per-user folder made in the shared temporary folder.
 */
function ownFolder(dir: string): boolean {
  const parent = path.dirname(dir);
  const perUser = path.basename(parent).startsWith('execplan-compile-cache-');
  // One level at a time: a recursive mkdirSync never returns on some file systems (procfs).
  if (perUser) makeFolder(parent);
  makeFolder(dir);
  const own = (d: string) => {
    const st = lstatSync(d);
    return st.isDirectory() && (typeof process.getuid !== 'function' || st.uid === process.getuid()) && (st.mode & 0o022) === 0;
  };
  return own(dir) && (!perUser || own(parent));
}

/** Make a folder only this user may use, unless it is there already (looked up first: a failed mkdir costs an exception). */
function makeFolder(dir: string): void {
  if (lstatSync(dir, { throwIfNoEntry: false })) return;
  try {
    mkdirSync(dir, { mode: 0o700 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
}

/** Compile the chunks in `chunksDir` loaded from now on with V8's cache in `dir`. */
export function enableCompileCache(chunksDir: string, dir: string | undefined): void {
  if (!dir) return;
  const M = Module as unknown as ModuleInternals;
  try {
    if (typeof M.enableCompileCache === 'function') {
      M.enableCompileCache(dir);
      return;
    }
    if (!ownFolder(dir)) return;
  } catch {
    return;
  }
  const prefix = chunksDir.endsWith(path.sep) ? chunksDir : chunksDir + path.sep;
  const compile = M.prototype._compile;
  const toSave: { script: vm.Script; file: string }[] = [];
  M.prototype._compile = function (this: Compilable, content: string, filename: string) {
    if (!filename.startsWith(prefix)) return compile.call(this, content, filename);
    const file = path.join(dir, `${path.basename(filename)}.cache`);
    let cachedData: Buffer | undefined;
    try {
      cachedData = readFileSync(file);
    } catch {
      /* not cached yet */
    }
    const script = new vm.Script(M.wrap(content), { filename, cachedData });
    if (!cachedData || script.cachedDataRejected) toSave.push({ script, file });
    const fn = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
    // The chunks only call require(id); resolve and cache are there for code that looks them up.
    const req = Object.assign((id: string) => this.require(id), {
      resolve: (request: string, options?: unknown) => M._resolveFilename(request, this, false, options),
      cache: M._cache,
    });
    return fn.call(this.exports, this.exports, req, this, filename, path.dirname(filename));
  };
  process.once('exit', () => {
    for (const { script, file } of toSave) {
      try {
        const data = script.createCachedData();
        // Written whole under a temporary name, then renamed: a parallel run reads the old data or the new.
        const temp = `${file}.${process.pid}.tmp`;
        const fd = openSync(temp, 'w', 0o600);
        try {
          writeSync(fd, data);
        } finally {
          closeSync(fd);
        }
        renameSync(temp, file);
      } catch {
        /* the next run compiles again */
      }
    }
  });
}
