/**
 * Decodes a v3 source map's `mappings` (base64 VLQ) into, per generated line, the segments
 * [generatedColumn, sourceIndex, originalLine, originalColumn, nameIndex], columns ascending;
 * sourceIndex and nameIndex are −1 where a segment has none. Shared by the bundle report and
 * the benchmark's profile attribution.
 */
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_INDEX = new Int8Array(128).fill(-1);
for (let i = 0; i < B64.length; i++) B64_INDEX[B64.charCodeAt(i)] = i;

export function decodeMappings(mappings) {
  const lines = [];
  let line = [];
  let col = 0;
  let src = 0;
  let oLine = 0;
  let oCol = 0;
  let name = 0;
  let i = 0;
  const values = [];
  while (i < mappings.length) {
    const c = mappings.charCodeAt(i);
    if (c === 59 /* ; */) {
      lines.push(line);
      line = [];
      col = 0;
      i++;
      continue;
    }
    if (c === 44 /* , */) {
      i++;
      continue;
    }
    values.length = 0;
    while (i < mappings.length) {
      const ch = mappings.charCodeAt(i);
      if (ch === 44 || ch === 59) break;
      let value = 0;
      let shift = 0;
      let digit;
      do {
        digit = B64_INDEX[mappings.charCodeAt(i++)];
        if (!(digit >= 0)) throw new Error(`bad VLQ character at ${i - 1}`);
        value += (digit & 31) << shift;
        shift += 5;
      } while (digit & 32);
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
    }
    col += values[0];
    if (values.length >= 4) {
      src += values[1];
      oLine += values[2];
      oCol += values[3];
      if (values.length >= 5) name += values[4];
      line.push([col, src, oLine, oCol, values.length >= 5 ? name : -1]);
    } else {
      line.push([col, -1, 0, 0, -1]);
    }
  }
  lines.push(line);
  return lines;
}
