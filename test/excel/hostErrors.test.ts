import { WorkbookError } from '../../src/core/workbook/workbookError';
import { isPayloadError, toWorkbookError } from '../../src/excel/hostErrors';
import { FakeOfficeError } from './fakeExcel';

describe('toWorkbookError', () => {
  it.each([
    ['RequestPayloadSizeLimitExceeded', 'payloadTooLarge'],
    ['ResponsePayloadSizeLimitExceeded', 'payloadTooLarge'],
    ['ItemNotFound', 'sheetNotFound'],
    ['GeneralException', 'hostError'],
    ['AccessDenied', 'hostError'],
    ['InvalidOperationInCellEditMode', 'hostError'],
  ])('maps the Office code %s to %s and keeps the original as cause', (officeCode, code) => {
    const original = new FakeOfficeError(officeCode);

    const mapped = toWorkbookError(original, 'Kontakte');

    expect(mapped).toMatchObject({ code, sheet: 'Kontakte', cause: original });
  });

  it('passes an error that is already mapped through unchanged, and wraps anything else as hostError', () => {
    const timeout = new WorkbookError('hostTimeout');
    const strange = new TypeError('Cannot read properties of undefined');

    expect(toWorkbookError(timeout, 'Kontakte')).toBe(timeout);
    expect(toWorkbookError(strange)).toMatchObject({ code: 'hostError', cause: strange });
  });

  it.each([
    [new FakeOfficeError('RequestPayloadSizeLimitExceeded'), true],
    [new FakeOfficeError('GeneralException'), false],
    [new Error('RequestPayloadSizeLimitExceeded'), false],
    ['RequestPayloadSizeLimitExceeded', false],
  ])('isPayloadError(%p) is %p', (error, expected) => {
    expect(isPayloadError(error)).toBe(expected);
  });
});
