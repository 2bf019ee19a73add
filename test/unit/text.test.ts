// The text utilities the parser's fast paths rest on: they must agree exactly with the slower,
// obvious definitions they replace (a regex alternation, String.prototype.trim, a per-character map).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { KeywordScan } from '../../server/src/core/text/keywords';
import { StringMemo, ownCopy } from '../../server/src/core/text/memo';
import { compact, compactKey, normalize } from '../../server/src/core/text/normalize';
import { isNoise, isSpace } from '../../server/src/core/text/chars';
import { REMOVED_PINYIN, REMOVED_SPAM } from '../../server/src/core/text/pollution';

const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** KeywordScan over `words` finds, from any start, the first match of their case-insensitive alternation. */
function agreesWithAlternation(words: string[], pieces: string[]) {
  const scan = new KeywordScan(words);
  const alternation = new RegExp(words.map(escape).join('|'), 'i');
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), fc.nat(40), (parts, from) => {
      const text = parts.join('');
      const start = Math.min(from, text.length);
      const m = alternation.exec(text.slice(start));
      assert.equal(scan.firstIn(text, start), m ? start + m.index : -1);
    }),
    { numRuns: 2000 },
  );
}

test('KeywordScan finds the first keyword where the case-insensitive alternation does', () => {
  agreesWithAlternation(['相关', 'ICP', 'bet', 'QQ', '<', '扫一扫', 'x'], ['相', '关', '相关', 'I', 'c', 'P', 'B', 'e', 'T', 'q', 'Q', '<', '扫', '一', 'X', ' ', '。', 'a']);
});

test('KeywordScan agrees with the alternation on words that share their first character', () => {
  // 开 opens three keywords and the everyday 公开; Bet/BET/bet and 365bet differ by case only.
  agreesWithAlternation(
    ['开云', '开元', '开户', '开云体育', 'bet', 'betway', '澳门', '澳彩', '>'],
    ['开', '云', '元', '户', '公开', '体育', 'b', 'B', 'e', 'E', 't', 'T', 'way', '澳', '门', '彩', '>', '3', ' '],
  );
});

test('KeywordScan stops at the end it is given: a keyword that runs past it is not found', () => {
  const scan = new KeywordScan(['扫一扫']);
  assert.equal(scan.firstIn('请扫一扫', 0, 3), -1);
  assert.equal(scan.firstIn('请扫一扫', 0, 4), 1);
  assert.equal(new KeywordScan(['ICP']).firstIn('浙icp备'), 1);
});

test('isSpace is \\s', () => {
  for (let c = 0; c < 0x10000; c++) assert.equal(isSpace(c), /\s/.test(String.fromCharCode(c)), `U+${c.toString(16)}`);
});

test('normalize maps character for character, on short and long texts alike', () => {
  const sample = '總計結轉辦理結果（一）本年新收，ＡＢＣ１２３　2023年';
  const expected = [...sample].map((ch) => normalize(ch)).join('');
  assert.equal(normalize(sample), expected);
  assert.equal(normalize(sample), '总计结转办理结果(一)本年新收,ABC123 2023年');
  // Past the short-string path (more than 1,024 units) the decoder builds the same string.
  const long = sample.repeat(200);
  assert.equal(normalize(long), expected.repeat(200));
  assert.equal(normalize(long).length, long.length);
  // Untouched text is returned as it is.
  const plain = '本年新收 2023';
  assert.equal(normalize(plain), plain);
});

test('StringMemo computes once per distinct key, from an equal copy of it, and stays bounded', () => {
  const memo = new StringMemo<string>(3);
  const seen: string[] = [];
  const compute = (key: string) => {
    seen.push(key);
    return key.toUpperCase();
  };
  const report = 'xx本年新收abc本年新收abc';
  assert.equal(memo.get(report.slice(2, 9), compute), '本年新收ABC');
  assert.equal(memo.get(report.slice(9, 16), compute), '本年新收ABC', 'an equal key from elsewhere is a hit');
  assert.deepEqual(seen, ['本年新收abc']);
  for (const k of ['a', 'b', 'c', 'd']) memo.get(k, compute);
  assert.equal(memo.get('本年新收abc', compute), '本年新收ABC');
  assert.equal(seen.length, 6, 'full: the memo was cleared, so the first key is computed again');
  assert.equal(ownCopy(report.slice(2, 16)), report.slice(2, 16));
});

test('normalize keeps a lone surrogate as it is, on long texts too (only mapped characters change)', () => {
  const long = '總計\uD800結轉'.repeat(300);
  const out = normalize(long);
  assert.equal(out.length, long.length);
  assert.equal(out.slice(0, 5), '总计\uD800结转');
});

test('what normalize blanks (pinyin, spam) reads as whitespace and is skipped by label keys', () => {
  for (const marker of [REMOVED_PINYIN, REMOVED_SPAM]) {
    assert.ok(isSpace(marker) && isNoise(marker), `U+${marker.toString(16)}`);
    // Normalization maps the marker itself to a plain space: in `norm` it only ever marks removed text.
    assert.equal(normalize(String.fromCharCode(marker)), ' ');
  }
  const norm = normalize('行政強(qiáng)制，澳门新葡京娱乐场www.xpj8888.com规章');
  assert.equal(compact(norm), '行政强制,规章');
  const { key, offsets } = compactKey(norm, 0, norm.length);
  assert.equal(key, '行政强制,规章');
  assert.equal(offsets[3], '行政強(qiáng)'.length, 'key characters keep their source offsets');
});
