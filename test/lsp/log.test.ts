// The "Nianbao" output channel (issue 15, item 5): what the server writes there (window/logMessage,
// which the VS Code client shows in that channel) is what a user or a support request needs — the
// version and start, the settings in force, each report checked with its edition, year, counts and
// time, and the documents it left alone.
import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FIXTURE, ROOT, Session, ensureServerBuilt, readFixture, uriOf } from './harness';

const version = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version as string;
const log = (s: Session) => s.stderr.join('');
const linesMatching = (s: Session, pattern: RegExp) => log(s).split('\n').filter((line) => pattern.test(line));

describe('the server log', () => {
  let s: Session;
  before(async () => {
    await ensureServerBuilt();
    s = await Session.start({ initializationOptions: { displayLanguage: 'en-US' } });
  });
  after(() => s?.shutdown());

  it('says which server started, in which Node, for which display language', async () => {
    const line = await s.waitFor('the start line', () => linesMatching(s, /^Nianbao language server/)[0]);
    assert.match(line, new RegExp(`^Nianbao language server ${version.replace(/\./g, '\\.')} started \\(Node v\\d+`));
    assert.match(line, /display language en-US/);
    assert.match(line, /diagnostics pushed/);
  });

  it('one line per report checked: its name, edition, year, counts (as the status bar gets them) and time', async () => {
    const uri = uriOf('/reports/2023-sushui-town.txt');
    await s.open(uri, 'plaintext', readFixture(FIXTURE.sushui));
    const check = await s.didCheckFor(uri, 1);
    const line = await s.waitFor('the check line', () => linesMatching(s, /^checked 2023-sushui-town\.txt v1:/)[0]);
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    const counts = `${plural(check.errors, 'error')}, ${plural(check.warnings, 'warning')}, ${plural(check.others, 'other')}`;
    assert.match(line, new RegExp(`^checked 2023-sushui-town\\.txt v1: 2021 edition, year 2023 \\(title\\), ${counts}, \\d+(\\.\\d)? ms$`));
    assert.ok(check.errors >= 4, 'sushui has its four wrong years');

    // An edit is a new check, with its own line.
    const version2 = await s.replace(uri, '2024年，涑水镇加强巩固', '2023年，涑水镇加强巩固');
    await s.didCheckFor(uri, version2);
    const edited = await s.waitFor('the line of v2', () => linesMatching(s, /^checked 2023-sushui-town\.txt v2:/)[0]);
    assert.match(edited, new RegExp(`${plural(check.errors - 1, 'error')},`));
  });

  it('a document that is no report is logged at debug level, without counts', async () => {
    const uri = uriOf('/notes/meeting.txt');
    await s.open(uri, 'plaintext', '会议记录\n\n2024年1月15日，小组讨论了下一阶段的工作安排。\n');
    await s.didCheckFor(uri, 1);
    const line = await s.waitFor('the not-checked line', () => linesMatching(s, /meeting\.txt/)[0]);
    assert.equal(line, 'not checked meeting.txt v1: not a report (nianbao.detect)');
  });

  it('the settings in force: logged when they change, not once per document', async () => {
    assert.equal(linesMatching(s, /^settings in force/).length, 1, log(s));
    assert.match(linesMatching(s, /^settings in force/)[0], /^settings in force for 2023-sushui-town\.txt: defaults$/);

    await s.changeSettings({ rules: { 'row-label': 'off' }, locale: 'en' });
    const uri = uriOf('/reports/2023-cixi-city-office.txt');
    await s.open(uri, 'plaintext', readFixture(FIXTURE.cixi));
    await s.didCheckFor(uri, 1);
    const changed = await s.waitFor('the new settings', () => linesMatching(s, /^settings in force/)[1]);
    // For whichever open report is checked first with them.
    assert.match(changed, /^settings in force for [\w.-]+\.txt: defaults except \{"rules":\{"row-label":"off"\},"locale":"en"\}$/);

    const other = uriOf('/reports/2023-xiaocaoe-town.txt');
    await s.open(other, 'plaintext', readFixture(FIXTURE.xiaocaoe));
    await s.didCheckFor(other, 1);
    assert.equal(linesMatching(s, /^settings in force/).length, 2, 'same settings, no new line');
  });
});
