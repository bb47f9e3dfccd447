import { PieceAssembler, piecesOf, type PieceMessage } from '../../../src/taskpane/services/pieces';
import { syntheticWorkbook } from '../../../src/sample/syntheticWorkbook';
import { parseOrThrow, SCALES } from '../../../bench/scenario';
import { identityGraph } from '../../../src/core/group/identity';

/** What the other thread receives: each message structured-cloned, as postMessage does. */
const assemble = (messages: PieceMessage[], transfer = 0): unknown => {
  const assembler = new PieceAssembler(transfer);
  const results = messages.map((message) => assembler.accept(structuredClone(message)));
  expect(results.slice(0, -1).every((result) => result === undefined)).toBe(true);
  return results[results.length - 1]?.value;
};

describe('pieces', () => {
  const data = parseOrThrow(syntheticWorkbook({ ...SCALES.tiny, contacts: 5_000, sales: 40_000 }));

  it('carries a parsed workbook in slices and puts it together equal, typed arrays included', () => {
    // 100 contacts, 800 strings, 25,600 numbers of a typed array per slice
    const messages = [...piecesOf(0, data, 100)];
    const begin = messages[0];
    expect(begin.type).toBe('begin');
    if (begin.type !== 'begin') return;
    expect(begin.holes.map((hole) => hole.path.join('.'))).toEqual(
      expect.arrayContaining(['contacts', 'sales.days', 'sales.articleNos']),
    );
    const slices = (path: string) =>
      messages.filter(
        (message) => message.type === 'piece' && begin.holes[message.hole].path.join('.') === path,
      ).length;
    expect([slices('contacts'), slices('sales.articleNos'), slices('sales.days')]).toEqual([50, 50, 2]);
    const received = assemble(messages) as typeof data;
    expect(received).toEqual(data);
    expect(received.sales.days).toBeInstanceOf(Float64Array);
    expect(Array.from(received.sales.rows)).toEqual(Array.from(data.sales.rows));
  });

  it('sends an array that sits at two places once, and the receiver shares it as the sender did', () => {
    const messages = [...piecesOf(0, data, 100)];
    const begin = messages[0];
    if (begin.type !== 'begin') throw new Error('no begin');
    const shared = begin.holes.filter((hole) => hole.sameAs !== undefined).map((hole) => hole.path.join('.'));
    expect(shared).toEqual(
      expect.arrayContaining([
        'salesColumns.sales.days',
        'salesColumns.sales.articleNos',
        'personColumns.contacts',
      ]),
    );
    const sliced = new Set(messages.flatMap((message) => (message.type === 'piece' ? [message.hole] : [])));
    expect(begin.holes.filter((hole, index) => hole.sameAs !== undefined && sliced.has(index))).toEqual([]);
    const received = assemble(messages) as typeof data;
    expect(received).toEqual(data);
    expect(received.salesColumns!.sales.days).toBe(received.sales.days);
    expect(received.salesColumns!.sales.articleNos).toBe(received.sales.articleNos);
    expect(received.personColumns!.contacts).toBe(received.contacts);
  });

  it('gives a received workbook the same identity graph as the original', () => {
    const received = assemble([...piecesOf(0, data, 700)]) as typeof data;
    const ours = identityGraph(data);
    const theirs = identityGraph(received);
    const people = (graph: typeof ours) =>
      Array.from({ length: data.contacts!.length }, (_, record) => graph.keyOf(record));
    expect(people(theirs)).toEqual(people(ours));
  });

  it('sends a small value as one message', () => {
    const value = { members: [{ name: 'Anna Müller' }], count: 1 };
    const messages = [...piecesOf(3, value)];
    expect(messages).toHaveLength(1);
    expect(assemble(messages, 3)).toEqual(value);
  });

  it('sends an array at the top as slices too', () => {
    const rows = Array.from({ length: 10 }, (_, i) => ({ row: i + 2, name: `Kunde ${i}` }));
    const messages = [...piecesOf(1, rows, 3)];
    expect(messages).toHaveLength(1 + 4);
    expect(assemble(messages, 1)).toEqual(rows);
  });

  it("slices a long array inside a short one: the ids of a campaign's selections", () => {
    const ids = Array.from({ length: 40_000 }, (_, i) => `K${i}`);
    const question = {
      campaign: {
        selections: [
          { from: 'contacts', ids },
          { from: 'customers', ids: ['1'] },
        ],
      },
    };
    const messages = [...piecesOf(4, question, 1024)];
    const [begin] = messages;
    expect(begin.type === 'begin' && begin.holes.map((hole) => hole.path)).toEqual([
      ['campaign', 'selections', '0', 'ids'],
    ]);
    expect(messages).toHaveLength(1 + 5);
    expect(assemble(messages, 4)).toEqual(question);
  });

  it('refuses a piece of another transfer instead of mixing two values', () => {
    const [begin] = [...piecesOf(1, { list: [1, 2, 3] }, 1)];
    const assembler = new PieceAssembler(2);
    expect(() => assembler.accept(begin)).toThrow(/transfer 1/);
  });
});
