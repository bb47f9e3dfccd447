import { promisify } from 'node:util';
import { constants, crc32, deflateRaw } from 'node:zlib';

/** JSZip's form of an entry whose deflated bytes are known: `generate` copies them as they are (lib/zipObject.js). */
interface CompressedObjectClass {
  new (
    compressedSize: number,
    uncompressedSize: number,
    crc: number,
    compression: unknown,
    data: Buffer,
  ): object;
}

// JSZip's types do not name these two; they are how it copies the entries of a loaded zip without inflating them
// eslint-disable-next-line @typescript-eslint/no-require-imports
const CompressedObject = require('jszip/lib/compressedObject') as CompressedObjectClass;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { DEFLATE } = require('jszip/lib/compressions') as { DEFLATE: unknown };

const deflate = promisify(deflateRaw);

/** Bytes deflated on their own; the dictionary starts anew with each, which costs under 1 % of the size. */
const SEGMENT_BYTES = 1 << 20;
/** Segments being deflated at once, at most: the thread pool has four threads. */
const IN_FLIGHT = 6;

/**
 * A part's content deflated by node's zlib, as an entry JSZip writes without compressing it again. JSZip deflates in
 * JavaScript (pako) on the thread that also makes the rows: 8 of 30 s for the two new sheets of a run at 200,000
 * contacts. Here each megabyte is deflated in the thread pool while the next is made (as pigz does): every segment
 * but the last ends on a sync flush, a byte boundary with no final block, so the segments join into one stream.
 */
export const deflatedEntry = async (pieces: Iterable<Buffer>): Promise<object> => {
  const deflated: Buffer[] = [];
  const pending: Promise<Buffer>[] = [];
  let segment: Buffer[] = [];
  let segmentBytes = 0;
  let crc = 0;
  let size = 0;
  const send = async (finishFlush: number) => {
    pending.push(deflate(Buffer.concat(segment), { level: 6, finishFlush }));
    segment = [];
    segmentBytes = 0;
    if (pending.length >= IN_FLIGHT) deflated.push(await pending.shift()!);
  };
  for (const piece of pieces) {
    crc = crc32(piece, crc);
    size += piece.length;
    segment.push(piece);
    segmentBytes += piece.length;
    if (segmentBytes >= SEGMENT_BYTES) await send(constants.Z_SYNC_FLUSH);
  }
  await send(constants.Z_FINISH);
  deflated.push(...(await Promise.all(pending)));
  const data = Buffer.concat(deflated);
  return new CompressedObject(data.length, size, crc >>> 0, DEFLATE, data);
};
