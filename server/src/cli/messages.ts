// Every sentence the command line prints, in both languages, in one place. The findings themselves
// are worded by the engine's rules; these are only the CLI's own words (usage, file problems, summary).
import { translator, type Args, type Bilingual, type Locale } from '../shared/i18n';


const MESSAGES = {
  usage: {
    'zh-cn': `用法：nianbao check [选项] 文件或目录...
      nianbao extract [选项] 文件...    输出从文件中读出的文字（即检查的内容）

检查政府信息公开工作年度报告（.txt / .md，以及网页 .html/.htm、Word .docx/.doc/.wps、PDF；
这些格式按读出的文字检查，行号指读出文字的行，可用 extract 查看）。目录会递归查找这些文件
（跳过 node_modules、.git 和隐藏目录；不跟随目录中的符号链接，除非加 --follow）。
文件名写 - 表示从标准输入读取。结果按“文件:行:列 严重程度 规则 说明”逐行输出。

选项：
  --format 格式              输出格式（默认 text）：text 逐行列出；json；sarif（代码扫描工具）；
                             csv（每份报告一行，含主要数字，可用 WPS/Excel 打开）；
                             html（一个可离线打开、打印的页面，含每份报告的问题和办理结果图）
  --locale zh-cn|en          提示语言（默认 zh-cn，也可用环境变量 NIANBAO_LOCALE）
  --year N                   指定报告年度（不从正文推断）
  --edition 2019|2021        指定格式版本（不自动判断）
  --rule 规则=级别           调整规则：off|hint|info|warning|error，可重复
  --encoding 编码            强制按 utf8|gb18030|gbk|utf16le|utf16be 读取
  --jobs N                   并行线程数（默认为 CPU 核数；文件少时在本进程检查）
  --max-size 字节数          超过此大小的文件不检查（默认 52428800，即 50 MB）
  --fix                      应用可自动修复的问题并改写文件（保留原编码、换行符和权限），
                             逐条列出所改之处；文件在读取后被改动过则不改写
  --fix-dry-run              只列出 --fix 会做的修改，不改写文件
  -L, --follow               跟随目录中的符号链接（链接指向的文件也会被检查和改写）
  --stdin-filename 名称      从标准输入（-）读取时，输出中显示的文件名（也按它查找忽略文件）
  --quiet                    只报告错误
  --exit-zero                发现错误时退出码仍为 0（用于演示或只看报告）
  -h, --help                 显示本帮助
  --version                  显示版本

退出码：0 没有错误；1 发现错误；2 用法错误、有文件无法读取或修复未能写入。`,
    en: `Usage: nianbao check [options] FILE_OR_DIR...
       nianbao extract [options] FILE...   print the text read from the files (what is checked)

Checks annual reports on government information disclosure (.txt / .md, and web pages .html/.htm,
Word .docx/.doc/.wps and PDF, checked as the text read from them: line numbers are lines of that
text, which extract prints). Directories are searched recursively for these files (node_modules, .git and hidden directories are skipped; symbolic
links inside them are not followed unless --follow is given). A file named - is standard input.
Findings are printed one per line as "file:line:col severity rule message".

Options:
  --format FORMAT            output format (default text): text, one finding per line; json; sarif
                             (code scanning tools); csv (a row per report with its key figures, for
                             WPS or Excel); html (one page to read offline and print: each report's
                             findings and 办理结果 chart)
  --locale zh-cn|en          language of the messages (default zh-cn; also env NIANBAO_LOCALE)
  --year N                   the report year (instead of reading it from the text)
  --edition 2019|2021        the edition of the format (instead of detecting it)
  --rule RULE=LEVEL          set a rule to off|hint|info|warning|error; repeatable
  --encoding ENCODING        read files as utf8|gb18030|gbk|utf16le|utf16be
  --jobs N                   worker threads (default: number of CPUs; few files are checked in-process)
  --max-size BYTES           skip files larger than this (default 52428800, i.e. 50 MB)
  --fix                      apply the fixes and rewrite the files (same encoding, line endings and mode),
                             listing each change; a file changed since it was read is left alone
  --fix-dry-run              list the changes --fix would make, without writing
  -L, --follow               follow symbolic links inside directories (their targets are checked and fixed)
  --stdin-filename NAME      the name shown for standard input (-), also where its ignore files are found
  --quiet                    report errors only
  --exit-zero                exit 0 even when errors are found (for demos and read-only runs)
  -h, --help                 show this help
  --version                  show the version

Exit status: 0 no errors; 1 errors found; 2 bad usage, a file could not be read or a fix not written.`,
  },
  seeHelp: { 'zh-cn': '运行 nianbao check --help 查看用法。', en: 'Run nianbao check --help for usage.' },
  noCommand: { 'zh-cn': '缺少命令：请使用 nianbao check 文件或目录...', en: 'Missing command: use nianbao check FILE_OR_DIR...' },
  unknownCommand: { 'zh-cn': '未知命令“{name}”（只支持 check 和 extract）', en: 'Unknown command "{name}" (only check and extract are supported)' },
  noInputs: { 'zh-cn': '没有指定要检查的文件或目录', en: 'No file or directory to check' },
  unknownOption: { 'zh-cn': '未知选项 {name}', en: 'Unknown option {name}' },
  missingValue: { 'zh-cn': '选项 {name} 需要一个值', en: 'Option {name} needs a value' },
  unexpectedValue: { 'zh-cn': '选项 {name} 不接受值', en: 'Option {name} takes no value' },
  badChoice: { 'zh-cn': '选项 {name} 的值“{value}”无效，可用：{choices}', en: 'Invalid value "{value}" for {name}; expected one of: {choices}' },
  badInteger: { 'zh-cn': '选项 {name} 的值“{value}”无效，应为 {min} 到 {max} 之间的整数', en: 'Invalid value "{value}" for {name}; expected an integer from {min} to {max}' },
  badRuleSyntax: { 'zh-cn': '--rule 的值“{value}”无效，格式为 规则=级别（如 row-label=off）', en: 'Invalid --rule "{value}"; expected RULE=LEVEL (e.g. row-label=off)' },
  stdinTwice: { 'zh-cn': '标准输入（-）只能指定一次', en: 'Standard input (-) can be given only once' },
  fixAndDryRun: { 'zh-cn': '--fix 和 --fix-dry-run 不能同时使用', en: '--fix and --fix-dry-run cannot be used together' },
  fixStdin: {
    'zh-cn': '--fix 无法改写标准输入（-）；可用 --fix-dry-run 列出修改',
    en: '--fix cannot rewrite standard input (-); use --fix-dry-run to list the changes',
  },
  stdinFilenameAlone: {
    'zh-cn': '--stdin-filename 只能与 -（从标准输入读取）一起使用',
    en: '--stdin-filename needs - (read from standard input) among the files',
  },
  unknownRule: { 'zh-cn': '未知规则“{name}”。可用规则：{choices}', en: 'Unknown rule "{name}". Rules: {choices}' },

  notFound: { 'zh-cn': '找不到文件或目录', en: 'no such file or directory' },
  noPermission: { 'zh-cn': '没有读取权限', en: 'permission denied' },
  notADirectoryPart: { 'zh-cn': '路径中的某一部分不是目录', en: 'a part of the path is not a directory' },
  notRegular: { 'zh-cn': '不是普通文件（设备、管道或套接字不检查）', en: 'not a regular file (devices, pipes and sockets are not checked)' },
  danglingLink: { 'zh-cn': '符号链接指向的文件不存在', en: 'symbolic link to a file that does not exist' },
  linkLoop: { 'zh-cn': '符号链接构成循环（链接最终指回自身）', en: 'symbolic link loop (the links lead back to themselves)' },
  dirLoop: {
    'zh-cn': '目录循环：经符号链接又回到了当前路径上的目录，未再次进入',
    en: 'file system loop: a symbolic link led back to a directory already on this path; not walked again',
  },
  readFailed: { 'zh-cn': '读取失败：{reason}', en: 'could not be read: {reason}' },
  tooLarge: {
    'zh-cn': '文件过大（{size} 字节，超过 --max-size {max} 字节），未检查',
    en: 'file too large ({size} bytes, over --max-size {max} bytes); not checked',
  },
  notText: {
    'zh-cn': '不是文本文件（{why}），未检查；若是无 BOM 的 UTF-16 文件，请加 --encoding utf16le 或 utf16be',
    en: 'not a text file ({why}); not checked. If it is UTF-16 without a BOM, pass --encoding utf16le or utf16be',
  },
  nulBytes: { 'zh-cn': '含 NUL 字节', en: 'it contains NUL bytes' },
  controlChars: { 'zh-cn': '大部分是控制字符', en: 'it is mostly control characters' },
  undecodable: {
    'zh-cn': '无法识别编码（既不是 UTF-8 也不是 GB18030），未检查；请用 --encoding 指定',
    en: 'unrecognized encoding (neither UTF-8 nor GB18030); not checked. Pass --encoding to choose one',
  },
  checkCrashed: { 'zh-cn': '检查时出现内部错误：{reason}', en: 'internal error while checking: {reason}' },
  ruleCrashed: { 'zh-cn': '规则 {rule} 出现内部错误，已跳过：{reason}', en: 'rule {rule} failed and was skipped: {reason}' },
  dirUnreadable: { 'zh-cn': '无法读取目录：{reason}', en: 'could not read the directory: {reason}' },
  noFilesIn: { 'zh-cn': '目录中没有 .txt 或 .md 文件', en: 'no .txt or .md files in this directory' },

  ignoreBad: {
    'zh-cn': '忽略文件无效，未使用：{reason}（应为 {"ignore":[{"rule":"…","text":"…"}]}）',
    en: 'ignore file is invalid and was not used: {reason} (expected {"ignore":[{"rule":"…","text":"…"}]})',
  },
  ignoreUnreadable: { 'zh-cn': '忽略文件无法读取，未使用：{reason}', en: 'ignore file could not be read and was not used: {reason}' },
  ignoreTooLarge: { 'zh-cn': '文件过大（{size} 字节，上限 {max} 字节）', en: 'too large ({size} bytes, the limit is {max})' },
  ignoreNotUtf8: { 'zh-cn': '不是 UTF-8 文本', en: 'not UTF-8 text' },
  ignoreNotJson: { 'zh-cn': '不是有效的 JSON', en: 'not valid JSON' },
  ignoreNotJsonAt: { 'zh-cn': '不是有效的 JSON（第 {line} 行第 {column} 列）', en: 'not valid JSON (line {line}, column {column})' },
  ignoreNotArray: { 'zh-cn': '"ignore" 不是数组', en: '"ignore" is not an array' },
  ignoreBadEntry: { 'zh-cn': 'ignore[{i}] 需要字符串 "rule" 和 "text"', en: 'ignore[{i}] needs string "rule" and "text"' },
  fixLossy: {
    'zh-cn': '未改写：文件中有 {encoding} 无法表示的字节，改写会破坏原文',
    en: 'not rewritten: the file has bytes that are not valid {encoding}, rewriting would damage them',
  },
  fixUnencodable: {
    'zh-cn': '未改写：修复后的文字无法用原编码 {encoding} 保存',
    en: 'not rewritten: the fixed text cannot be saved in the original encoding {encoding}',
  },
  fixWriteFailed: { 'zh-cn': '未改写：写入失败：{reason}', en: 'not rewritten: writing failed: {reason}' },
  fixChanged: {
    'zh-cn': '未改写：读取之后文件已被改动（或被替换、删除），为免丢失改动，请重新运行',
    en: 'not rewritten: the file changed (or was replaced or removed) after it was read; run again so that no edit is lost',
  },
  fixNoWritePermission: { 'zh-cn': '未改写：没有写入权限', en: 'not rewritten: no permission to write the file' },
  fixReadOnlyFs: { 'zh-cn': '未改写：文件所在的文件系统只读', en: 'not rewritten: the file system is read-only' },

  summary: { 'zh-cn': '{files} 个文件：{errors} 个错误，{warnings} 个警告', en: '{files}: {errors}, {warnings}' },
  summaryInfos: { 'zh-cn': '，{n} 条信息', en: ', {n}' },
  summaryHints: { 'zh-cn': '，{n} 条提示', en: ', {n}' },
  summaryReports: { 'zh-cn': '；{clean} 个无问题，{withErrors} 个有错误', en: '; {clean} clean, {withErrors} with errors' },
  summaryUnreadable: { 'zh-cn': '；{n} 个文件无法检查', en: '; {n} could not be checked' },

  // --format csv: the header row.
  csvPath: { 'zh-cn': '文件', en: 'file' },
  csvBody: { 'zh-cn': '机关', en: 'body' },
  csvTitle: { 'zh-cn': '标题', en: 'title' },
  csvYear: { 'zh-cn': '年度', en: 'year' },
  csvEdition: { 'zh-cn': '格式版本', en: 'edition' },
  csvErrors: { 'zh-cn': '错误', en: 'errors' },
  csvWarnings: { 'zh-cn': '警告', en: 'warnings' },
  csvReceived: { 'zh-cn': '本年新收', en: 'received' },
  csvCarriedOver: { 'zh-cn': '上年结转', en: 'carried over' },
  csvHandled: { 'zh-cn': '办理结果总计', en: 'handled (total)' },
  csvCarriedForward: { 'zh-cn': '结转下年度', en: 'carried forward' },
  csvDisclosedShare: { 'zh-cn': '予以公开和部分公开占比', en: 'disclosed in full or in part' },
  csvReviews: { 'zh-cn': '行政复议', en: 'administrative reviews' },
  csvLawsuits: { 'zh-cn': '行政诉讼', en: 'lawsuits' },
  csvProblem: { 'zh-cn': '无法检查的原因', en: 'not checked because' },

  // --format html.
  htmlTitle: { 'zh-cn': '政府信息公开工作年度报告检查结果', en: 'Annual reports on government information disclosure: check results' },
  htmlChecked: { 'zh-cn': '检查报告', en: 'Reports checked' },
  htmlClean: { 'zh-cn': '无问题', en: 'Clean' },
  htmlWithErrors: { 'zh-cn': '有错误', en: 'With errors' },
  htmlUnreadable: { 'zh-cn': '无法检查', en: 'Unreadable' },
  htmlUnreadableRow: { 'zh-cn': '无法检查：{reason}', en: 'Not checked: {reason}' },
  htmlNoReports: { 'zh-cn': '没有检查任何报告', en: 'No report was checked' },
  htmlCrossYear: { 'zh-cn': '跨年度核对（与同一单位上一年度报告比较）', en: 'Year over year (against the same body\'s report of the year before)' },
  htmlPath: { 'zh-cn': '文件', en: 'File' },
  htmlReport: { 'zh-cn': '报告', en: 'Report' },
  htmlBody: { 'zh-cn': '机关', en: 'Body' },
  htmlYear: { 'zh-cn': '年度', en: 'Year' },
  htmlEdition: { 'zh-cn': '格式版本', en: 'Edition' },
  htmlErrors: { 'zh-cn': '错误', en: 'Errors' },
  htmlWarnings: { 'zh-cn': '警告', en: 'Warnings' },
  htmlSortHint: { 'zh-cn': '点击按错误数排序', en: 'Click to sort by errors' },
  htmlFindings: { 'zh-cn': '发现的问题', en: 'Findings' },
  htmlNoFindings: { 'zh-cn': '未发现问题', en: 'No findings' },
  htmlLine: { 'zh-cn': '行', en: 'Line' },
  htmlSeverity: { 'zh-cn': '严重程度', en: 'Severity' },
  htmlRule: { 'zh-cn': '规则', en: 'Rule' },
  htmlMessage: { 'zh-cn': '说明', en: 'Message' },
  htmlResults: { 'zh-cn': '办理结果', en: 'Outcomes of the requests (办理结果)' },
  htmlNoResults: { 'zh-cn': '未读到表三的办理结果', en: 'No 办理结果 figures were read from table 3' },
  htmlBackToSummary: { 'zh-cn': '返回汇总', en: 'Back to the summary' },
  sevError: { 'zh-cn': '错误', en: 'error' },
  sevWarning: { 'zh-cn': '警告', en: 'warning' },
  sevInformation: { 'zh-cn': '信息', en: 'information' },
  sevHint: { 'zh-cn': '提示', en: 'hint' },
  edition2021: { 'zh-cn': '2021 年版', en: '2021 edition' },
  edition2019: { 'zh-cn': '2019 年版', en: '2019 edition' },
  editionPre2019: { 'zh-cn': '2019 年以前', en: 'before 2019' },
  editionUnknown: { 'zh-cn': '未识别', en: 'not recognized' },

  progress: { 'zh-cn': '{done}/{total} 个文件', en: '{done}/{total} files' },
  summaryFixed: { 'zh-cn': '已修复并改写 {n} 个文件', en: 'Fixed and rewrote {n}' },
  summaryWouldFix: { 'zh-cn': '--fix 会修改 {n} 个文件（本次未改写）', en: '--fix would change {n} (nothing was written)' },
  summaryUnwritten: { 'zh-cn': '{n} 个文件的修复未能写入', en: 'Fixes not written to {n}' },
} satisfies Record<string, Bilingual>;

export type MessageId = keyof typeof MESSAGES;

export const t: (locale: Locale, id: MessageId, args?: Args) => string = translator(MESSAGES);

/** "1 error" / "2 errors"; Chinese needs no plural, its counters are in the templates. */
export function countOf(locale: Locale, n: number, singular: string, plural = `${singular}s`): string | number {
  if (locale !== 'en') return n;
  return `${n} ${n === 1 ? singular : plural}`;
}

/**
 * The one-line summary printed on stderr after a run, whatever the format: the findings, then the
 * reports (clean: neither an error nor a warning), then the files that could not be checked.
 */
export function summaryLine(
  locale: Locale,
  c: { files: number; error: number; warning: number; information: number; hint: number; unreadable: number; clean: number; withErrors: number },
): string {
  let line = t(locale, 'summary', {
    files: countOf(locale, c.files, 'file'),
    errors: countOf(locale, c.error, 'error'),
    warnings: countOf(locale, c.warning, 'warning'),
  });
  if (c.information) line += t(locale, 'summaryInfos', { n: countOf(locale, c.information, 'note') });
  if (c.hint) line += t(locale, 'summaryHints', { n: countOf(locale, c.hint, 'hint') });
  if (c.files > c.unreadable) line += t(locale, 'summaryReports', { clean: c.clean, withErrors: c.withErrors });
  if (c.unreadable) line += t(locale, 'summaryUnreadable', { n: countOf(locale, c.unreadable, 'file') });
  return line;
}
