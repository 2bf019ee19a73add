// Where a finding's rule id links (issue 15, item 4): never to a web address nobody publishes. A
// client that serves the pages (VS Code: nianbao-rules:/, shown in the Markdown preview) gets links
// there; any other client the page's file shipped beside the server; an organisation's own site only
// when nianbao.rulesUrl names it.
import { before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Diagnostic, DocumentDiagnosticReport } from 'vscode-languageserver-protocol/node';
import { RULE_IDS } from '../../server/src/core';
import { normalizeSettings } from '../../server/src/lsp/settings';
import { clientPagesBase, ruleLink } from '../../server/src/lsp/ruleLinks';
import { FIXTURE, ROOT, Session, ensureServerBuilt, readFixture, uriOf } from './harness';

const sushui = readFixture(FIXTURE.sushui);
const links = (diagnostics: Diagnostic[]) => diagnostics.map((d) => `${d.code} ${d.codeDescription?.href}`);

describe('rule links', () => {
  before(ensureServerBuilt);

  it('a client that serves no pages: each finding links to its page file, which exists', async () => {
    const s = await Session.start();
    try {
      const uri = uriOf('/reports/links-file.txt');
      await s.open(uri, 'plaintext', sushui);
      const { diagnostics } = await s.diagnosticsFor(uri, 1);
      assert.ok(diagnostics.some((d) => d.code === 'year-mismatch'), links(diagnostics).join('\n'));
      for (const d of diagnostics) {
        const href = String(d.codeDescription?.href);
        assert.equal(href, uriOf(`${ROOT}/docs/rules/${d.code}.md`));
        assert.ok(fs.existsSync(fileURLToPath(href)), href);
        assert.doesNotMatch(href, /github|https?:/);
      }
    } finally {
      await s.shutdown();
    }
  });

  it('VS Code (initializationOptions.rulePages): links to nianbao-rules:/<rule>.md, pushed and pulled', async () => {
    for (const pull of [false, true]) {
      const s = await Session.start({ pull, initializationOptions: { displayLanguage: 'en', rulePages: 'nianbao-rules:/' } });
      try {
        const uri = uriOf(`/reports/links-client-${pull}.txt`);
        await s.open(uri, 'plaintext', sushui);
        const diagnostics = pull
          ? ((await s.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } })) as { items: Diagnostic[] }).items
          : (await s.diagnosticsFor(uri, 1)).diagnostics;
        assert.ok(diagnostics.length >= 5, links(diagnostics).join('\n'));
        for (const d of diagnostics) assert.equal(d.codeDescription?.href, `nianbao-rules:/${d.code}.md`);
      } finally {
        await s.shutdown();
      }
    }
  });

  it("nianbao.rulesUrl names an organisation's site: links go there, and follow a change of the setting", async () => {
    const s = await Session.start({
      initializationOptions: { displayLanguage: 'en', rulePages: 'nianbao-rules:/' },
      settings: { rulesUrl: 'https://docs.example.gov.cn/nianbao/{rule}.html' },
    });
    try {
      const uri = uriOf('/reports/links-site.txt');
      await s.open(uri, 'plaintext', sushui);
      const { diagnostics } = await s.diagnosticsFor(uri, 1);
      for (const d of diagnostics) assert.equal(d.codeDescription?.href, `https://docs.example.gov.cn/nianbao/${d.code}.html`);
      const before = s.diagnostics.length;
      await s.changeSettings({});
      const republished = await s.waitFor('diagnostics after the setting was removed', () =>
        s.diagnostics.slice(before).find((p) => p.uri === uri),
      );
      for (const d of republished.diagnostics) assert.equal(d.codeDescription?.href, `nianbao-rules:/${d.code}.md`);
    } finally {
      await s.shutdown();
    }
  });

  it('a rulesUrl that is no http(s) address with {rule} is ignored; a client base must be a URI ending in /', () => {
    for (const bad of ['docs.example.gov.cn/{rule}', 'https://docs.example.gov.cn/rules/', 'javascript:alert(1)//{rule}', 'file:///x/{rule}.md', 'https://a b/{rule}', 42]) {
      assert.equal(normalizeSettings({ rulesUrl: bad }).rulesUrl, '', String(bad));
    }
    assert.equal(normalizeSettings({ rulesUrl: ' https://x.cn/{rule} ' }).rulesUrl, 'https://x.cn/{rule}');
    assert.equal(clientPagesBase('nianbao-rules:/'), 'nianbao-rules:/');
    for (const bad of ['nianbao-rules:', '/local/path/', 'x y:/', {}, undefined]) assert.equal(clientPagesBase(bad), undefined, String(bad));
  });

  it('every rule has a shipped page to link to', () => {
    const targets = { pagesFolder: `${ROOT}/docs/rules` };
    for (const id of RULE_IDS) assert.ok(fs.existsSync(fileURLToPath(ruleLink(id, '', targets))), id);
  });
});
