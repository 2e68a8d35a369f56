/**
 * Three-way merge of a living section, entry by entry. Entries added on either side are all kept,
 * once, in timestamp order where they have timestamps; a tick on either side is kept with its
 * timestamp; an item split on one side and ticked on the other gives the split; an entry removed
 * on one side and untouched on the other is removed. Two different changes to one entry are merged
 * line by line, and only lines changed differently on both sides become a conflict.
 */
import type { Entry, EntryBody } from './entries.js';
import { conflictBlock, mergeText, withEol, type MergeLabels } from './text.js';

const START = '\u0000start';

interface Out {
  content: string;
  sep: string;
}

/** Merge the three versions of a section body; returns the merged body and its number of conflicts. */
export function mergeEntryBodies(base: EntryBody, ours: EntryBody, theirs: EntryBody, labels: MergeLabels, eol: string): { text: string; conflicts: number } {
  let conflicts = 0;
  const head = mergeText(base.head, ours.head, theirs.head, labels, eol);
  const tail = mergeText(base.tail, ours.tail, theirs.tail, labels, eol);
  conflicts += head.conflicts + tail.conflicts;

  const o = byKey(base.entries);
  const a = byKey(ours.entries);
  const b = byKey(theirs.entries);
  const insA = insertions(ours.entries, o);
  const insB = insertions(theirs.entries, o);
  // New content for entries added by ours: the same entry added by theirs, ticked, or a conflict.
  const override = new Map<Entry, string>();
  const addedByOurs = new Map<string, Entry>();
  for (const group of insA.values()) for (const e of group) addedByOurs.set(e.key, e);
  const twins = new Set<Entry>();
  for (const group of insB.values()) {
    for (const e of group) {
      const twin = addedByOurs.get(e.key);
      if (!twin) continue;
      twins.add(e);
      if (twin.content === e.content) continue;
      const pick = sameButStamp(twin, e);
      if (pick === e) override.set(twin, e.content);
      else if (pick === undefined) {
        conflicts++;
        override.set(twin, conflictBlock(twin.content, e.content, labels, eol));
      }
    }
  }

  // What becomes of each base entry: its merged content, or nothing when it is removed.
  const merged = new Map<string, string>();
  for (const entry of base.entries) {
    const key = entry.key;
    const ea = a.get(key);
    const eb = b.get(key);
    if (ea && eb) {
      const m = mergeEntry(entry, ea, eb, labels, eol);
      conflicts += m.conflicts;
      merged.set(key, m.content);
      continue;
    }
    const kept = ea ?? eb;
    // Removed on both sides, or removed on one and untouched on the other.
    if (!kept || kept.content === entry.content) continue;
    const replaced = replacement(ea ? theirs.entries : ours.entries, o, key, ea ? insB : insA);
    const tickedOnly = kept.done && !entry.done;
    if (tickedOnly && replaced.some((r) => r.done)) continue; // split on one side, ticked on the other: the split
    if (tickedOnly && replaced.length === 1 && replaced[0]!.box && !replaced[0]!.done) {
      // Reworded on one side, ticked on the other: the new wording, ticked.
      override.set(replaced[0]!, tick(replaced[0]!, kept));
      continue;
    }
    conflicts++;
    merged.set(key, ea ? conflictBlock(ea.content, '', labels, eol) : conflictBlock('', kept.content, labels, eol));
  }

  const out: Out[] = [];
  const emitGroup = (slot: string) => {
    const gb = (insB.get(slot) ?? []).filter((e) => !twins.has(e));
    for (const e of interleave(insA.get(slot) ?? [], gb)) out.push({ content: override.get(e) ?? e.content, sep: e.sep });
  };
  emitGroup(START);
  for (const entry of base.entries) {
    const content = merged.get(entry.key);
    if (content !== undefined) out.push({ content, sep: a.get(entry.key)?.sep || b.get(entry.key)?.sep || entry.sep });
    emitGroup(entry.key);
  }

  const listSep = typicalSep(ours.entries) ?? typicalSep(theirs.entries) ?? typicalSep(base.entries) ?? '';
  let body = head.text;
  out.forEach((e, i) => {
    body += i === out.length - 1 ? e.content : withEol(e.content, eol) + (e.sep || listSep);
  });
  return { text: body + tail.text, conflicts };
}

function byKey(entries: readonly Entry[]): Map<string, Entry> {
  return new Map(entries.map((e) => [e.key, e]));
}

/** Each side's new entries, grouped by the base entry they follow (START for those before any). */
function insertions(entries: readonly Entry[], base: Map<string, Entry>): Map<string, Entry[]> {
  const groups = new Map<string, Entry[]>();
  let slot = START;
  for (const e of entries) {
    if (base.has(e.key)) slot = e.key;
    else {
      const g = groups.get(slot);
      if (g) g.push(e);
      else groups.set(slot, [e]);
    }
  }
  return groups;
}

/** The entries a side put where base entry `key` was, when it removed it: its new entries right after the previous kept one. */
function replacement(entries: readonly Entry[], base: Map<string, Entry>, key: string, ins: Map<string, Entry[]>): Entry[] {
  const keys = [...base.keys()];
  const present = new Set(entries.map((e) => e.key));
  let i = keys.indexOf(key) - 1;
  while (i >= 0 && !present.has(keys[i]!)) i--;
  return ins.get(i >= 0 ? keys[i]! : START) ?? [];
}

/** Merge an entry both sides kept. */
function mergeEntry(base: Entry, ours: Entry, theirs: Entry, labels: MergeLabels, eol: string): { content: string; conflicts: number } {
  if (ours.content === theirs.content || theirs.content === base.content) return { content: ours.content, conflicts: 0 };
  if (ours.content === base.content) return { content: theirs.content, conflicts: 0 };
  // Ticked on both sides at different moments: the first tick is when it was done.
  const pick = sameButStamp(ours, theirs);
  if (pick) return { content: pick.content, conflicts: 0 };
  const merged = mergeText(base.content, ours.content, theirs.content, labels, eol);
  return { content: merged.text, conflicts: merged.conflicts };
}

/**
 * For two versions of one item that differ only in their box and timestamp: the done one, or the
 * one done first. Undefined when they differ otherwise.
 */
function sameButStamp(ours: Entry, theirs: Entry): Entry | undefined {
  if (!ours.box || !theirs.box || unstamped(ours) !== unstamped(theirs)) return undefined;
  if (ours.done !== theirs.done) return ours.done ? ours : theirs;
  if (ours.epoch !== undefined && theirs.epoch !== undefined && theirs.epoch < ours.epoch) return theirs;
  return ours;
}

/** An item's content without its box mark and timestamp. */
function unstamped(e: Entry): string {
  let c = e.content;
  if (e.stamp) c = c.slice(0, e.stamp.start) + c.slice(e.stamp.end);
  if (e.box) c = c.slice(0, e.box.start) + c.slice(e.box.end);
  return c.replace(/[ \t]+/g, ' ');
}

/** `item` ticked as `done` is: its box marked and `done`'s timestamp after the box. */
function tick(item: Entry, done: Entry): string {
  const box = item.box!;
  let c = item.content;
  const stamp = done.stamp?.raw;
  if (stamp && item.stamp?.place === 'start') c = c.slice(0, item.stamp.start) + stamp + c.slice(item.stamp.end);
  else if (stamp) c = `${c.slice(0, box.end)} ${stamp}${c.slice(box.end)}`;
  return `${c.slice(0, box.start)}[x]${c.slice(box.end)}`;
}

/** Entries of both sides in one list: by timestamp where both have one, ours first otherwise; each side's own order kept. */
function interleave(ours: readonly Entry[], theirs: readonly Entry[]): Entry[] {
  if (!theirs.length) return [...ours];
  if (!ours.length) return [...theirs];
  const out: Entry[] = [];
  let i = 0;
  let j = 0;
  while (i < ours.length && j < theirs.length) {
    const x = ours[i]!;
    const y = theirs[j]!;
    if (x.epoch !== undefined && y.epoch !== undefined && y.epoch < x.epoch) out.push(theirs[j++]!);
    else out.push(ours[i++]!);
  }
  return out.concat(ours.slice(i), theirs.slice(j));
}

/** The blank lines a list puts between its entries, as its entries other than the last show it. */
function typicalSep(entries: readonly Entry[]): string | undefined {
  return entries.length > 1 ? entries[0]!.sep : undefined;
}
