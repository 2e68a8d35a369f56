/**
 * A plan's evidence folder: `<artifacts>/<plan-id>/` for an active plan, `<archiveArtifacts>/<plan-id>/`
 * for an archived one. Files are added without ever overwriting one by accident, and every write
 * is checked against symbolic links that would lead it outside the workspace.
 */
import { promises as fsp, constants as fsc } from 'node:fs';
import path from 'node:path';
import { ExecplanError } from './errors.js';
import { exists } from './journal.js';
import type { PlanRef } from './plans.js';
import { assertRealInside, assertSafeName, mkdirInside, resolveInside, writablePath } from './safe-path.js';
import { relPath, type Workspace } from './workspace.js';

/** The artifacts folder of a plan (absolute); the plan id is checked to be one safe name. */
export function artifactsDir(ws: Workspace, ref: PlanRef): string {
  assertSafeName(ref.id, 'plan id');
  return path.join(ref.archived ? ws.dirs.archiveArtifacts : ws.dirs.artifacts, ref.id);
}

/** Create the artifacts folder when missing, after checking no link on the way leads outside. */
export async function ensureArtifactsDir(ws: Workspace, ref: PlanRef, options: { keep?: boolean } = {}): Promise<void> {
  const dir = artifactsDir(ws, ref);
  const made = mkdirInside(ws.root, dir, 'artifacts folder');
  // With `keep`, a folder made here gets a .gitkeep, as `execplan new` gives one, so git keeps it.
  if (made && options.keep) await fsp.writeFile(writablePath(ws.root, path.join(dir, '.gitkeep'), 'file'), '', { flag: 'a' });
}

/** One file of an artifacts folder. */
export interface ArtifactFile {
  /** Path inside the artifacts folder, with `/`. */
  name: string;
  /** Repository-relative path. */
  path: string;
  size: number;
  /** Last modification, ISO 8601. */
  mtime: string;
  /** True for a symbolic link (listed, never followed). */
  link?: boolean;
}

/** The files of a plan's artifacts folder, sorted by name; `.gitkeep` placeholders are left out. */
export async function listArtifacts(ws: Workspace, ref: PlanRef): Promise<ArtifactFile[]> {
  const dir = artifactsDir(ws, ref);
  // A folder that is a link to elsewhere would list what the repository does not hold.
  assertRealInside(ws.root, dir, 'artifacts folder');
  const out: ArtifactFile[] = [];
  const walk = async (sub: string) => {
    let entries;
    try {
      entries = await fsp.readdir(path.join(dir, sub), { withFileTypes: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT' && !sub) return;
      throw err;
    }
    for (const e of entries) {
      const name = sub ? `${sub}/${e.name}` : e.name;
      const abs = path.join(dir, name);
      if (e.isDirectory()) await walk(name);
      else if (e.name !== '.gitkeep') {
        const st = await fsp.lstat(abs);
        out.push({ name, path: relPath(ws, abs), size: st.size, mtime: st.mtime.toISOString(), ...(st.isSymbolicLink() ? { link: true } : {}) });
      }
    }
  };
  await walk('');
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * Write a new file `<base><ext>` in `dir`, or `<base>-2<ext>`, `-3`… when the name is taken: never
 * overwrites. Returns the path written.
 */
export async function writeNewFile(root: string, dir: string, base: string, ext: string, data: string | Uint8Array): Promise<string> {
  for (let n = 1; n < 10_000; n++) {
    const name = assertSafeName(`${base}${n === 1 ? '' : `-${n}`}${ext}`, 'file name');
    const file = path.join(dir, name);
    assertRealInside(root, file, 'file');
    let handle;
    try {
      handle = await fsp.open(file, fsc.O_WRONLY | fsc.O_CREAT | fsc.O_EXCL | (fsc.O_NOFOLLOW ?? 0), 0o644);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST' || (err as NodeJS.ErrnoException).code === 'ELOOP') continue;
      throw err;
    }
    try {
      await handle.writeFile(data);
      await handle.sync();
    } catch (err) {
      await handle.close();
      await fsp.rm(file, { force: true });
      throw err;
    }
    await handle.close();
    return file;
  }
  throw new ExecplanError('PLAN_EXISTS', `Too many files named ${base}${ext} in ${dir}; choose another label.`);
}

/** A file `artifact add` copied. */
export interface AddedArtifact {
  /** The source as given. */
  source: string;
  name: string;
  /** Repository-relative path of the copy. */
  path: string;
  size: number;
  /** True when an existing artifact of that name was replaced (`--force`). */
  replaced: boolean;
}

/** Options of `addArtifacts`. */
export interface AddArtifactsOptions {
  /** Folder relative paths are read from. */
  cwd: string;
  /** Replace artifacts of the same name. */
  force?: boolean;
  /**
   * Accept source files outside the workspace. The CLI allows it (the user's own shell could copy
   * them anyway); callers acting for someone else, such as the MCP server, should not.
   */
  allowOutsideSources?: boolean;
}

/**
 * Copy files into a plan's artifacts folder. Everything is checked before anything is copied
 * (sources exist and are files, names are safe and distinct, targets are free unless `force`);
 * copies go to temporary files first and are renamed into place, so a failure leaves no half-copied file.
 */
export async function addArtifacts(ws: Workspace, ref: PlanRef, sources: readonly string[], opts: AddArtifactsOptions): Promise<AddedArtifact[]> {
  if (!sources.length) throw new ExecplanError('USAGE', 'No file given. Name the files to copy, e.g. execplan artifact add <plan> report.txt.');
  const dir = artifactsDir(ws, ref);
  const plans: { source: string; abs: string; name: string; target: string; replaced: boolean; size: number }[] = [];
  const taken: string[] = [];
  for (const source of sources) {
    const abs = opts.allowOutsideSources ? checkedSource(source, opts.cwd) : resolveInside(ws.root, opts.cwd, source, 'source file');
    const st = await fsp.stat(abs).catch(() => undefined);
    if (!st) throw new ExecplanError('INVALID_INPUT', `Cannot copy ${source}: it does not exist.`, { details: [source] });
    if (!st.isFile()) throw new ExecplanError('INVALID_INPUT', `Cannot copy ${source}: it is not a regular file. Copy the files inside a folder one by one, or archive the folder first.`, { details: [source] });
    const name = assertSafeName(path.basename(abs), 'file name');
    if (plans.some((p) => p.name === name)) throw new ExecplanError('INVALID_INPUT', `Two of the files are named ${name}; an artifacts folder holds one file per name. Rename one first.`, { details: [name] });
    const target = path.join(dir, name);
    assertRealInside(ws.root, target, 'artifact');
    const replaced = await exists(target);
    if (replaced) {
      if ((await fsp.lstat(target)).isDirectory()) throw new ExecplanError('REFUSED', `${relPath(ws, target)} is a folder; choose another file name.`, { details: [name] });
      taken.push(relPath(ws, target));
    }
    plans.push({ source, abs, name, target, replaced, size: st.size });
  }
  if (taken.length && !opts.force) {
    throw new ExecplanError('REFUSED', `Refused to overwrite ${taken.length === 1 ? 'an existing artifact' : `${taken.length} existing artifacts`}:\n${taken.map((t) => `  ${t}`).join('\n')}\nRename the file, or pass --force to replace ${taken.length === 1 ? 'it' : 'them'}.`, { details: taken });
  }
  await ensureArtifactsDir(ws, ref);
  const temps: string[] = [];
  try {
    for (const p of plans) {
      const tmp = path.join(dir, `.${p.name}.${process.pid}.${temps.length}.tmp`);
      temps.push(tmp);
      await fsp.copyFile(p.abs, tmp, fsc.COPYFILE_EXCL);
    }
    for (const [i, p] of plans.entries()) await place(temps[i]!, p.target, p.replaced);
  } finally {
    for (const t of temps) await fsp.rm(t, { force: true });
  }
  return plans.map((p) => ({ source: p.source, name: p.name, path: relPath(ws, p.target), size: p.size, replaced: p.replaced }));
}

/**
 * Move a finished copy into place. A new name is taken with link(2), which fails rather than
 * replace a file that appeared meanwhile; a replacement is a rename, which replaces a symbolic
 * link itself, never the file it points to.
 */
async function place(tmp: string, target: string, replace: boolean): Promise<void> {
  if (!replace) {
    try {
      await fsp.link(tmp, target);
      return;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      // File systems without hard links: check, then rename.
      if (code === 'EEXIST' || (await exists(target))) throw new ExecplanError('REFUSED', `${target} appeared while copying; nothing was overwritten. Run the command again.`, { details: [target] });
    }
  }
  await fsp.rename(tmp, target);
}

function checkedSource(source: string, cwd: string): string {
  if (source.includes('\0')) throw new ExecplanError('UNSAFE_PATH', `Refused source file ${JSON.stringify(source)}: it contains a NUL byte.`, { details: [source] });
  return path.resolve(cwd, source);
}
