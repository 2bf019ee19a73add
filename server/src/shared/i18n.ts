// The one way Nianbao's own sentences are looked up, filled and put in a language: the command
// line (cli/messages.ts), the language server (lsp/messages.ts) and the extension (client/src/i18n.ts)
// each keep their own catalog of bilingual entries, and read it through this module. (The findings
// are worded by the rules, through the engine's formatMessage, which fills templates the same way.)
// No vscode import and no IO: the client's panel is built by pure functions tested outside VS Code.
import { fillTemplate } from '../core/text/fill';
import type { Locale } from '../core/types';

export type { Locale };

/** A sentence in both languages. */
export type Bilingual = { 'zh-cn': string; en: string };
export type Catalog = Record<string, Bilingual>;
export type Args = Readonly<Record<string, string | number>>;

/** Fills `{name}` placeholders from `args`; a name not in `args` stays as written. */
export function fill(template: string, args: Args = {}): string {
  return fillTemplate(template, args);
}

/**
 * The language Nianbao speaks, from `nianbao.locale` (or the command line's --locale /
 * NIANBAO_LOCALE): Chinese unless it says English, since the reports and their authors are Chinese.
 * `auto` follows the editor's display language (English for en*, Chinese otherwise). Spellings such as
 * "en-US", "EN", "zh_CN" are understood; anything else is Chinese.
 */
export function resolveLocale(setting: unknown, displayLanguage = ''): Locale {
  const value = typeof setting === 'string' ? setting.trim().toLowerCase().replace('_', '-') : '';
  if (value === 'auto') return /^en\b/i.test(displayLanguage) ? 'en' : 'zh-cn';
  return value === 'en' || value.startsWith('en-') ? 'en' : 'zh-cn';
}

/** Whether a value names a language Nianbao speaks ("en", "en-US", "zh", "zh-CN"…), and which. */
export function localeOf(value: string | undefined): Locale | undefined {
  const v = value?.trim().toLowerCase().replace('_', '-');
  if (!v) return undefined;
  if (v === 'en' || v.startsWith('en-')) return 'en';
  if (v === 'zh' || v.startsWith('zh-')) return 'zh-cn';
  return undefined;
}

/** `t(locale, id, args)` over one catalog. */
export function translator<C extends Catalog>(catalog: C): (locale: Locale, id: keyof C & string, args?: Args) => string {
  return (locale, id, args = {}) => fill((catalog[id] as Bilingual)[locale] ?? catalog[id]['zh-cn'], args);
}

/** A catalog's sentences in one language, as an object (`m.statusOk`), for code that reads many of them. */
export function inLocale<C extends Catalog>(catalog: C, locale: Locale): { [K in keyof C]: string } {
  const out = {} as { [K in keyof C]: string };
  for (const id of Object.keys(catalog) as (keyof C)[]) out[id] = catalog[id][locale] ?? catalog[id]['zh-cn'];
  return out;
}
