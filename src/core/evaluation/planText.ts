import type { PrimaryMetric } from '../campaign/campaign';
import { formatCount, formatDay, formatFigure, formatPointsNumber } from '../kernel/formats';
import type { Language } from '../kernel/language';
import type { Baseline } from './baseline';
import { MAX_POOLED_WAVES } from './power';
import type { ExpectedEffect, TestPlan } from './plan';

/** The planner's sentences in German and English: what the evaluation can tell, in a shop owner's words. */

const NUMBER_WORDS: Record<Language, readonly string[]> = {
  de: [
    'null',
    'eine',
    'zwei',
    'drei',
    'vier',
    'fünf',
    'sechs',
    'sieben',
    'acht',
    'neun',
    'zehn',
    'elf',
    'zwölf',
  ],
  en: [
    'no',
    'one',
    'two',
    'three',
    'four',
    'five',
    'six',
    'seven',
    'eight',
    'nine',
    'ten',
    'eleven',
    'twelve',
  ],
};

const inWords = (count: number, lang: Language): string =>
  NUMBER_WORDS[lang][count] ?? formatCount(count, lang);

const cents = (value: number, lang: Language, signed = false): string =>
  formatFigure({ kind: 'cents', value, signed }, lang);

const percent = (share: number, lang: Language): string =>
  formatFigure({ kind: 'share', value: share }, lang);

/** "+9 Prozentpunkten" (after "von"), "+1 Prozentpunkt"; "+9 percentage points". */
const pointsPhrase = (rise: number, lang: Language, dative: boolean, short = false): string => {
  const number = formatPointsNumber(rise, lang);
  const one = number === '+1';
  if (lang === 'en') return `${number} ${short ? 'point' : 'percentage point'}${one ? '' : 's'}`;
  const noun = short ? 'Punkt' : 'Prozentpunkt';
  return `${number} ${noun}${one ? '' : dative ? 'en' : 'e'}`;
};

/** The effect in the primary metric's words. */
const effectPhrase = (
  metric: PrimaryMetric,
  value: number,
  lang: Language,
  dative: boolean,
  short = false,
) =>
  metric === 'conversion'
    ? pointsPhrase(value, lang, dative, short)
    : `${cents(value, lang, true)} ${lang === 'de' ? 'Umsatz je Empfänger' : 'revenue per recipient'}`;

const windowPhrase = (baseline: Baseline, lang: Language): string => {
  const range = `${formatDay(baseline.start, lang)} – ${formatDay(baseline.end, lang)}`;
  if (lang === 'de')
    return baseline.window === 'yearEarlier'
      ? `im selben Zeitraum ein Jahr vorher (${range})`
      : `im letzten gleich langen Zeitraum ohne Kampagne (${range})`;
  return baseline.window === 'yearEarlier'
    ? `in the same days a year earlier (${range})`
    : `in the latest window of the same length without a campaign (${range})`;
};

/** Where the plan's numbers come from: the comparable customers' share of buyers and revenue, with its spread. */
export const baselineSentence = (baseline: Baseline | null, lang: Language): string => {
  if (baseline === null)
    return lang === 'de'
      ? 'Die Verkäufe reichen nicht weit genug zurück (oder in jedem früheren Zeitraum lief eine andere Kampagne): Ohne Vergleichszeitraum lässt sich nicht abschätzen, welchen Unterschied die Auswertung erkennen kann.'
      : 'The sales do not reach back far enough (or another campaign ran in every earlier window): without a comparison window, what the evaluation can detect cannot be estimated.';
  const [count, rate, revenue, spread] = [
    formatCount(baseline.comparable, lang),
    percent(baseline.conversion, lang),
    cents(baseline.revenuePerMember, lang),
    cents(baseline.revenueSpread, lang),
  ];
  return lang === 'de'
    ? `Ohne Kampagne kauften ${rate} vergleichbarer Kunden ${windowPhrase(baseline, lang)}, im Schnitt für ${revenue} je Kunde (Streuung ${spread}; ${count} Kunden wie Ihre Empfänger).`
    : `Without a campaign, ${rate} of comparable customers bought ${windowPhrase(baseline, lang)}, ${revenue} per customer on average (spread ${spread}; ${count} customers like your recipients).`;
};

const controlShare = (plan: TestPlan): number =>
  plan.members > 0 ? Math.round((plan.control / plan.members) * 100) : plan.controlPercent;

const detectable = (plan: TestPlan): number | null =>
  plan.primaryMetric === 'conversion' ? plan.detectableRise : plan.detectableRevenue;

/** "Mit 300 Empfängern und 10 % Kontrollgruppe erkennt die Auswertung erst einen Unterschied von +9 Prozentpunkten." */
const detectionSentence = (plan: TestPlan, lang: Language): string => {
  const members = formatCount(plan.members, lang);
  if (plan.control === 0)
    return lang === 'de'
      ? `Mit ${members} Empfängern und ohne Kontrollgruppe erkennt die Auswertung keinen Unterschied: Sie zeigt, wer gekauft hat, aber nicht, ob wegen der Kampagne.`
      : `With ${members} recipients and no control group, the evaluation detects no difference: it shows who bought, but not whether because of the campaign.`;
  const share = `${controlShare(plan)} %`;
  const smallest = detectable(plan);
  if (smallest === null)
    return lang === 'de'
      ? `Mit ${members} Empfängern und ${share} Kontrollgruppe erkennt die Auswertung keinen Unterschied, wie groß er auch wäre.`
      : `With ${members} recipients and a ${share} control group, the evaluation detects no difference, however large.`;
  const effect = effectPhrase(plan.primaryMetric, smallest, lang, true);
  return lang === 'de'
    ? `Mit ${members} Empfängern und ${share} Kontrollgruppe erkennt die Auswertung erst einen Unterschied von ${effect}.`
    : `With ${members} recipients and a ${share} control group, the evaluation only detects a difference of ${effect}.`;
};

/** "Sie werten drei gleiche Aktionen zusammen aus"; after "wenn" the verb goes last: "… zusammen auswerten". */
const pooledClause = (waves: number, lang: Language, subordinate = false): string => {
  const campaigns = inWords(waves, lang);
  if (lang === 'en') return `evaluate ${campaigns} equal campaigns together`;
  return subordinate
    ? `Sie ${campaigns} gleiche Aktionen zusammen auswerten`
    : `Sie werten ${campaigns} gleiche Aktionen zusammen aus`;
};

/** "Für +4 Punkte bräuchten Sie 40 % Kontrollgruppe – oder Sie werten drei gleiche Aktionen zusammen aus." */
const expectedSentence = (plan: TestPlan, expected: ExpectedEffect, lang: Language): string => {
  const effect = effectPhrase(plan.primaryMetric, expected.value, lang, false, true);
  const pooled = expected.waves !== null && expected.waves > 1 ? expected.waves : null;
  if (expected.detectable)
    return lang === 'de'
      ? `Für ${effect} reicht die Kontrollgruppe.`
      : `For ${effect} the control group is large enough.`;
  if (expected.controlPercent !== null) {
    const needed = `${expected.controlPercent} %`;
    if (lang === 'de')
      return pooled
        ? `Für ${effect} bräuchten Sie ${needed} Kontrollgruppe – oder ${pooledClause(pooled, lang)}.`
        : `Für ${effect} bräuchten Sie ${needed} Kontrollgruppe.`;
    return pooled
      ? `For ${effect} you would need a ${needed} control group – or ${pooledClause(pooled, lang)}.`
      : `For ${effect} you would need a ${needed} control group.`;
  }
  if (pooled)
    return lang === 'de'
      ? `Für ${effect} reicht selbst die Hälfte als Kontrollgruppe nicht – erst wenn ${pooledClause(pooled, lang, true)}.`
      : `For ${effect} even half held back is not enough – only if you ${pooledClause(pooled, lang)}.`;
  const most = inWords(MAX_POOLED_WAVES, lang);
  return lang === 'de'
    ? `Für ${effect} reicht selbst die Hälfte als Kontrollgruppe nicht, auch nicht ${most} gleiche Aktionen zusammen: Ein so kleiner Unterschied ist mit dieser Liste nicht messbar.`
    : `For ${effect} even half held back is not enough, nor ${most} equal campaigns together: so small a difference cannot be measured with this list.`;
};

/** The planner's plain sentence: what the test detects with these groups, and what the expected effect would need. */
export const planSentence = (plan: TestPlan, lang: Language): string => {
  if (plan.baseline === null) return baselineSentence(null, lang);
  const detection = detectionSentence(plan, lang);
  return plan.expected ? `${detection} ${expectedSentence(plan, plan.expected, lang)}` : detection;
};
