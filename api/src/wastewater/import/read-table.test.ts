import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { detectEncoding, readCsv } from './read-table.js';

describe('encoding detection', () => {
  const text = '站点编码,物质\nWW-1,甲基苯丙胺\n';
  it('reads UTF-8 (with or without BOM) and GBK', () => {
    expect(readCsv(new TextEncoder().encode('\uFEFF' + text)).rows[1]).toEqual(['WW-1', '甲基苯丙胺']);
    const gbk = new Uint8Array(iconv.encode(text, 'gbk'));
    expect(detectEncoding(gbk).encoding).toBe('gbk');
    const t = readCsv(gbk);
    expect(t.encoding).toBe('gbk');
    expect(t.rows[0]).toEqual(['站点编码', '物质']);
  });

  it('flags GBK lines inside a UTF-8 file instead of guessing', () => {
    const mixed = new Uint8Array(Buffer.concat([Buffer.from('a,b\n甲,1\n'), iconv.encode('乙,2\n', 'gbk')]));
    expect(detectEncoding(mixed)).toEqual({ encoding: 'utf-8', badLines: [3] });
  });
});
