// A GB18030 encoder, needed only to write back a GB18030/GBK file after `--fix`: Node decodes
// GB18030 (TextDecoder) but cannot encode it. The table is built once, lazily, by decoding every
// two-byte and BMP four-byte sequence with Node's own decoder, so encoder and decoder always agree;
// characters beyond the BMP map linearly (GB18030 §6.3.3).

let table: Map<number, number> | null = null;

/** Four-byte sequence of a GB18030 linear index, packed into one number. */
function fourBytes(linear: number): number {
  const b4 = 0x30 + (linear % 10);
  const b3 = 0x81 + (Math.floor(linear / 10) % 126);
  const b2 = 0x30 + (Math.floor(linear / 1260) % 10);
  const b1 = 0x81 + Math.floor(linear / 12600);
  return ((b1 * 256 + b2) * 256 + b3) * 256 + b4;
}

function buildTable(): Map<number, number> {
  const decoder = new TextDecoder('gb18030', { fatal: true });
  const map = new Map<number, number>();
  const add = (bytes: Uint8Array, packed: number) => {
    let s: string;
    try {
      s = decoder.decode(bytes);
    } catch {
      return;
    }
    const cp = s.codePointAt(0);
    // Keep the first (canonical) sequence when two decode to the same character.
    if (cp !== undefined && s.length === (cp > 0xffff ? 2 : 1) && !map.has(cp)) map.set(cp, packed);
  };
  const two = new Uint8Array(2);
  for (let b1 = 0x81; b1 <= 0xfe; b1++) {
    for (let b2 = 0x40; b2 <= 0xfe; b2++) {
      if (b2 === 0x7f) continue;
      two[0] = b1;
      two[1] = b2;
      add(two, b1 * 256 + b2);
    }
  }
  const four = new Uint8Array(4);
  // Linear indexes 0 … 39419 cover the BMP characters that have no two-byte code.
  for (let linear = 0; linear < 39420; linear++) {
    const packed = fourBytes(linear);
    four[0] = packed >>> 24;
    four[1] = (packed >>> 16) & 0xff;
    four[2] = (packed >>> 8) & 0xff;
    four[3] = packed & 0xff;
    add(four, packed);
  }
  return map;
}

/** Encodes text as GB18030; null when it holds a character GB18030 cannot represent (a lone surrogate). */
export function encodeGb18030(text: string): Buffer | null {
  table ??= buildTable();
  const out = Buffer.allocUnsafe(text.length * 4);
  let n = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) {
      out[n++] = cp;
      continue;
    }
    let packed: number | undefined;
    if (cp >= 0x10000) packed = fourBytes(189000 + cp - 0x10000);
    else packed = table.get(cp);
    if (packed === undefined) return null;
    if (packed > 0xffff) {
      out.writeUInt32BE(packed, n);
      n += 4;
    } else {
      out.writeUInt16BE(packed, n);
      n += 2;
    }
  }
  return out.subarray(0, n);
}
