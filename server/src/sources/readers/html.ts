// Web pages (.html/.htm): bytes → text. The charset is taken, as a browser does, from a BOM, then
// from <meta charset> or <meta http-equiv="Content-Type" content="…; charset=…"> near the top, and
// otherwise sniffed (strict UTF-8, else GB18030, which also reads GBK and GB2312 bytes).
import { decodeBytes, type EncodingName } from '../decode';
import { htmlToText } from '../html-text';
import type { HtmlReading } from '../source';

/** Labels a Chinese page declares, → the decoder that reads them (GB18030 is a superset of GBK and GB2312). */
const CHARSETS: Record<string, EncodingName> = {
  'utf-8': 'utf8',
  utf8: 'utf8',
  gb2312: 'gb18030',
  gbk: 'gb18030',
  gb18030: 'gb18030',
  'x-gbk': 'gb18030',
  cp936: 'gb18030',
  'windows-936': 'gb18030',
  'utf-16': 'utf16le',
  'utf-16le': 'utf16le',
  'utf-16be': 'utf16be',
};

/** The charset the page declares in its first 4 KB (bounded, so the scan stays cheap on any input). */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const m = /<meta\b[^>]{0,512}?charset\s*=\s*["']?\s*([\w.:-]{1,40})/i.exec(head);
  return m ? m[1].toLowerCase() : null;
}

function decodeWithLabel(bytes: Uint8Array, label: string): string | null {
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    return null; // a label this runtime does not know: sniff instead
  }
}

export function readHtml(bytes: Uint8Array, forced?: EncodingName): HtmlReading {
  let html: string | null = null;
  const declared = forced ? null : declaredCharset(bytes);
  const bomFirst = bytes[0] === 0xef || bytes[0] === 0xff || bytes[0] === 0xfe;
  if (!forced && !bomFirst && declared) {
    const known = CHARSETS[declared];
    if (known) {
      const decoded = decodeBytes(bytes, known);
      html = decoded.ok ? decoded.text : null;
    } else html = decodeWithLabel(bytes, declared);
  }
  if (html === null) {
    const decoded = decodeBytes(bytes, forced);
    if (!decoded.ok) return { ok: false, reason: decoded.reason };
    html = decoded.text;
  }
  return { ok: true, text: htmlToText(html, { article: true }) };
}
