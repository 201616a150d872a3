// Display formatting: numbers, money (integer minor units), dates.
const numberFmt = new Intl.NumberFormat('en');

export const formatCount = (n: number): string => numberFmt.format(n);

export const plural = (n: number, one: string, many: string): string =>
  `${formatCount(n)} ${n === 1 ? one : many}`;

/** Minor units -> "EUR 1,200" (no fraction digits when whole). */
export function formatMoney(amount: number, currency: string): string {
  try {
    const digits =
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
        .maximumFractionDigits ?? 2;
    const major = amount / 10 ** digits;
    return new Intl.NumberFormat('en', {
      style: 'currency',
      currency,
      currencyDisplay: 'code',
      maximumFractionDigits: Number.isInteger(major) ? 0 : digits,
    }).format(major);
  } catch {
    return `${currency} ${numberFmt.format(amount / 100)}`;
  }
}

/** Fraction digits of a currency (2 for EUR, 0 for JPY), for converting typed amounts to minor units. */
export function currencyDigits(currency: string): number {
  try {
    return (
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
        .maximumFractionDigits ?? 2
    );
  } catch {
    return 2;
  }
}

const dateTimeFmt = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });
const dateFmt = new Intl.DateTimeFormat('en', { dateStyle: 'medium' });

export const formatDateTime = (iso: string): string => dateTimeFmt.format(new Date(iso));
export const formatDate = (iso: string): string => dateFmt.format(new Date(iso));
