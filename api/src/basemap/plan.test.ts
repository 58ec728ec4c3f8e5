/**
 * What BASEMAP… settle at start-up: raster or vector from the archive's header, and every basemap the console
 * could not serve refused with the variable named. The archives are written by the project's own PMTiles writer.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateStyleMin, type StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config.js';
import { writePmtilesArchive } from '../tiles/pmtiles-writer.js';
import { basemapStylePart } from './style.js';

const dir = mkdtempSync(join(tmpdir(), 'basemap-plan-'));
const tile = { z: 10, x: 833, y: 431, data: new Uint8Array([1, 2, 3]) };

function archive(name: string, tileType: 1 | 2 | 3, metadata: Record<string, unknown> = {}): string {
  const path = join(dir, name);
  writeFileSync(path, writePmtilesArchive([tile, { ...tile, z: 12, x: 3332, y: 1724 }], { tileType, tileCompression: 2, metadata, bounds: [112.5, 26.7, 113.1, 27.2] }));
  return path;
}

const VECTOR_LAYERS = [
  { id: 'water', fields: { name: 'String' } },
  { id: 'roads', fields: { name: 'String', 'name:en': 'String', class: 'String' } },
  { id: 'places', fields: { name: 'String' }, minzoom: 8 },
];
const vector = archive('vector.pmtiles', 1, { vector_layers: VECTOR_LAYERS, attribution: '© OpenStreetMap', tilestats: { layers: [{ layer: 'places', geometry: 'Point' }] } });
const raster = archive('raster.pmtiles', 3);

const problemOf = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (e) {
    return (e as ConfigError).problems[0];
  }
  throw new Error('no error');
};

function styleFile(style: object): string {
  const path = join(dir, `style-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(path, JSON.stringify(style));
  return path;
}

describe('basemap plan', () => {
  it('tells a vector archive from a raster one by its header, with its zooms, bounds and credit', () => {
    const v = loadConfig({ BASEMAP: `pmtiles:${vector}` }).basemap!;
    expect(v).toMatchObject({ kind: 'vector', extension: 'pbf', minzoom: 10, maxzoom: 12, attribution: '© OpenStreetMap' });
    expect(v.bounds!.map((b) => Math.round(b * 10) / 10)).toEqual([112.5, 26.7, 113.1, 27.2]);
    expect(v.vectorLayers.find((l) => l.id === 'places')?.geometry).toBe('Point');
    expect(loadConfig({ BASEMAP: `pmtiles:${raster}`, BASEMAP_MAXZOOM: '14' }).basemap).toMatchObject({ kind: 'raster', extension: 'jpg', maxzoom: 14 });
    expect(loadConfig({ BASEMAP: 'https://tiles.intranet/{z}/{x}/{y}.png' }).basemap).toMatchObject({ kind: 'raster', extension: 'png', maxzoom: 18 });
  });

  it('generates a valid, self-contained style for a vector archive, per scheme and language', () => {
    const plan = loadConfig({ BASEMAP: `pmtiles:${vector}` }).basemap!;
    for (const scheme of ['light', 'dark'] as const) {
      const part = basemapStylePart(plan, 'http://console.test', { scheme, lang: 'en' });
      const style = { version: 8, glyphs: 'http://console.test/glyphs/{fontstack}/{range}.pbf', sources: { basemap: part.source }, layers: part.layers } as unknown as StyleSpecification;
      expect(validateStyleMin(style)).toEqual([]);
      const ids = part.layers.map((l) => l.id);
      expect(ids).toEqual(expect.arrayContaining(['basemap-water-fill', 'basemap-roads-casing', 'basemap-roads-line', 'basemap-roads-line-label', 'basemap-places-label']));
      // Points are labelled, never drawn as circles (the console reserves circles for its own markers).
      expect(ids).not.toContain('basemap-places-fill');
      expect(part.layers.some((l) => l.type === 'circle')).toBe(false);
      expect(part.layers.find((l) => l.id === 'basemap-roads-line-label')!.layout).toMatchObject({ 'text-field': ['coalesce', ['get', 'name:en'], ['get', 'name']], 'text-font': ['gc-sans-regular'] });
    }
  });

  it('refuses a GCJ-02 vector archive, naming BASEMAP_DATUM', () => {
    expect(problemOf({ BASEMAP: `pmtiles:${vector}`, BASEMAP_DATUM: 'gcj02' })).toMatchObject({ variable: 'BASEMAP_DATUM', message: expect.stringMatching(/vector basemap.*only raster tiles are re-aligned/) });
    expect(problemOf({ BASEMAP: `pmtiles:${raster}`, BASEMAP_DATUM: 'gcj02' })).toMatchObject({ variable: 'BASEMAP_DATUM', message: expect.stringMatching(/needs PNG tiles/) });
  });

  it('refuses what is not an archive it can serve, naming BASEMAP', () => {
    const notArchive = join(dir, 'not.pmtiles');
    writeFileSync(notArchive, 'hello, this is not a PMTiles archive at all'.repeat(4));
    expect(problemOf({ BASEMAP: `pmtiles:${notArchive}` })).toMatchObject({ variable: 'BASEMAP', message: expect.stringMatching(/not a PMTiles archive/) });
    expect(problemOf({ BASEMAP: `pmtiles:${join(dir, 'missing.pmtiles')}` })).toMatchObject({ variable: 'BASEMAP', message: expect.stringMatching(/cannot open.*ENOENT/) });
    expect(problemOf({ BASEMAP: `pmtiles:${archive('bare.pmtiles', 1)}` })).toMatchObject({ variable: 'BASEMAP', message: expect.stringMatching(/no vector_layers.*BASEMAP_STYLE/) });
    expect(problemOf({ BASEMAP: 'https://tiles.intranet/{z}/{x}/{y}.pbf' })).toMatchObject({ variable: 'BASEMAP', message: expect.stringMatching(/PMTiles/) });
  });

  it('fits BASEMAP_STYLE to the console: its source, the console’s glyphs, no sprites, no background', () => {
    const path = styleFile({
      version: 8,
      glyphs: 'https://fonts.example.com/{fontstack}/{range}.pbf',
      sprite: 'https://sprites.example.com/sprite',
      sources: { osm: { type: 'vector', url: 'https://tiles.example.com/osm.json' } },
      layers: [
        { id: 'bg', type: 'background', paint: { 'background-color': '#eee' } },
        { id: 'water', type: 'fill', source: 'osm', 'source-layer': 'water', paint: { 'fill-color': '#abc' } },
        { id: 'poi-icons', type: 'symbol', source: 'osm', 'source-layer': 'places', layout: { 'icon-image': 'marker' } },
        { id: 'place-names', type: 'symbol', source: 'osm', 'source-layer': 'places', layout: { 'text-field': ['get', 'name'], 'text-font': ['Noto Sans Bold'], 'icon-image': 'dot' } },
      ],
    });
    const plan = loadConfig({ BASEMAP: `pmtiles:${vector}`, BASEMAP_STYLE: path }).basemap!;
    const part = basemapStylePart(plan, 'http://console.test', { scheme: 'light', lang: 'zh-CN' });
    expect(part.layers.map((l) => l.id)).toEqual(['basemap-water', 'basemap-place-names']);
    expect(part.layers.every((l) => l.source === 'basemap')).toBe(true);
    expect(part.layers[1]!.layout).toEqual({ 'text-field': ['get', 'name'], 'text-font': ['gc-sans-bold'] });
    expect(plan.customStyle!.omitted.join('; ')).toMatch(/bg \(background.*poi-icons \(icons only.*place-names: its icons/);
    expect(JSON.stringify(part)).not.toMatch(/example\.com/);
  });

  it('refuses a bad BASEMAP_STYLE at start-up with the validator’s message', () => {
    const invalid = styleFile({ version: 8, sources: { osm: { type: 'vector', url: 'x' } }, layers: [{ id: 'a', type: 'blob', source: 'osm' }] });
    expect(problemOf({ BASEMAP: `pmtiles:${vector}`, BASEMAP_STYLE: invalid })).toMatchObject({ variable: 'BASEMAP_STYLE', message: expect.stringMatching(/not a valid MapLibre style: .*type/) });
    const notJson = join(dir, 'style.txt');
    writeFileSync(notJson, '{ version: 8');
    expect(problemOf({ BASEMAP: `pmtiles:${vector}`, BASEMAP_STYLE: notJson })).toMatchObject({ variable: 'BASEMAP_STYLE', message: expect.stringMatching(/not JSON/) });
    const rasterStyle = styleFile({ version: 8, sources: { sat: { type: 'raster', tiles: ['https://x/{z}/{x}/{y}.png'] } }, layers: [{ id: 'sat', type: 'raster', source: 'sat' }] });
    expect(problemOf({ BASEMAP: `pmtiles:${vector}`, BASEMAP_STYLE: rasterStyle })).toMatchObject({ variable: 'BASEMAP_STYLE', message: expect.stringMatching(/draws source 'sat' \(raster\)/) });
    const other = styleFile({ version: 8, sources: { v: { type: 'vector', url: 'x' } }, layers: [{ id: 'b', type: 'line', source: 'v', 'source-layer': 'buildings' }] });
    expect(problemOf({ BASEMAP: `pmtiles:${vector}`, BASEMAP_STYLE: other })).toMatchObject({ variable: 'BASEMAP_STYLE', message: expect.stringMatching(/written for another archive/) });
    expect(problemOf({ BASEMAP_STYLE: other })).toMatchObject({ variable: 'BASEMAP_STYLE', message: expect.stringMatching(/needs BASEMAP/) });
    expect(problemOf({ BASEMAP: `pmtiles:${raster}`, BASEMAP_STYLE: other })).toMatchObject({ variable: 'BASEMAP_STYLE', message: expect.stringMatching(/for a vector basemap/) });
  });
});
