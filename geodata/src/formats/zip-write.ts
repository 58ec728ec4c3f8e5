/** Zip files from disk into a stream (yazl): the export of a Shapefile's parts as one .shp.zip download. */
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';

export async function zipFiles(files: readonly { path: string; name: string }[], out: Writable): Promise<void> {
  const zip = new yazl.ZipFile();
  for (const f of files) zip.addFile(f.path, f.name);
  zip.end();
  await pipeline(zip.outputStream, out);
}
