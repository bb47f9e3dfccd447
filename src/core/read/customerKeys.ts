const DIGITS_ONLY = /^\d+$/;
const LEADING_ZEROS = /^0+(?=\d)/;

/**
 * Customer numbers are matched trimmed and case-insensitively ("k-1001" in one sheet, "K-1001" in another), and a
 * number as a number: "00123" in one sheet is 123 in another, where Excel dropped the zeros or a format added them.
 */
export const customerKey = (customerId: string): string => {
  const key = customerId.trim().toLowerCase();
  return DIGITS_ONLY.test(key) ? key.replace(LEADING_ZEROS, '') : key;
};
