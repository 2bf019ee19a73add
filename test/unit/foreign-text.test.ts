// foreign-text (FORMAT.md §6–7): web-page chrome and HTML debris, spam after the end, placeholder
// body names, and another body's name as the subject of the report's own work. Always a hint.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../../server/src/core';
import { CIXI, SUSHUI, XIAOCAOE } from '../support/mini-report';
import { generateReport, toTraditional } from '../support/reports';


function foreign(text: string, locale: 'zh-cn' | 'en' = 'zh-cn') {
  const { diagnostics, lines } = check(text, { locale });
  return diagnostics
    .filter((d) => d.rule === 'foreign-text')
    .map((d) => ({ line: lines.positionAt(d.start).line + 1, text: text.slice(d.start, d.end), message: d.message, severity: d.severity, fix: d.fix }));
}

function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  assert.ok(at >= 0, `fixture text not found: ${from}`);
  assert.equal(text.indexOf(from, at + 1), -1, `fixture text not unique: ${from}`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

const notHint = (text: string) => check(text).diagnostics.filter((d) => d.severity !== 'information').map((d) => `${d.rule}: ${d.message}`);

test('the three fixtures: nothing flagged', () => {
  for (const text of [CIXI, SUSHUI, XIAOCAOE]) assert.deepEqual(foreign(text), []);
});

/** cixi as copied from its web page: chrome before the title, HTML debris, chrome and spam after the end. */
const WEB_COPY =
  '首页 > 政务公开 > 政府信息公开年报\n' +
  '发布日期：2024-02-18 来源：慈溪市人民政府办公室 浏览次数：1234 字号：大 中 小\n\n' +
  replaceOnce(
    replaceOnce(CIXI, '促进政策落实落地。', '促进政策落实落地。?!?/p>'),
    '做好重大行政决策全过程管理。',
    '做好重大行政决策全过程管理。&nbsp;&nbsp;</p><br>',
  ) +
  '\n【打印本页】 【关闭窗口】\n分享到：微信 微博 QQ空间\n\n网上真人娱乐城 加微信：abc12345\nwww.spam-example.com\n';

test('a web copy: page chrome, HTML debris and spam are flagged as hints; 发布日期/来源 are not', () => {
  const found = foreign(WEB_COPY);
  assert.deepEqual(
    found.map((f) => [f.line, f.text]),
    [
      [1, '首页 > 政务公开 > 政府信息公开年报'],
      [2, '浏览次数：1234 字号：大 中 小'],
      [8, '?!?/p>'],
      [8, '&nbsp;&nbsp;</p><br>'],
      [412, '【打印本页】 【关闭窗口】\n分享到：微信 微博 QQ空间'],
      [415, '网上真人娱乐城 加微信：abc12345\nwww.spam-example.com'], // consecutive spam lines: one finding
    ],
  );
  assert.ok(found.every((f) => f.severity === 'information' && f.fix === null));
  assert.match(found[0].message, /网页残留文字/);
  assert.match(found[2].message, /HTML 代码残留/);
  assert.match(found[5].message, /垃圾信息/);
  assert.match(foreign(WEB_COPY, 'en')[0].message, /web page/);
  // The publication meta words stay unflagged.
  for (const f of found) assert.ok(!f.text.includes('发布日期') && !f.text.includes('来源'));
  // The debris raises nothing above a hint that the clean report did not have.
  assert.deepEqual(notHint(WEB_COPY), notHint(CIXI));
});

test('in a Markdown table, HTML debris on any row is flagged and the pipes hide nothing after the table', () => {
  const { text } = generateReport({ year: 2023, body: '青山县青山镇人民政府', shape: 'markdown', seed: 7 });
  assert.deepEqual(foreign(text), [], 'the clean Markdown report');
  const rows = text.split('\n');
  const tableRows = rows.map((r, i) => [r, i] as const).filter(([r]) => /^\|.*\d \|$/.test(r));
  assert.ok(tableRows.length > 20, 'the generated report has Markdown tables');
  // Debris on a middle row and on the last row of the last table, and page chrome on the line after it.
  const [middle, middleAt] = tableRows[Math.floor(tableRows.length / 2)];
  const [last, lastAt] = tableRows[tableRows.length - 1];
  rows[middleAt] = middle.replace(/ \| (\d+) \|$/, ' | $1&nbsp; |');
  rows[lastAt] = last + '</td>';
  rows.splice(lastAt + 1, 0, '【打印本页】 【关闭窗口】');
  const found = foreign(rows.join('\n'));
  assert.deepEqual(
    found.map((f) => [f.line, f.text]),
    [
      [middleAt + 1, '&nbsp;'],
      [lastAt + 1, '/td>'], // in a table only the tag's end is debris: Markdown wraps labels with <br>
      [lastAt + 2, '【打印本页】 【关闭窗口】'],
    ],
  );
});

test('other shapes of page chrome: a breadcrumb over two lines, 点击率 and 【 打印 】 in a meta line', () => {
  const web =
    '当前位置: 首页\n> 政务公开 > 乡镇街道 > 政府信息公开年报\n' +
    '来源:慈溪市人民政府办公室 时间:2024-01-16 点击率:【 打印 】【 关闭 】\n' +
    CIXI;
  assert.deepEqual(
    foreign(web).map((f) => [f.line, f.text]),
    [
      [1, '当前位置: 首页\n> 政务公开 > 乡镇街道 > 政府信息公开年报'],
      [3, '点击率:【 打印 】【 关闭 】'],
    ],
  );
});

test('spam words inside a line (a hacked page) are flagged, not the whole sentence', () => {
  const hacked = replaceOnce(XIAOCAOE, '贯彻落实全市政务公开工作有关会议精神', '贯彻落实365bet网上娱乐_365体育平台网址有关会议精神');
  assert.deepEqual(foreign(hacked).map((f) => [f.line, f.text]), [[9, '365bet网上娱乐_365体育平台网址']]);
  const header = replaceOnce(XIAOCAOE, '小曹娥镇人民政府\n', '365bet网上娱乐_365体育平台网址\n');
  assert.deepEqual(foreign(header).map((f) => f.text), ['365bet网上娱乐_365体育平台网址']);
});

test('football-betting words put in place of a report\'s own words (a mirror site) are flagged', () => {
  // As a mirror of a 2022 city report writes it: "关于" and a province's name replaced.
  const hacked = replaceOnce(
    replaceOnce(XIAOCAOE, '贯彻落实全市政务公开工作有关会议精神', '贯彻落实欧洲五大联赛:政务公开工作有关会议精神'),
    '小曹娥镇人民政府\n',
    '小曹娥镇人民政府足彩\n',
  );
  assert.deepEqual(foreign(hacked).map((f) => f.text).sort(), ['欧洲五大联赛', '足彩'].sort());
  assert.deepEqual(notHint(hacked), notHint(XIAOCAOE));
});

test('gambling spam injected into a sentence, the title and a table label is flagged, and the report reads past it', () => {
  const hacked = replaceOnce(
    replaceOnce(
      replaceOnce(CIXI, '促进政策落实落地。', '促进政策落实澳门新葡京娱乐场www.xpj8888.com落地。'),
      '\n2023年政府信息公开工作年度报告\n',
      '\n2023年政府信息公开工作年度报告_太阳城集团官网(www.tyc88.com)\n',
    ),
    '\t行政规范性文件\n',
    '\t行政规范性文件【皇冠体育官网】\n',
  );
  const found = foreign(hacked);
  assert.deepEqual(
    found.map((f) => f.text).sort(),
    ['太阳城集团官网(www.tyc88.com)', '【皇冠体育官网】', '澳门新葡京娱乐场www.xpj8888.com'].sort(),
  );
  assert.ok(found.every((f) => f.severity === 'information' && /垃圾信息/.test(f.message)));
  assert.match(foreign(hacked, 'en')[0].message, /looks like spam/);
  // Nothing else changes: the title, the table row and the sentence read as in the clean report.
  assert.deepEqual(notHint(hacked), notHint(CIXI));
  const { report } = check(hacked);
  assert.equal(report.year.value, 2023);
  assert.deepEqual(report.tables.t2?.rows.get('normative')?.cells.map((c) => c.value), check(CIXI).report.tables.t2?.rows.get('normative')?.cells.map((c) => c.value));
});

test('a report\'s own links, addresses and numbers are not spam, wherever they stand', () => {
  const passing = [
    '群众可登录政府门户网站（www.cixi.gov.cn）查询，或访问http://www.jxgc.gov.cn。',
    '受理渠道：电子邮箱1316458144@qq.com，联系电话0574-63012345，传真0574-63012346。',
    '依托浙江政务服务网（https://www.zjzwfw.gov.cn）和“浙里办”APP开展线上办理。',
    '对辖区内12家娱乐场所、3个福利彩票网点开展检查，查处网络赌博线索2条。',
    '金沙镇、银河街道、皇冠社区配合完成政务公开标准化建设。',
  ];
  for (const s of passing) {
    const text = replaceOnce(CIXI, '（四）平台建设情况。', `（四）平台建设情况。${s}`);
    assert.deepEqual(foreign(text), [], s);
  }
});

test('chrome words inside the narrative and legitimate URLs are not flagged', () => {
  const passing = [
    '市民可通过政府门户网站（http://www.cixi.gov.cn）查询。', // a gov URL in the report
    '我办加强网站“首页”栏目维护，及时关闭失效链接。', // 首页/关闭 as words of a sentence
    '组织开展打印、复制服务，方便群众查阅。',
  ];
  for (const s of passing) {
    const text = replaceOnce(CIXI, '（四）平台建设情况。', `（四）平台建设情况。${s}`);
    assert.deepEqual(foreign(text).map((f) => f.text), [], s);
  }
  // A non-government URL is spam only after the end of the report.
  const inNarrative = replaceOnce(CIXI, '（四）平台建设情况。', '（四）平台建设情况。详见www.example.com。');
  assert.deepEqual(foreign(inNarrative), []);
  const afterEnd = CIXI + '\nwww.spam-example.com\n';
  assert.deepEqual(foreign(afterEnd).map((f) => f.text), ['www.spam-example.com']);
});

test('a blank or placeholder body name is flagged', () => {
  const cases: [string, string][] = [
    ['XX镇人民政府', 'XX镇'],
    ['××镇人民政府', '××镇'],
    ['某某镇人民政府', '某某镇'],
    ['镇人民政府', '镇人民政府'], // the place name left blank
  ];
  for (const [body, flagged] of cases) {
    const text = replaceOnce(XIAOCAOE, '小曹娥镇人民政府\n', `${body}\n`);
    const found = foreign(text);
    assert.deepEqual(found.map((f) => [f.line, f.text]), [[3, flagged]], body);
    assert.match(found[0].message, /单位名称为空或是占位符/);
  }
  // A placeholder in the narrative too.
  const inText = replaceOnce(XIAOCAOE, '2023年，小曹娥镇认真对照', '2023年，XX镇认真对照');
  assert.deepEqual(foreign(inText).map((f) => f.text), ['XX镇']);
});

test('another town as the subject of the report\'s own work is flagged; own name and superior bodies are not', () => {
  const copied = replaceOnce(XIAOCAOE, '2023年，小曹娥镇认真对照', '2023年，泗门镇认真对照');
  const found = foreign(copied);
  assert.deepEqual(found.map((f) => [f.line, f.text]), [[9, '泗门镇']]);
  assert.match(found[0].message, /“泗门镇”不是本报告的单位（小曹娥镇人民政府）/);
  assert.equal(found[0].severity, 'information');

  // In 五, in traditional characters: the same.
  const plan = replaceOnce(XIAOCAOE, '2024年，小曹娥镇将继续', '2024年，泗门镇将继续');
  assert.deepEqual(foreign(plan).map((f) => f.text), ['泗门镇']);
  const trad = toTraditional(copied);
  assert.deepEqual(foreign(trad).map((f) => [f.line, f.text]), [[9, '泗門鎮']]);
  // A mirror site's copy with pinyin after every 鎮 (r07): the same finding, on the name alone.
  const mirror = trad.replaceAll('鎮', '鎮(zhèn)');
  assert.deepEqual(foreign(mirror).map((f) => [f.line, f.text]), [[9, '泗門鎮']]);

  // Must pass: the report's own name, its city ("余姚市…") and words that end in 镇 but name no body.
  const passing = [
    '2023年，余姚市政务公开办公室对我镇开展考核。', // a superior body
    '2023年，全镇通过不同渠道和方式共公开政府信息262条', // 全镇
    '2023年，各乡镇街道认真落实政务公开。',
    '2023年，全乡镇积极推进政务公开。',
    '2023年，我们镇认真落实政务公开。',
    '2023年，美丽城镇建设持续推进。',
    '2023年，依托镇级平台开展精准推送。',
  ];
  for (const s of passing) {
    const text = replaceOnce(XIAOCAOE, '2023年，全镇通过不同渠道和方式共公开政府信息262条', s);
    assert.deepEqual(foreign(text).map((f) => f.text), [], s);
  }
  // sushui names itself in 六: "2023年涑水镇将尝试推进…".
  assert.deepEqual(foreign(SUSHUI), []);
});

test('a body that is not a town or county: no other-body check (cixi 市人民政府办公室)', () => {
  const text = replaceOnce(CIXI, '2023年共收到信息公开申请103件', '2023年，余姚市共收到信息公开申请103件');
  assert.deepEqual(foreign(text), []);
});

test('foreign-text never throws and stays fast on odd input', () => {
  const long = '打印 关闭 '.repeat(5000) + 'x';
  const inputs = [
    '', '\n\n', '<br>'.repeat(10000), long, '首页 > '.repeat(5000), '> 政务公开 '.repeat(5000), 'XX镇'.repeat(3000),
    '2023年，乙镇认真'.repeat(3000), '字号' + ' '.repeat(50000) + '大', '?'.repeat(50000), '_'.repeat(50000) + '镇',
    '<a' + ' '.repeat(50000), '&'.repeat(50000), '×'.repeat(50000), 'www.' + 'a'.repeat(50000),
  ];
  for (const text of inputs) {
    const errors: unknown[] = [];
    const t0 = Date.now();
    check(text, { onRuleError: (_rule, e) => errors.push(e) });
    assert.deepEqual(errors, []);
    assert.ok(Date.now() - t0 < 3000, `slow on ${text.slice(0, 20)}`);
  }
});
