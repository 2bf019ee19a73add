// Fills `{name}` placeholders of a message template from its arguments: what every finding's
// message, fix title and related message goes through (formatMessage in engine.ts). On a report
// whose tables are all wrong (some 40 findings) a regex replace with a callback was a twentieth of
// the check, and most of what remained was looking up names sliced afresh from the template. The
// templates are the rules' own few messages, so each is split once into its literal pieces and
// names (a bounded memo that keeps its own copy of each key), and a string with no placeholder at
// all is returned as it is.
import { StringMemo } from './memo';

/** A template split at its placeholders: literal, name, literal, name, …, literal. */
type Pieces = string[];

const SPLIT = new StringMemo<Pieces>(512);

function isWordChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
}

/** The pieces of a template: `{name}` (letters, digits, _) is a placeholder, any other brace is text. */
function piecesOf(template: string): Pieces {
  const pieces: Pieces = [];
  let literal = '';
  let from = 0;
  let open = template.indexOf('{');
  while (open >= 0) {
    let end = open + 1;
    while (end < template.length && isWordChar(template.charCodeAt(end))) end++;
    if (end > open + 1 && template.charCodeAt(end) === 0x7d /* } */) {
      pieces.push(literal + template.slice(from, open), template.slice(open + 1, end));
      literal = '';
      from = end + 1;
      open = template.indexOf('{', from);
    } else {
      open = template.indexOf('{', open + 1);
    }
  }
  pieces.push(literal + template.slice(from));
  return pieces;
}

/** `{name}` with `name` in `args` becomes the argument; anything else stays as written. */
export function fillTemplate(template: string, args: Readonly<Record<string, string | number>>): string {
  if (!template.includes('{')) return template;
  const pieces = SPLIT.get(template, piecesOf);
  let out = pieces[0];
  for (let i = 1; i < pieces.length; i += 2) {
    const name = pieces[i];
    out += (name in args ? String(args[name]) : `{${name}}`) + pieces[i + 1];
  }
  return out;
}
