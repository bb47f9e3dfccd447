/** Customer numbers are matched trimmed and case-insensitively ("k-1001" in one sheet, "K-1001" in another). */
export const customerKey = (customerId: string): string => customerId.trim().toLowerCase();
