/**
 * A plan's Markdown as safe HTML for the dashboard. Raw HTML in the plan is shown as text, never
 * run; links keep only the web and mail schemes; links to the repository's files, and file paths in
 * code spans that exist, go to a page that shows the file's text. Every block carries the id of its
 * first line (`L12`), so findings can point at their lines, and headings sit two levels down, under
 * the page's own.
 */
import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import { decodeOr, esc } from './escape.js';

/** Where the rendered links go, and what the repository holds. */
export interface MarkdownLinks {
  /** The page of a repository file (path with `/`, from the root), with an optional `#fragment`. */
  file(repoPath: string, fragment?: string): string;
  /** Whether a repository path names a file that exists. */
  exists(repoPath: string): boolean;
}

let md: MarkdownIt | undefined;

/** The tokens of `text`, its `hidden` 1-based lines (front matter, an outer fence) blanked. */
function parse(text: string, hidden: ReadonlySet<number>, env: object): Token[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  md ??= new MarkdownIt({ html: false, linkify: false, typographer: false });
  return md.parse(lines.map((l, i) => (hidden.has(i + 1) ? '' : l)).join('\n'), env);
}

/**
 * Render `text`, the plan at repository path `planPath`, as HTML; lines hidden by the parser (front
 * matter, an outer fence) are given as `hidden` 1-based line numbers and render as nothing.
 */
export function renderMarkdown(text: string, planPath: string, links: MarkdownLinks, hidden: ReadonlySet<number> = new Set()): string {
  const env = {};
  const tokens = parse(text, hidden, env);
  const planDir = planPath.includes('/') ? planPath.slice(0, planPath.lastIndexOf('/')) : '';
  walk(tokens, planDir, links, new Set());
  return md!.renderer.render(tokens, md!.options, env);
}

/** The first lines of the rendered blocks: where a finding's line can point. */
export function blockLines(text: string, hidden: ReadonlySet<number>): number[] {
  const out = new Set<number>();
  for (const t of parse(text, hidden, {})) if (t.map && t.nesting >= 0) out.add(t.map[0] + 1);
  return [...out].sort((a, b) => a - b);
}

function walk(tokens: Token[], planDir: string, links: MarkdownLinks, seenLines: Set<number>): void {
  for (const t of tokens) {
    if (t.map && t.nesting >= 0 && t.type !== 'inline') {
      const line = t.map[0] + 1;
      if (!seenLines.has(line)) {
        seenLines.add(line);
        t.attrSet('id', `L${line}`);
      }
    }
    // The page has its own title and section headings: the plan's headings go below them.
    if (t.type === 'heading_open' || t.type === 'heading_close') t.tag = `h${Math.min(Number(t.tag.slice(1)) + 2, 6)}`;
    if (t.type === 'inline' && t.children) inline(t.children, planDir, links);
  }
}

const SCHEME = /^([a-z][a-z0-9+.-]{0,30}):/i;

function inline(children: Token[], planDir: string, links: MarkdownLinks): void {
  for (let i = 0; i < children.length; i++) {
    const t = children[i]!;
    if (t.type === 'link_open') {
      const href = t.attrGet('href') ?? '';
      const target = linkTarget(href, planDir, links);
      if (target === undefined) t.attrs = (t.attrs ?? []).filter(([k]) => k !== 'href');
      else {
        t.attrSet('href', target);
        if (SCHEME.test(target)) t.attrSet('rel', 'noopener noreferrer');
      }
    } else if (t.type === 'image') {
      // Images are not loaded: a plan could point one anywhere. The alt text links to the file.
      const src = t.attrGet('src') ?? '';
      const target = linkTarget(src, planDir, links);
      const alt = t.children?.map((c) => c.content).join('') || src;
      children[i] = markup(t, target ? `<a class="image-link" href="${esc(target)}">${esc(`image: ${alt}`)}</a>` : `<span class="image-link">${esc(`image: ${alt}`)}</span>`);
    } else if (t.type === 'code_inline') {
      const p = repoPathOf(t.content, '');
      if (p !== undefined && looksLikePath(t.content) && links.exists(p)) children[i] = markup(t, `<a class="file-link" href="${esc(links.file(p))}"><code>${esc(t.content)}</code></a>`);
    }
  }
}

/** An inline token of HTML made here, escaped, in place of `t`. */
function markup(t: Token, content: string): Token {
  return Object.assign(new (t.constructor as typeof Token)('html_inline', '', 0), { content });
}

/** Where a link of the plan goes on the dashboard, or undefined when it must not be followed. */
function linkTarget(href: string, planDir: string, links: MarkdownLinks): string | undefined {
  if (href.startsWith('#')) return href;
  const scheme = SCHEME.exec(href)?.[1]?.toLowerCase();
  if (scheme) return scheme === 'http' || scheme === 'https' || scheme === 'mailto' ? href : undefined;
  if (href.startsWith('//')) return undefined;
  const hashAt = href.indexOf('#');
  const pathPart = decodeOr((hashAt >= 0 ? href.slice(0, hashAt) : href).split('?')[0]!);
  const p = repoPathOf(pathPart, planDir);
  if (p === undefined) return undefined;
  return links.file(p, hashAt >= 0 ? href.slice(hashAt + 1) : undefined);
}

/** A path written in the plan as a repository path: relative to the plan's folder, or `/`-rooted at the repository. */
function repoPathOf(written: string, planDir: string): string | undefined {
  if (!written || written.includes('\0')) return undefined;
  const joined = written.startsWith('/') ? written.slice(1) : planDir ? `${planDir}/${written}` : written;
  const out: string[] = [];
  for (const part of joined.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (!out.length) return undefined;
      out.pop();
    } else out.push(part);
  }
  return out.length ? out.join('/') : undefined;
}

function looksLikePath(s: string): boolean {
  return s.length <= 200 && !/\s/.test(s) && /[/.]/.test(s) && !SCHEME.test(s);
}
