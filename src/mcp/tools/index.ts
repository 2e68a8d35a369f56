/** Every tool the server offers, in the order `tools/list` shows them. */
import { logDecisionTool, logOutcomeTool, logSurpriseTool, progressTool } from './edits.js';
import { archivePlanTool, lintPlanTool, resumePlanTool } from './lifecycle.js';
import { createPlanTool, listPlansTool, showPlanTool } from './plans.js';

/** The server's tools. */
export const TOOLS = [listPlansTool, showPlanTool, resumePlanTool, createPlanTool, progressTool, logDecisionTool, logSurpriseTool, logOutcomeTool, lintPlanTool, archivePlanTool] as const;
