// The CLI's own pure pieces, tested in-process: argument parsing, decoding and the GB18030 encoder.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseArgs, DEFAULT_MAX_SIZE } from '../../server/src/cli/args';
import { decodeBytes, encodeText } from '../../server/src/sources/decode';
import { encodeGb18030 } from '../../server/src/sources/gb18030';
import { parseIgnoreFile } from '../../server/src/cli/ignore';
import { FIXTURE, readFixture } from './helpers';

describe('parseArgs', () => {
  it('reads every option, in both spellings', () => {
    const r = parseArgs(
      ['check', '--format=sarif', '--locale', 'en', '--year', '2022', '--edition=2019', '--rule', 'balance=off', '--rule=row-label=info', '--encoding', 'UTF-16LE', '-j', '3', '--max-size', '1000', '--fix', '-L', '-q', '--exit-zero', 'a.txt', '--', '--odd-name.txt'],
      {},
    );
    assert.equal(r.kind, 'run');
    if (r.kind !== 'run') return;
    assert.deepEqual(r.options, {
      command: 'check',
      inputs: ['a.txt', '--odd-name.txt'],
      format: 'sarif',
      locale: 'en',
      reportYear: 2022,
      edition: '2019',
      rules: { balance: 'off', 'row-label': 'info' },
      encoding: 'utf16le',
      jobs: 3,
      maxSize: 1000,
      fix: true,
      fixDryRun: false,
      follow: true,
      quiet: true,
      exitZero: true,
    });
  });

  it('has the documented defaults; NIANBAO_LOCALE sets the locale', () => {
    const r = parseArgs(['check', 'x'], { NIANBAO_LOCALE: 'en-US' });
    assert.ok(r.kind === 'run');
    assert.equal(r.options.format, 'text');
    assert.equal(r.options.locale, 'en');
    assert.equal(r.options.maxSize, DEFAULT_MAX_SIZE);
    assert.equal(r.options.jobs, undefined);
    const zh = parseArgs(['check', 'x'], {});
    assert.ok(zh.kind === 'run' && zh.options.locale === 'zh-cn');
  });

  it('words usage errors in the chosen locale, naming the culprit', () => {
    const cases: [string[], RegExp][] = [
      [['check', '--nope', 'x'], /Unknown option --nope/],
      [['check', '--nope=1', 'x'], /Unknown option --nope$/],
      [['check', '--fix=yes', 'x'], /--fix takes no value/],
      [['check', 'x', '--format'], /--format needs a value/],
      [['check', '--jobs', '1.5', 'x'], /Invalid value "1.5" for --jobs/],
      [['check', '--rule', 'balance', 'x'], /Invalid --rule "balance"/],
      [['check', '--rule', 'balance=loud', 'x'], /Invalid value "loud" for --rule balance/],
      [['lint', 'x'], /Unknown command "lint"/],
      [['check'], /No file or directory/],
      [[], /Missing command/],
    ];
    for (const [argv, message] of cases) {
      const r = parseArgs(['--locale', 'en', ...argv], {});
      assert.equal(r.kind, 'usage-error', argv.join(' '));
      if (r.kind === 'usage-error') assert.match(r.message, message);
    }
    const zh = parseArgs(['check', '--nope', 'x'], {});
    assert.ok(zh.kind === 'usage-error' && zh.message === '未知选项 --nope');
  });

  it('reads --fix-dry-run, --follow and --stdin-filename with -; refuses the combinations that make no sense', () => {
    const r = parseArgs(['check', '--fix-dry-run', '--follow', '--stdin-filename=r/a.txt', '-', 'b.txt'], {});
    assert.ok(r.kind === 'run');
    assert.deepEqual(
      [r.options.fixDryRun, r.options.follow, r.options.stdinFilename, r.options.inputs],
      [true, true, 'r/a.txt', ['-', 'b.txt']],
    );
    const cases: [string[], RegExp][] = [
      [['check', '--fix', '--fix-dry-run', 'x'], /--fix and --fix-dry-run cannot be used together/],
      [['check', '--fix', '-'], /--fix cannot rewrite standard input/],
      [['check', '-', 'x', '-'], /Standard input \(-\) can be given only once/],
      [['check', '--stdin-filename', 'a.txt', 'x'], /--stdin-filename needs -/],
      [['check', '--stdin-filename', '', '-'], /--stdin-filename needs a value/],
    ];
    for (const [argv, message] of cases) {
      const parsed = parseArgs(['--locale', 'en', ...argv], {});
      assert.equal(parsed.kind, 'usage-error', argv.join(' '));
      if (parsed.kind === 'usage-error') assert.match(parsed.message, message, argv.join(' '));
    }
    assert.equal(parseArgs(['check', '--fix-dry-run', '-'], {}).kind, 'run');
  });

  it('help and version win over everything else', () => {
    assert.deepEqual(parseArgs(['check', '--help'], {}), { kind: 'help', locale: 'zh-cn' });
    assert.deepEqual(parseArgs(['-h', '--locale=en'], {}), { kind: 'help', locale: 'en' });
    assert.deepEqual(parseArgs(['--version'], {}), { kind: 'version' });
  });
});

describe('decodeBytes', () => {
  const text = readFixture(FIXTURE.cixi);

  it('detects UTF-8 (with and without BOM), UTF-16 with BOM and GB18030', () => {
    const cases: [Buffer, string, boolean][] = [
      [Buffer.from(text), 'utf8', false],
      [Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), 'utf8', true],
      [Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), 'utf16le', true],
      [Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]), 'utf16be', true],
      [encodeGb18030(text)!, 'gb18030', false],
    ];
    for (const [bytes, encoding, bom] of cases) {
      const r = decodeBytes(bytes);
      assert.ok(r.ok, encoding);
      assert.deepEqual({ ...r }, { ok: true, text, encoding, bom, lossy: false });
      // And back to the same bytes.
      assert.deepEqual(encodeText(r.text, r), bytes);
    }
  });

  it('marks a forced decoding that hit invalid bytes as lossy (so --fix will not rewrite it)', () => {
    const r = decodeBytes(Buffer.from([0x41, 0xc3, 0x28, 0x42]), 'utf8');
    assert.ok(r.ok && r.lossy && r.text === 'A\uFFFD(B');
  });

  it('takes as UTF-8 exactly what the WHATWG decoder\'s fatal mode takes, with the same text', () => {
    const fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    const strict = (bytes: Uint8Array): string | null => {
      try {
        return fatal.decode(bytes);
      } catch {
        return null;
      }
    };
    const pieces = [
      [0xe4, 0xb8, 0xad], // 中
      [0xf0, 0x9f, 0x98, 0x80], // 😀, a surrogate pair
      [0xf4, 0x8f, 0xbf, 0xbf], // U+10FFFF, the last code point
      [0xef, 0xbb, 0xbf], // U+FEFF inside the text
      [0xef, 0xbf, 0xbf], // U+FFFF
      [0xf4, 0x90, 0x80, 0x80], // beyond U+10FFFF
      [0xed, 0xa0, 0x80], // an encoded surrogate
      [0xc0, 0x80], // overlong NUL
      [0xe0, 0x80, 0xaf], // overlong /
      [0xe4, 0xb8], // truncated
      [0xc3],
      [0x80], // a lone continuation byte
    ];
    let utf8 = 0;
    for (const a of pieces)
      for (const b of pieces) {
        const bytes = Buffer.from([0x41, ...a, 0x42, ...b, 0x43]);
        const expected = strict(bytes);
        const r = decodeBytes(bytes);
        if (expected === null) assert.ok(!r.ok || r.encoding !== 'utf8', `${bytes.toString('hex')} is not UTF-8`);
        else {
          utf8++;
          assert.deepEqual(r, { ok: true, text: expected, encoding: 'utf8', bom: false, lossy: false }, bytes.toString('hex'));
        }
      }
    assert.equal(utf8, 25, 'the five valid pieces, in every pair');
    // A long text (decoded by TextDecoder itself) and a short one read alike.
    const long = Buffer.from(text.repeat(Math.ceil(300_000 / Buffer.byteLength(text))));
    assert.deepEqual(decodeBytes(long), { ok: true, text: long.toString('utf8'), encoding: 'utf8', bom: false, lossy: false });
  });

  it('rejects NUL bytes and control characters', () => {
    assert.deepEqual(decodeBytes(Buffer.from('abc\0def')), { ok: false, reason: 'nul-bytes' });
    assert.deepEqual(decodeBytes(Buffer.from('\x01\x02\x03\x04abc')), { ok: false, reason: 'control-chars' });
    assert.ok(decodeBytes(Buffer.from('a\tb\r\nc\fd\n')).ok);
    assert.deepEqual(decodeBytes(Buffer.from([0x41, 0xff, 0x42])), { ok: false, reason: 'undecodable' });
  });
});

describe('encodeGb18030', () => {
  it('gives the standard bytes and reads back through Node\'s decoder', () => {
    assert.deepEqual([...encodeGb18030('你A')!], [0xc4, 0xe3, 0x41]);
    assert.deepEqual([...encodeGb18030('€')!], [0xa2, 0xe3]);
    assert.deepEqual([...encodeGb18030('😀')!], [0x94, 0x39, 0xfc, 0x36]);
    const decoder = new TextDecoder('gb18030', { fatal: true });
    const samples = [readFixture(FIXTURE.cixi), readFixture(FIXTURE.sushui), readFixture(FIXTURE.xiaocaoe), '結轉 總計 ·—¥ ① Ⅷ ㈠ ０１ 𠀀 é ß ÿ \u3000 \uFFFF'];
    for (const s of samples) assert.equal(decoder.decode(encodeGb18030(s)!), s);
  });

  it('refuses a lone surrogate instead of writing something else', () => {
    assert.equal(encodeGb18030('a\uD800b'), null);
    assert.equal(encodeText('a\uD800b', { encoding: 'gb18030', bom: false }), null);
    assert.equal(encodeText('a\uD800b', { encoding: 'utf8', bom: false }), null);
  });
});

describe('parseIgnoreFile', () => {
  it('reads entries and trims their text; rejects other shapes', () => {
    assert.deepEqual(parseIgnoreFile('\uFEFF{"ignore":[{"rule":"balance","text":"  一、本年新收 \\t"}]}'), [{ rule: 'balance', text: '一、本年新收' }]);
    for (const bad of ['', '[]', '{"ignore":1}', '{"ignore":[{"rule":"x"}]}', '{"ignore":[null]}']) {
      assert.throws(() => parseIgnoreFile(bad), bad);
    }
  });
});

describe('parseArgs: extract', () => {
  it('`extract FILE` is the extract command; another word is still an unknown command', () => {
    const r = parseArgs(['extract', 'r.pdf'], {});
    assert.ok(r.kind === 'run' && r.options.command === 'extract' && r.options.inputs[0] === 'r.pdf');
    const bad = parseArgs(['extrakt', 'r.pdf'], {});
    assert.ok(bad.kind === 'usage-error' && /check 和 extract/.test(bad.message));
  });
});
