// Which body a report is from, as a key two reports of the same body share even when their titles
// word it a little differently: "平潭综合实验区管委会" / "平潭综合实验区管理委员会" / "平潭综合实验区",
// "中埠镇人民政府" / "中埠镇", traditional or simplified, spaces. The key is read from the normalized
// text (already simplified, half-width), so only the wording is handled here.

/** Long forms written out, and their short form (applied anywhere in the name). */
const LONG_FORMS: [RegExp, string][] = [
  [/管理委员会/g, '管委会'],
  [/人民政府/g, '政府'],
];

/**
 * Words at the end of a name that only say "the government of": dropped, so that the place's name
 * and its government's name match. 政府办公室 is another body and keeps its words.
 */
const GOVERNMENT_SUFFIX = /(政府|管委会|办事处)$/;

/** Anything that is not a letter of the name: spaces, punctuation, brackets. */
const NOT_NAME = /[^\p{L}\p{N}]/gu;

export function bodyKey(name: string): string | null {
  let key = name.replace(NOT_NAME, '');
  for (const [long, short] of LONG_FORMS) key = key.replace(long, short);
  const bare = key.replace(GOVERNMENT_SUFFIX, '');
  // "政府" alone says nothing about which body it is.
  if (bare.length >= 2) key = bare;
  return key.length >= 2 ? key : null;
}

/** Levels of a place name: the character a region's name ends with. */
const LEVEL_END = new Set('省市县区州旗盟');
/** A key that starts with a level word names no place of its own ("市政府办公室", "县审计局"). */
const GENERIC_START = new Set('省市县区州旗盟镇乡');

/**
 * The key with the regions it lies in taken off the front, one level at a time: "福建省平潭综合实验区"
 * → "平潭综合实验区"; "桃江县松木塘镇" → "松木塘镇". Only names that still name a place on their own.
 */
export function tailsOf(key: string): string[] {
  const out: string[] = [];
  for (let i = 1; i + 3 <= key.length; i++) {
    if (!LEVEL_END.has(key[i - 1]) || GENERIC_START.has(key[i])) continue;
    out.push(key.slice(i));
  }
  return out;
}

/**
 * Whether two keys name the same body: equal, or one is the other with the name of the region it
 * lies in put before it ("桃江县松木塘镇" and "松木塘镇"). Never two places of one region
 * ("桃江县松木塘镇" and "桃江县马迹塘镇" differ), and never a name that names no place on its own.
 */
export function sameBody(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  return tailsOf(long).includes(short);
}
