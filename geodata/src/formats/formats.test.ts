import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { FormatError, openSource, openShapefileWriter, zipFiles, type SourceRecord } from './index.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'formats-test-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function all(path: string, opts: Parameters<typeof openSource>[1] = {}) {
  const src = await openSource(path, opts);
  const out: SourceRecord[] = [];
  try {
    for await (const r of src.records()) out.push(r);
  } finally {
    await src.close();
  }
  return { info: src.info, records: out };
}

async function rule(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof FormatError) return e.rule;
    throw e;
  }
  return 'no error';
}

const square = (x: number, y: number, d: number) => [[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]];

describe('Shapefile writer and reader', () => {
  it('round-trips polygons with a hole, GBK attributes and the .prj', async () => {
    const w = await openShapefileWriter(dir, 'areas', {
      shapeKind: 'Polygon',
      encoding: 'gb18030',
      prj: 'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]',
      fields: [
        { name: '区划代码', type: 'string' },
        { name: 'name', type: 'string' },
        { name: 'population', type: 'number' },
        { name: 'area_km2', type: 'number' },
      ],
    });
    await w.write({ type: 'Polygon', coordinates: [square(0, 0, 10), square(2, 2, 1).reverse()] }, { 区划代码: '430421100201', name: '樟树村', population: 1200, area_km2: 3.25 });
    await w.write({ type: 'MultiPolygon', coordinates: [[square(20, 0, 1)], [square(30, 0, 1)]] }, { 区划代码: '430421100202', name: '石门村委会', population: null, area_km2: -0.5 });
    const files = await w.close();
    const zip = join(dir, 'areas.shp.zip');
    await zipFiles(Object.entries(files).map(([ext, path]) => ({ path, name: `村界.${ext}` })), createWriteStream(zip));

    const { info, records } = await all(zip);
    expect(info).toMatchObject({ format: 'shapefile', encoding: 'gb18030', encodingSource: 'cpg', declaredGeometryType: 'Polygon' });
    expect(info.columns).toEqual(['区划代码', 'name', 'population', 'area_km2']);
    expect(info.crsText).toContain('GCS_WGS_1984');
    expect(records.map((r) => r.properties)).toEqual([
      { 区划代码: '430421100201', name: '樟树村', population: 1200, area_km2: 3.25 },
      { 区划代码: '430421100202', name: '石门村委会', population: null, area_km2: -0.5 },
    ]);
    // The reader rebuilds the hole inside its shell and the two parts as a MultiPolygon.
    expect(records[0]!.geometry).toMatchObject({ type: 'Polygon' });
    expect((records[0]!.geometry as { coordinates: unknown[] }).coordinates).toHaveLength(2);
    expect(records[1]!.geometry).toMatchObject({ type: 'MultiPolygon' });
  });

  it('detects GBK attributes without a .cpg', async () => {
    const w = await openShapefileWriter(dir, 'pts', { shapeKind: 'Point', encoding: 'gb18030', prj: null, fields: [{ name: 'mc', type: 'string' }] });
    await w.write({ type: 'Point', coordinates: [112.5, 26.9] }, { mc: '衡阳市化工原料经营部' });
    const files = await w.close();
    const zip = join(dir, 'pts.zip');
    await zipFiles(['shp', 'shx', 'dbf'].map((e) => ({ path: files[e]!, name: `pts.${e}` })), createWriteStream(zip));
    const { info, records } = await all(zip);
    expect(info.encoding).toBe('gb18030');
    expect(info.crsText).toBeNull();
    expect(records[0]).toMatchObject({ index: 1, properties: { mc: '衡阳市化工原料经营部' }, geometry: { type: 'Point', coordinates: [112.5, 26.9] } });
  });
});

describe('bad archives', () => {
  it('refuses a damaged zip, an archive of two Shapefiles and one without any', async () => {
    const corrupt = join(dir, 'corrupt.zip');
    await writeFile(corrupt, Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(200, 7)]));
    expect(await rule(openSource(corrupt))).toBe('corrupt_zip');

    const two = join(dir, 'two.zip');
    const z = new yazl.ZipFile();
    for (const n of ['a.shp', 'a.dbf', 'b.shp', 'b.dbf']) z.addBuffer(Buffer.from('x'), n);
    z.end();
    await pipeline(z.outputStream, createWriteStream(two));
    expect(await rule(openSource(two))).toBe('zip_many_shapefiles');

    const none = join(dir, 'none.zip');
    const z2 = new yazl.ZipFile();
    z2.addBuffer(Buffer.from('hello'), 'readme.txt');
    z2.end();
    await pipeline(z2.outputStream, createWriteStream(none));
    expect(await rule(openSource(none))).toBe('zip_no_shapefile');
  });

  it('stops inflating a zip bomb at the byte limit', async () => {
    const bomb = join(dir, 'bomb.zip');
    const z = new yazl.ZipFile();
    // 64 MB of zeros compresses to about 64 KB.
    const zeros = Readable.from((function* () {
      for (let i = 0; i < 64; i++) yield Buffer.alloc(1024 * 1024);
    })());
    z.addReadStream(zeros, 'x.shp');
    z.addBuffer(Buffer.from('x'), 'x.dbf');
    z.end();
    await pipeline(z.outputStream, createWriteStream(bomb));
    expect(await rule(openSource(bomb, { limits: { maxUncompressedBytes: 8 * 1024 * 1024 } }))).toBe('zip_too_large');
  }, 30_000); // writing the 64 MB bomb takes seconds on a busy machine; the reader itself stops at 8 MB
});

describe('CSV', () => {
  const text = '名称,经度,纬度,备注\n衡阳市恒通化工有限公司,112.61,26.89,"含逗号,的备注"\n\n=cmd,112.7,26.9,\n';
  it('reads GBK and UTF-8, keeps spreadsheet row numbers and names the encoding', async () => {
    const gbk = join(dir, 'firms-gbk.csv');
    await writeFile(gbk, iconv.encode(text, 'gbk'));
    const a = await all(gbk);
    expect(a.info).toMatchObject({ format: 'csv', encoding: 'gb18030', columns: ['名称', '经度', '纬度', '备注'] });
    expect(a.records.map((r) => r.index)).toEqual([2, 4]);
    expect(a.records[0]!.properties).toEqual({ 名称: '衡阳市恒通化工有限公司', 经度: '112.61', 纬度: '26.89', 备注: '含逗号,的备注' });

    const utf8 = join(dir, 'firms-utf8.csv');
    await writeFile(utf8, '\uFEFF' + text);
    const b = await all(utf8);
    expect(b.info.encoding).toBe('utf-8');
    expect(b.records[1]!.properties.名称).toBe('=cmd');
  });

  it('refuses an encoding it cannot read, and an empty file', async () => {
    const sjis = join(dir, 'sjis.csv');
    await writeFile(sjis, iconv.encode('名前,住所\n東京都港区のテスト,大阪府\n', 'shift_jis'));
    expect(await rule(openSource(sjis))).toBe('unknown_encoding');
    const empty = join(dir, 'empty.csv');
    await writeFile(empty, '');
    expect(await rule(openSource(empty))).toBe('empty_file');
  });
});

describe('Excel', () => {
  it('streams the first sheet; numbers stay numbers', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('场所');
    ws.addRow(['编号', '名称', '经度', '纬度']);
    ws.addRow(['V-0001', '金色年华KTV', 112.615123456, 26.894321]);
    ws.addRow([]);
    ws.addRow(['V-0002', '如家酒店', 112.62, 26.9]);
    const path = join(dir, 'venues.xlsx');
    await wb.xlsx.writeFile(path);
    const { info, records } = await all(path);
    expect(info).toMatchObject({ format: 'xlsx', columns: ['编号', '名称', '经度', '纬度'] });
    expect(records.map((r) => r.index)).toEqual([2, 4]);
    expect(records[0]!.properties).toEqual({ 编号: 'V-0001', 名称: '金色年华KTV', 经度: 112.615123456, 纬度: 26.894321 });
  });
});

describe('GeoJSON', () => {
  it('streams a FeatureCollection and reads its legacy crs member', async () => {
    const path = join(dir, 'grids.geojson');
    const features = Array.from({ length: 300 }, (_, i) => ({ type: 'Feature', properties: { code: String(i) }, geometry: { type: 'Polygon', coordinates: [square(i, 0, 1)] } }));
    await writeFile(path, JSON.stringify({ type: 'FeatureCollection', crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::4526' } }, features }));
    const { info, records } = await all(path);
    expect(info).toMatchObject({ format: 'geojson', crsText: 'urn:ogc:def:crs:EPSG::4526', columns: ['code'] });
    expect(records).toHaveLength(300);
    expect(records[299]).toMatchObject({ index: 300, properties: { code: '299' } });
  });

  it('reads GeoJSONSeq and reports a broken file as bad JSON', async () => {
    const seq = join(dir, 'grids.geojsonl');
    await writeFile(seq, '{"type":"Feature","properties":{"a":1},"geometry":{"type":"Point","coordinates":[1,2]}}\n{"type":"Feature","properties":{"a":2},"geometry":null}\n');
    expect((await all(seq)).records.map((r) => r.properties.a)).toEqual([1, 2]);
    const broken = join(dir, 'broken.geojson');
    await writeFile(broken, '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":null},{"type":');
    expect(await rule(all(broken))).toBe('bad_json');
  });
});
