import { createHash } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { type Details, localize } from '../../../shared/domain/error-catalogue.ts';
import type { Language } from '../../../shared/domain/language.ts';

/** The pages the engine's OpenID provider shows: plain HTML, no script, no resource from elsewhere. */
const STYLE = `body{font-family:system-ui,sans-serif;margin:0;background:#f4f5f7;color:#1b1b1b;line-height:1.5}
main{max-width:24rem;margin:2rem auto;padding:1.5rem;background:#fff;border:1px solid #c9ccd1;border-radius:4px}
h1{font-size:1.5rem;margin:0 0 1rem}label{display:block;font-weight:600;margin-top:1rem}
input{box-sizing:border-box;width:100%;font-size:1rem;padding:.5rem;border:2px solid #4b4f56;border-radius:3px}
input:focus,button:focus,a:focus{outline:3px solid #ffbf47;outline-offset:1px}
button{margin-top:1.5rem;width:100%;font-size:1rem;padding:.6rem;border:0;border-radius:3px;background:#00703c;color:#fff;cursor:pointer}
.error{border-left:5px solid #b00020;padding:.5rem 1rem;background:#fdecee;color:#8a0019;font-weight:600}
nav ul{list-style:none;display:flex;gap:1rem;padding:0;margin:0 0 1rem}a{color:#1d4f91}
@media (max-width:400px){main{margin:0;border:0}}`;

/** The one style sheet, allowed by its hash: no other inline style or script runs on these pages. */
const STYLE_HASH = `'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`;

const LANGUAGE_NAMES: Readonly<Record<Language, string>> = {
  kk: 'Қазақша',
  ru: 'Русский',
  en: 'English',
};

const text = (code: Parameters<typeof localize>[0], language: Language, details: Details = {}) =>
  localize(code, details)[language];

function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

function page(language: Language, title: string, body: string): string {
  return `<!doctype html>
<html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`;
}

function languageLinks(language: Language, path: string): string {
  const links = (Object.keys(LANGUAGE_NAMES) as Language[])
    .map((l) =>
      l === language
        ? `<li><span lang="${l}" aria-current="true">${LANGUAGE_NAMES[l]}</span></li>`
        : `<li><a lang="${l}" hreflang="${l}" href="${escapeHtml(`${path}?lang=${l}`)}">${LANGUAGE_NAMES[l]}</a></li>`,
    )
    .join('');
  return `<nav aria-label="${escapeHtml(text('SIGN_IN_LANGUAGE', language))}"><ul>${links}</ul></nav>`;
}

export interface SignInForm {
  readonly language: Language;
  /** The interaction's page, where the form posts to and the language links point. */
  readonly path: string;
  readonly username?: string;
  readonly problem?: 'SIGN_IN_FAILED' | 'SIGN_IN_ACCOUNT_DISABLED' | 'SIGN_IN_THROTTLED' | 'SIGN_IN_BUSY';
}

/** The sign-in form; after a refusal, the reason at the top and the username kept (never the password). */
export function signInPage(form: SignInForm): string {
  const { language, path, username = '', problem } = form;
  const error = problem
    ? `<p class="error" role="alert" id="problem">${escapeHtml(text(problem, language))}</p>`
    : '';
  const invalid = problem ? ' aria-invalid="true" aria-describedby="problem"' : '';
  return page(
    language,
    text('SIGN_IN_TITLE', language),
    `${languageLinks(language, path)}${error}
<form method="post" action="${escapeHtml(`${path}?lang=${language}`)}">
<label for="username">${escapeHtml(text('SIGN_IN_USERNAME', language))}</label>
<input id="username" name="username" autocomplete="username" autocapitalize="none" spellcheck="false" required maxlength="64" value="${escapeHtml(username)}"${invalid}${problem ? '' : ' autofocus'}>
<label for="password">${escapeHtml(text('SIGN_IN_PASSWORD', language))}</label>
<input id="password" name="password" type="password" autocomplete="current-password" required maxlength="1024"${invalid}${problem ? ' autofocus' : ''}>
<button type="submit">${escapeHtml(text('SIGN_IN_SUBMIT', language))}</button>
</form>`,
  );
}

/** A page with one message: the sign-in expired, or the provider refused the request (its error, in its words). */
export function messagePage(language: Language, title: string, message: string): string {
  return page(language, title, `<p class="error" role="alert">${escapeHtml(message)}</p>`);
}

/** The sign-out confirmation: the provider's own form (a hidden field with its token), and one button. */
export function signOutPage(language: Language, providerForm: string): string {
  return page(
    language,
    text('SIGN_OUT_TITLE', language),
    `${providerForm}<button type="submit" form="op.logoutForm" name="logout" value="yes" autofocus>${escapeHtml(text('SIGN_OUT_SUBMIT', language))}</button>`,
  );
}

export { text as pageText };

/** Sends a page of the provider's: never cached, never framed, nothing loaded from elsewhere. */
export function sendPage(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': Buffer.byteLength(html),
    'cache-control': 'no-store',
    'x-frame-options': 'DENY',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'content-security-policy': `default-src 'none'; style-src ${STYLE_HASH}; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`,
  });
  res.end(html);
}
