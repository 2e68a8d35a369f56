/** A plan's artifacts, for `execplan artifact add|list` and the MCP `artifacts` tool: list them, or copy evidence in and link it from the plan. */
import path from 'node:path';
import { addArtifacts, artifactsDir, listArtifacts, type AddArtifactsOptions, type AddedArtifact, type ArtifactFile } from '../workspace/artifacts.js';
import { ExecplanError } from '../workspace/errors.js';
import { linkEvidence, linkLabel } from '../workspace/evidence-links.js';
import { assertActive, type PlanRef } from '../workspace/plans.js';
import { relPath, type Workspace } from '../workspace/workspace.js';
import type { Clock } from './clock.js';

/** The plan's artifacts folder (repository-relative) and the files in it. */
export async function planArtifacts(ws: Workspace, ref: PlanRef): Promise<{ dir: string; files: ArtifactFile[] }> {
  return { dir: relPath(ws, artifactsDir(ws, ref)), files: await listArtifacts(ws, ref) };
}

/** How files are added. */
export interface AddRequest extends AddArtifactsOptions {
  /** The files, relative to `cwd`. */
  files: readonly string[];
  /** Link each file from the plan's Artifacts and Notes (the default). */
  link?: boolean;
}

/** Copy files into the plan's artifacts folder and link them; returns what was copied and the plan's new lines. */
export async function addPlanArtifacts(ws: Workspace, ref: PlanRef, req: AddRequest, clock: Clock): Promise<{ added: AddedArtifact[]; lines: string[] }> {
  assertActive(ref, 'its artifacts and its plan are a closed record, so nothing is added to them');
  const added = await addArtifacts(ws, ref, req.files, req);
  if (req.link === false) return { added, lines: [] };
  try {
    const links = added.map((a) => ({ file: path.join(ws.root, a.path), describe: (link: string) => `${a.replaced ? 'Replaced' : 'Added'} artifact [${linkLabel(a.name)}](${link}).` }));
    return { added, lines: await linkEvidence(ws, ref, links, clock.now, clock.tzOffsetMinutes) };
  } catch (err) {
    if (!(err instanceof ExecplanError)) throw err;
    throw new ExecplanError(err.code, `Copied ${added.map((a) => a.path).join(', ')}, but could not link ${added.length === 1 ? 'it' : 'them'} from ${ref.relPath}: ${err.message}`, { file: ref.relPath, details: added.map((a) => a.path) });
  }
}
