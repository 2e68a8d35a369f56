/** Rules about Progress: a checkbox list, item style, timestamps present, styled, valid and in order. */
import { rule as progressChecklist } from '../../src/rules/progress-checklist.js';
import { rule as progressItemStyle } from '../../src/rules/progress-item-style.js';
import { rule as progressTimestamp } from '../../src/rules/progress-timestamp.js';
import { rule as timestampOrder } from '../../src/rules/timestamp-order.js';
import { rule as timestampStyle } from '../../src/rules/timestamp-style.js';
import { rule as timestampValid } from '../../src/rules/timestamp-valid.js';
import { GOOD, ruleTable } from './helpers.js';

/** A plan whose Progress section holds `items` (lines 5 onwards). */
const progress = (items: string) => `# T\n\n## Progress\n\n${items}\n## Decision Log\n\nNone yet.\n`;
const utc = { timestampStyle: 'utc' as const };

ruleTable(progressChecklist, {
  valid: [
    { name: 'the good plan', text: GOOD },
    { name: 'notes nested under an item', text: progress('- [x] (2026-01-05 09:00) Did it.\n  - a note on it\n- [ ] Next.\n') },
    { name: 'sub-headings between item groups', text: progress('### Milestone 1\n\n- [x] (2026-01-05 09:00) Did it.\n\n### Milestone 2\n\n- [ ] Next.\n') },
    { name: 'a checkbox-like line in an item\'s own text or in code', text: progress('- [x] (2026-01-05 09:00) Did it,\n[x] as the log says.\n\n```\n[ ] not an item\n```\n') },
  ],
  invalid: [
    { name: 'prose only', text: progress('Work has started.\n'), errors: [{ line: 3, message: /no checkbox items/ }] },
    { name: 'a plain bullet beside checkboxes', text: progress('- [x] (2026-01-05 09:00) Did it.\n- Next: write the docs.\n'), errors: [{ line: 6, column: 1, message: /"Next: write the docs\." has no checkbox/ }], output: null },
    {
      // Marked, they would become items the other rules judge (a stamp at the end of the line).
      name: 'a Progress of bare checkboxes only gets no marker fix',
      text: progress('[x] Did it. (2026-01-05)\n[ ] Next.\n'),
      errors: [{ line: 5, column: 1, message: /"\[x\] Did it\. \(2026-01-05\)" has no list marker; expected "- \[x\] Did it/ }, { line: 6 }],
      output: null,
    },
    {
      name: 'a bare checkbox beside list items takes their marker',
      text: progress('* [x] (2026-01-05 09:00) Did it.\n\n[ ] Next.\n'),
      errors: [{ line: 7 }],
      output: progress('* [x] (2026-01-05 09:00) Did it.\n\n* [ ] Next.\n'),
    },
  ],
});

ruleTable(progressItemStyle, {
  valid: [
    { name: 'the good plan', text: GOOD },
    { name: 'one marker used throughout', text: progress('* [x] (2026-01-05 09:00) a\n* [ ] b\n') },
    { name: 'a tie between markers is left alone', text: progress('- [ ] a\n\n* [ ] b\n') },
    { name: 'an ordered list', text: progress('1. [ ] a\n2. [ ] b\n') },
  ],
  invalid: [
    { name: 'upper-case X', text: progress('- [X] (2026-01-05 09:00) a\n'), errors: [{ line: 5, column: 3, message: /"\[X\]"/ }], output: progress('- [x] (2026-01-05 09:00) a\n') },
    { name: 'a stray marker', text: progress('- [ ] a\n- [ ] b\n* [ ] c\n  continued\n'), errors: [{ line: 7, column: 1, message: /"\*" marker; expected "-"/ }], output: progress('- [ ] a\n- [ ] b\n- [ ] c\n  continued\n') },
    { name: 'both on one item', text: progress('- [ ] a\n- [ ] b\n+ [X] c\n'), errors: [{ line: 7, column: 1 }, { line: 7, column: 3 }], output: progress('- [ ] a\n- [ ] b\n- [x] c\n') },
  ],
});

ruleTable(progressTimestamp, {
  valid: [
    { name: 'the good plan', text: GOOD },
    { name: 'open items need none', text: progress('- [ ] a\n- [~] b\n') },
    { name: 'a date at the end counts', text: progress('- [x] Milestone 1: shipped (2026-01-05)\n') },
    { name: 'a date at the end in emphasis counts', text: progress('- [x] Added the resolution dialog. *(2025-10-28)*\n') },
  ],
  invalid: [
    { name: 'a done item without one', text: progress('- [x] Shipped the importer.\n'), errors: [{ line: 5, column: 6, message: /expected it to start with one in the form "\(YYYY-MM-DD HH:MM\)"/ }] },
    { name: 'a timestamp after a note', text: progress('- [x] (TASK_01.md) (2025-02-14 11:05) Audited the chat view.\n'), errors: [{ line: 5, message: /has its timestamp "\(2025-02-14 11:05\)" inside its text; expected it at the start/ }] },
    { name: 'the utc example', text: progress('- [x] Shipped.\n'), ctx: utc, errors: [{ line: 5, message: /"\(YYYY-MM-DD HH:MMZ\)"/ }] },
  ],
});

ruleTable(timestampStyle, {
  valid: [
    { name: 'the good plan', text: GOOD },
    { name: 'utc style', text: progress('- [x] (2026-01-05 09:00Z) a\n'), ctx: utc },
    { name: 'invalid dates are left to timestamp-valid', text: progress('- [x] (2026-02-30 09:00) a\n') },
    { name: 'no style configured: the plan\'s own utc style', text: progress('- [x] (2026-01-05 09:00Z) a\n- [x] (2026-01-05 10:00Z) b\n'), ctx: { timestampStyleFromPlan: true } },
    { name: 'no style configured: ISO stamps with an offset throughout', text: progress('- [x] (2026-05-08 00:00+08:00) a\n- [x] (2026-05-08 09:30+08:00) b\n'), ctx: { timestampStyleFromPlan: true } },
    { name: 'no style configured: bare date and time opening every item', text: progress('- [x] 2026-08-16 14:17 — a\n- [x] 2026-08-16 14:43 — b\n'), ctx: { timestampStyleFromPlan: true } },
  ],
  invalid: [
    { name: 'a date only', text: progress('- [x] (2026-01-05) a\n'), errors: [{ line: 5, column: 7, message: /^The timestamp "\(2026-01-05\)" has a date but no time; expected "\(YYYY-MM-DD HH:MM\)"\.$/ }], output: null },
    {
      name: 'nothing configured: the skeleton is named, not a configuration',
      text: progress('- [x] (2026-01-05) a\n- [x] (2026-01-06 10:00 CET) b\n'),
      ctx: { timestampStyleFromPlan: true },
      errors: [{ line: 5, message: /has a date but no time/ }, { line: 6, message: /^The timestamp "\(2026-01-06 10:00 CET\)" is not in the skeleton's local style; expected "\(YYYY-MM-DD HH:MM\)"\.$/ }],
      output: null,
    },
    {
      name: 'nothing configured: a date only in a plan of ISO offset stamps',
      text: progress('- [x] (2026-05-08 00:00+08:00) a\n- [x] (2026-05-08 09:30+08:00) b\n- [x] (2026-05-09) c\n'),
      ctx: { timestampStyleFromPlan: true },
      errors: [{ line: 7, message: /^The timestamp "\(2026-05-09\)" has a date but no time; expected "\(2026-05-08 00:00\+08:00\)"\.$/ }],
      output: null,
    },
    {
      name: 'a zoned stamp at the end of the item: its place and form, not a missing stamp',
      text: progress('- [x] Moved the queue to the new host 2026-04-06 10:13 CDT\n'),
      errors: [{ line: 5, column: 39, message: /^The timestamp "2026-04-06 10:13 CDT" stands at the end of the item; expected it at the start/ }],
      output: null,
    },
    { name: 'utc in a local workspace', text: progress('- [x] (2026-01-05 09:00Z) a\n'), errors: [{ line: 5 }], output: null },
    { name: 'ISO with zero seconds becomes utc', text: progress('- [x] (2026-01-05T09:00:00Z) a\n'), ctx: utc, errors: [{ line: 5 }], output: progress('- [x] (2026-01-05 09:00Z) a\n') },
    { name: 'an explicit UTC zone', text: progress('- [x] (2026-01-05 09:00 UTC) a\n'), ctx: utc, errors: [{ line: 5 }], output: progress('- [x] (2026-01-05 09:00Z) a\n') },
    { name: 'ISO without a zone becomes local', text: progress('- [x] (2026-01-05T09:00) a\n'), errors: [{ line: 5 }], output: progress('- [x] (2026-01-05 09:00) a\n') },
    { name: 'seconds would be lost: no fix', text: progress('- [x] (2026-01-05T09:00:31Z) a\n'), ctx: utc, errors: [{ line: 5 }], output: null },
    { name: 'a date at the end', text: progress('- [x] a (2026-01-05 09:00)\n'), errors: [{ line: 5, column: 9, message: /stands at the end of the item; expected it at the start/ }], output: null },
    {
      name: 'no style configured: the odd one out in a plan of utc stamps',
      text: progress('- [x] (2026-01-05 09:00Z) a\n- [x] (2026-01-05 10:00Z) b\n- [x] (2026-01-05 11:00) c\n'),
      ctx: { timestampStyleFromPlan: true },
      errors: [{ line: 7, message: /"\(2026-01-05 11:00\)" is not in the utc style the plan's other timestamps use; expected "\(YYYY-MM-DD HH:MMZ\)"/ }],
      output: null,
    },
    {
      name: 'every timestamp in utc in a local workspace: one finding naming the setting',
      text: progress('- [x] (2026-01-05 09:00Z) a\n- [x] (2026-01-05 10:00Z) b\n- [ ] (2026-01-06 08:00Z) c\n'),
      errors: [{ line: 5, column: 7, message: /^All 3 Progress timestamps are in the utc style "\(YYYY-MM-DD HH:MMZ\)", not the configured local style; expected "\(YYYY-MM-DD HH:MM\)", or "timestamps": \{"style": "utc"\} in execplan\.json to keep them\.$/ }],
      output: null,
    },
    {
      name: 'every timestamp local in a utc workspace: one finding',
      text: progress('- [x] (2026-01-05 09:00) a\n- [x] (2026-01-05 10:00) b\n'),
      ctx: utc,
      errors: [{ line: 5, message: /^All 2 Progress timestamps are in the local style/ }],
      output: null,
    },
    {
      name: 'mixed forms are reported one by one',
      text: progress('- [x] (2026-01-05 09:00Z) a\n- [x] (2026-01-05) b\n'),
      errors: [{ line: 5, message: /not in the configured local style/ }, { line: 6, message: /has a date but no time/ }],
      output: null,
    },
  ],
});

ruleTable(timestampValid, {
  valid: [
    { name: 'the good plan', text: GOOD },
    { name: 'a naive time a few hours ahead (another zone)', text: progress('- [x] (2026-01-10 20:00) a\n') },
    { name: "tomorrow's date, already today in the east", text: progress('- [x] (2026-01-11) a\n') },
    { name: 'a zoned time within the tolerance', text: progress('- [x] (2026-01-10 12:04Z) a\n') },
  ],
  invalid: [
    { name: 'no such day', text: progress('- [x] (2026-02-30 09:00) a\n'), errors: [{ line: 5, column: 7, message: /not a real date/ }] },
    { name: 'no such hour', text: progress('- [ ] (2026-01-05 25:00) a\n'), errors: [{ line: 5 }] },
    { name: 'a zoned time in the future', text: progress('- [x] (2026-01-10 12:30Z) a\n'), errors: [{ line: 5, message: /in the future; expected a time that has already passed\./ }] },
    { name: 'a naive time past any zone', text: progress('- [x] (2026-01-11 03:00) a\n'), errors: [{ line: 5 }] },
    { name: 'a tolerance of zero minutes', text: progress('- [x] (2026-01-10 12:04Z) a\n'), options: { toleranceMinutes: 0 }, errors: [{ line: 5 }] },
    { name: 'a decision dated next year', text: '# T\n\n## Decision Log\n\n- Decision: a\n  Rationale: b\n  Date/Author: 2027-01-05 / Dana\n', errors: [{ line: 7, column: 16, message: /"2027-01-05" is in the future/ }] },
    { name: 'a decision on February 30th', text: '# T\n\n## Decision Log\n\n- Decision: a\n  Rationale: b\n  Date/Author: 2026-02-30 / Dana\n', errors: [{ line: 7, message: /not a real date/ }] },
  ],
});

ruleTable(timestampOrder, {
  valid: [
    { name: 'the good plan', text: GOOD },
    { name: 'in order', text: progress('- [x] (2026-01-05 09:00) a\n- [x] (2026-01-05 10:00) b\n- [x] (2026-01-06) c\n') },
    { name: 'the same day, one with a time', text: progress('- [x] (2026-01-05 18:00) a\n- [x] (2026-01-05) b\n') },
    { name: 'naive and zoned within a zone apart', text: progress('- [x] (2026-01-05 18:00) a\n- [x] (2026-01-05 09:00Z) b\n') },
    { name: 'open items are not compared', text: progress('- [x] (2026-01-05 09:00) a\n- [ ] (2026-01-01 09:00) b\n') },
    { name: 'nested items are not compared', text: progress('- [x] (2026-01-05 09:00) a\n  - [x] (2026-01-04 09:00) part of a\n') },
  ],
  invalid: [
    { name: 'back an hour', text: progress('- [x] (2026-01-05 10:00) a\n- [x] (2026-01-05 09:00) b\n'), errors: [{ line: 6, column: 7, message: /earlier than "\(2026-01-05 10:00\)" on line 5/ }] },
    { name: 'back a day', text: progress('- [x] (2026-01-06) a\n- [x] (2026-01-05 23:00Z) b\n'), errors: [{ line: 6 }] },
  ],
});
