/** Every tool the server offers, in the order `tools/list` shows them. */
import { logDecisionTool, logOutcomeTool, logSurpriseTool, progressTool } from './edits.js';
import { artifactsTool, runCommandTool } from './evidence.js';
import { archivePlanTool, lintPlanTool, reopenPlanTool, resumePlanTool } from './lifecycle.js';
import { createPlanTool, listPlansTool, showPlanTool } from './plans.js';

/** The server's tools. */
export const TOOLS = [listPlansTool, showPlanTool, resumePlanTool, createPlanTool, progressTool, logDecisionTool, logSurpriseTool, logOutcomeTool, runCommandTool, artifactsTool, lintPlanTool, archivePlanTool, reopenPlanTool] as const;
