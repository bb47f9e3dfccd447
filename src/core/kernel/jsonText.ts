import { fail, ok, type Result } from './result';

/** 1-based, as editors count: the column counts characters (UTF-16 code units) from the line's start. */
export interface TextPosition {
  line: number;
  column: number;
}

/** What the parser wanted where it stopped. */
export type JsonExpectation =
  'value' | 'propertyName' | 'colon' | 'commaOrBrace' | 'commaOrBracket' | 'stringEnd' | 'end';

export interface JsonSyntaxError {
  position: TextPosition;
  expected: JsonExpectation;
  /** The character found instead; null at the end of the text. */
  found: string | null;
}

export interface LocatedJson {
  value: unknown;
  /** Where the value at `path` starts (for an object member: its key). */
  positionOf(path: readonly PropertyKey[]): TextPosition | undefined;
}

const pathKey = (path: readonly PropertyKey[]): string => path.map(String).join('\u0000');

class SyntaxStop {
  constructor(
    readonly offset: number,
    readonly expected: JsonExpectation,
  ) {}
}

const ESCAPES: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/**
 * JSON.parse with the place of every value: a campaign file's error can then say "line 7, column 5" for a wrong
 * value as well as for a syntax error. Same grammar as JSON.parse (RFC 8259).
 */
class LocatingParser {
  private offset = 0;
  readonly starts = new Map<string, number>();

  constructor(private readonly text: string) {}

  parse(): unknown {
    const value = this.value([]);
    this.skipSpace();
    if (this.offset < this.text.length) throw new SyntaxStop(this.offset, 'end');
    return value;
  }

  private value(path: PropertyKey[]): unknown {
    this.skipSpace();
    if (!this.starts.has(pathKey(path))) this.starts.set(pathKey(path), this.offset);
    const char = this.text[this.offset];
    if (char === '{') return this.object(path);
    if (char === '[') return this.array(path);
    if (char === '"') return this.string();
    for (const [word, value] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (this.text.startsWith(word, this.offset)) {
        this.offset += word.length;
        return value;
      }
    }
    NUMBER.lastIndex = this.offset;
    const number = NUMBER.exec(this.text);
    if (number === null) throw new SyntaxStop(this.offset, 'value');
    this.offset += number[0].length;
    return Number(number[0]);
  }

  private object(path: PropertyKey[]): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    this.offset++;
    this.skipSpace();
    if (this.text[this.offset] === '}') {
      this.offset++;
      return result;
    }
    for (;;) {
      this.skipSpace();
      if (this.text[this.offset] !== '"') throw new SyntaxStop(this.offset, 'propertyName');
      const keyStart = this.offset;
      const key = this.string();
      this.starts.set(pathKey([...path, key]), keyStart);
      this.skipSpace();
      if (this.text[this.offset] !== ':') throw new SyntaxStop(this.offset, 'colon');
      this.offset++;
      // as JSON.parse does: "__proto__" is a key like any other, not the object's prototype
      Object.defineProperty(result, key, {
        value: this.value([...path, key]),
        enumerable: true,
        writable: true,
        configurable: true,
      });
      this.skipSpace();
      const next = this.text[this.offset++];
      if (next === '}') return result;
      if (next !== ',') throw new SyntaxStop(this.offset - 1, 'commaOrBrace');
    }
  }

  private array(path: PropertyKey[]): unknown[] {
    const result: unknown[] = [];
    this.offset++;
    this.skipSpace();
    if (this.text[this.offset] === ']') {
      this.offset++;
      return result;
    }
    for (;;) {
      result.push(this.value([...path, result.length]));
      this.skipSpace();
      const next = this.text[this.offset++];
      if (next === ']') return result;
      if (next !== ',') throw new SyntaxStop(this.offset - 1, 'commaOrBracket');
    }
  }

  private string(): string {
    let result = '';
    for (let i = this.offset + 1; i < this.text.length; i++) {
      const char = this.text[i];
      if (char === '"') {
        this.offset = i + 1;
        return result;
      }
      if (char < ' ') throw new SyntaxStop(i, 'stringEnd');
      if (char !== '\\') {
        result += char;
        continue;
      }
      const escape = this.text[++i];
      if (escape === 'u' && /^[0-9a-fA-F]{4}$/.test(this.text.slice(i + 1, i + 5))) {
        result += String.fromCharCode(parseInt(this.text.slice(i + 1, i + 5), 16));
        i += 4;
      } else if (escape !== undefined && ESCAPES[escape] !== undefined) result += ESCAPES[escape];
      else throw new SyntaxStop(i, 'stringEnd');
    }
    throw new SyntaxStop(this.text.length, 'stringEnd');
  }

  private skipSpace(): void {
    while (/[ \t\n\r]/.test(this.text[this.offset] ?? '')) this.offset++;
  }
}

/** The 1-based line and column of a character offset. */
export const positionAt = (text: string, offset: number): TextPosition => {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
};

/** Parses JSON text (a leading byte-order mark is ignored); a syntax error says where and what was expected. */
export const parseLocatedJson = (input: string): Result<LocatedJson, JsonSyntaxError> => {
  const text = input.replace(/^\uFEFF/, '');
  const parser = new LocatingParser(text);
  try {
    const value = parser.parse();
    return ok({
      value,
      positionOf: (path) => {
        const offset = parser.starts.get(pathKey(path));
        return offset === undefined ? undefined : positionAt(text, offset);
      },
    });
  } catch (error) {
    if (!(error instanceof SyntaxStop)) throw error;
    return fail({
      position: positionAt(text, error.offset),
      expected: error.expected,
      found: error.offset < text.length ? text[error.offset] : null,
    });
  }
};
