/**
 * Uploads: a multipart/form-data body streamed (busboy) straight to a temporary file with a byte limit, hashed on
 * the way (SHA-256), so a file of any size costs a few kilobytes of memory and a body over the limit is cut off
 * at the limit. Small text fields (mapping JSON, options) are kept in memory, each capped.
 *
 * Uploaded files are kept for UPLOAD_TTL_MS under a random id, owned by the user who sent them, so the page can
 * preview, dry-run and import one file without sending it three times.
 */
import { randomUUID, createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import busboy from 'busboy';
import { FormatError } from 'geodata/formats';
import type { ImportFile } from './service.js';

/** Largest upload, bytes; IMPORT_MAX_MB in the environment overrides (the 2 GB test sets it low). */
export const uploadLimitBytes = () => Number(process.env.IMPORT_MAX_MB ?? 1024) * 1024 * 1024;
const MAX_FIELD_BYTES = 256 * 1024;
export const UPLOAD_TTL_MS = 60 * 60 * 1000;

export interface Upload extends ImportFile {
  id: string;
  userId: number;
  dir: string;
  fields: Record<string, string>;
  at: number;
}

class LimitExceeded extends Error {}

/** Stream the `file` part of a multipart body to disk. FormatError for a body that is not what we need. */
export async function receiveUpload(body: WebReadableStream<Uint8Array> | null, contentType: string, contentLength: number | null, userId: number): Promise<Upload> {
  const limit = uploadLimitBytes();
  const maxMb = Math.round(limit / 1024 ** 2);
  if (!contentType.startsWith('multipart/form-data')) throw new FormatError('not_multipart');
  // A declared length over the limit is refused before a byte is read.
  if (contentLength !== null && contentLength > limit + MAX_FIELD_BYTES * 4) throw new FormatError('file_too_large', { maxMb });
  if (!body) throw new FormatError('missing_file');
  const dir = await mkdtemp(join(tmpdir(), 'gc-upload-'));
  const path = join(dir, 'upload.bin');
  const fields: Record<string, string> = {};
  let file: { filename: string; bytes: number; sha256: string } | null = null;
  let fileDone: Promise<void> | null = null;
  // Destroying the request stream stops reading at the limit: the rest of an oversized body is never read.
  const src = Readable.fromWeb(body);
  try {
    const bb = busboy({ headers: { 'content-type': contentType }, limits: { files: 1, fields: 20, fieldSize: MAX_FIELD_BYTES, fileSize: limit } });
    bb.on('field', (name, value) => {
      fields[name] = value;
    });
    bb.on('file', (name, stream, info) => {
      if (name !== 'file' || fileDone) {
        stream.resume();
        return;
      }
      const hash = createHash('sha256');
      let bytes = 0;
      const count = new Transform({
        transform(chunk: Buffer, _e, done) {
          bytes += chunk.length;
          hash.update(chunk);
          done(null, chunk);
        },
      });
      stream.on('limit', () => {
        stream.destroy(new LimitExceeded());
        src.destroy(new LimitExceeded());
      });
      fileDone = pipeline(stream, count, createWriteStream(path)).then(() => {
        file = { filename: basename(info.filename || 'upload'), bytes, sha256: hash.digest('hex') };
      });
      // Awaited below unless the request stream failed first; never left as an unhandled rejection.
      fileDone.catch(() => undefined);
    });
    await pipeline(src, bb);
    if (fileDone) await fileDone;
    if (!file) throw new FormatError('missing_file');
    const f = file as { filename: string; bytes: number; sha256: string };
    if (f.bytes === 0) throw new FormatError('empty_file');
    return { id: randomUUID(), userId, dir, path, fields, at: Date.now(), ...f };
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    if (err instanceof LimitExceeded || (err as { cause?: unknown }).cause instanceof LimitExceeded) throw new FormatError('file_too_large', { maxMb });
    if (err instanceof FormatError) throw err;
    throw new FormatError('not_multipart');
  }
}

/** Uploads kept for the page's next steps; expired ones are deleted from disk. */
export class UploadStore {
  private readonly uploads = new Map<string, Upload>();

  constructor(private readonly maxPerUser = 4) {}

  async add(u: Upload): Promise<void> {
    await this.sweep();
    const mine = [...this.uploads.values()].filter((x) => x.userId === u.userId).sort((a, b) => a.at - b.at);
    // Each user keeps a few; the oldest go first.
    for (const old of mine.slice(0, Math.max(0, mine.length - this.maxPerUser + 1))) await this.remove(old.id);
    this.uploads.set(u.id, u);
  }

  get(id: string, userId: number): Upload | null {
    const u = this.uploads.get(id);
    return u && u.userId === userId && Date.now() - u.at < UPLOAD_TTL_MS ? u : null;
  }

  async remove(id: string): Promise<void> {
    const u = this.uploads.get(id);
    this.uploads.delete(id);
    if (u) await rm(u.dir, { recursive: true, force: true });
  }

  async sweep(): Promise<void> {
    for (const u of [...this.uploads.values()]) if (Date.now() - u.at >= UPLOAD_TTL_MS) await this.remove(u.id);
  }

  async clear(): Promise<void> {
    for (const id of [...this.uploads.keys()]) await this.remove(id);
  }
}
