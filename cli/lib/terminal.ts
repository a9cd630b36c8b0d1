/**
 * Text the CLI prints comes partly from its inputs (file names, units read from documents), and
 * a file named `\x1b]0;…\x07.txt` would otherwise drive the terminal (retitle it, hide text,
 * fake output). Control characters (C0 but tab and newline, DEL, C1) and the bidi controls that
 * reorder a line are printed as visible escapes instead.
 */

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const UNSAFE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const hex = (c: string, width: number) => c.charCodeAt(0).toString(16).padStart(width, '0');

/** `s` with every unsafe character as `\xHH` (up to U+00FF) or `\u{HHHH}`. */
export function escapeForTerminal(s: string): string {
  return s.replace(UNSAFE, (c) => (c.charCodeAt(0) <= 0xff ? `\\x${hex(c, 2)}` : `\\u{${hex(c, 4)}}`));
}

/** JSON text with the same characters as `\uHHHH` escapes: the same JSON value, safe on a terminal. */
export function escapeJsonForTerminal(json: string): string {
  return json.replace(UNSAFE, (c) => `\\u${hex(c, 4)}`);
}
