/** The specification's skeleton, rendered for a new plan, and the slug that names the plan's file. */
import { SECTIONS } from './sections.js';
import type { SectionKey } from './types.js';

/** The title the specification's skeleton shows before anyone has named the work. */
export const SKELETON_TITLE_PLACEHOLDER = '<Short, action-oriented description>';

/** The living-document sentence, exactly as the specification's skeleton writes it. */
export const LIVING_DOCUMENT_PREAMBLE =
  'This ExecPlan is a living document. Keep `Progress`, `Surprises & Discoveries`, `Decision Log`, and `Outcomes & Retrospective` up to date.';

/** The skeleton's placeholder entries, under the guidance line of their section. */
const PLACEHOLDERS: Partial<Record<SectionKey, readonly string[]>> = {
  progress: ['- [ ] (YYYY-MM-DD HH:MM) First concrete step.'],
  surprises: ['- Observation: …', '  Evidence: …'],
  decisions: ['- Decision: …', '  Rationale: …', '  Date/Author: …'],
};

/** What a new plan's skeleton is made from. */
export interface SkeletonOptions {
  /** The plan's title: the short, action-oriented description. Blank keeps the specification's placeholder title. */
  title: string;
  /**
   * The day the plan is created. Not written into the text: the file name carries it
   * (`YYYY-MM-DD_slug.md`), and the skeleton's one time slot, the first Progress item's
   * `(YYYY-MM-DD HH:MM)`, is the moment a step is finished, which `execplan progress done` fills in.
   * A creation time there would also stop the item being recognised as the placeholder that the
   * first real step replaces.
   */
  date?: string;
  /**
   * Who creates the plan. Not written either: the skeleton has no author line, and its one
   * `Date/Author:` belongs to a decision nobody has made yet.
   */
  author?: string;
}

/**
 * Render the specification's skeleton for a new plan: title, living-document sentence, the twelve
 * sections in order with their guidance lines and placeholder entries, byte for byte as the
 * specification writes them, with `\n` line endings and a final newline. Nothing is added to it.
 */
export function renderSkeleton(options: SkeletonOptions): string {
  // A heading is one line: a pasted description with line breaks still makes one title.
  const title = options.title.replace(/\s+/g, ' ').trim() || SKELETON_TITLE_PLACEHOLDER;
  const lines = [`# ${title}`, '', LIVING_DOCUMENT_PREAMBLE];
  for (const section of SECTIONS) {
    lines.push('', `## ${section.title}`, '', section.guidance);
    const entries = PLACEHOLDERS[section.key];
    if (entries) lines.push('', ...entries);
  }
  return `${lines.join('\n')}\n`;
}

/** Letters that Unicode decomposition leaves whole but that have a usual ASCII spelling. */
const FOLDS: Record<string, string> = { ß: 'ss', æ: 'ae', ø: 'o', œ: 'oe', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

/**
 * A file-name slug for a plan's description: lower-case ASCII words joined by single hyphens,
 * accents folded (`Café` → `cafe`, `Straße` → `strasse`), at most `maxLength` characters, cut at a
 * word boundary when that keeps at least half of them. Returns `''` when no letter or digit is
 * left (a description in CJK only, or emoji only); `planSlug` names plans in any script.
 */
export function slugify(description: string, maxLength = 60): string {
  if (!Number.isInteger(maxLength) || maxLength < 1) throw new RangeError(`slugify: maxLength must be a positive integer (got ${maxLength}).`);
  const slug = description
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    // After decomposition: compatibility forms such as `℃` or `Ⅻ` may have produced capitals.
    .toLowerCase()
    .replace(/[ßæøœłđðþı]/g, (c) => FOLDS[c] ?? c)
    // `user's guide` reads better as `users-guide` than as `user-s-guide`.
    .replace(/(?<=[a-z0-9])['’ʼ](?=[a-z0-9])/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|(?<!-)-+$/g, '');
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength);
  if (slug[maxLength] === '-') return cut;
  const boundary = cut.lastIndexOf('-');
  return boundary >= Math.ceil(maxLength / 2) ? cut.slice(0, boundary) : cut.replace(/(?<!-)-+$/, '');
}

/** What a plan is named after when its description has no letter or digit at all (emoji only). */
export const FALLBACK_SLUG = 'plan';

/**
 * The slug of a plan's file name, for a description in any script. A description whose letters
 * all fold to ASCII gets `slugify`'s ASCII slug; one with letters of another script keeps the
 * letters, marks and digits of every script, lower-cased (`日本語のプラン` → `日本語のプラン`,
 * `Ελληνικά docs` → `ελληνικά-docs`), at most `maxLength` characters, never cutting a character
 * from its marks. A description with no letter or digit at all is named `plan`. Never empty.
 */
export function planSlug(description: string, maxLength = 60): string {
  const ascii = slugify(description, maxLength);
  if (!hasLettersBeyondAscii(description)) return ascii || FALLBACK_SLUG;
  const words = description
    .normalize('NFKC')
    .toLowerCase()
    .replace(/(?<=[\p{L}\p{N}])['’ʼ](?=[\p{L}\p{N}])/gu, '')
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    // A mark with no letter before it is not a word.
    .map((w) => w.replace(/^\p{M}+/u, ''))
    .filter(Boolean);
  let slug = '';
  for (const w of words) {
    const room = maxLength - [...slug].length - (slug ? 1 : 0);
    if ([...w].length <= room) {
      slug += (slug ? '-' : '') + w;
      continue;
    }
    // Cut inside the word only when nothing fits yet; otherwise end at the word boundary.
    if (!slug) {
      let cut = '';
      for (const g of graphemes(w)) {
        if ([...cut].length + [...g].length > maxLength) break;
        cut += g;
      }
      slug = cut;
    }
    break;
  }
  return (slug || ascii || FALLBACK_SLUG).normalize('NFC');
}

/** Whether `text` has a letter that does not fold to ASCII (a letter of a script other than Latin). */
function hasLettersBeyondAscii(text: string): boolean {
  const folded = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[ßæøœłđðþı]/g, '');
  return /[^\p{ASCII}]/u.test(folded.replace(/[^\p{L}\p{N}]+/gu, ''));
}

/** User-perceived characters: a letter with its marks stays whole. */
function graphemes(text: string): string[] {
  return Array.from(new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text), (s) => s.segment);
}
