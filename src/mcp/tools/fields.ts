/** Schema pieces several tools share, kept short: every word here is sent to the client in `tools/list`. */
import { z } from 'zod';

/** The plan a tool works on. */
export const planField = z.string().describe('Plan id, id prefix, or workspace-relative path');

/** A plan's state, as `list` reports it. */
export const stateField = z.enum(['not started', 'in progress', 'complete', 'archived']);

/** A Progress item: its number, or a piece of its text that names it alone. */
export const itemField = z.union([z.number().int(), z.string()]).describe('Item number, or text naming it');
