/**
 * Text encoding of attribute data: UTF-8, or GBK/GB18030 (what Chinese desktop GIS and Excel write). GB18030 is a
 * superset of GBK and GB2312, so GBK text is always decoded as GB18030.
 *
 * Detection works on a sample (the first megabyte of a CSV, the attribute bytes of a dBASE file):
 *  1. valid UTF-8 (a multi-byte character cut at the sample's end is fine) → UTF-8; some lines valid UTF-8 and
 *     others not (a file pieced together) → UTF-8, the other lines flagged by the readers;
 *  2. chardet rates GB18030 about as high as its best guess → GB18030;
 *  3. chardet is confident (≥ 60) of another East Asian encoding (Shift_JIS, Big5, EUC-KR …) → refused;
 *  4. otherwise (chardet is unsure of short Chinese samples) decode as GB18030 and accept when the text reads as
 *     Chinese: no undecodable bytes and nearly all non-ASCII characters CJK ideographs or CJK punctuation.
 * Anything else (Shift_JIS, UTF-16, binary) is refused with chardet's guess named, rather than garbled.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { FormatError, type TextEncoding } from './types.js';

export const SAMPLE_BYTES = 1024 * 1024;

function isUtf8(sample: Uint8Array): boolean {
  try {
    // stream: true keeps an incomplete character at the end of the sample instead of failing on it.
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** Whether some line with non-ASCII bytes is valid UTF-8 (the sample's last, possibly cut, line left out). */
function someLinesUtf8(sample: Uint8Array): boolean {
  let start = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] !== 0x0a) continue;
    const line = sample.subarray(start, i);
    start = i + 1;
    if (line.some((b) => b > 0x7f)) {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(line);
        return true;
      } catch {
        /* not UTF-8 */
      }
    }
  }
  return false;
}

const CJK = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef\u2000-\u206f\u00b7\u00d7\u2460-\u24ff\u25a0-\u25ff]/u;

/** Share of the non-ASCII characters of a GB18030 decoding that are Chinese text (1 when there are none). */
export function chineseShare(sample: Uint8Array): number {
  const text = iconv.decode(Buffer.from(sample), 'gb18030');
  let nonAscii = 0;
  let chinese = 0;
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) continue;
    nonAscii++;
    if (ch !== '\ufffd' && CJK.test(ch)) chinese++;
  }
  return nonAscii === 0 ? 1 : chinese / nonAscii;
}

const OTHER_CJK = new Set(['Shift_JIS', 'EUC-JP', 'EUC-KR', 'Big5', 'ISO-2022-JP', 'ISO-2022-KR', 'ISO-2022-CN', 'UTF-16LE', 'UTF-16BE', 'UTF-32LE', 'UTF-32BE']);

export interface DetectedEncoding {
  encoding: TextEncoding;
  /** chardet's best guess, for the preview ("detected GB18030"). */
  detector: string | null;
}

export function detectEncoding(sample: Uint8Array): DetectedEncoding {
  if (sample.length >= 2 && ((sample[0] === 0xff && sample[1] === 0xfe) || (sample[0] === 0xfe && sample[1] === 0xff))) {
    throw new FormatError('unknown_encoding', { guess: 'UTF-16' });
  }
  if (isUtf8(sample)) return { encoding: 'utf-8', detector: 'UTF-8' };
  // A file pieced together from UTF-8 and GBK parts: read it as UTF-8 and let the readers flag the lines that do
  // not decode, rather than garble the UTF-8 ones by reading everything as GBK.
  if (someLinesUtf8(sample)) return { encoding: 'utf-8', detector: 'UTF-8 (mixed)' };
  const candidates = chardet.analyse(sample);
  const top = candidates[0];
  const best = top?.name ?? null;
  const gb = candidates.find((c) => c.name === 'GB18030');
  if (top && gb && gb.confidence >= top.confidence - 10) return { encoding: 'gb18030', detector: 'GB18030' };
  // A confident other East Asian encoding (Shift_JIS decodes as plausible-looking hanzi in GB18030): refuse.
  if (top && top.confidence >= 60 && OTHER_CJK.has(top.name)) throw new FormatError('unknown_encoding', { guess: top.name });
  // The last bytes of a sample may cut a two-byte character: leave them out of the judgement.
  if (chineseShare(sample.subarray(0, Math.max(0, sample.length - 4))) >= 0.95) return { encoding: 'gb18030', detector: best };
  throw new FormatError('unknown_encoding', { guess: best ?? 'binary' });
}

/** The encoding named by a Shapefile .cpg (code page) file, or null when it names nothing we read. */
export function encodingFromCpg(text: string): TextEncoding | null {
  const name = text.trim().toLowerCase().replace(/[\s_-]/g, '');
  if (name === 'utf8' || name === '65001') return 'utf-8';
  if (['gbk', 'gb2312', 'gb18030', '936', 'cp936', 'ansi936', '54936', 'windows936'].includes(name)) return 'gb18030';
  return null;
}

/** A caller's choice of encoding (query parameter, CLI flag): gbk and gb2312 are read as GB18030. */
export function parseEncodingName(name: string): TextEncoding | null {
  const n = name.trim().toLowerCase().replace(/[\s_-]/g, '');
  if (n === 'utf8') return 'utf-8';
  if (n === 'gbk' || n === 'gb2312' || n === 'gb18030') return 'gb18030';
  return null;
}

export function decodeBytes(bytes: Uint8Array, encoding: TextEncoding): string {
  return encoding === 'utf-8' ? new TextDecoder('utf-8').decode(bytes) : iconv.decode(Buffer.from(bytes), 'gb18030');
}
