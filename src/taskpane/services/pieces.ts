/**
 * A value too big to post in one message: cloning 300,000 contacts blocks the sending thread for 3 s and the
 * receiving one longer. It goes as a skeleton (the value with its long arrays left out) and then slices of those
 * arrays, one message each, so that each side's task stays short and the sender can pause between slices.
 */
export type PieceMessage =
  | { type: 'begin'; transfer: number; skeleton: unknown; holes: readonly Hole[] }
  | { type: 'piece'; transfer: number; hole: number; start: number; items: unknown[] | ArrayBufferView };

/**
 * A long array left out of the skeleton: where it sits, how long it is, and of which typed array kind; or, for an array
 * met before at another path (the parser's sales columns sit in two places), which hole holds it.
 */
export interface Hole {
  path: readonly string[];
  length: number;
  typed?: TypedArrayName;
  sameAs?: number;
}

type TypedArray =
  Float64Array | Float32Array | Int32Array | Uint32Array | Int16Array | Uint16Array | Uint8Array;
const TYPED = { Float64Array, Float32Array, Int32Array, Uint32Array, Int16Array, Uint16Array, Uint8Array };
type TypedArrayName = keyof typeof TYPED;

/**
 * Objects per slice: a few milliseconds to clone in Chromium for contact records, so that a key pressed while the data
 * goes to the worker waits no longer than that. A slice of a typed array holds 256 times as many numbers (a copy of
 * 512 KB), one of a plain array of strings or numbers 8 times as many.
 */
const OBJECTS_PER_PIECE = 256;
const sliceLength = (array: unknown[] | TypedArray, objects: number): number =>
  ArrayBuffer.isView(array) ? objects * 256 : typeof array[0] === 'object' ? objects : objects * 8;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;

const typedName = (value: unknown): TypedArrayName | undefined => {
  if (!ArrayBuffer.isView(value)) return undefined;
  const name = value.constructor.name;
  return name in TYPED ? (name as TypedArrayName) : undefined;
};

/** The value with every long array (in plain objects and short arrays, at any depth) replaced by null, and where. */
function hollowOut(
  value: unknown,
  path: string[],
  holes: Hole[],
  arrays: (unknown[] | TypedArray)[],
  perPiece: number,
): unknown {
  const typed = typedName(value);
  const long =
    (typed !== undefined || Array.isArray(value)) &&
    (value as unknown[] | TypedArray).length > sliceLength(value as unknown[] | TypedArray, perPiece);
  if (long) {
    const array = value as unknown[] | TypedArray;
    const seen = arrays.indexOf(array);
    holes.push({ path, length: array.length, ...(typed && { typed }), ...(seen >= 0 && { sameAs: seen }) });
    arrays.push(array);
    return null;
  }
  // a short array's items may hold long arrays: a campaign's selections, each with its 150,000 ids
  if (Array.isArray(value))
    return value.map((item, i) => hollowOut(item, [...path, String(i)], holes, arrays, perPiece));
  if (!isPlainObject(value)) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value))
    copy[key] = hollowOut(field, [...path, key], holes, arrays, perPiece);
  return copy;
}

/** The messages that carry `value`, in the order they must be posted. */
export function* piecesOf(
  transfer: number,
  value: unknown,
  perPiece = OBJECTS_PER_PIECE,
): Generator<PieceMessage, void, void> {
  const holes: Hole[] = [];
  const arrays: (unknown[] | TypedArray)[] = [];
  const skeleton = hollowOut(value, [], holes, arrays, perPiece);
  yield { type: 'begin', transfer, skeleton, holes };
  for (let hole = 0; hole < holes.length; hole++) {
    if (holes[hole].sameAs !== undefined) continue;
    const array = arrays[hole];
    const step = sliceLength(array, perPiece);
    for (let start = 0; start < array.length; start += step)
      yield { type: 'piece', transfer, hole, start, items: array.slice(start, start + step) };
  }
}

const place = (skeleton: unknown, path: readonly string[], array: unknown): unknown => {
  if (path.length === 0) return array;
  let parent = skeleton as Record<string, unknown>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string, unknown>;
  parent[path[path.length - 1]] = array;
  return skeleton;
};

/** Puts a value together again from its messages; `accept` returns it with the last piece. */
export class PieceAssembler {
  private value: unknown = null;
  private arrays: (unknown[] | TypedArray)[] = [];
  private missing = 0;

  constructor(readonly transfer: number) {}

  /** The value once complete, else undefined. Messages of another transfer are an error of the caller. */
  accept(message: PieceMessage): { value: unknown } | undefined {
    if (message.transfer !== this.transfer) throw new Error(`piece of transfer ${message.transfer}`);
    if (message.type === 'begin') {
      this.value = message.skeleton;
      this.arrays = [];
      for (const hole of message.holes) {
        const array =
          hole.sameAs !== undefined
            ? this.arrays[hole.sameAs]
            : hole.typed
              ? new TYPED[hole.typed](hole.length)
              : new Array<unknown>(hole.length);
        if (hole.sameAs === undefined) this.missing += hole.length;
        this.value = place(this.value, hole.path, array);
        this.arrays.push(array);
      }
    } else {
      const array = this.arrays[message.hole];
      const items = message.items as ArrayLike<unknown>;
      if (ArrayBuffer.isView(array)) (array as TypedArray).set(items as ArrayLike<number>, message.start);
      else for (let i = 0; i < items.length; i++) array[message.start + i] = items[i];
      this.missing -= items.length;
    }
    return this.missing === 0 ? { value: this.value } : undefined;
  }
}

/** Puts together values of several transfers that arrive interleaved (groups, questions), each by its number. */
export class PieceInbox {
  private readonly open = new Map<number, PieceAssembler>();

  /** The value of the piece's transfer once its last piece came, else undefined. */
  accept(piece: PieceMessage): { value: unknown } | undefined {
    if (piece.type === 'begin') this.open.set(piece.transfer, new PieceAssembler(piece.transfer));
    const done = this.open.get(piece.transfer)?.accept(piece);
    if (done) this.open.delete(piece.transfer);
    return done;
  }
}
