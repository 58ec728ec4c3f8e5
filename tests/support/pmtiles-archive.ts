/** A small PMTiles archive file for tests, written by the API's own writer (api/src/tiles/pmtiles-writer.ts). */
import { writeFileSync } from 'node:fs';
import { writePmtilesArchive } from 'api/src/tiles/pmtiles-writer.js';

export function writePmtiles(path: string, tiles: { z: number; x: number; y: number; data: Uint8Array }[], tileType: 1 | 2 | 3 | 4 = 2 /* png */) {
  writeFileSync(path, writePmtilesArchive(tiles, { tileType, tileCompression: 1, metadata: {}, compressDirectories: false }));
}
