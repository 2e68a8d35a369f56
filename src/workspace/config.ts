/**
 * The workspace configuration: `execplan.json` at the repository root.
 *
 * No file is needed for the specification's default layout. When one exists it is validated, and
 * every problem is reported with its JSON path and what is expected.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { LintSettingsInput, RuleSettingInput } from '../core/lint-settings.js';
import type { SectionSettings } from '../core/rule-types.js';
import { SECTION_KEYS } from '../core/sections.js';
import { ExecplanError } from './errors.js';

/** The configuration file's name, at the repository root. */
export const CONFIG_FILE = 'execplan.json';

/** The resolved configuration: every field filled in. Paths are repository-relative, with `/`. */
export interface Config {
  /** Absolute path of the repository root. */
  root: string;
  /** Absolute path of the configuration file, when there is one. */
  file?: string;
  paths: {
    active: string;
    archive: string;
    artifacts: string;
    archiveArtifacts: string;
  };
  sections: SectionSettings;
  timestamps: {
    style: 'local' | 'utc';
    /** Whether execplan.json sets the style; when it does not, edits write in the style a plan already uses. */
    explicit?: boolean;
  };
  author?: string;
  lint: Required<LintSettingsInput>;
}

/** The layout the specification describes. */
export const DEFAULT_PATHS: Config['paths'] = {
  active: '.agent/execplans',
  archive: '.agent/execplans/archive',
  artifacts: '.agent/execplans/artifacts',
  archiveArtifacts: '.agent/execplans/archive/artifacts',
};

const PATH_KEYS = ['active', 'archive', 'artifacts', 'archiveArtifacts'] as const;

/** The configuration a workspace without `execplan.json` gets. */
function defaultConfig(root: string): Config {
  return {
    root,
    paths: { ...DEFAULT_PATHS },
    sections: { required: [...SECTION_KEYS], order: [...SECTION_KEYS], aliases: {}, custom: [] },
    timestamps: { style: 'local' },
    lint: { profile: 'strict', rules: {} },
  };
}

/** Read and validate `execplan.json` in `root`, or return the defaults when there is none. */
export function loadConfig(root: string): Config {
  const file = path.join(root, CONFIG_FILE);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return defaultConfig(root);
    throw new ExecplanError('CONFIG_UNREADABLE', `Cannot read ${CONFIG_FILE}: ${(err as Error).message}.`, { file });
  }
  return parseConfig(text, root, file);
}

/** Validate configuration text. Throws an ExecplanError that lists every problem. */
export function parseConfig(text: string, root: string, file = path.join(root, CONFIG_FILE)): Config {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    const m = /position (\d+)/.exec((err as Error).message);
    const line = m ? text.slice(0, Number(m[1])).split('\n').length : undefined;
    throw new ExecplanError('CONFIG_INVALID', `${CONFIG_FILE} is not valid JSON${line ? ` (line ${line})` : ''}: ${(err as Error).message}. Fix the syntax, or delete the file to use the defaults.`, { file, ...(line ? { line } : {}) });
  }
  const problems: string[] = [];
  const cfg = defaultConfig(root);
  cfg.file = file;
  if (!isObject(raw)) {
    throw new ExecplanError('CONFIG_INVALID', `${CONFIG_FILE} must hold a JSON object, like {"paths": {"active": "docs/execplans"}}.`, { file });
  }
  checkKeys(raw, ['$schema', 'paths', 'sections', 'timestamps', 'author', 'lint'], '', problems);

  const p = group(raw, 'paths', PATH_KEYS, '"paths" must be an object with "active", "archive", "artifacts" and "archiveArtifacts".', problems);
  if (p) {
    for (const k of PATH_KEYS) {
      if (p[k] === undefined) continue;
      const v = p[k];
      const bad = typeof v !== 'string' || !v.trim() ? 'must be a non-empty string' : relativeProblem(v);
      if (bad) problems.push(`"paths.${k}" ${bad} (got ${JSON.stringify(v)}).`);
      else cfg.paths[k] = normalizeRel(v as string);
    }
    // Folders not given follow the active folder, as the specification nests them.
    if (p.active !== undefined) {
      if (p.archive === undefined) cfg.paths.archive = `${cfg.paths.active}/archive`;
      if (p.artifacts === undefined) cfg.paths.artifacts = `${cfg.paths.active}/artifacts`;
    }
    if (p.archiveArtifacts === undefined && (p.archive !== undefined || p.active !== undefined)) {
      cfg.paths.archiveArtifacts = `${cfg.paths.archive}/artifacts`;
    }
    // Each folder has its own job: plans and their archive in one folder would list every plan twice.
    PATH_KEYS.forEach((k, i) => {
      // A folder that only follows another (archive/artifacts under the archive) is that one's problem, said once.
      const same = PATH_KEYS.slice(0, i).find((o) => cfg.paths[o] === cfg.paths[k] && (p[k] !== undefined || p[o] !== undefined));
      if (same) problems.push(`"paths.${k}" is the same folder as "paths.${same}" (${JSON.stringify(cfg.paths[k])}); give each its own folder, such as "${cfg.paths.active}/${k === 'archive' ? 'archive' : k === 'artifacts' ? 'artifacts' : 'archive/artifacts'}".`);
    });
  }

  const customKeys = new Set<string>();
  const s = group(raw, 'sections', ['required', 'order', 'aliases', 'custom'], '"sections" must be an object.', problems);
  if (s) {
    if (s.custom !== undefined) {
      if (!Array.isArray(s.custom)) problems.push('"sections.custom" must be a list of {"key", "title"} objects.');
      else
        s.custom.forEach((c, i) => {
          if (!isObject(c) || typeof c.key !== 'string' || !/^[a-z][a-z0-9-]*$/.test(c.key) || typeof c.title !== 'string' || !c.title.trim()) {
            problems.push(`"sections.custom[${i}]" must be {"key": "kebab-case-key", "title": "Heading"} (got ${JSON.stringify(c)}).`);
            return;
          }
          if ((SECTION_KEYS as readonly string[]).includes(c.key)) problems.push(`"sections.custom[${i}].key" "${c.key}" is a canonical section; use "sections.aliases" to add spellings to it.`);
          const aliases = Array.isArray(c.aliases) ? c.aliases.filter((a): a is string => typeof a === 'string') : undefined;
          cfg.sections.custom.push({ key: c.key, title: c.title, ...(aliases ? { aliases } : {}), ...(typeof c.guidance === 'string' ? { guidance: c.guidance } : {}) });
          customKeys.add(c.key);
        });
    }
    const known = new Set([...SECTION_KEYS, ...customKeys]);
    const keyList = (name: 'required' | 'order') => {
      const v = s[name];
      if (v === undefined) return;
      if (!Array.isArray(v) || v.some((k) => typeof k !== 'string')) {
        problems.push(`"sections.${name}" must be a list of section keys.`);
        return;
      }
      const unknown = (v as string[]).filter((k) => !known.has(k));
      if (unknown.length) problems.push(`"sections.${name}" names unknown section key(s) ${unknown.map((k) => `"${k}"`).join(', ')}; known keys: ${[...known].join(', ')}.`);
      else cfg.sections[name] = [...(v as string[])];
    };
    keyList('required');
    keyList('order');
    if (s.order === undefined && customKeys.size) cfg.sections.order = [...SECTION_KEYS, ...customKeys];
    if (s.aliases !== undefined) {
      if (!isObject(s.aliases)) problems.push('"sections.aliases" must map section keys to lists of headings.');
      else
        for (const [k, v] of Object.entries(s.aliases)) {
          if (!known.has(k)) problems.push(`"sections.aliases" names unknown section key "${k}"; known keys: ${[...known].join(', ')}.`);
          else if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) problems.push(`"sections.aliases.${k}" must be a list of headings.`);
          else cfg.sections.aliases[k] = v as string[];
        }
    }
  }

  const t = group(raw, 'timestamps', ['style'], '"timestamps" must be an object like {"style": "local"}.', problems);
  if (t) {
    if (t.style !== undefined && t.style !== 'local' && t.style !== 'utc') problems.push(`"timestamps.style" must be "local" or "utc" (got ${JSON.stringify(t.style)}).`);
    else if (t.style) cfg.timestamps = { style: t.style, explicit: true };
  }

  if (raw.author !== undefined) {
    if (typeof raw.author !== 'string' || !raw.author.trim()) problems.push('"author" must be a non-empty string.');
    else cfg.author = raw.author.trim();
  }

  const l = group(raw, 'lint', ['profile', 'rules'], '"lint" must be an object like {"profile": "recommended", "rules": {}}.', problems);
  if (l) {
    if (l.profile !== undefined && l.profile !== 'strict' && l.profile !== 'recommended') problems.push(`"lint.profile" must be "strict" or "recommended" (got ${JSON.stringify(l.profile)}).`);
    else if (l.profile) cfg.lint.profile = l.profile;
    if (l.rules !== undefined) {
      if (!isObject(l.rules)) problems.push('"lint.rules" must map rule ids to "off", "warn", "error" or ["warn", {options}].');
      else
        for (const [id, v] of Object.entries(l.rules)) {
          const sev = Array.isArray(v) ? v[0] : v;
          const opts = Array.isArray(v) ? v[1] : undefined;
          if (sev !== 'off' && sev !== 'warn' && sev !== 'error') problems.push(`"lint.rules.${id}" must be "off", "warn" or "error", or a list starting with one (got ${JSON.stringify(v)}).`);
          else if (Array.isArray(v) && (v.length > 2 || (opts !== undefined && !isObject(opts)))) problems.push(`"lint.rules.${id}" options must be one object, as in ["${sev}", {"option": value}].`);
          else cfg.lint.rules[id] = v as RuleSettingInput;
        }
    }
  }

  if (problems.length) {
    throw new ExecplanError('CONFIG_INVALID', `${CONFIG_FILE} has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}:\n${problems.map((p) => `  - ${p}`).join('\n')}`, { file });
  }
  return cfg;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `raw[key]` when it is an object, its settings checked against `allowed`; undefined when it is absent or not an object (`expected` says what it must be). */
function group(raw: Record<string, unknown>, key: string, allowed: readonly string[], expected: string, problems: string[]): Record<string, unknown> | undefined {
  const v = raw[key];
  if (v === undefined) return undefined;
  if (!isObject(v)) {
    problems.push(expected);
    return undefined;
  }
  checkKeys(v, allowed, `${key}.`, problems);
  return v;
}

function checkKeys(obj: Record<string, unknown>, allowed: readonly string[], prefix: string, problems: string[]): void {
  for (const k of Object.keys(obj)) {
    if (!allowed.includes(k)) problems.push(`"${prefix}${k}" is not a setting; expected one of ${allowed.filter((a) => a !== '$schema').map((a) => `"${prefix}${a}"`).join(', ')}.`);
  }
}

function relativeProblem(p: string): string | undefined {
  if (path.isAbsolute(p) || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('~')) return 'must be a path relative to the repository root';
  if (p.split(/[\\/]/).includes('..')) return 'must stay inside the repository (no "..")';
  if (p.includes('\0')) return 'must not contain NUL bytes';
  return undefined;
}

function normalizeRel(p: string): string {
  return path.posix.normalize(p.replace(/\\/g, '/')).replace(/^\.\//, '').replace(/(?<!\/)\/+$/, '') || '.';
}
