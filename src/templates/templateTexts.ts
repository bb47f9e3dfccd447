import type { Language } from '../core/kernel/language';

/** The words of the shipped templates: placeholders a business replaces once with its own letterhead and text. */
export interface TemplateTexts {
  firm: string;
  letterhead: string;
  /** Rücksendeangabe: the sender in one small line above the address, seen in the envelope's window. */
  returnAddress: string;
  place: string;
  subject: string;
  body: string[];
  closing: string;
  signature: string[];
  footer: string;
}

export const TEMPLATE_TEXTS: Record<Language, TemplateTexts> = {
  de: {
    firm: 'Ihre Firma GmbH',
    letterhead: 'Musterstraße 1 · 12345 Musterstadt · Telefon 0123 456789-0 · info@ihre-firma.de',
    returnAddress: 'Ihre Firma GmbH · Musterstraße 1 · 12345 Musterstadt',
    place: 'Musterstadt',
    subject: 'Unsere aktuellen Angebote für Sie',
    body: [
      'wir freuen uns, Ihnen heute unsere aktuellen Angebote vorzustellen. Ersetzen Sie diesen Absatz durch Ihren Text: den Anlass, das Angebot und was es Ihren Kunden bringt.',
      'Gern beraten wir Sie persönlich. Rufen Sie uns an oder antworten Sie einfach auf diesen Brief.',
    ],
    closing: 'Mit freundlichen Grüßen',
    signature: ['Max Mustermann', 'Ihre Firma GmbH'],
    footer:
      'Ihre Firma GmbH · Geschäftsführung: Max Mustermann · Amtsgericht Musterstadt HRB 12345 · USt-IdNr. DE123456789 · IBAN DE00 1234 5678 9012 3456 78',
  },
  en: {
    firm: 'Your Company Ltd',
    letterhead: 'Sample Street 1 · 12345 Sample Town · Phone +49 123 456789-0 · info@your-company.com',
    returnAddress: 'Your Company Ltd · Sample Street 1 · 12345 Sample Town',
    place: 'Sample Town',
    subject: 'Our current offers for you',
    body: [
      'We are pleased to present our current offers. Replace this paragraph with your own text: the occasion, the offer and what it brings your customers.',
      'We would be glad to advise you in person. Call us or simply reply to this letter.',
    ],
    closing: 'Yours sincerely',
    signature: ['Max Mustermann', 'Your Company Ltd'],
    footer:
      'Your Company Ltd · Managing Director: Max Mustermann · Registered at Sample Town HRB 12345 · VAT DE123456789 · IBAN DE00 1234 5678 9012 3456 78',
  },
};

/** File names of the shipped templates, in the language of the campaign's merge fields. */
export const TEMPLATE_FILES: Record<Language, { letter: string; email: string }> = {
  de: { letter: 'Serienbrief-Vorlage.docx', email: 'E-Mail-Vorlage.txt' },
  en: { letter: 'Letter-template.docx', email: 'Email-template.txt' },
};
