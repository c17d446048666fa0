/**
 * A printable document as text, in the order it is read: who issues it, what it is, its date and number, its
 * subject, its body, what the commission decided, a table where it has one, and who signs. The document functions
 * (`decision-documents.ts`, `signature-protocol.ts`, `registered-list.ts`) build it from the API's records; the
 * component `PrintableDocument.tsx` only lays it out, so every word a document says is tested without a browser.
 * Documents are in Kazakh and Russian, the languages of the commission's papers.
 */
export type DocumentLanguage = 'kk' | 'ru';

export interface Signatory {
  readonly role: string;
  /** Null: the line is left blank, to be filled in by hand. */
  readonly name: string | null;
}

export interface DocumentText {
  readonly language: DocumentLanguage;
  /** The commission that issues it. */
  readonly issuer: string;
  /** ШЕШІМ, РЕШЕНИЕ, ХАТТАМА, ПРОТОКОЛ, ТІЗІМ, СПИСОК. */
  readonly kind: string;
  /** «2026 жылғы 25 ақпан № 5/12», «25 февраля 2026 г. № 5/12». */
  readonly dateAndNumber: string;
  readonly subject: string;
  readonly body: readonly string[];
  /** «ШЕШІМ ҚАБЫЛДАДЫ:» / «РЕШИЛА:» and its numbered points. */
  readonly operative: { readonly lead: string; readonly points: readonly string[] } | null;
  readonly table: {
    readonly caption: string;
    readonly columns: readonly string[];
    readonly rows: readonly (readonly string[])[];
  } | null;
  readonly signatories: readonly Signatory[];
}

/** A blank to fill in by hand, where the record has no value. */
export const BLANK = '________________';

/** Every line of the document in reading order: what a printout or its PDF says, for tests and for copying. */
export function documentLines(doc: DocumentText): string[] {
  return [
    doc.issuer,
    doc.kind,
    doc.dateAndNumber,
    doc.subject,
    ...doc.body,
    ...(doc.operative === null
      ? []
      : [doc.operative.lead, ...doc.operative.points.map((point, index) => `${index + 1}. ${point}`)]),
    ...(doc.table === null
      ? []
      : [doc.table.caption, doc.table.columns.join(' | '), ...doc.table.rows.map((row) => row.join(' | '))]),
    ...doc.signatories.map((s) => `${s.role} ${s.name ?? BLANK}`),
  ];
}
