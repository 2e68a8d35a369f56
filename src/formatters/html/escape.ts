/** HTML escaping: every text from a plan, a file or the workspace goes through here before a page holds it; and URL decoding. */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escape text for an element's content or a quoted attribute value. */
export function esc(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** A tagged template whose interpolations are escaped, except those already {@link Html}. */
export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  return new Html(String.raw({ raw: strings }, ...values.map(piece)));
}

/** Markup that is already safe: made by {@link html}, or by a renderer or an SVG builder that escapes. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** A URL's percent-encoded text decoded, or `fallback` (the text itself unless given) when it is malformed. */
export function decodeOr(text: string, fallback = text): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return fallback;
  }
}

function piece(v: unknown): string {
  if (v instanceof Html) return v.value;
  if (Array.isArray(v)) return v.map(piece).join('');
  if (v === null || v === undefined || v === false) return '';
  return esc(String(v));
}
