/**
 * The text of a file people save from an editor: UTF-8 with or without byte-order mark, UTF-16 as Windows Notepad
 * saves "Unicode" (little-endian with a mark), big-endian, or without a mark; and Windows-1252 ("ANSI") when the
 * bytes are no valid UTF-8 (umlauts saved by an older Notepad).
 */
export const decodeText = (bytes: Uint8Array): string => {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return utf8(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const unmarked = utf16WithoutMark(bytes);
  if (unmarked) return new TextDecoder(unmarked).decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
};

const utf8 = (bytes: Uint8Array): string => new TextDecoder('utf-8').decode(bytes);

/**
 * A JSON file starts with ASCII ("{", spaces): in UTF-16 every such character has a zero byte beside it, which
 * UTF-8 text never has.
 */
const utf16WithoutMark = (bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null => {
  if (bytes.length < 2 || bytes.length % 2 !== 0) return null;
  if (bytes[0] !== 0 && bytes[1] === 0) return 'utf-16le';
  if (bytes[0] === 0 && bytes[1] !== 0) return 'utf-16be';
  return null;
};
