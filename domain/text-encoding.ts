/**
 * The character encoding of a CSV file as a Chinese office makes it. Excel in a Chinese locale
 * saves its plain "CSV (逗号分隔)" in the ANSI code page, i.e. GBK (read here as GB18030, its
 * superset); "CSV UTF-8" is UTF-8 with a BOM; other tools write UTF-8 without one.
 *
 * - A charset that is named (Content-Type `; charset=gbk`, `npm run import -- --encoding gbk`)
 *   is used as named (iconv-lite knows the names: gbk, gb2312, gb18030, big5, utf-8, …).
 * - Otherwise: a UTF-8 BOM or bytes that are valid UTF-8 → UTF-8; else chardet's best guess when
 *   it is confident (≥ 50 of 100) and names an encoding other than GB18030; else GB18030 when the
 *   bytes are valid GB18030 (short files give chardet too little to go on, and GBK is what a
 *   Chinese Excel writes); else the file cannot be read and the user is told to name the encoding.
 *
 * Libraries: iconv-lite (decoding, the one Express's body-parser and mailparser use) and chardet
 * (detection). Pure: no I/O.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';

export interface DecodedText {
  text: string;
  /** The encoding used, as iconv-lite names it (utf-8, gb18030, …). */
  encoding: string;
  /** How it was chosen. */
  how: 'named' | 'bom' | 'utf-8 valid' | 'detected' | 'assumed';
}

export class EncodingError extends Error {
  constructor(
    message: string,
    readonly encoding: string | undefined,
  ) {
    super(message);
    this.name = 'EncodingError';
  }
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const hasUtf8Bom = (d: Uint8Array) => UTF8_BOM.every((b, i) => d[i] === b);

/** Canonical name of an encoding iconv-lite can decode, or undefined. */
export function knownEncoding(name: string): string | undefined {
  const n = name.trim().toLowerCase();
  if (!n || !iconv.encodingExists(n)) return undefined;
  return n === 'utf8' ? 'utf-8' : n;
}

function strictUtf8(data: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    return undefined;
  }
}

/** GB18030 maps every byte sequence it accepts; U+FFFD in the result marks bytes it does not. */
function cleanGb18030(data: Uint8Array): string | undefined {
  const text = iconv.decode(Buffer.from(data.buffer, data.byteOffset, data.byteLength), 'gb18030');
  return text.includes('\ufffd') ? undefined : text;
}

/** Which encoding the bytes are in (see the module's comment), without decoding for the caller. */
export function detectEncoding(data: Uint8Array): Omit<DecodedText, 'text'> | undefined {
  if (hasUtf8Bom(data)) return { encoding: 'utf-8', how: 'bom' };
  if (strictUtf8(data) !== undefined) return { encoding: 'utf-8', how: 'utf-8 valid' };
  const best = chardet.analyse(data)[0];
  const guess = best && best.confidence >= 50 ? knownEncoding(best.name) : undefined;
  if (guess && guess !== 'gb18030' && guess !== 'utf-8') return { encoding: guess, how: 'detected' };
  if (cleanGb18030(data) !== undefined) return { encoding: 'gb18030', how: guess ? 'detected' : 'assumed' };
  return undefined;
}

/** Decode a text file's bytes: with the named charset, else the detected one. Throws EncodingError. */
export function decodeText(data: Uint8Array, charset?: string): DecodedText {
  if (charset) {
    const encoding = knownEncoding(charset);
    if (!encoding) throw new EncodingError(`Unknown encoding ${charset}`, charset);
    if (encoding === 'utf-8') {
      const text = strictUtf8(data);
      if (text === undefined) throw new EncodingError('The file is not valid UTF-8', encoding);
      return { text: text.replace(/^\ufeff/, ''), encoding, how: 'named' };
    }
    const text = iconv.decode(Buffer.from(data.buffer, data.byteOffset, data.byteLength), encoding);
    if (text.includes('\ufffd')) throw new EncodingError(`The file is not valid ${charset}`, encoding);
    return { text: text.replace(/^\ufeff/, ''), encoding, how: 'named' };
  }
  const found = detectEncoding(data);
  if (!found) throw new EncodingError('The encoding of the file could not be recognised', undefined);
  const buffer = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const text = found.encoding === 'utf-8' ? strictUtf8(data)! : iconv.decode(buffer, found.encoding);
  return { text: text.replace(/^\ufeff/, ''), ...found };
}
