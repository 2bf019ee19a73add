// Settings of section `nianbao`, fetched per resource through workspace/configuration and cached
// until the next didChangeConfiguration (lsp-sample's pattern). Whatever the client sends is
// validated field by field: a bad value falls back to its default, never reaches the engine.
import type { Connection } from 'vscode-languageserver/node';
import type { CheckOptions, EditionId, Locale } from '../core/index';
import { DEFAULT_SETTINGS, RULE_LEVELS, type NianbaoSettings, type RuleLevel } from '../shared/protocol';

/** The levels of the settings schema, and `information` (the severity's own name) read as `info`. */
const LEVELS_READ = new Set<string>([...RULE_LEVELS, 'information']);

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

export function normalizeSettings(raw: unknown): NianbaoSettings {
  const s = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const rules: NianbaoSettings['rules'] = {};
  if (s.rules && typeof s.rules === 'object') {
    for (const [id, level] of Object.entries(s.rules as Record<string, unknown>)) {
      if (typeof level !== 'string' || !LEVELS_READ.has(level)) continue;
      rules[id] = (level === 'information' ? 'info' : level) as RuleLevel;
    }
  }
  const year = s.reportYear;
  const maxFileSize = s.maxFileSize;
  return {
    detect: oneOf(s.detect, ['auto', 'always', 'never'], DEFAULT_SETTINGS.detect),
    run: oneOf(s.run, ['onType', 'onSave'], DEFAULT_SETTINGS.run),
    rules,
    reportYear: typeof year === 'number' && Number.isInteger(year) && year >= 1990 && year <= 2200 ? year : null,
    edition: oneOf(s.edition, ['auto', '2019', '2021'], DEFAULT_SETTINGS.edition),
    inlayHints: oneOf(s.inlayHints, ['mismatch', 'always', 'off'], DEFAULT_SETTINGS.inlayHints),
    maxFileSize:
      typeof maxFileSize === 'number' && Number.isFinite(maxFileSize) && maxFileSize > 0
        ? maxFileSize
        : DEFAULT_SETTINGS.maxFileSize,
    locale: oneOf(s.locale, ['auto', 'zh-cn', 'en'], DEFAULT_SETTINGS.locale),
    rulesUrl: rulesUrlOf(s.rulesUrl),
  };
}

/**
 * An organisation's rule pages: an http(s) address with `{rule}` in it, or '' (the shipped pages).
 * Anything else is dropped rather than turned into a link that leads nowhere.
 */
function rulesUrlOf(value: unknown): string {
  if (typeof value !== 'string') return '';
  const url = value.trim();
  if (url.length > 2000 || !/^https?:\/\/[^\s]+$/i.test(url) || !url.includes('{rule}')) return '';
  try {
    new URL(url.replace(/\{rule\}/g, 'rule'));
    return url;
  } catch {
    return '';
  }
}

/** The settings as one log line: what differs from the defaults, so the line stays short. */
export function describeSettings(settings: NianbaoSettings): string {
  const changed: Record<string, unknown> = {};
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof NianbaoSettings)[]) {
    const value = settings[key];
    if (JSON.stringify(value) !== JSON.stringify(DEFAULT_SETTINGS[key])) changed[key] = value;
  }
  return Object.keys(changed).length === 0 ? 'defaults' : `defaults except ${JSON.stringify(changed)}`;
}

/** `auto` follows the editor's display language: English for en*, Chinese otherwise (shared/i18n.ts). */
export { resolveLocale } from '../shared/i18n';

/** The engine's options for a document, apart from the ignore list (see ignoreFile.ts). */
export function checkOptionsOf(settings: NianbaoSettings, locale: Locale): CheckOptions {
  return {
    locale,
    reportYear: settings.reportYear ?? undefined,
    edition: settings.edition === 'auto' ? undefined : (settings.edition as EditionId),
    rules: settings.rules,
  };
}

export class SettingsStore {
  private readonly perResource = new Map<string, Promise<NianbaoSettings>>();
  /** From didChangeConfiguration, for clients that cannot answer workspace/configuration. */
  private global: NianbaoSettings = DEFAULT_SETTINGS;
  /** The settings last logged: a line is written only when the settings in force change. */
  private lastLogged: string | undefined;

  /** `log` receives a line whenever a document is checked with settings other than the last ones logged. */
  constructor(
    private readonly connection: Connection,
    private readonly canPull: boolean,
    private readonly onError: (error: unknown) => void,
    private readonly log: (line: string) => void = () => undefined,
  ) {}

  get(uri: string): Promise<NianbaoSettings> {
    if (!this.canPull) return Promise.resolve(this.global);
    let settings = this.perResource.get(uri);
    if (!settings) {
      settings = this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'nianbao' }).then(
        (raw) => this.logged(uri, normalizeSettings(raw)),
        (error) => {
          this.onError(error);
          this.perResource.delete(uri);
          return DEFAULT_SETTINGS;
        },
      );
      this.perResource.set(uri, settings);
    }
    return settings;
  }

  /** didChangeConfiguration: forget everything; `pushed` is the payload's `nianbao` section, if any. */
  reset(pushed: unknown): void {
    this.perResource.clear();
    if (pushed !== undefined && pushed !== null) this.global = this.logged('', normalizeSettings(pushed));
  }

  private logged(uri: string, settings: NianbaoSettings): NianbaoSettings {
    const line = describeSettings(settings);
    if (line !== this.lastLogged) {
      this.lastLogged = line;
      this.log(`settings in force${uri ? ` for ${fileLabel(uri)}` : ''}: ${line}`);
    }
    return settings;
  }

  forget(uri: string): void {
    this.perResource.delete(uri);
  }
}

/** The last part of a document's URI, decoded, for log lines ("2023-cixi-city-office.txt"). */
export function fileLabel(uri: string): string {
  const last = uri.replace(/[?#].*$/, '').split('/').filter(Boolean).pop() ?? uri;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}
