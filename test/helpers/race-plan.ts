/** The plan the editor-race tests save and edit, and what makes one of its versions whole. */
export const RACE_PLAN = `# Race plan

This ExecPlan is a living document. Editor save 0.

## Purpose / Big Picture

An editor and execplan write this plan at once.

## Progress

- [ ] Start.

## Decision Log

- Decision: race them.
  Rationale: to count what is lost.

## Outcomes & Retrospective

Nothing yet.

End of plan.
`;

const SECTIONS = ['## Purpose / Big Picture\n', '## Progress\n', '## Decision Log\n', '## Outcomes & Retrospective\n'];

/** Whether `text` is a whole version of the race plan (an editor's save, with or without execplan's edits). */
export function isWholeRacePlan(text: string): boolean {
  return text.startsWith('# Race plan\n') && text.endsWith('\nEnd of plan.\n') && SECTIONS.every((s) => text.includes(s));
}
