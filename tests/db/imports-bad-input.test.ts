/**
 * Bad input to POST /api/imports over real HTTP: a corrupt zip, a Shapefile without .prj and no datum, mixed
 * geometry types, an empty file, a 2 GB upload (generated on the fly, never on disk), an unknown encoding,
 * coordinates out of range, a layer the user may not write. Each gets a clear 4xx naming the reason; nothing is
 * written; the server stays up; memory stays bounded.
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openShapefileWriter, zipFiles } from 'geodata/formats';
import { startServer, type RunningServer } from 'api/src/server.js';
import { authHeader, testApp, type DemoUser } from '../support/test-app.js';

let t: Awaited<ReturnType<typeof testApp>>;
let server: RunningServer;
let dir: string;
const LIMIT_MB = 32;
let savedLimit: string | undefined;

async function post(body: Uint8Array | string, name: string, query: string, user: DemoUser = 'county_office') {
  const form = new FormData();
  form.set('file', new Blob([(typeof body === 'string' ? new TextEncoder().encode(body) : body) as Uint8Array<ArrayBuffer>]), name);
  const res = await fetch(`${server.url}/api/imports?${query}`, { method: 'POST', headers: authHeader(user), body: form });
  return { status: res.status, type: res.headers.get('content-type') ?? '', json: (await res.json()) as any };
}

async function dataCounts() {
  const [r] = await t.db.query<Record<string, number>>(`SELECT (SELECT count(*)::int FROM admin_area) AS areas, (SELECT count(*)::int FROM grid_cell) AS grids,
    (SELECT count(*)::int FROM firm) AS firms, (SELECT count(*)::int FROM venue) AS venues, (SELECT count(*)::int FROM checkpoint) AS checkpoints,
    (SELECT count(*)::int FROM data_import WHERE status = 'imported') AS imports`);
  return r!;
}

async function serverUp() {
  const res = await fetch(`${server.url}/api/health`);
  expect(res.status).toBe(200);
}

function expectProblem(r: Awaited<ReturnType<typeof post>>, status: number, rule: string, param = 'file') {
  expect(r.status, JSON.stringify(r.json)).toBe(status);
  expect(r.type).toContain('application/problem+json');
  expect(r.json).toMatchObject({ rule, param });
  expect(r.json.detail.length).toBeGreaterThan(3);
}

let before: Record<string, number>;
beforeAll(async () => {
  savedLimit = process.env.IMPORT_MAX_MB;
  process.env.IMPORT_MAX_MB = String(LIMIT_MB);
  t = await testApp();
  server = await startServer(t.app, 0);
  dir = await mkdtemp(join(tmpdir(), 'bad-input-'));
  before = await dataCounts();
});

afterAll(async () => {
  expect(await dataCounts()).toEqual(before);
  await t.db.query(`DELETE FROM data_import`);
  await server.close();
  await t.close();
  await rm(dir, { recursive: true, force: true });
  if (savedLimit === undefined) delete process.env.IMPORT_MAX_MB;
  else process.env.IMPORT_MAX_MB = savedLimit;
});

describe('files refused as a whole', () => {
  it('a corrupt zip', async () => {
    const zip = Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(4096, 0x5a)]);
    expectProblem(await post(zip, 'villages.zip', 'layer=villages&dry_run=1'), 400, 'corrupt_zip');
    await serverUp();
  });

  it('a Shapefile without .prj and no datum chosen', async () => {
    const w = await openShapefileWriter(dir, 'noprj', { shapeKind: 'Point', encoding: 'utf-8', prj: null, fields: [{ name: 'code', type: 'string' }] });
    await w.write({ type: 'Point', coordinates: [112.6, 26.9] }, { code: 'V-0001' });
    const files = await w.close();
    const path = join(dir, 'noprj.zip');
    await zipFiles(['shp', 'shx', 'dbf'].map((e) => ({ path: files[e]!, name: `venues.${e}` })), createWriteStream(path));
    const r = await post(await readFile(path), 'venues.zip', 'layer=venues&dry_run=1');
    expectProblem(r, 400, 'datum_required', 'datum');
    expect(r.json.detail).toContain('.prj');
  });

  it('an empty file', async () => {
    expectProblem(await post('', 'firms.csv', 'layer=firms&datum=wgs84&dry_run=1'), 400, 'empty_file');
  });

  it('an unknown encoding', async () => {
    const sjis = iconv.encode('名前,住所,経度,緯度\n東京都港区のテスト店舗,大阪府大阪市,139.7,35.6\n', 'shift_jis');
    const r = await post(new Uint8Array(sjis), 'firms.csv', 'layer=firms&datum=wgs84&dry_run=1');
    expectProblem(r, 400, 'unknown_encoding', 'encoding');
    expect(r.json.params.guess).toBe('Shift_JIS');
  });

  it('a layer the user may not write: a county office and the counties, an inspector and anything', async () => {
    const geojson = JSON.stringify({ type: 'FeatureCollection', features: [] });
    expectProblem(await post(geojson, 'c.geojson', 'layer=counties&dry_run=1'), 403, 'forbidden_layer', 'layer');
    const r = await post(geojson, 'g.geojson', 'layer=grids&dry_run=1', 'inspector');
    expect(r.status).toBe(403);
    expectProblem(await post(geojson, 'r.geojson', 'layer=roads&dry_run=1', 'city_office'), 400, 'layer_not_importable', 'layer');
  });
});

describe('files whose features are refused: a 400 on write, with every feature named', () => {
  const square = (x: number, y: number) => [[[x, y], [x + 0.001, y], [x + 0.001, y + 0.001], [x, y + 0.001], [x, y]]];
  it('mixed geometry types', async () => {
    const [g] = await t.db.query<{ code: string; x: number; y: number }>(
      `SELECT code, ST_X(label_point) AS x, ST_Y(label_point) AS y FROM grid_cell WHERE code LIKE '438002%' ORDER BY code LIMIT 1`);
    const fc = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { code: g!.code, name: '网格一' }, geometry: { type: 'Polygon', coordinates: square(g!.x, g!.y) } },
        { type: 'Feature', properties: { code: g!.code.slice(0, 12) + '901', name: '网格点' }, geometry: { type: 'Point', coordinates: [g!.x, g!.y] } },
        { type: 'Feature', properties: { code: g!.code.slice(0, 12) + '902', name: '网格线' }, geometry: { type: 'LineString', coordinates: [[g!.x, g!.y], [g!.x + 0.001, g!.y]] } },
      ],
    };
    const r = await post(JSON.stringify(fc), 'grids.geojson', 'layer=grids');
    expect(r.status).toBe(400);
    expect(r.json.report.problems.filter((p: any) => p.rule === 'wrong_geometry_type').map((p: any) => [p.feature, p.params.got])).toEqual([[2, 'Point'], [3, 'LineString']]);
  });

  it('coordinates out of range, and longitude/latitude swapped', async () => {
    const csv = '编号,名称,类型,详细地址,经度,纬度\nV-BAD-0001,越界场所,网吧,某路1号,212.6,26.9\nV-BAD-0002,颠倒场所,网吧,某路2号,26.9,112.6\nV-BAD-0003,文字坐标,网吧,某路3号,东经112度,26.9\n';
    const r = await post(csv, 'venues.csv', 'layer=venues&datum=wgs84');
    expect(r.status).toBe(400);
    expect(r.json.report.problems.map((p: any) => [p.feature, p.rule])).toEqual([[2, 'coordinates_out_of_range'], [3, 'lonlat_swapped'], [4, 'bad_coordinates']]);
    expect(r.json.report.problems[1].message).toContain('经纬度');
  });
});

describe('a 2 GB upload', () => {
  /** A multipart body of `size` bytes of CSV-looking data, produced on the fly as it is sent. */
  function sendHuge(size: number, declareLength: boolean): Promise<{ status: number; body: any; sent: number }> {
    const boundary = '----gc-huge-upload';
    const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="huge.csv"\r\nContent-Type: text/csv\r\n\r\n`);
    const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
    const chunk = Buffer.alloc(1024 * 1024, 'a,b,c\n');
    return new Promise((resolve, reject) => {
      let sent = 0;
      const url = new URL(`${server.url}/api/imports?layer=firms&datum=wgs84&dry_run=1`);
      const req = http.request(url, {
        method: 'POST',
        headers: {
          ...authHeader('county_office'),
          'Content-Type': `multipart/form-data; boundary=${boundary}`,
          ...(declareLength ? { 'Content-Length': String(head.length + size + tail.length) } : {}),
        },
      });
      let answered = false;
      req.on('response', (res) => {
        answered = true;
        const parts: Buffer[] = [];
        res.on('data', (d) => parts.push(d));
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(parts).toString() || '{}'), sent });
          req.destroy();
        });
      });
      req.on('error', (e) => {
        if (!answered) reject(e);
      });
      const pump = () => {
        while (!answered) {
          if (sent === 0 && !req.write(head)) return void req.once('drain', pump);
          if (sent >= size) {
            req.end(tail);
            return;
          }
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
      };
      pump();
    });
  }

  it('is cut off at the limit while streaming, with 413, in bounded memory', async () => {
    const rss = process.memoryUsage().rss;
    const r = await sendHuge(2 * 1024 ** 3, false);
    expect(r.status).toBe(413);
    expect(r.body).toMatchObject({ rule: 'file_too_large', param: 'file' });
    // The server stopped reading near the limit, far short of 2 GB.
    expect(r.sent).toBeLessThan((LIMIT_MB + 64) * 1024 ** 2);
    expect(process.memoryUsage().rss - rss).toBeLessThan(200 * 1024 ** 2);
    await serverUp();
  });

  it('declared as 2 GB, is refused before a byte of it is read', async () => {
    const r = await sendHuge(2 * 1024 ** 3, true);
    expect(r.status).toBe(413);
    expect(r.sent).toBeLessThan(64 * 1024 ** 2);
    await serverUp();
  });
});
