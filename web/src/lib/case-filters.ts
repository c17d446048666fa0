/** What a commission narrows its cases by: status, route, and whose act each waits for ("nobody": a final case). */
export interface CaseFilter {
  readonly status: string;
  readonly route: string;
  readonly waitingFor: string;
}

export const noFilter: CaseFilter = { status: '', route: '', waitingFor: '' };

interface FilterableCase {
  readonly status: string;
  readonly route: string;
  readonly waitingFor: { readonly from: string } | null;
}

export function filterCases<C extends FilterableCase>(cases: readonly C[], filter: CaseFilter): C[] {
  return cases.filter(
    (c) =>
      (filter.status === '' || c.status === filter.status) &&
      (filter.route === '' || c.route === filter.route) &&
      (filter.waitingFor === '' || (c.waitingFor?.from ?? 'nobody') === filter.waitingFor),
  );
}
