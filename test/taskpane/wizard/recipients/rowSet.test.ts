import { RowSet } from '../../../../src/taskpane/wizard/recipients/rowSet';

describe('RowSet', () => {
  it('counts each row once, lists rows in list order and leaves the set it came from as it was', () => {
    const empty = RowSet.empty(10);
    const some = empty.with([7, 2, 7, 4]);
    expect(some.size).toBe(3);
    expect(some.pick((row) => row)).toEqual([2, 4, 7]);
    expect(empty.pick((row) => row)).toEqual([]);
    const more = some.with([2, 9]);
    expect([more.size, more.has(9), some.has(9)]).toEqual([4, true, false]);
  });

  it('takes a row out, and ignores taking out a row it does not hold', () => {
    const some = RowSet.empty(5).with([1, 3]);
    const fewer = some.without(3);
    expect(fewer.pick((row) => row)).toEqual([1]);
    expect(fewer.size).toBe(1);
    expect(fewer.without(4)).toBe(fewer);
    expect(some.has(3)).toBe(true);
  });

  it('picks a value for each ticked row in list order and leaves out the rows it has none for', () => {
    const ids = ['K-1', '', 'K-3', 'K-4', 'K-5'];
    const ticked = RowSet.empty(5).with([4, 1, 0, 3]);
    expect(ticked.pick((row) => ids[row] || undefined)).toEqual(['K-1', 'K-4', 'K-5']);
  });
});
