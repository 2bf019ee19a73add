// Command-line arguments → options. A small hand-written parser (rather than util.parseArgs) so
// that every usage error can be worded in the user's language and name the option at fault.
import { localeOf } from '../shared/i18n';
import { RULE_IDS, type EditionId, type Locale, type RuleSetting } from '../core';
import { ENCODINGS, type EncodingName } from '../sources/decode';
import { STDIN_ARG } from './files';
import { t, type MessageId } from './messages';

export type OutputFormat = 'text' | 'json' | 'sarif' | 'csv' | 'html';

export const DEFAULT_MAX_SIZE = 50 * 1024 * 1024;

export interface CliOptions {
  /** `check` the reports, or `extract`: print the text read from each file (what the checker sees). */
  command: 'check' | 'extract';
  inputs: string[];
  format: OutputFormat;
  locale: Locale;
  reportYear?: number;
  edition?: EditionId;
  rules: Partial<Record<string, RuleSetting>>;
  encoding?: EncodingName;
  /** Worker threads asked for; undefined means "choose". */
  jobs?: number;
  maxSize: number;
  /** Rewrite the files with the fixes. */
  fix: boolean;
  /** Print the changes --fix would make, without writing. */
  fixDryRun: boolean;
  /** Follow symbolic links met while walking directories. */
  follow: boolean;
  /** How standard input (`-`) is named in the output, and where its ignore files are looked for. */
  stdinFilename?: string;
  quiet: boolean;
  /** Exit 0 even when errors were found (still 2 for bad usage or unreadable files). */
  exitZero: boolean;
}

export type ParsedArgs =
  | { kind: 'run'; options: CliOptions }
  | { kind: 'help'; locale: Locale }
  | { kind: 'version' }
  | { kind: 'usage-error'; locale: Locale; message: string };

const FORMATS: readonly OutputFormat[] = ['text', 'json', 'sarif', 'csv', 'html'];
const EDITIONS = ['2019', '2021'] as const;
const LEVELS: Record<string, RuleSetting> = {
  off: 'off',
  hint: 'hint',
  info: 'info',
  information: 'information',
  warning: 'warning',
  warn: 'warning',
  error: 'error',
};

/** Options that take a value, with their short aliases. */
const VALUE_OPTIONS = new Set(['--format', '--locale', '--year', '--edition', '--rule', '--encoding', '--jobs', '--max-size', '--stdin-filename']);
const FLAG_OPTIONS = new Set(['--fix', '--fix-dry-run', '--follow', '--quiet', '--exit-zero', '--help', '--version']);
const ALIASES: Record<string, string> = { '-h': '--help', '-q': '--quiet', '-j': '--jobs', '-f': '--format', '-L': '--follow' };


class UsageError extends Error {
  constructor(id: MessageId, readonly args: Record<string, string | number> = {}) {
    super(id);
  }
}

export function parseArgs(argv: readonly string[], env: NodeJS.ProcessEnv = {}): ParsedArgs {
  // The locale is needed to word errors about the other options, so find it first.
  let locale: Locale = localeOf(env.NIANBAO_LOCALE) ?? 'zh-cn';
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--') break;
    const m = /^--locale(?:=(.*))?$/.exec(argv[i]);
    const found = m && localeOf(m[1] ?? argv[i + 1]);
    if (found) locale = found;
  }
  try {
    return parseWith(argv, locale);
  } catch (error) {
    if (error instanceof UsageError) return { kind: 'usage-error', locale, message: t(locale, error.message as MessageId, error.args) };
    throw error;
  }
}

function parseWith(argv: readonly string[], locale: Locale): ParsedArgs {
  const options: CliOptions = {
    command: 'check',
    inputs: [],
    format: 'text',
    locale,
    rules: {},
    maxSize: DEFAULT_MAX_SIZE,
    fix: false,
    fixDryRun: false,
    follow: false,
    quiet: false,
    exitZero: false,
  };
  const positionals: string[] = [];
  let help = false;
  let version = false;

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === STDIN_ARG) {
      positionals.push(arg);
      continue;
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = ALIASES[eq < 0 ? arg : arg.slice(0, eq)] ?? (eq < 0 ? arg : arg.slice(0, eq));
    let inline = eq < 0 ? undefined : arg.slice(eq + 1);
    if (FLAG_OPTIONS.has(name)) {
      if (inline !== undefined) throw new UsageError('unexpectedValue', { name });
      if (name === '--fix') options.fix = true;
      else if (name === '--fix-dry-run') options.fixDryRun = true;
      else if (name === '--follow') options.follow = true;
      else if (name === '--quiet') options.quiet = true;
      else if (name === '--exit-zero') options.exitZero = true;
      else if (name === '--help') help = true;
      else version = true;
      continue;
    }
    if (!VALUE_OPTIONS.has(name)) throw new UsageError('unknownOption', { name: arg.slice(0, eq < 0 ? undefined : eq) });
    if (inline === undefined) {
      if (i + 1 >= argv.length) throw new UsageError('missingValue', { name });
      inline = argv[++i];
    }
    applyValue(options, name, inline);
  }

  if (help) return { kind: 'help', locale: options.locale };
  if (version) return { kind: 'version' };
  if (positionals.length === 0) throw new UsageError('noCommand');
  const [command, ...inputs] = positionals;
  if (command !== 'check' && command !== 'extract') throw new UsageError('unknownCommand', { name: command });
  if (inputs.length === 0) throw new UsageError('noInputs');
  options.command = command;
  checkCombinations(options, inputs);
  options.inputs = inputs;
  return { kind: 'run', options };
}

/** Options that make no sense together, or without what they apply to. */
function checkCombinations(options: CliOptions, inputs: readonly string[]): void {
  const stdin = inputs.filter((input) => input === STDIN_ARG).length;
  if (stdin > 1) throw new UsageError('stdinTwice');
  if (options.fix && options.fixDryRun) throw new UsageError('fixAndDryRun');
  if (options.fix && stdin) throw new UsageError('fixStdin');
  if (options.stdinFilename !== undefined && !stdin) throw new UsageError('stdinFilenameAlone');
}

function choice<T extends string>(name: string, value: string, choices: readonly T[]): T {
  const v = value.trim().toLowerCase();
  const found = choices.find((c) => c === v);
  if (!found) throw new UsageError('badChoice', { name, value, choices: choices.join(', ') });
  return found;
}

function integer(name: string, value: string, min: number, max: number): number {
  const n = /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) throw new UsageError('badInteger', { name, value, min, max });
  return n;
}

function applyValue(options: CliOptions, name: string, value: string): void {
  switch (name) {
    case '--format':
      options.format = choice(name, value, FORMATS);
      return;
    case '--locale': {
      const locale = localeOf(value);
      if (!locale) throw new UsageError('badChoice', { name, value, choices: 'zh-cn, en' });
      options.locale = locale;
      return;
    }
    case '--year':
      options.reportYear = integer(name, value, 1900, 2999);
      return;
    case '--edition':
      options.edition = choice(name, value, EDITIONS);
      return;
    case '--encoding':
      options.encoding = choice(name, value.replace(/[-_]/g, '').replace(/^utf16$/, 'utf16le'), ENCODINGS);
      return;
    case '--jobs':
      options.jobs = integer(name, value, 1, 256);
      return;
    case '--max-size':
      options.maxSize = integer(name, value, 1, Number.MAX_SAFE_INTEGER);
      return;
    case '--stdin-filename':
      if (!value) throw new UsageError('missingValue', { name });
      options.stdinFilename = value;
      return;
    case '--rule': {
      const m = /^\s*([^=\s]+)\s*[=:]\s*(\S+)\s*$/.exec(value);
      if (!m) throw new UsageError('badRuleSyntax', { value });
      const [, id, level] = m;
      if (!(RULE_IDS as readonly string[]).includes(id)) throw new UsageError('unknownRule', { name: id, choices: RULE_IDS.join(', ') });
      const setting = LEVELS[level.toLowerCase()];
      if (!setting) throw new UsageError('badChoice', { name: `--rule ${id}`, value: level, choices: 'off, hint, info, warning, error' });
      options.rules[id] = setting;
      return;
    }
  }
}
