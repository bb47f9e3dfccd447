import { RowSet } from '../../../../src/taskpane/wizard/recipients/rowSet';

describe('RowSet', () => {
  it('counts each row once, lists rows in list order and leaves the set it came from as it was', () => {
    const empty = RowSet.empty(10);
    const some = empty.with([7, 2, 7, 4]);
    expect(some.size).toBe(3);
    expect(some.rows()).toEqual([2, 4, 7]);
    expect(empty.rows()).toEqual([]);
    const more = some.with([2, 9]);
    expect([more.size, more.has(9), some.has(9)]).toEqual([4, true, false]);
  });

  it('takes a row out, and ignores taking out a row it does not hold', () => {
    const some = RowSet.empty(5).with([1, 3]);
    const fewer = some.without(3);
    expect(fewer.rows()).toEqual([1]);
    expect(fewer.size).toBe(1);
    expect(fewer.without(4)).toBe(fewer);
    expect(some.has(3)).toBe(true);
  });
});
