// Where a word occurs next, for a reader that moves forward through a text.

/**
 * `at(from)`: the first offset of `what` at or after `from`, or -1, for ascending `from`: each
 * occurrence is searched for once (a fresh indexOf per line or sentence would rescan the text
 * after it, over and over where the word is rare).
 */
export function nextOf(text: string, what: string): (from: number) => number {
  let found = -2;
  return (from) => {
    if (found === -1) return -1;
    if (found < from) found = text.indexOf(what, from);
    return found;
  };
}
