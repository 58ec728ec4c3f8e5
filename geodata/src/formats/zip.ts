/**
 * Safe unzipping (yauzl, streaming): only the entries a caller asks for are inflated, each into a temporary file
 * named by the caller (never by the entry's path, so no entry can write outside the folder), and the bytes
 * actually inflated are counted against a limit, whatever the headers claim. Too many entries, too many bytes or
 * a damaged archive give a FormatError; nothing is left on disk when it throws.
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import { FormatError } from './types.js';

export interface ZipEntryInfo {
  name: string;
  uncompressedSize: number;
}

function openZip(path: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false }, (err, zip) => {
      if (err || !zip) reject(new FormatError('corrupt_zip', { reason: String(err?.message ?? 'unreadable').slice(0, 200) }));
      else resolve(zip);
    });
  });
}

/** Every entry's name and declared size (directories left out); refuses archives with too many entries. */
export async function listZip(path: string, maxEntries: number): Promise<ZipEntryInfo[]> {
  const zip = await openZip(path);
  try {
    if (zip.entryCount > maxEntries) throw new FormatError('zip_too_many_entries', { entries: zip.entryCount, max: maxEntries });
    return await new Promise<ZipEntryInfo[]>((resolve, reject) => {
      const out: ZipEntryInfo[] = [];
      zip.on('entry', (e: yauzl.Entry) => {
        if (!e.fileName.endsWith('/')) out.push({ name: e.fileName, uncompressedSize: e.uncompressedSize });
        zip.readEntry();
      });
      zip.on('end', () => resolve(out));
      zip.on('error', (err: Error) => reject(new FormatError('corrupt_zip', { reason: err.message.slice(0, 200) })));
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
}

/** Counts bytes through a stream and fails once they pass the budget. */
function byteBudget(budget: { left: number }, maxBytes: number): Transform {
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      budget.left -= chunk.length;
      if (budget.left < 0) done(new FormatError('zip_too_large', { maxMb: Math.round(maxBytes / 1024 ** 2) }));
      else done(null, chunk);
    },
  });
}

export interface Extracted {
  dir: string;
  /** Local file path per wanted entry name. */
  files: Map<string, string>;
  cleanup(): Promise<void>;
}

/**
 * Inflate `wanted` (entry name → local file name) into a fresh temporary folder.
 * `maxBytes` bounds the sum of inflated bytes over all of them.
 */
export async function extractEntries(path: string, wanted: ReadonlyMap<string, string>, maxBytes: number): Promise<Extracted> {
  const dir = await mkdtemp(join(tmpdir(), 'gc-import-'));
  const cleanup = () => rm(dir, { recursive: true, force: true });
  const files = new Map<string, string>();
  const budget = { left: maxBytes };
  let zip: yauzl.ZipFile | null = null;
  try {
    zip = await openZip(path);
    const z = zip;
    await new Promise<void>((resolve, reject) => {
      z.on('entry', (e: yauzl.Entry) => {
        const local = wanted.get(e.fileName);
        if (!local) return z.readEntry();
        z.openReadStream(e, (err, stream) => {
          if (err || !stream) return reject(new FormatError('corrupt_zip', { reason: String(err?.message ?? 'unreadable').slice(0, 200) }));
          const target = join(dir, local);
          pipeline(stream, byteBudget(budget, maxBytes), createWriteStream(target))
            .then(() => {
              files.set(e.fileName, target);
              z.readEntry();
            })
            .catch((e2: Error) => reject(e2 instanceof FormatError ? e2 : new FormatError('corrupt_zip', { reason: e2.message.slice(0, 200) })));
        });
      });
      z.on('end', () => resolve());
      z.on('error', (err: Error) => reject(new FormatError('corrupt_zip', { reason: err.message.slice(0, 200) })));
      z.readEntry();
    });
    return { dir, files, cleanup };
  } catch (err) {
    await cleanup();
    throw err;
  } finally {
    zip?.close();
  }
}
