import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readTable } from './read-table.js';

describe('lab tables through the import readers', () => {
  const text = '站点编码,物质\nWW-1,甲基苯丙胺\n';
  it('reads UTF-8 (with or without BOM) and GBK', async () => {
    expect((await readTable(new TextEncoder().encode('\uFEFF' + text))).rows[1]).toEqual(['WW-1', '甲基苯丙胺']);
    const t = await readTable(new Uint8Array(iconv.encode(text, 'gbk')));
    expect(t.encoding).toBe('gbk');
    expect(t.rows[0]).toEqual(['站点编码', '物质']);
    expect(t.rows[1]).toEqual(['WW-1', '甲基苯丙胺']);
  });

  it('flags GBK lines inside a UTF-8 file instead of guessing, and keeps spreadsheet row numbers', async () => {
    const mixed = new Uint8Array(Buffer.concat([Buffer.from('a,b\n甲,1\n\n'), iconv.encode('乙,2\n', 'gbk')]));
    const t = await readTable(mixed);
    expect(t.encoding).toBe('utf-8');
    expect(t.badEncodingRows).toEqual([4]);
    expect(t.rows.map((r) => r[0])).toEqual(['a', '甲', undefined, expect.any(String)]);
  });
});
