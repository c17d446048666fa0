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
export function documentLines(printed: DocumentText): string[] {
  const doc = withoutDirectionControls(printed);
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

/** The embedding, override and isolate controls (U+202A–202E, U+2066–2069): none belongs in a commission's paper. */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

/**
 * The document with every direction control taken out of its text. A name filed with an unclosed right-to-left
 * override (the API takes any letters) would otherwise turn the rest of its sentence backwards on paper; the
 * documents' own words have none, so only what came from a record loses them.
 */
export function withoutDirectionControls(doc: DocumentText): DocumentText {
  const plain = (text: string) => text.replace(BIDI_CONTROLS, '');
  return {
    ...doc,
    issuer: plain(doc.issuer),
    kind: plain(doc.kind),
    dateAndNumber: plain(doc.dateAndNumber),
    subject: plain(doc.subject),
    body: doc.body.map(plain),
    operative:
      doc.operative === null
        ? null
        : { lead: plain(doc.operative.lead), points: doc.operative.points.map(plain) },
    table:
      doc.table === null
        ? null
        : {
            caption: plain(doc.table.caption),
            columns: doc.table.columns.map(plain),
            rows: doc.table.rows.map((row) => row.map(plain)),
          },
    signatories: doc.signatories.map((s) => ({
      role: plain(s.role),
      name: s.name === null ? null : plain(s.name),
    })),
  };
}
