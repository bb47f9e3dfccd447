import { open, type FileHandle } from 'node:fs/promises';
import { inflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
  /** Where the entry's local header starts in the file. */
  offset: number;
  /** 0 stored, 8 deflated. */
  method: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
/** The end record (22 bytes) plus the longest comment a zip may carry. */
const MAX_END_SEARCH = 22 + 0xffff;
const ZIP64_MARK = 0xffffffff;

const readAt = async (handle: FileHandle, position: number, length: number): Promise<Buffer> => {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
};

/**
 * The entries of a zip file from its central directory, read from the end of the file without inflating anything:
 * names and sizes, to judge a workbook before reading it. Null when the file has no complete directory — a
 * truncated download or copy. A ZIP64 directory (files over 4 GB) gives an empty list: sizes unknown.
 */
export async function readZipDirectory(handle: FileHandle, size: number): Promise<ZipEntry[] | null> {
  const searched = Math.min(size, MAX_END_SEARCH);
  const tail = await readAt(handle, size - searched, searched);
  let end = -1;
  for (let i = tail.length - 22; i >= 0 && end < 0; i--)
    if (tail.readUInt32LE(i) === END_OF_DIRECTORY) end = i;
  if (end < 0) return null;
  const count = tail.readUInt16LE(end + 10);
  const length = tail.readUInt32LE(end + 12);
  const offset = tail.readUInt32LE(end + 16);
  if (offset === ZIP64_MARK || length === ZIP64_MARK) return [];
  if (offset + length > size - searched + end) return null;
  const directory = await readAt(handle, offset, length);
  const entries: ZipEntry[] = [];
  for (let at = 0; entries.length < count;) {
    if (at + 46 > directory.length || directory.readUInt32LE(at) !== DIRECTORY_ENTRY) return null;
    const nameLength = directory.readUInt16LE(at + 28);
    entries.push({
      method: directory.readUInt16LE(at + 10),
      compressedSize: directory.readUInt32LE(at + 20),
      uncompressedSize: directory.readUInt32LE(at + 24),
      offset: directory.readUInt32LE(at + 42),
      name: directory.toString('utf8', at + 46, at + 46 + nameLength),
    });
    at += 46 + nameLength + directory.readUInt16LE(at + 30) + directory.readUInt16LE(at + 32);
  }
  return entries;
}

const LOCAL_HEADER = 0x04034b50;

/** One (small) entry's content, inflated natively: the package's small parts without loading the whole file. */
export async function readZipEntry(handle: FileHandle, entry: ZipEntry): Promise<Buffer> {
  const header = await readAt(handle, entry.offset, 30);
  if (header.length < 30 || header.readUInt32LE(0) !== LOCAL_HEADER)
    throw new Error(`no local header for ${entry.name}`);
  const start = entry.offset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  const data = await readAt(handle, start, entry.compressedSize);
  if (entry.method === 0) return data;
  if (entry.method === 8) return inflateRawSync(data);
  throw new Error(`compression method ${entry.method} of ${entry.name}`);
}

/** Runs `work` with a reader of the package's parts as text (null for a part the package does not have). */
export async function withZipParts<T>(
  path: string,
  entries: readonly ZipEntry[],
  work: (read: (part: string) => Promise<string | null>) => Promise<T>,
): Promise<T> {
  const byName = new Map(entries.map((entry) => [entry.name, entry]));
  const handle = await open(path, 'r');
  try {
    return await work(async (part) => {
      const entry = byName.get(part);
      return entry ? (await readZipEntry(handle, entry)).toString('utf8') : null;
    });
  } finally {
    await handle.close();
  }
}

/**
 * The entries of a zip held in memory, in the order their data is stored (the order a streaming unzipper meets them).
 * Null when the directory is incomplete or uses ZIP64.
 */
export function zipEntriesOf(input: Buffer): ZipEntry[] | null {
  const searched = Math.min(input.length, MAX_END_SEARCH);
  let end = -1;
  for (let i = input.length - 22; i >= input.length - searched && end < 0; i--)
    if (input.readUInt32LE(i) === END_OF_DIRECTORY) end = i;
  if (end < 0) return null;
  const count = input.readUInt16LE(end + 10);
  const length = input.readUInt32LE(end + 12);
  const offset = input.readUInt32LE(end + 16);
  if (offset === ZIP64_MARK || length === ZIP64_MARK || offset + length > end) return null;
  const entries: ZipEntry[] = [];
  for (let at = offset; entries.length < count;) {
    if (at + 46 > offset + length || input.readUInt32LE(at) !== DIRECTORY_ENTRY) return null;
    const nameLength = input.readUInt16LE(at + 28);
    const entry = {
      method: input.readUInt16LE(at + 10),
      compressedSize: input.readUInt32LE(at + 20),
      uncompressedSize: input.readUInt32LE(at + 24),
      offset: input.readUInt32LE(at + 42),
      name: input.toString('utf8', at + 46, at + 46 + nameLength),
    };
    if (entry.compressedSize === ZIP64_MARK || entry.offset === ZIP64_MARK) return null;
    entries.push(entry);
    at += 46 + nameLength + input.readUInt16LE(at + 30) + input.readUInt16LE(at + 32);
  }
  return entries.sort((a, b) => a.offset - b.offset);
}

/** An entry's stored (compressed) bytes, a view into `input`. */
export function storedBytes(input: Buffer, entry: ZipEntry): Buffer {
  const at = entry.offset;
  if (at + 30 > input.length || input.readUInt32LE(at) !== LOCAL_HEADER)
    throw new Error(`no local header for ${entry.name}`);
  const start = at + 30 + input.readUInt16LE(at + 26) + input.readUInt16LE(at + 28);
  if (start + entry.compressedSize > input.length) throw new Error(`${entry.name} is cut off`);
  if (entry.method !== 0 && entry.method !== 8)
    throw new Error(`compression method ${entry.method} of ${entry.name}`);
  return input.subarray(start, start + entry.compressedSize);
}

/** A whole (small) entry of a zip in memory, inflated natively. */
export function entryContent(input: Buffer, entry: ZipEntry): Buffer {
  const stored = storedBytes(input, entry);
  return entry.method === 0 ? stored : inflateRawSync(stored);
}
