export const caseDocumentKinds = ['registration', 'refusal', 'cancellation', 'signature-protocol'] as const;
export type CaseDocumentKind = (typeof caseDocumentKinds)[number];
export type DocumentLanguage = 'kk' | 'ru';

function documentLanguage(value: string | undefined): DocumentLanguage | null {
  return value === 'kk' || value === 'ru' ? value : null;
}

function caseDocumentKind(value: string | undefined): CaseDocumentKind | null {
  return caseDocumentKinds.find((kind) => kind === value) ?? null;
}

/** The desk's pages, by the hash of the URL (`#/elections/…`): no path of the API's is ever a page's. */
export type Route =
  | { readonly page: 'start' }
  | { readonly page: 'public'; readonly electionId: string }
  | { readonly page: 'elections' }
  | { readonly page: 'notices' }
  | { readonly page: 'accounts' }
  | { readonly page: 'my-cases' }
  | { readonly page: 'election'; readonly electionId: string }
  | { readonly page: 'case'; readonly electionId: string; readonly caseId: string }
  | {
      readonly page: 'document';
      readonly electionId: string;
      readonly caseId: string;
      readonly kind: CaseDocumentKind;
      readonly language: DocumentLanguage;
    }
  | { readonly page: 'list-document'; readonly electionId: string; readonly language: DocumentLanguage }
  | { readonly page: 'not-found' };

export function routeOf(hash: string): Route {
  const parts = hash
    .replace(/^#\/?/, '')
    .split('/')
    .filter((part) => part !== '')
    .map((part) => {
      try {
        return decodeURIComponent(part);
      } catch {
        return '';
      }
    });
  const [first, second, third, fourth, fifth, sixth, seventh, ...rest] = parts;
  if (first === undefined) return { page: 'start' };
  if (first === 'public' && second && third === undefined) return { page: 'public', electionId: second };
  const listLanguage = documentLanguage(fourth);
  if (first === 'public' && second && third === 'list' && listLanguage && fifth === undefined) {
    return { page: 'list-document', electionId: second, language: listLanguage };
  }
  if ((first === 'notices' || first === 'accounts' || first === 'my-cases') && second === undefined)
    return { page: first };
  if (first === 'elections') {
    if (second === undefined) return { page: 'elections' };
    if (third === undefined) return { page: 'election', electionId: second };
    if (third === 'cases' && fourth && fifth === undefined)
      return { page: 'case', electionId: second, caseId: fourth };
    const kind = caseDocumentKind(sixth);
    const language = documentLanguage(seventh);
    if (third === 'cases' && fourth && fifth === 'documents' && kind && language && rest.length === 0) {
      return { page: 'document', electionId: second, caseId: fourth, kind, language };
    }
  }
  return { page: 'not-found' };
}

export function hrefOf(route: Route): string {
  const e = encodeURIComponent;
  switch (route.page) {
    case 'start':
      return '#/';
    case 'public':
      return `#/public/${e(route.electionId)}`;
    case 'elections':
      return '#/elections';
    case 'notices':
      return '#/notices';
    case 'accounts':
      return '#/accounts';
    case 'my-cases':
      return '#/my-cases';
    case 'election':
      return `#/elections/${e(route.electionId)}`;
    case 'case':
      return `#/elections/${e(route.electionId)}/cases/${e(route.caseId)}`;
    case 'document':
      return `#/elections/${e(route.electionId)}/cases/${e(route.caseId)}/documents/${route.kind}/${route.language}`;
    case 'list-document':
      return `#/public/${e(route.electionId)}/list/${route.language}`;
    case 'not-found':
      return '#/';
  }
}
