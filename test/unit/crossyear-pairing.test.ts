// Which report is last year's of which (core/crossyear/pair.ts), and the year profile itself: small
// enough to post between threads, placed by 1-based lines a consumer without the text can use.
import { SKETCH_SIZE } from '../../server/src/core/crossyear/sketch';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../../server/src/core';
import { bodyKey, sameBody } from '../../server/src/core/crossyear/body';
import { pairProfiles } from '../../server/src/core/crossyear/pair';
import { corpusNames, corpusReport } from '../support/corpus';
import { miniReport } from '../support/mini-report';
import { PINGTAN, pingtanProfile, profileOfText } from '../support/crossyear';
import { packProfile, unpackProfile } from '../../server/src/cli/crossyear';

const NARRATIVE = '本年度，我镇认真贯彻落实政府信息公开条例。';
/** The mini report under another title. */
const titled = (title: string) => miniReport({ narrative: NARRATIVE }).replace(/^.*\n/, `${title}\n`);

describe('body keys', () => {
  test('the same body worded differently has one key', () => {
    const same = [
      ['平潭综合实验区管委会', '平潭综合实验区管理委员会', '平潭综合实验区', '平潭 综合实验区'],
      ['中埠镇人民政府', '中埠镇政府', '中埠镇'],
      ['张店区公园街道办事处', '张店区公园街道'],
    ];
    for (const group of same) assert.deepEqual(new Set(group.map((n) => bodyKey(n))).size, 1, group.join(' / '));
  });

  test('a government and its office are different bodies', () => {
    assert.notEqual(bodyKey('上海市人民政府'), bodyKey('上海市人民政府办公厅'));
    assert.equal(sameBody(bodyKey('上海市人民政府')!, bodyKey('上海市人民政府办公厅')!), false);
  });

  test('a place named with or without its county matches; two places of one county never do', () => {
    assert.ok(sameBody(bodyKey('桃江县松木塘镇人民政府')!, bodyKey('松木塘镇人民政府')!));
    assert.equal(sameBody(bodyKey('桃江县松木塘镇')!, bodyKey('桃江县马迹塘镇')!), false);
    assert.equal(sameBody(bodyKey('甲县城关镇')!, bodyKey('乙县城关镇')!), false);
    // A name that names no place on its own ("市政府办公室") matches only itself.
    assert.equal(sameBody(bodyKey('天门市人民政府办公室')!, bodyKey('市人民政府办公室')!), false);
  });
});

describe('pairing', () => {
  test('the seven Pingtan reports, in any order, pair into the six consecutive years (2019 and 2020 titles differ from the later ones)', () => {
    const order = [4, 0, 6, 2, 5, 1, 3];
    const profiles = order.map((i) => pingtanProfile(PINGTAN[i]));
    const pairs = pairProfiles(profiles).map((p) => [PINGTAN[order[p.previous]], PINGTAN[order[p.current]]]);
    const expected = PINGTAN.slice(1).map((name, i) => [PINGTAN[i], name]);
    assert.deepEqual(pairs.sort(), expected.sort());
  });

  test('traditional and simplified titles of one body pair; "管委会" and "管理委员会" pair', () => {
    const last = profileOfText(titled('拖市鎮人民政府2022年政府信息公開工作年度報告'));
    const now = profileOfText(titled('拖市镇2023年政府信息公开工作年度报告'));
    assert.deepEqual(pairProfiles([now, last]), [{ previous: 1, current: 0 }]);
    const a = profileOfText(titled('东湖新区管理委员会2022年政府信息公开工作年度报告'));
    const b = profileOfText(titled('东湖新区管委会2023年政府信息公开工作年度报告'));
    assert.deepEqual(pairProfiles([a, b]), [{ previous: 0, current: 1 }]);
  });

  test('two towns of one county never pair, and an ambiguous short name pairs with neither', () => {
    const a = profileOfText(titled('桃江县松木塘镇人民政府2022年政府信息公开工作年度报告'));
    const b = profileOfText(titled('桃江县马迹塘镇人民政府2023年政府信息公开工作年度报告'));
    assert.deepEqual(pairProfiles([a, b]), []);
    const c1 = profileOfText(titled('甲县城关镇人民政府2022年政府信息公开工作年度报告'));
    const c2 = profileOfText(titled('乙县城关镇人民政府2022年政府信息公开工作年度报告'));
    const short = profileOfText(titled('城关镇人民政府2023年政府信息公开工作年度报告'));
    assert.deepEqual(pairProfiles([c1, c2, short]), []);
    // With only one of them, the short name is that town.
    assert.deepEqual(pairProfiles([c1, short]), [{ previous: 0, current: 1 }]);
  });

  test('not two years apart, not the same year, and not a report without a body', () => {
    const y2021 = profileOfText(titled('东湖镇2021年政府信息公开工作年度报告'));
    const y2023 = profileOfText(titled('东湖镇2023年政府信息公开工作年度报告'));
    assert.deepEqual(pairProfiles([y2021, y2023]), []);
    const anonymous = profileOfText(titled('2022年政府信息公开工作年度报告'));
    assert.equal(anonymous.bodyKey, null);
    assert.deepEqual(pairProfiles([anonymous, y2023]), []);
  });

  test('no two different bodies of the corpus pair', () => {
    const names = corpusNames().filter((n) => !n.startsWith('c0'));
    const profiles = names.map((n) => profileOfText(corpusReport(n)));
    // Every year moved so that each report could be any other's next year.
    const shifted = profiles.flatMap((p) => [{ ...p, year: 2000 }, { ...p, year: 2001 }]);
    const pairs = pairProfiles(shifted).filter((p) => p.previous >> 1 !== p.current >> 1);
    assert.deepEqual(pairs.map((p) => `${names[p.previous >> 1]} → ${names[p.current >> 1]}`), []);
  });
});

describe('the year profile', () => {
  test('is small: a few hundred numbers, none of the text', () => {
    for (const name of PINGTAN) {
      const json = JSON.stringify(pingtanProfile(name));
      assert.ok(json.length < 12_000, `${name}: ${json.length} characters`);
      assert.ok(!json.includes('总体情况'), 'no narrative text');
    }
  });

  test('carries 1-based lines and columns of every place, as the CLI prints them', () => {
    const text = corpusReport('c02_pingtan_syq_2022');
    const { lines } = check(text);
    const p = pingtanProfile('c02_pingtan_syq_2022');
    const places = [p.anchor, ...p.carryIn!.cells.map((c) => c.at), ...p.carryOut!.cells.map((c) => c.at), ...p.stock.map((s) => s.stock.at)];
    for (const at of places) {
      const a = lines.positionAt(at.start);
      const b = lines.positionAt(at.end);
      assert.deepEqual([at.line, at.column, at.endLine, at.endColumn], [a.line + 1, a.character + 1, b.line + 1, b.character + 1]);
    }
    assert.deepEqual([p.carryIn!.cells[0].at.line, p.carryOut!.cells[0].at.line, p.year, p.edition, p.bodyKey], [38, 61, 2022, '2021', '平潭综合实验区']);
    assert.deepEqual(p.stock.map((s) => [s.key, s.added, s.removed, s.stock.value]), [['rules', 0, 0, 0], ['normative', 88, 55, 698]]);
  });

  test('a text that is no report, or random text, still has a profile (nothing in it)', () => {
    for (const text of ['', '\n\n', '随便写的一段话。', '表三\t1\t2\n'.repeat(50), String.fromCharCode(...Array.from({ length: 2000 }, (_, i) => (i * 7919) % 0xffff))]) {
      const p = profileOfText(text);
      assert.equal(p.carryIn, null);
      assert.ok(p.narrative.hashes.length <= SKETCH_SIZE);
    }
  });
});

describe('packed profiles (the CLI keeps them packed until they pair)', () => {
  test('a packed profile unpacks to the same profile and dismissals, for every Pingtan report and a report with nothing to compare', () => {
    const profiles = [...PINGTAN.map((name) => pingtanProfile(name)), profileOfText(`某镇2023年政府信息公开工作年度报告\n一、总体情况\n${NARRATIVE}\n`)];
    // Between them: carry-over rows and stock rows, and a report without tables.
    assert.ok(profiles.some((p) => p.carryIn && p.stock.length) && profiles.some((p) => !p.carryIn));
    for (const profile of profiles) {
      const muted = ['carry-over@120', 'copied-report@0'];
      const packed = packProfile(profile, muted);
      const back = unpackProfile(packed);
      assert.deepEqual({ ...back.profile, narrative: { ...back.profile.narrative, hashes: [...back.profile.narrative.hashes] } }, { ...profile, narrative: { ...profile.narrative, hashes: [...profile.narrative.hashes] } });
      assert.deepEqual([...back.muted], muted);
      // The raw hashes and positional JSON: well under the object's JSON with base64 hashes.
      assert.ok(packed.byteLength < Buffer.byteLength(JSON.stringify(profile)), `${packed.byteLength} bytes`);
    }
  });
});
