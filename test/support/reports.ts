// Generates complete, internally consistent reports in every table shape of FORMAT.md §6, for
// parser tests, mutation tests and the benchmark corpus. Deterministic for a given seed.
import { T2_COLUMNS, T3_ROWS, t3ValueRows } from '../../server/src/core/format/editions';

export type Shape = 'tabs' | 'cells' | 'markdown' | 'spaces' | 'wrapped';
export const SHAPES: Shape[] = ['tabs', 'cells', 'markdown', 'spaces', 'wrapped'];

export interface ReportSpec {
  year: number;
  body: string;
  shape: Shape;
  traditional?: boolean;
  seed?: number;
  /** Web-page chrome before the title and after the end. */
  webDebris?: boolean;
  /** Repeat the narrative paragraphs to grow the report (for size benchmarks). */
  padding?: number;
}

export interface GeneratedReport {
  text: string;
  t3: Map<string, number[]>;
  t4: number[];
  edition: '2019' | '2021';
}

/** xorshift32: a small seeded generator, the same on every machine (also used by the benchmark). */
export function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

// opencc-js ships its converter as CommonJS (dist/umd) beside the ES module the types describe.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const OpenCC = require('opencc-js') as { Converter(o: { from: string; to: string }): (s: string) => string };

/** Simplified → traditional (Taiwan) text, as mirror sites convert reports. */
export const toTraditional = (() => {
  let convert: ((s: string) => string) | undefined;
  return (s: string) => (convert ??= OpenCC.Converter({ from: 'cn', to: 'tw' }))(s);
})();

type Row = { label: string; values: (number | string)[]; group?: string };

/** Renders table rows in a shape. `header` rows carry only labels. */
export function renderTable(rows: Row[], shape: Shape): string {
  switch (shape) {
    case 'tabs':
      return rows.map((r) => [r.group ?? '', r.label, ...r.values].join('\t')).join('\n');
    case 'cells':
      return rows
        .map((r) => [...(r.group !== undefined ? ['\t' + r.group] : []), '\t' + r.label, ...r.values.map((v) => '\t' + v)].join('\n'))
        .join('\n\n');
    case 'markdown': {
      const width = Math.max(...rows.map((r) => r.values.length)) + 1;
      const line = (cells: string[]) => '| ' + [...cells, ...Array(width - cells.length).fill('')].join(' | ') + ' |';
      return [line(rows[0] ? [rows[0].label, ...rows[0].values.map(String)] : []), '|' + ' --- |'.repeat(width), ...rows.slice(1).map((r) => line([r.label, ...r.values.map(String)]))].join('\n');
    }
    case 'spaces':
      return rows.map((r) => [r.label, ...r.values].join('  ')).join('\n');
    case 'wrapped':
      // Long labels wrap over two lines; the numbers stay on the first.
      return rows
        .map((r) => {
          const label = r.label;
          if (label.length > 14 && r.values.length) {
            return `${label.slice(0, 12)}\t${r.values.join('\t')}\n${label.slice(12)}${'\t'.repeat(r.values.length)}`;
          }
          return [label, ...r.values].join('\t');
        })
        .join('\n');
  }
}

export function generateReport(spec: ReportSpec): GeneratedReport {
  const random = rng(spec.seed ?? spec.year * 31 + spec.body.length);
  const int = (max: number) => Math.floor(random() * (max + 1));
  const edition = spec.year >= 2021 ? '2021' : '2019';
  const Y = spec.year;

  // 表三: leaves random, totals computed, the balance made to hold.
  const leaves = t3ValueRows(edition).filter((k) => !['new', 'carry', 'total', 'next'].includes(k));
  const t3 = new Map<string, number[]>();
  const withTotal = (v: number[]) => [...v, v.reduce((a, b) => a + b, 0)];
  const total = [0, 0, 0, 0, 0, 0];
  for (const k of leaves) {
    const busy = k === 'r1' || k === 'r2' || k === 'r4_1';
    const v = [int(busy ? 40 : 3), int(busy ? 4 : 1), 0, int(1), 0, 0].map((x) => (random() < 0.6 && !busy ? 0 : x));
    t3.set(k, withTotal(v));
    v.forEach((x, i) => (total[i] += x));
  }
  const carry = total.map((x) => Math.min(x, int(2)));
  const next = total.map(() => int(2));
  const fresh = total.map((x, i) => x + next[i] - carry[i]);
  t3.set('new', withTotal(fresh));
  t3.set('carry', withTotal(carry));
  t3.set('total', withTotal(total));
  t3.set('next', withTotal(next));

  const t4: number[] = [];
  for (let g = 0; g < 3; g++) {
    const v = [int(3), int(1), int(1), int(2)];
    t4.push(...v, v.reduce((a, b) => a + b, 0));
  }

  const made = int(30);
  const repealed = int(20);
  const valid = made + int(200);
  const shape = spec.shape;
  const rowsT3: Row[] = [];
  for (const r of T3_ROWS) {
    if (r.editions && !r.editions.includes(edition)) continue;
    const values = t3.get(r.key);
    rowsT3.push({ label: r.label, values: values ?? [] });
  }
  const header: Row[] = [
    { label: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', values: ['申请人情况'] },
    { label: '', values: ['自然人', '法人或其他组织', '总计'] },
    { label: '', values: ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'] },
  ];
  const t3Text = renderTable([...header, ...rowsT3].filter((r) => shape !== 'spaces' || r.label !== ''), shape === 'markdown' ? 'markdown' : shape);

  const t2Rows: Row[] = [];
  const cols = T2_COLUMNS[edition];
  const block = (title: string, rows: [string, string, (number | string)[]][]) => {
    t2Rows.push({ label: title, values: [] });
    t2Rows.push({ label: '信息内容', values: cols[rows[0][1]] });
    for (const [label, , values] of rows) t2Rows.push({ label, values });
  };
  if (edition === '2021') {
    block('第二十条第（一）项', [
      ['规章', 'rules', [0, 0, 0]],
      ['行政规范性文件', 'normative', [made, repealed, valid]],
    ]);
    block('第二十条第（五）项', [['行政许可', 'license', [int(500)]]]);
    block('第二十条第（六）项', [
      ['行政处罚', 'penalty', [int(50)]],
      ['行政强制', 'enforcement', [int(5)]],
    ]);
    block('第二十条第（八）项', [['行政事业性收费', 'fee', [0]]]);
  } else {
    block('第二十条第（一）项', [
      ['规章', 'rules', [0, 0, 0]],
      ['规范性文件', 'normative', [made, made, valid]],
    ]);
    block('第二十条第（五）项', [
      ['行政许可', 'license', [int(40), int(3), int(500)]],
      ['其他对外管理服务事项', 'otherService', [int(10), 0, int(50)]],
    ]);
    block('第二十条第（六）项', [
      ['行政处罚', 'penalty', [int(40), 0, int(50)]],
      ['行政强制', 'enforcement', [int(5), 0, int(5)]],
    ]);
    block('第二十条第（八）项', [['行政事业性收费', 'fee', [int(5), 0]]]);
    block('第二十条第（九）项', [['政府集中采购', 'procurement', [int(10), int(300)]]]);
  }
  const t2Text = shape === 'markdown'
    ? t2Rows.filter((r) => r.values.length).map((r) => renderTable([r, r], 'markdown').split('\n').slice(-1)[0]).join('\n').replace(/^/, '| 信息内容 | | | |\n| --- | --- | --- | --- |\n')
    : renderTable(t2Rows, shape === 'wrapped' ? 'tabs' : shape);

  const t4Header: Row[] = [
    { label: '行政复议', values: ['', '', '', '', '行政诉讼'] },
    { label: '结果维持', values: ['结果纠正', '其他结果', '尚未审结', '总计', '未经复议直接起诉', '复议后起诉'] },
  ];
  const t4Lines =
    shape === 'cells'
      ? ['\t行政复议', '\t行政诉讼', '', ...['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '未经复议直接起诉', '复议后起诉'].map((s) => '\t' + s), '', ...t4.map((v) => '\t' + v)].join('\n')
      : shape === 'markdown'
        ? '| 行政复议 | | | | | 行政诉讼 | | | | | | | | | |\n|' + ' --- |'.repeat(15) + '\n| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |\n| ' + t4.join(' | ') + ' |'
        : shape === 'spaces'
          ? '行政复议  行政诉讼\n结果维持  结果纠正  其他结果  尚未审结  总计  未经复议直接起诉  复议后起诉\n' + t4.join('  ')
          : renderTable(t4Header, 'tabs') + '\n' + t4.join('\t');

  const received = t3.get('new')![6];
  const handled = t3.get('total')![6];
  const padding = Array.from({ length: spec.padding ?? 0 }, (_, i) => `（第${i + 1}项）持续深化政务公开标准化规范化建设，完善主动公开目录，强化政策解读，做好政务舆情回应工作。`).join('\n\n');
  const debrisBefore = spec.webDebris ? '首页 > 政务公开 > 政府信息公开年报\n发布日期：' + (Y + 1) + '-01-20    浏览次数：123\n字号：大 中 小\n\n' : '';
  const debrisAfter = spec.webDebris ? '\n\n打印本页    关闭窗口\n' : '';
  const fee = edition === '2021' ? `本年度未收取信息处理费。` : '';
  const text = `${debrisBefore}${spec.body}${Y}年政府信息公开工作年度报告

本报告由${spec.body}编制，所列数据的统计期限自${Y}年1月1日起至${Y}年12月31日止。

一、总体情况

（一）主动公开。${Y}年，${spec.body}坚持以公开为常态、不公开为例外，全年发布行政规范性文件${made}件。

（二）依申请公开。${Y}年共收到政府信息公开申请${received}件，均在法定期限内答复。

（三）政府信息管理。定期开展规范性文件清理，做好信息发布审核。

（四）政府信息公开平台建设。持续优化政府网站信息公开专栏。

（五）监督保障。将政务公开纳入年度考核，组织业务培训。
${padding ? '\n' + padding + '\n' : ''}
二、主动公开政府信息情况

${t2Text}

三、收到和处理政府信息公开申请情况

${t3Text}

四、政府信息公开行政复议、行政诉讼情况

${t4Lines}

五、存在的主要问题及改进情况

信息公开的及时性有待提高。${Y + 1}年，将进一步完善信息发布机制，加强业务培训。

六、其他需要报告的事项

${fee}本年度无其他需要报告的事项。

${spec.body}
${Y + 1}年1月15日${debrisAfter}`;
  void handled;
  return { text: spec.traditional ? toTraditional(text) : text, t3, t4, edition };
}
