import type { Language } from '../../core/kernel/language';

/** How the evaluation view writes money and shares: euros, percent, percentage points, signed where a change. */
export interface EvaluationFormat {
  /** Totals, whole euros: "12.340 €". */
  money(value: number): string;
  /** Per recipient, with cents: "41,20 €". */
  moneyPerMember(value: number): string;
  /** A difference in euros, with its sign: "+8,15 €". */
  moneyChange(value: number, cents?: boolean): string;
  /** A share: "12,5 %". */
  share(value: number): string;
  /** A difference of shares in percentage points, with its sign: "+3,1". */
  points(value: number): string;
  /** A return on investment, with its sign: "+240 %". */
  roi(value: number): string;
}

const localeOf = (language: Language): string => (language === 'en' ? 'en-GB' : 'de-DE');

export const evaluationFormat = (language: Language): EvaluationFormat => {
  const locale = localeOf(language);
  const euros = (fractionDigits: number, signed: boolean) =>
    new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: 'EUR',
      minimumFractionDigits: fractionDigits,
      maximumFractionDigits: fractionDigits,
      signDisplay: signed ? 'exceptZero' : 'auto',
    });
  const whole = euros(0, false);
  const cents = euros(2, false);
  const wholeChange = euros(0, true);
  const centsChange = euros(2, true);
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const signedPercent = new Intl.NumberFormat(locale, {
    style: 'percent',
    maximumFractionDigits: 0,
    signDisplay: 'exceptZero',
  });
  const pointNumber = new Intl.NumberFormat(locale, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  });
  return {
    money: (value) => whole.format(value),
    moneyPerMember: (value) => cents.format(value),
    moneyChange: (value, withCents = false) => (withCents ? centsChange : wholeChange).format(value),
    share: (value) => percent.format(value),
    points: (value) => pointNumber.format(value * 100),
    roi: (value) => signedPercent.format(value),
  };
};
