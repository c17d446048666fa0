import type { CellValue, ExportColumn, ExportTable } from './export-table.ts';
import { localDateTime } from './local-time-text.ts';

/**
 * The three exports as tables (`export-table.ts`), from the API's own answers: the registered list
 * (listCandidates), the cases (listCases) and a signature verdict (the `rejected` lines of submitSignatures'
 * verdict, or the recorded lines of getCaseEvidence, which carry every line with its verdict). The types below are
 * the fields read, so a response of the generated client is passed as it is. Headers and values in words come
 * from `labels` (the desk's i18n, in the reader's language); instants are written in the election's time zone.
 *
 * Personal data: an IIN column appears only when the rows carry IINs, which the API gives only to the district
 * commission and to the candidate themself; the registered list has none.
 */
export type Route = 'party' | 'self' | 'akimat';
export type Nominator = { readonly partyId: string } | { readonly akimatDistrict: string } | null;

export interface RegisteredCandidate {
  readonly fullName: string;
  readonly route: Route;
  readonly nominator: Nominator;
  readonly registeredAt: string | null;
}

export interface RegisteredListLabels {
  readonly sheetName: string;
  readonly number: string;
  readonly fullName: string;
  readonly route: string;
  readonly nominator: string;
  readonly registeredAt: string;
  readonly routeName: (route: Route) => string;
  readonly nominatorName: (nominator: Nominator) => string;
}

/** The registered list in the order given (the published list's), numbered from 1. */
export function registeredListTable(
  response: { readonly candidates: readonly RegisteredCandidate[] },
  labels: RegisteredListLabels,
  timeZone: string,
): ExportTable {
  const columns: ExportColumn[] = [
    { header: labels.number, kind: 'number', width: 5 },
    { header: labels.fullName, kind: 'text', width: 40 },
    { header: labels.route, kind: 'text', width: 28 },
    { header: labels.nominator, kind: 'text', width: 32 },
    { header: labels.registeredAt, kind: 'text', width: 18 },
  ];
  const rows = response.candidates.map((candidate, index): CellValue[] => [
    index + 1,
    candidate.fullName,
    labels.routeName(candidate.route),
    labels.nominatorName(candidate.nominator),
    candidate.registeredAt === null ? null : localDateTime(candidate.registeredAt, timeZone),
  ]);
  return { sheetName: labels.sheetName, columns, rows };
}

export type WhoDecides = 'party' | 'candidate' | 'akimat' | 'commission';

export interface CaseSummary {
  readonly caseId: string;
  readonly route: Route;
  readonly status: string;
  readonly candidate: { readonly fullName: string; readonly iin?: string };
  readonly nominator: Nominator;
  readonly filedAt: string;
  readonly waitingFor: { readonly from: WhoDecides; readonly deadline: string } | null;
}

export interface CasesLabels {
  readonly sheetName: string;
  readonly caseId: string;
  readonly fullName: string;
  readonly iin: string;
  readonly route: string;
  readonly nominator: string;
  readonly status: string;
  readonly waitingFor: string;
  readonly deadline: string;
  readonly filedAt: string;
  readonly routeName: (route: Route) => string;
  readonly nominatorName: (nominator: Nominator) => string;
  readonly statusName: (status: string) => string;
  readonly whoName: (who: WhoDecides) => string;
}

/** The cases as listed (the page's filter applied by the caller), with the IIN column where the API gave IINs. */
export function casesTable(
  response: { readonly cases: readonly CaseSummary[] },
  labels: CasesLabels,
  timeZone: string,
): ExportTable {
  const withIins = response.cases.some((c) => c.candidate.iin !== undefined);
  const columns: ExportColumn[] = [
    { header: labels.caseId, kind: 'text', width: 24 },
    { header: labels.fullName, kind: 'text', width: 40 },
    ...(withIins ? [{ header: labels.iin, kind: 'identifier', width: 14 } as const] : []),
    { header: labels.route, kind: 'text', width: 28 },
    { header: labels.nominator, kind: 'text', width: 32 },
    { header: labels.status, kind: 'text', width: 30 },
    { header: labels.waitingFor, kind: 'text', width: 24 },
    { header: labels.deadline, kind: 'text', width: 18 },
    { header: labels.filedAt, kind: 'text', width: 18 },
  ];
  const rows = response.cases.map((c): CellValue[] => [
    c.caseId,
    c.candidate.fullName,
    ...(withIins ? [c.candidate.iin ?? null] : []),
    labels.routeName(c.route),
    labels.nominatorName(c.nominator),
    labels.statusName(c.status),
    c.waitingFor === null ? null : labels.whoName(c.waitingFor.from),
    c.waitingFor === null ? null : localDateTime(c.waitingFor.deadline, timeZone),
    localDateTime(c.filedAt, timeZone),
  ]);
  return { sheetName: labels.sheetName, columns, rows };
}

/**
 * A line of a signature verdict: from submitSignatures' `rejected` (place and reason only) or getCaseEvidence's
 * recorded lines (every line, with `valid`, the signer's IIN and name, and `checked: false` where a sample left it
 * unchecked).
 */
export interface VerdictLine {
  readonly sheet: number;
  readonly line: number;
  readonly reason: string | null;
  readonly valid?: boolean;
  readonly checked?: false;
  readonly iin?: string;
  readonly fullName?: string;
  readonly firstCounted?: { readonly sheet: number; readonly line: number };
}

export type LineStatus = 'valid' | 'rejected' | 'not-checked';

/** A line's standing: rejected with a reason, left unchecked by a sample, or valid. */
export function lineStatus(line: VerdictLine): LineStatus {
  if (line.checked === false) return 'not-checked';
  if (line.reason !== null || line.valid === false) return 'rejected';
  return 'valid';
}

export interface SignatureVerdictLabels {
  readonly sheetName: string;
  readonly sheet: string;
  readonly line: string;
  readonly status: string;
  readonly reason: string;
  readonly fullName: string;
  readonly iin: string;
  readonly statusName: (status: LineStatus) => string;
  /** The reason in words; the line is given for a DUPLICATE_SIGNER's `firstCounted`. */
  readonly reasonText: (reason: string, line: VerdictLine) => string;
}

/** The verdict's lines in sheet and line order, with name and IIN columns where the lines carry them. */
export function signatureVerdictTable(
  lines: readonly VerdictLine[],
  labels: SignatureVerdictLabels,
): ExportTable {
  const withNames = lines.some((l) => l.fullName !== undefined);
  const withIins = lines.some((l) => l.iin !== undefined);
  const columns: ExportColumn[] = [
    { header: labels.sheet, kind: 'number', width: 8 },
    { header: labels.line, kind: 'number', width: 8 },
    ...(withNames ? [{ header: labels.fullName, kind: 'text', width: 36 } as const] : []),
    ...(withIins ? [{ header: labels.iin, kind: 'identifier', width: 14 } as const] : []),
    { header: labels.status, kind: 'text', width: 16 },
    { header: labels.reason, kind: 'text', width: 60 },
  ];
  const ordered = [...lines].sort((a, b) => a.sheet - b.sheet || a.line - b.line);
  const rows = ordered.map((l): CellValue[] => [
    l.sheet,
    l.line,
    ...(withNames ? [l.fullName ?? null] : []),
    ...(withIins ? [l.iin ?? null] : []),
    labels.statusName(lineStatus(l)),
    l.reason === null ? null : labels.reasonText(l.reason, l),
  ]);
  return { sheetName: labels.sheetName, columns, rows };
}
