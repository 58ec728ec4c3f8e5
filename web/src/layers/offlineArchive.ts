/**
 * A PMTiles archive exported by the console (GET /api/exports/tiles.pmtiles, pnpm export:pmtiles), opened from a
 * local file and drawn as a source of its own — for a wall display or a phone with no server. The archive
 * carries the console's own style layers for its layers (metadata "gc:style_layers"); they are added with this
 * source's id and their ids prefixed, so several archives and the live layers can be shown side by side.
 */
import maplibregl, { type LayerSpecification, type Map as MapLibreMap } from 'maplibre-gl';
import { FileSource, PMTiles, Protocol } from 'pmtiles';

export interface OfflineArchive {
  sourceId: string;
  name: string;
  layerIds: string[];
  titles: Record<string, { zh: string; en: string }>;
  bounds: [number, number, number, number];
}

interface ArchiveMetadata {
  'gc:style_layers'?: (Record<string, unknown> & { id: string })[];
  'gc:titles'?: Record<string, { zh: string; en: string }>;
  vector_layers?: { id: string }[];
}

let protocol: Protocol | null = null;
let seq = 0;

/** Style layers for the archive's source: the exporter's own, renamed; a plain outline where there are none. */
export function offlineStyleLayers(meta: ArchiveMetadata, sourceId: string): LayerSpecification[] {
  const own = meta['gc:style_layers'];
  if (own?.length) {
    return own.map((l) => ({ ...l, id: `${sourceId}:${l.id}`, source: sourceId, metadata: { 'gc:offline': sourceId } }) as unknown as LayerSpecification);
  }
  return (meta.vector_layers ?? []).map((v) => ({ id: `${sourceId}:${v.id}`, type: 'line', source: sourceId, 'source-layer': v.id, paint: { 'line-color': '#0072B2', 'line-width': 1 } }) as LayerSpecification);
}

export async function openOfflineArchive(map: MapLibreMap, file: File): Promise<OfflineArchive> {
  if (!protocol) {
    protocol = new Protocol();
    maplibregl.addProtocol('pmtiles', protocol.tile);
  }
  const archive = new PMTiles(new FileSource(file));
  const header = await archive.getHeader();
  if (header.tileType !== 1) throw new Error('not a vector-tile archive');
  const meta = ((await archive.getMetadata()) ?? {}) as ArchiveMetadata;
  protocol.add(archive);
  const sourceId = `offline-${++seq}`;
  map.addSource(sourceId, { type: 'vector', url: `pmtiles://${archive.source.getKey()}` });
  const layers = offlineStyleLayers(meta, sourceId);
  for (const l of layers) map.addLayer(l);
  const bounds: OfflineArchive['bounds'] = [header.minLon, header.minLat, header.maxLon, header.maxLat];
  map.fitBounds(bounds, { padding: 40, duration: 0 });
  return { sourceId, name: file.name, layerIds: layers.map((l) => l.id), titles: meta['gc:titles'] ?? {}, bounds };
}

export function closeOfflineArchive(map: MapLibreMap, a: OfflineArchive) {
  for (const id of a.layerIds) if (map.getLayer(id)) map.removeLayer(id);
  if (map.getSource(a.sourceId)) map.removeSource(a.sourceId);
}
