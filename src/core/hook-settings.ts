/**
 * Adding execplan's hook entries to an agent's settings file, and taking them out again, as edits
 * on the file's text (jsonc-parser): comments, formatting and every other setting stay byte for
 * byte; only the entries themselves (and the lists or objects they need) are written. Pure.
 */
import { findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode, type FormattingOptions, type JSONPath, type Node, type ParseError } from 'jsonc-parser';
import { HOOK_EVENTS, hookCommand, isExecplanHook, type AgentHooks } from './agent-hooks.js';

/** Why a settings file cannot be edited: what is wrong and where. */
export interface SettingsProblem {
  message: string;
  line?: number;
}

/** The result of an install or an uninstall: the new text, or the problem that stopped it. */
export type SettingsEdit = { ok: true; text: string; changed: string[] } | { ok: false; problem: SettingsProblem };

const PARSE_OPTIONS = { allowTrailingComma: true, disallowComments: false };

/** The text with the hook entries of `agent` for every event added where missing. `changed` names the events added. */
export function installHooks(withBom: string, agent: AgentHooks): SettingsEdit {
  const bom = withBom.startsWith('\uFEFF') ? '\uFEFF' : '';
  const text = withBom.slice(bom.length);
  let current = text.trim() === '' ? text + agent.emptyFile : text;
  const changed: string[] = [];
  for (const event of HOOK_EVENTS) {
    const checked = check(current);
    if (!checked.ok) return checked;
    const native = agent.events[event];
    const listPath = [...agent.eventsPath, native];
    const list = findNodeAtLocation(checked.root, listPath);
    const command = hookCommand(agent.id, event);
    if (list) {
      if (list.type !== 'array') return problem(current, list, `"${listPath.join('.')}" is not a list; ${agent.name} expects a list of hooks there`);
      if (commandsIn(list, agent).some((c) => c.command === command)) continue;
    } else {
      const parent = findNodeAtLocation(checked.root, agent.eventsPath as JSONPath);
      if (parent && parent.type !== 'object') return problem(current, parent, `"${agent.eventsPath.join('.')}" is not an object; ${agent.name} expects its hooks, by event, there`);
    }
    current = list ? append(current, list, undefined, agent.entry(command)) : addProperty(current, checked.root, listPath, [agent.entry(command)]);
    changed.push(native);
  }
  return { ok: true, text: bom + current, changed };
}

/** The text without execplan's hook entries; lists and objects left empty by that are removed too. */
export function uninstallHooks(withBom: string, agent: AgentHooks): SettingsEdit {
  const bom = withBom.startsWith('\uFEFF') ? '\uFEFF' : '';
  let current = withBom.slice(bom.length);
  const changed: string[] = [];
  for (const event of HOOK_EVENTS) {
    const native = agent.events[event];
    const listPath = [...agent.eventsPath, native];
    for (;;) {
      const checked = check(current);
      if (!checked.ok) return checked;
      const list = findNodeAtLocation(checked.root, listPath);
      if (!list || list.type !== 'array') break;
      const ours = commandsIn(list, agent).filter((c) => isExecplanHook(c.command));
      const last = ours[ours.length - 1];
      if (!last) break;
      // A group holding other hooks beside ours keeps them: only our hook goes.
      const whole = !agent.grouped || last.siblings === 1;
      const target: JSONPath = whole ? [...listPath, last.entry] : [...listPath, last.entry, 'hooks', last.hook];
      const next = remove(current, checked.root, target);
      if (next === current) break;
      current = next;
      if (!changed.includes(native)) changed.push(native);
    }
    // Remove what became empty: the event's list, then the events object.
    for (const p of [listPath, agent.eventsPath as JSONPath]) {
      const checked = check(current);
      if (!checked.ok) return checked;
      const node = findNodeAtLocation(checked.root, p);
      if (changed.includes(native) && node && (node.type === 'array' || node.type === 'object') && !node.children?.length) {
        current = remove(current, checked.root, p);
      }
    }
  }
  return { ok: true, text: bom + current, changed };
}

/**
 * Add `value` at the end of a container: an array element, or an object property when `key` is
 * given. Nothing before the insertion point changes; the new text follows the container's layout:
 * one line per child when its children are on their own lines, all on one line when they are not.
 */
function append(text: string, container: Node, key: string | undefined, value: unknown): string {
  const fmt = formatting(text);
  const unit = fmt.insertSpaces ? ' '.repeat(fmt.tabSize ?? 2) : '\t';
  const eol = fmt.eol ?? '\n';
  const children = container.children ?? [];
  const last = children[children.length - 1];
  const containerIndent = indentOf(text, container.offset);
  const member = (indent: string) => {
    const json = JSON.stringify(value, null, unit).split('\n').join(eol + indent);
    return key === undefined ? json : `${JSON.stringify(key)}: ${json}`;
  };
  if (last) {
    const lastStart = last.offset;
    const end = last.offset + last.length;
    if (!lineBreakBetween(text, container.offset, lastStart)) {
      const compact = JSON.stringify(value);
      return splice(text, end, `,${key === undefined ? '' : `${JSON.stringify(key)}:`}${compact}`);
    }
    const indent = indentOf(text, lastStart);
    return splice(text, end, `,${eol}${indent}${member(indent)}`);
  }
  // An empty container: the new child on its own line, the closing bracket on the container's indentation.
  const indent = containerIndent + unit;
  return splice(text, container.offset + 1, `${eol}${indent}${member(indent)}${eol}${containerIndent}`).replace(/(?:)/, '');
}

/** Add the property at `path` (whose parents may be missing) with `value`. */
function addProperty(text: string, root: Node, path: readonly string[], value: unknown): string {
  let node = root;
  let i = 0;
  for (; i < path.length - 1; i++) {
    const next = findNodeAtLocation(node, [path[i]!]);
    if (!next) break;
    node = next;
  }
  // The missing parents are built into the value.
  let built: unknown = value;
  for (let j = path.length - 1; j > i; j--) built = { [path[j]!]: built };
  return append(text, node, path[i], built);
}

/**
 * Remove the array element or object property at `path`, with the comma and spacing that joined it
 * to its neighbours: the exact reverse of `append`. The last child leaves an empty `[]` or `{}`.
 */
function remove(text: string, root: Node, path: JSONPath): string {
  const found = findNodeAtLocation(root, path);
  if (!found) return text;
  // A property is removed whole: its key, colon and value.
  const member = found.parent?.type === 'property' ? found.parent : found;
  const container = member.parent!;
  const siblings = container.children ?? [];
  const i = siblings.indexOf(member);
  const prev = siblings[i - 1];
  const next = siblings[i + 1];
  if (prev) return text.slice(0, prev.offset + prev.length) + text.slice(member.offset + member.length);
  if (next) return text.slice(0, member.offset) + text.slice(next.offset);
  return text.slice(0, container.offset + 1) + text.slice(container.offset + container.length - 1);
}

function splice(text: string, at: number, insert: string): string {
  return text.slice(0, at) + insert + text.slice(at);
}

/** The whitespace that starts the line holding `offset`. */
function indentOf(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(start, offset))![0];
}

function lineBreakBetween(text: string, from: number, to: number): boolean {
  const i = text.indexOf('\n', from);
  return i >= 0 && i < to;
}

/** Whether every hook of `agent` is in the text. */
export function hooksInstalled(text: string, agent: AgentHooks): boolean {
  const checked = check(text);
  if (!checked.ok) return false;
  return HOOK_EVENTS.every((event) => {
    const list = findNodeAtLocation(checked.root, [...agent.eventsPath, agent.events[event]]);
    return list?.type === 'array' && commandsIn(list, agent).some((c) => c.command === hookCommand(agent.id, event));
  });
}

/** The command of every hook in an event's list, with where it sits. */
function commandsIn(list: Node, agent: AgentHooks): { command: unknown; entry: number; hook: number; siblings: number }[] {
  const out: { command: unknown; entry: number; hook: number; siblings: number }[] = [];
  (list.children ?? []).forEach((entry, i) => {
    const value = getNodeValue(entry) as unknown;
    if (typeof value !== 'object' || value === null) return;
    if (!agent.grouped) return void out.push({ command: (value as { command?: unknown }).command, entry: i, hook: 0, siblings: 1 });
    const hooks = (value as { hooks?: unknown }).hooks;
    if (!Array.isArray(hooks)) return;
    hooks.forEach((h: unknown, j) => out.push({ command: (h as { command?: unknown } | null)?.command, entry: i, hook: j, siblings: hooks.length }));
  });
  return out;
}

function check(text: string): { ok: true; root: Node } | { ok: false; problem: SettingsProblem } {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, PARSE_OPTIONS);
  const first = errors[0];
  if (first) return { ok: false, problem: { message: `it is not valid JSON (${printParseErrorCode(first.error)})`, line: lineAt(text, first.offset) } };
  if (!root || root.type !== 'object') return { ok: false, problem: { message: 'it does not hold a JSON object', line: root ? lineAt(text, root.offset) : 1 } };
  return { ok: true, root };
}

function problem(text: string, node: Node, message: string): SettingsEdit {
  return { ok: false, problem: { message, line: lineAt(text, node.offset) } };
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** The file's own indentation and line ending, so added lines look like their neighbours. */
export function formatting(text: string): FormattingOptions {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  let indent: string | undefined;
  for (const line of text.split('\n')) {
    const m = /^([ \t]+)\S/.exec(line);
    if (m && (indent === undefined || m[1]!.length < indent.length)) indent = m[1]!;
  }
  if (indent?.startsWith('\t')) return { insertSpaces: false, tabSize: 1, eol };
  return { insertSpaces: true, tabSize: indent ? indent.length : 2, eol };
}
