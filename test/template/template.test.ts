// The new-report template ("年报：新建年度报告…") must be a complete report of the right edition
// that the checker accepts with no finding but one per prompt left to fill in (placeholder), so that a
// blank template never shows ✓: anything else the author sees later is theirs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, looksLikeReport, summarize } from '../../server/src/core';
import { BODY_KINDS, newReportText, type BodyKind } from '../../server/src/core/template';
import { SECTIONS, T3_ROWS } from '../../server/src/core/format/editions';

const YEARS = [2019, 2020, 2021, 2023, 2025];
const KINDS: BodyKind[] = ['township', 'department'];
const BODY: Record<BodyKind, string> = {
  township: '青山镇人民政府',
  subdistrict: '东湖街道办事处',
  county: '临江县人民政府',
  city: '南川市人民政府',
  department: '南川市市场监督管理局',
};

const lines = (text: string) => text.split('\n');

/** Every 【…】 prompt of a template, where the placeholder rule must report it. */
function prompts(text: string): string[] {
  return [...text.matchAll(/【[^】\n]*】/g)].map((m) => `placeholder @${m.index} «${m[0]}»`);
}

/** The findings of a text, as "rule @offset «source»". */
function findings(text: string, locale: 'zh-cn' | 'en' = 'zh-cn'): string[] {
  return check(text, { locale }).diagnostics.map((d) => `${d.rule} @${d.start} «${text.slice(d.start, d.end)}»`);
}

/** The template with every prompt replaced by a sentence of the report. */
function filledIn(text: string): string {
  return text.replace(/【[^】\n]*】/g, '本年度按要求开展相关工作。');
}
const zeros = (n: number) => Array<string>(n).fill('0').join('\t');

for (const year of YEARS) {
  for (const kind of KINDS) {
    test(`${year} ${kind}: the checker finds the template's prompts and nothing else`, () => {
      const text = newReportText({ year, body: BODY[kind], kind, locale: 'zh-cn' });
      const expected = prompts(text);
      assert.equal(expected.length, 8, 'a prompt in each of the five parts of 一, two in 五, one in 六');
      assert.deepEqual(findings(text), expected);
      const { diagnostics } = check(text, { locale: 'zh-cn' });
      assert.ok(diagnostics.every((d) => d.severity === 'error' && d.fix === null));
      assert.match(diagnostics[0].message, /^模板的提示语尚未替换为报告内容：“【请在此填写/);
      // Once every prompt is replaced by the author's text, nothing is left.
      assert.deepEqual(findings(filledIn(text)), []);
    });

    test(`${year} ${kind}: the checker reads the template as a ${year} report with every section and table`, () => {
      const text = newReportText({ year, body: BODY[kind], kind, locale: 'zh-cn' });
      assert.ok(looksLikeReport(text), 'detected as a report');
      const { report } = check(text);
      const summary = summarize(report);
      assert.equal(summary.year, year);
      assert.equal(summary.edition, year >= 2021 ? '2021' : '2019');
      assert.equal(summary.body, BODY[kind]);
      assert.deepEqual(
        summary.sections.map((s) => s.present),
        [true, true, true, true, true, true],
      );
      assert.ok(report.tables.t2 && report.tables.t3 && report.tables.t4, 'all three tables found');
      assert.deepEqual(report.tables.t3.missingRows, []);
      assert.equal(summary.figures.received, 0);
      assert.equal(summary.figures.handled, 0);
      assert.equal(summary.figures.reviews, 0);
      assert.equal(summary.figures.lawsuits, 0);
      assert.ok(summary.results.every((r) => r.value === 0), '办理结果 all 0');
    });
  }

  test(`${year}: the text has the edition's exact labels, rows and cells`, () => {
    const text = newReportText({ year, body: BODY.county, kind: 'county' });
    const all = lines(text);
    const edition = year >= 2021 ? '2021' : '2019';

    assert.equal(all[0], `${BODY.county}${year}年政府信息公开工作年度报告`);
    assert.ok(text.includes(`统计期限为${year}年1月1日至${year}年12月31日`));
    // Six headings, in order, with the standard titles.
    const headings = SECTIONS.map((s, i) => `${'一二三四五六'[i]}、${s.standard}`);
    const at = headings.map((h) => all.indexOf(h));
    assert.ok(at.every((i, k) => i > 0 && (k === 0 || i > at[k - 1])), `headings in order: ${at}`);

    // 表三: every row of the edition, label + 7 zeros (header rows bare).
    for (const row of T3_ROWS.filter((r) => !r.editions || r.editions.includes(edition))) {
      const expected = row.header ? row.label : `${row.label}\t${zeros(7)}`;
      assert.ok(all.includes(expected), `表三 row: ${expected}`);
    }
    // 表四: one row of fifteen numbers.
    assert.ok(all.includes(zeros(15)));

    if (edition === '2021') {
      for (const row of ['规章\t0\t0\t0', '行政规范性文件\t0\t0\t0', '行政许可\t0', '行政处罚\t0', '行政强制\t0', '行政事业性收费\t0']) {
        assert.ok(all.includes(row), `表二 row: ${row}`);
      }
      assert.ok(all.includes('信息内容\t本年制发件数\t本年废止件数\t现行有效件数'));
      assert.ok(all.includes('信息内容\t本年收费金额（单位：万元）'));
      assert.ok(!text.includes('政府集中采购') && !text.includes('其他对外管理服务事项'));
      assert.ok(all.includes(`1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请\t${zeros(7)}`));
      // Under the 2021 edition, 六 says whether 信息处理费 was charged.
      const six = text.slice(text.indexOf('六、其他需要报告的事项'));
      assert.match(six, /信息处理费/);
    } else {
      for (const row of [
        '规章\t0\t0\t0',
        '规范性文件\t0\t0\t0',
        '行政许可\t0\t0\t0',
        '其他对外管理服务事项\t0\t0\t0',
        '行政处罚\t0\t0\t0',
        '行政强制\t0\t0\t0',
        '行政事业性收费\t0\t0',
        '政府集中采购\t0\t0',
      ]) {
        assert.ok(all.includes(row), `表二 row: ${row}`);
      }
      assert.ok(all.includes('信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量'));
      assert.ok(all.includes(`（六）其他处理\t${zeros(7)}`));
      assert.ok(!text.includes('逾期不补正'));
      assert.ok(!text.includes('信息处理费'));
    }

    // No year in the text other than the report year, except the signature date in the next year.
    const years = [...text.matchAll(/(\d{4})年/g)].map((m) => Number(m[1]));
    assert.deepEqual([...new Set(years)].sort(), [year, year + 1]);
    assert.match(all.at(-2) ?? '', new RegExp(`^${year + 1}年[13]月31日$`));
  });
}

test('every kind and both locales: the checker finds exactly the prompts', () => {
  for (const kind of BODY_KINDS) {
    for (const locale of ['zh-cn', 'en'] as const) {
      const text = newReportText({ year: 2024, body: BODY[kind], kind, locale });
      const expected = prompts(text);
      assert.equal(expected.length, 8, `${kind} ${locale}`);
      assert.deepEqual(findings(text, locale), expected, `${kind} ${locale}`);
      assert.deepEqual(findings(filledIn(text), locale), [], `${kind} ${locale} filled in`);
    }
  }
  const en = check(newReportText({ year: 2024, body: BODY.city, kind: 'city', locale: 'en' }), { locale: 'en' }).diagnostics;
  assert.match(en[0].message, /^A prompt of the report template is still here, not replaced by the report’s text: "【Describe/);
});

test('a template made without a body name: "（单位名称）" in the title and the signature is a field to fill in', () => {
  const text = newReportText({ year: 2023, body: '  ', kind: 'township' });
  const fields = [...filledIn(text).matchAll(/（单位名称）/g)].map((m) => `placeholder @${m.index} «${m[0]}»`);
  assert.equal(fields.length, 2);
  assert.deepEqual(findings(filledIn(text)), fields);
  const messages = check(filledIn(text)).diagnostics.map((d) => d.message);
  assert.deepEqual(messages, ['模板中的“（单位名称）”尚未填写', '模板中的“（单位名称）”尚未填写']);
  assert.deepEqual(findings(filledIn(text).replaceAll('（单位名称）', BODY.township)), []);
});

test('departments sign by 31 January, governments by 31 March', () => {
  assert.match(newReportText({ year: 2023, body: BODY.department, kind: 'department' }), /\n2024年1月31日\n$/);
  assert.match(newReportText({ year: 2023, body: BODY.city, kind: 'city' }), /\n2024年3月31日\n$/);
});

test('the body name is one clean line; a year before 2019 is refused', () => {
  const text = newReportText({ year: 2023, body: '  青山镇\n人民政府\t ', kind: 'township' });
  assert.equal(lines(text)[0], '青山镇 人民政府2023年政府信息公开工作年度报告');
  for (const year of [2018, 2023.5, Number.NaN]) {
    assert.throws(() => newReportText({ year, body: BODY.city, kind: 'city' }), RangeError);
  }
});
