// Fills `{name}` placeholders of a message template from its arguments: what every finding's
// message, fix title and related message goes through (formatMessage in engine.ts). A scan rather
// than a regex replace with a callback: on a report whose tables are all wrong (some 40 findings)
// the regex was a twentieth of the check.

function isWordChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
}

/** `{name}` with `name` in `args` (letters, digits, _) becomes the argument; anything else stays as written. */
export function fillTemplate(template: string, args: Readonly<Record<string, string | number>>): string {
  let open = template.indexOf('{');
  if (open < 0) return template;
  let out = '';
  let from = 0;
  while (open >= 0) {
    let end = open + 1;
    while (end < template.length && isWordChar(template.charCodeAt(end))) end++;
    if (end > open + 1 && template.charCodeAt(end) === 0x7d /* } */) {
      const name = template.slice(open + 1, end);
      if (name in args) {
        out += template.slice(from, open) + String(args[name]);
        from = end + 1;
      }
      open = template.indexOf('{', end + 1);
    } else {
      open = template.indexOf('{', open + 1);
    }
  }
  return out + template.slice(from);
}
