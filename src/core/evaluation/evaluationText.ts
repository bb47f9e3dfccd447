import type { CampaignType } from '../campaign/campaign';
import { formatCount, formatDay, formatFigure } from '../kernel/formats';
import type { Language } from '../kernel/language';
import { MIN_BUYERS, MIN_CONTROL_MEMBERS } from './evaluate';
import { roiBasisLabel } from './figures';
import type { CampaignEvaluation, Estimate, EvaluationNote, EvaluationNoteCode, Verdict } from './model';

/** The texts of the success evaluation, in German and English: what a shop owner reads, without statistics jargon. */

const money = (amount: number, lang: Language): string =>
  formatFigure({ kind: 'money', value: amount }, lang);
const share = (value: number, lang: Language): string => formatFigure({ kind: 'share', value }, lang);

const VERDICT_LABELS: Record<Verdict, Record<Language, string>> = {
  notStarted: { de: 'Noch nicht gestartet', en: 'Not started yet' },
  noSalesYet: { de: 'Noch keine Verkäufe seit dem Start', en: 'No sales since the start yet' },
  paidOff: { de: 'Hat sich gelohnt', en: 'Paid off' },
  notPaidOff: { de: 'Hat sich nicht gelohnt', en: 'Did not pay off' },
  moreBuyers: { de: 'Mehr Käufer als ohne Kampagne', en: 'More buyers than without it' },
  fewerBuyers: { de: 'Weniger Käufer als ohne Kampagne', en: 'Fewer buyers than without it' },
  uncertain: { de: 'Noch nicht eindeutig', en: 'Not clear yet' },
  controlTooSmall: { de: 'Kontrollgruppe zu klein', en: 'Control group too small' },
  noControl: { de: 'Ohne Kontrollgruppe — nicht ursächlich', en: 'No control group — not causal' },
};

export const verdictLabel = (verdict: Verdict, lang: Language): string => VERDICT_LABELS[verdict][lang];

type NoteText = (note: EvaluationNote, lang: Language) => string;

/** " (3 in „Newsletter November“, 2 über bearbeitete Leads)": where the control members were reached. */
const contactedBy = (n: EvaluationNote, lang: Language): string => {
  const parts = [
    ...(n.campaigns?.length
      ? [lang === 'de' ? `in ${n.campaigns.join(', ')}` : `in ${n.campaigns.join(', ')}`]
      : []),
    ...(n.leads
      ? [
          lang === 'de'
            ? `${formatCount(n.leads, lang)} über von Vertrieb bearbeitete Leads`
            : `${formatCount(n.leads, lang)} through leads worked by sales`,
        ]
      : []),
  ];
  return parts.length > 0 ? ` (${parts.join('; ')})` : '';
};

const NOTE_TEXTS: Record<EvaluationNoteCode, Record<Language, NoteText>> = {
  undatedSales: {
    de: (n) =>
      `${formatCount(n.count, 'de')} Verkaufszeilen der Empfänger haben kein Datum und zählen nicht mit.`,
    en: (n) =>
      `${formatCount(n.count, 'en')} sales lines of the recipients have no date and are not counted.`,
  },
  returns: {
    de: (n) =>
      `${formatCount(n.count, 'de')} Rücksendungen oder Gutschriften (negative Beträge) im Zeitraum sind vom Umsatz abgezogen.`,
    en: (n) =>
      `${formatCount(n.count, 'en')} returns or credit notes (negative amounts) in the window are deducted from the revenue.`,
  },
  overlap: {
    de: (n) =>
      `${formatCount(n.count, 'de')} Empfänger sind zur selben Zeit auch in ${n.campaigns?.join(', ') ?? ''}: Ihre Käufe zählen auch dort mit.`,
    en: (n) =>
      `${formatCount(n.count, 'en')} recipients are also in ${n.campaigns?.join(', ') ?? ''} at the same time: their purchases count there too.`,
  },
  windowOpen: {
    de: (n) =>
      `Der Auswertungszeitraum läuft noch ${formatCount(n.count, 'de')} Tage: Die Zahlen können sich noch ändern.`,
    en: (n) =>
      `The evaluation window runs for ${formatCount(n.count, 'en')} more days: the figures may still change.`,
  },
  noCustomerNumber: {
    de: (n) =>
      `${formatCount(n.count, 'de')} Empfänger haben keine Kundennummer: Ihre Käufe lassen sich nicht zuordnen, sie zählen nie als Käufer.`,
    en: (n) =>
      `${formatCount(n.count, 'en')} recipients have no customer number: their purchases cannot be matched, they never count as buyers.`,
  },
  contamination: {
    de: (n) =>
      `${formatCount(n.count, 'de')} Mitglieder der Kontrollgruppe wurden im Zeitraum trotzdem angesprochen${contactedBy(n, 'de')}. Sie bleiben in der Kontrollgruppe; der gemessene Effekt kann dadurch kleiner ausfallen, als er ist.`,
    en: (n) =>
      `${formatCount(n.count, 'en')} control group members were contacted anyway during the window${contactedBy(n, 'en')}. They stay in the control group; the measured effect may be smaller than the real one.`,
  },
  inactiveWithoutControl: {
    de: () =>
      'Inaktive Kunden kommen zum Teil auch ohne Kampagne zurück. Ohne Kontrollgruppe lässt sich nicht sagen, wie viele der Käufer ohnehin gekauft hätten; ein Vorher-Nachher-Vergleich würde die Kampagne überschätzen.',
    en: () =>
      'Some inactive customers come back without any campaign. Without a control group, how many of the buyers would have bought anyway cannot be said; a before/after comparison would overstate the campaign.',
  },
  marginEstimated: {
    de: (n) =>
      `${formatCount(n.count, 'de')} Verkaufszeilen haben weder Einkaufspreis noch Marge: Sie zählen mit der durchschnittlichen Marge von ${share(n.share ?? 0, 'de')}.`,
    en: (n) =>
      `${formatCount(n.count, 'en')} sales lines have neither purchase price nor margin: they count at the average margin of ${share(n.share ?? 0, 'en')}.`,
  },
  sharedCustomer: {
    de: (n) =>
      `${formatCount(n.count, 'de')} Empfänger teilen sich eine Kundennummer mit anderen (z. B. zwei Ansprechpartner einer Firma): Deren Umsatz wird zwischen ihnen aufgeteilt.`,
    en: (n) =>
      `${formatCount(n.count, 'en')} recipients share a customer number with others (e.g. two contacts of one company): its revenue is split between them.`,
  },
};

export const noteText = (note: EvaluationNote, lang: Language): string =>
  NOTE_TEXTS[note.code][lang](note, lang);

/** Who the campaign reached, as a shop owner would say it. */
const REACHED: Record<CampaignType, Record<Language, string>> = {
  email: { de: 'angeschriebenen', en: 'contacted' },
  letter: { de: 'angeschriebenen', en: 'contacted' },
  newsletter: { de: 'angeschriebenen', en: 'contacted' },
  phone: { de: 'angerufenen', en: 'called' },
  event: { de: 'eingeladenen', en: 'invited' },
  other: { de: 'angesprochenen', en: 'contacted' },
};

const range = (estimate: Estimate, lang: Language): string =>
  lang === 'de'
    ? `zwischen ${money(estimate.low, 'de')} und ${money(estimate.high, 'de')}`
    : `between ${money(estimate.low, 'en')} and ${money(estimate.high, 'en')}`;

/** "für 1.240 € mehr" / "für 200 € weniger" than expected without the campaign. */
const boughtMore = (evaluation: CampaignEvaluation, increment: Estimate, lang: Language): string => {
  const who = REACHED[evaluation.type][lang];
  const amount = money(Math.abs(increment.value), lang);
  if (lang === 'de') {
    const direction = increment.value < 0 ? 'weniger' : 'mehr';
    return `Die ${who} Kunden kauften für ${amount} ${direction} als ohne Kampagne zu erwarten`;
  }
  const direction = increment.value < 0 ? 'less' : 'more';
  return `the customers ${who} bought ${amount} ${direction} than expected without the campaign`;
};

const withCost = (evaluation: CampaignEvaluation, lang: Language): string => {
  if (evaluation.roi === null || evaluation.cost === null) return '';
  const cost = money(evaluation.cost, lang);
  const roi = formatFigure({ kind: 'roi', value: evaluation.roi.value }, lang);
  const basis = roiBasisLabel(evaluation.roiBasis, lang);
  return lang === 'de'
    ? ` – bei ${cost} Kosten ein Ertrag von ${roi} ${basis}`
    : ` – on ${cost} cost a return of ${roi} ${basis}`;
};

/** With margins the money judged is the margin: "(davon Marge 1.200 €)". */
const marginPart = (evaluation: CampaignEvaluation, lang: Language): string => {
  if (evaluation.incrementalMargin === null) return '';
  const amount = money(evaluation.incrementalMargin.value, lang);
  return lang === 'de' ? `, an Marge ${amount}` : `, ${amount} in margin`;
};

const judgedSentence = (evaluation: CampaignEvaluation, increment: Estimate, lang: Language): string => {
  const bought = `${boughtMore(evaluation, increment, lang)} (${range(increment, lang)})${marginPart(evaluation, lang)}`;
  const cost = evaluation.cost !== null && evaluation.cost > 0 ? money(evaluation.cost, lang) : null;
  if (lang === 'de') {
    switch (evaluation.verdict) {
      case 'paidOff':
        return `Die Kampagne hat sich gelohnt: ${bought}${withCost(evaluation, lang)}.`;
      case 'notPaidOff':
        return cost
          ? `Die Kampagne hat sich nicht gelohnt: ${bought} – weniger als die Kosten von ${cost}.`
          : `Die Kampagne hat sich nicht gelohnt: ${bought}.`;
      default:
        return cost
          ? `Noch nicht eindeutig: ${bought}; ob das die Kosten von ${cost} deckt, lässt sich noch nicht sagen.`
          : `Noch nicht eindeutig: ${bought}; das kann auch Zufall sein.`;
    }
  }
  switch (evaluation.verdict) {
    case 'paidOff':
      return `The campaign paid off: ${bought}${withCost(evaluation, lang)}.`;
    case 'notPaidOff':
      return cost
        ? `The campaign did not pay off: ${bought} – less than its cost of ${cost}.`
        : `The campaign did not pay off: ${bought}.`;
    default:
      return cost
        ? `Not clear yet: ${bought}; whether that covers the cost of ${cost} cannot be said yet.`
        : `Not clear yet: ${bought}; that may also be chance.`;
  }
};

const points = (value: number, lang: Language): string =>
  formatFigure({ kind: 'points', value, signed: true }, lang);

/** The verdict from the buyer share: "12,0 % der angeschriebenen Kunden kauften, in der Kontrollgruppe 7,0 %". */
const buyersSentence = (evaluation: CampaignEvaluation, uplift: Estimate, lang: Language): string => {
  const who = REACHED[evaluation.type][lang];
  const [treated, held] = [
    share(evaluation.contacted.conversion, lang),
    share(evaluation.control?.conversion ?? 0, lang),
  ];
  const interval = `${points(uplift.value, lang)}; ${lang === 'de' ? 'zwischen' : 'between'} ${points(uplift.low, lang)} ${lang === 'de' ? 'und' : 'and'} ${points(uplift.high, lang)}`;
  if (lang === 'de') {
    const facts = `${treated} der ${who} Kunden kauften, in der Kontrollgruppe ${held} (${interval})`;
    if (evaluation.verdict === 'moreBuyers') return `Die Kampagne brachte mehr Käufer: ${facts}.`;
    if (evaluation.verdict === 'fewerBuyers') return `Die Kampagne brachte weniger Käufer: ${facts}.`;
    return `Noch nicht eindeutig: ${facts}; das kann auch Zufall sein.`;
  }
  const facts = `${treated} of the customers ${who} bought, ${held} in the control group (${interval})`;
  if (evaluation.verdict === 'moreBuyers') return `The campaign brought more buyers: ${facts}.`;
  if (evaluation.verdict === 'fewerBuyers') return `The campaign brought fewer buyers: ${facts}.`;
  return `Not clear yet: ${facts}; that may also be chance.`;
};

/** Said after a judged verdict when control members were contacted anyway. */
const CONTAMINATION_CLAUSE: Record<Language, string> = {
  de: ' Ein Teil der Kontrollgruppe wurde trotzdem angesprochen: Der Effekt kann dadurch kleiner erscheinen, als er ist.',
  en: ' Part of the control group was contacted anyway: the effect may appear smaller than it is.',
};

const contaminationClause = (evaluation: CampaignEvaluation, lang: Language): string =>
  evaluation.notes.some((n) => n.code === 'contamination') ? CONTAMINATION_CLAUSE[lang] : '';

const period = (evaluation: CampaignEvaluation, lang: Language): string => {
  const days = formatCount(evaluation.daysObserved, lang);
  const open = evaluation.daysObserved < evaluation.windowDays;
  if (lang === 'de')
    return open ? `in den ersten ${days} Tagen seit dem Start` : `in den ${days} Tagen nach dem Start`;
  return open ? `in the first ${days} days since the start` : `in the ${days} days after the start`;
};

const descriptiveSentence = (evaluation: CampaignEvaluation, lang: Language): string => {
  const { buyers, members, conversion, revenue } = evaluation.contacted;
  const who = REACHED[evaluation.type][lang];
  const [b, m, quota, total] = [
    formatCount(buyers, lang),
    formatCount(members, lang),
    share(conversion, lang),
    money(revenue, lang),
  ];
  return lang === 'de'
    ? `Ohne Kontrollgruppe — nicht ursächlich: ${b} von ${m} ${who} Kunden (${quota}) kauften ${period(evaluation, lang)} für zusammen ${total}; ob sie das auch ohne die Kampagne getan hätten, lässt sich nicht sagen.`
    : `No control group — not causal: ${b} of ${m} customers ${who} (${quota}) bought for ${total} in total ${period(evaluation, lang)}; whether they would have done so without the campaign cannot be said.`;
};

const tooSmallSentence = (evaluation: CampaignEvaluation, lang: Language): string => {
  const control = evaluation.control?.members ?? 0;
  const allBuyers = evaluation.contacted.buyers + (evaluation.control?.buyers ?? 0);
  const [members, buyers] = [formatCount(control, lang), formatCount(allBuyers, lang)];
  return lang === 'de'
    ? `Die Kontrollgruppe ist zu klein für eine Aussage: ${members} Kunden in der Kontrollgruppe und ${buyers} Käufer in beiden Gruppen zusammen – nötig sind mindestens ${MIN_CONTROL_MEMBERS} und ${MIN_BUYERS}; die Zahlen sind nur beschreibend.`
    : `The control group is too small to tell: ${members} customers in the control group and ${buyers} buyers in both groups together – at least ${MIN_CONTROL_MEMBERS} and ${MIN_BUYERS} are needed; the figures are descriptive only.`;
};

const notStartedSentence = (evaluation: CampaignEvaluation, lang: Language): string => {
  const days = formatCount(evaluation.windowDays, lang);
  if (evaluation.start === null) {
    return lang === 'de'
      ? `Die Kampagne hat noch nicht begonnen: Gezählt werden die Käufe in den ${days} Tagen ab dem Start.`
      : `The campaign has not started yet: purchases in the ${days} days from the start will count.`;
  }
  const start = formatDay(evaluation.start, lang);
  return lang === 'de'
    ? `Die Kampagne beginnt am ${start}: Gezählt werden die Käufe in den ${days} Tagen ab dann.`
    : `The campaign starts on ${start}: purchases in the ${days} days from then will count.`;
};

const noSalesSentence = (evaluation: CampaignEvaluation, lang: Language): string => {
  const start = evaluation.start === null ? '' : formatDay(evaluation.start, lang);
  return lang === 'de'
    ? `Das Verkaufsblatt enthält noch keine Verkäufe seit dem Start am ${start}: Sobald die Verkäufe nachgetragen sind, lässt sich der Erfolg messen.`
    : `The sales sheet has no sales since the start on ${start} yet: once the sales are brought up to date, the success can be measured.`;
};

const judgedSummary = (evaluation: CampaignEvaluation, lang: Language): string => {
  if (evaluation.primaryMetric === 'conversion' && evaluation.conversionUplift)
    return buyersSentence(evaluation, evaluation.conversionUplift, lang);
  return evaluation.incrementalRevenue === null
    ? descriptiveSentence(evaluation, lang)
    : judgedSentence(evaluation, evaluation.incrementalRevenue, lang);
};

/** One sentence a shop owner understands without statistics training: did the campaign pay off, and how sure is that. */
export const evaluationSummary = (evaluation: CampaignEvaluation, lang: Language): string => {
  switch (evaluation.verdict) {
    case 'notStarted':
      return notStartedSentence(evaluation, lang);
    case 'noSalesYet':
      return noSalesSentence(evaluation, lang);
    case 'noControl':
      return descriptiveSentence(evaluation, lang);
    case 'controlTooSmall':
      return tooSmallSentence(evaluation, lang);
    default:
      return judgedSummary(evaluation, lang) + contaminationClause(evaluation, lang);
  }
};
