// What is not the report (text/pollution.ts): the pinyin that traditional-script mirror sites insert
// after characters (規(guī)章, 行政強(qiáng)制) and gambling spam injected into sentences and titles. The
// normalizer blanks both in `norm`, so every reader (labels, headings, title, figures) reads the
// polluted report exactly as the clean one; foreign-text reports the spam (foreign-text.test.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { check } from '../../server/src/core';
import { compact, normalize, normalizeChars } from '../../server/src/core/text/normalize';
import { REMOVED_PINYIN, REMOVED_SPAM } from '../../server/src/core/text/pollution';
import { SHAPES, generateReport, toTraditional } from '../support/reports';
import { CIXI, XIAOCAOE } from '../support/mini-report';

const CORPUS = path.resolve(__dirname, '../data/corpus');

/** The normalized text with the markers shown: · for removed pinyin, ■ for removed spam. */
function shown(s: string): string {
  return normalize(s).replaceAll(String.fromCharCode(REMOVED_PINYIN), '·').replaceAll(String.fromCharCode(REMOVED_SPAM), '■');
}

/** What the readers made of a report, without spans (a polluted text is longer than the clean one). */
function reading(text: string) {
  const { report, diagnostics } = check(text);
  const words = (s: { start: number; end: number } | null | undefined) => (s ? compact(report.norm.slice(s.start, s.end)) : null);
  return {
    title: words(report.title?.span),
    body: words(report.body?.span),
    year: [report.year.value, report.year.source],
    edition: [report.edition, report.tableEdition],
    sections: report.sections.map((s) => [s.key, words(s.heading.titleSpan), s.titleIsStandard]),
    tables: [report.tables.t2, report.tables.t3, report.tables.t4].map(
      (t) =>
        t && {
          edition: t.edition,
          missing: t.missingRows,
          headers: t.headerLabels.map((h) => h.key),
          rows: [...t.rows].map(([key, row]) => [key, row.positioned, row.cells.map((c) => c.value)]),
        },
    ),
    figures: report.figures.map((f) => [f.target, f.value]),
    diagnostics: diagnostics.map((d) => `${d.rule} ${d.severity}`),
  };
}

// The characters the mirror site of r07 annotates (every occurrence of each), and 強, 費 seen on
// other pages of such sites (行政強(qiáng)制, 收費(fèi)), with their pinyin.
const PINYIN: Record<string, string> = {
  鎮: 'zhèn', 據: 'jù', 發: 'fā', 數: 'shù', 統: 'tǒng', 穩: 'wěn', 環: 'huán', 醫: 'yī', 衛: 'wèi', 業: 'yè',
  網: 'wǎng', 態: 'tài', 規: 'guī', 區: 'qū', 強: 'qiáng', 費: 'fèi',
};

/** The mirror site's copy: every annotated character followed by "(pinyin)". */
function withPinyin(text: string): string {
  return [...text].map((ch) => (PINYIN[ch] ? `${ch}(${PINYIN[ch]})` : ch)).join('');
}

test('normalize blanks a pinyin group after a Chinese character, keeping every offset', () => {
  assert.equal(shown('規(guī)章'), '规·····章');
  assert.equal(shown('行政強(qiáng)制 | 0 |'), '行政强·······制 | 0 |');
  assert.equal(shown('收費(fèi)'), '收费·····');
  assert.equal(shown('政府信息(xìn xī)公开'), '政府信息········公开', 'several syllables');
  assert.equal(shown('規（guī）章'), '规·····章', 'full-width brackets');
  // Nested in an annotation: the annotation's own brackets are left for the label reader.
  assert.equal(shown('規(guī)章(設區(qū)的市)'), '规·····章(设区····的市)');
  const long = withPinyin(toTraditional('规章制度统计数据'.repeat(300)));
  assert.equal(normalize(long).length, long.length);
});

test('normalize leaves every parenthesis that is not pinyin', () => {
  for (const s of [
    '详见附件(PDF)。', // an abbreviation
    '政府网站(www.cixi.gov.cn)', // an address
    '《条例》(以下简称《条例》)', // Chinese in brackets
    '(一)予以公开', // numbering
    '规章(2)件', // a number
    '微信公众号(app)', // English without tone marks
    'ABC(guī)', // after a letter, not a Chinese character
    '一二(gu1)', // digits are not tone marks
    '规(guīguīguīguīguīguīguīguīguīguīguīguī)', // longer than a few syllables
    '规(guī', // never closed
  ]) {
    assert.equal(normalize(s), normalizeChars(s), s);
  }
});

test('a report with pinyin after its characters reads exactly like the clean one, in every table shape', () => {
  for (const shape of SHAPES) {
    for (const year of [2020, 2023]) {
      const clean = toTraditional(generateReport({ year, body: '青山鎮人民政府', shape }).text);
      const dirty = withPinyin(clean);
      assert.ok(dirty.includes('規(guī)章') && dirty.includes('行政強(qiáng)制'), 'the pinyin is there');
      const expected = reading(clean);
      assert.ok(expected.tables.every((t) => t && t.rows.length > 0), `${shape} ${year}: the clean report reads`);
      assert.deepEqual(reading(dirty), expected, `${shape} ${year}`);
    }
  }
});

test('the real fixtures with pinyin read like the fixtures, findings included', () => {
  for (const fixture of [CIXI, XIAOCAOE]) {
    const trad = toTraditional(fixture);
    assert.deepEqual(reading(withPinyin(trad)), reading(trad));
  }
});

test('r07 (a mirror copy with pinyin) reads as the same text without its pinyin', () => {
  const text = readFileSync(path.join(CORPUS, 'r07_tuoshi_2020_trad.txt'), 'utf8');
  const { report } = check(text);
  assert.equal(report.body?.text, '拖市鎮', 'the body without its "(zhèn)"');
  assert.equal(report.year.value, 2020);
  const clean = text.replace(/\((?:[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+)\)/g, '');
  assert.ok(clean.length < text.length - 100);
  assert.deepEqual(reading(text), reading(clean));
  // Its 表二 header, in a pipe table the reader reads: 數(shù)量 is 数量.
  const lines = text.split('\n');
  const table = lines.slice(8, 12).map((l) => `| ${l}`).join('\n');
  assert.match(table, /本年新 制作數\(shù\)量/);
  const t2 = check(`${lines.slice(0, 8).join('\n')}\n${table}\n`).report.tables.t2;
  assert.deepEqual(t2?.headerLabels.map((h) => h.key), ['本年新制作数量', '本年新公开数量', '对外公开总数量']);
});

// ---------------------------------------------------------------------------------------------
// Spam

/** Asserts that normalize blanks exactly `spam` (one piece of `text`) and nothing else. */
function assertSpam(text: string, spam: string, message?: string) {
  const at = text.indexOf(spam);
  assert.ok(at >= 0, `not in the text: ${spam}`);
  const expected = normalizeChars(text.slice(0, at)) + '■'.repeat(spam.length) + normalizeChars(text.slice(at + spam.length));
  assert.equal(shown(text), expected, message ?? text);
}

test('normalize blanks gambling spam in a sentence and a title, with its address and brackets', () => {
  assertSpam('2023年，我镇澳门新葡京娱乐场www.88pj.com认真贯彻', '澳门新葡京娱乐场www.88pj.com');
  assertSpam('青山镇2023年政府信息公开工作年度报告【澳门银河官网(www.yh8888.com)】', '【澳门银河官网(www.yh8888.com)】');
  assertSpam('贯彻落实365bet网上娱乐_365体育平台网址有关会议精神', '365bet网上娱乐_365体育平台网址');
  assertSpam('開雲體育(中國)官方網站 bet365', '開雲體育(中國)官方網站 bet365', 'traditional script, read after normalization');
  assertSpam('太陽城集團官網 https://www.tyc88.com/index.html 。', '太陽城集團官網 https://www.tyc88.com/index.html');
  assertSpam('【太阳城集团】 www.tyc88.com', '【太阳城集团】 www.tyc88.com');
  assertSpam('全年公开信息百家乐120条', '百家乐', 'the report\'s own number after the spam stays');
  assertSpam('全年主动公开政府信息澳门新葡京娱乐场www.xpj8888.com126条。', '澳门新葡京娱乐场www.xpj8888.com', 'an address glued to a count');
  assertSpam('我镇开元棋牌 www.ky0088.com 认真落实', '开元棋牌 www.ky0088.com', 'a betting word and an address, no known name');
});

test('normalize leaves ordinary words, place names and links of a report alone', () => {
  for (const s of [
    '金沙镇人民政府2023年政府信息公开工作年度报告', // a casino's name is also a place name
    '金沙县体育局、银河路社区、皇冠体育馆、永利集团有限公司', // beside ordinary words
    '政府网站(http://www.jxgc.gov.cn)，电子邮箱:1316458144@qq.com，电话0571-12345678', // a report's own links
    'source: http://www.996bkk.com/zwgk/xxgk/202501/t20250126_59961.html', // a mirror site's address
    '查处娱乐场所12家，检查福利彩票网点3个、体育彩票投注站5个、投注网点2个', // licensed venues
    '加大发布力度，港澳台居民、澳门特别行政区', // 大发, 澳门 as words
    '推进“互联网+政务服务”平台建设，登录网站首页下载', // filler words alone
    '文化娱乐活动丰富，详见市文化馆网站www.whg-example.com', // a betting word and an address, not side by side
    '中国体育彩票官网（www.lottery.gov.cn）、中彩网（www.zhcw.com）', // a lottery's own sites
  ]) {
    assert.equal(normalize(s), normalizeChars(s), s);
  }
});

test('a report with spam in its title and sentences reads like the clean one', () => {
  const clean = XIAOCAOE;
  const dirty = clean
    .replace('2023年政务公开工作年度报告', '2023年政务公开工作年度报告_澳门新葡京娱乐场www.xpj8888.com')
    .replace('贯彻落实全市政务公开工作有关会议精神', '贯彻落实全市澳门银河官网(www.yh8888.com)政务公开工作有关会议精神')
    .replace('2023年，全镇通过不同渠道', '2023年，全镇365bet体育在线投注通过不同渠道');
  assert.notEqual(dirty, clean);
  const dirtyReading = reading(dirty);
  const cleanReading = reading(clean);
  // The only difference: foreign-text hints at the three pieces of spam.
  assert.deepEqual(
    dirtyReading.diagnostics.filter((d) => d.startsWith('foreign-text')),
    ['foreign-text information', 'foreign-text information', 'foreign-text information'],
  );
  dirtyReading.diagnostics = dirtyReading.diagnostics.filter((d) => !d.startsWith('foreign-text'));
  assert.deepEqual(dirtyReading, cleanReading);
});
