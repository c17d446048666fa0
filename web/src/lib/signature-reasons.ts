import { signatureReasonMessages } from '../../../shared/domain/messages/signature-reasons.ts';
import type { Words } from '../i18n/language.ts';

const ruleReasons: Readonly<
  Record<string, () => { readonly kk: string; readonly ru: string; readonly en: string }>
> = signatureReasonMessages;

/**
 * Why a signature line does not count: a signature rule's reason in the product's own catalogue (the one the API
 * speaks from), an IIN defect in the desk's words, or the code itself for one this version does not know.
 */
export function signatureReasonText(code: string, words: Words): string {
  const rule = Object.hasOwn(ruleReasons, code) ? ruleReasons[code] : undefined;
  return rule === undefined ? words.label('iinDefect', code) : rule()[words.language];
}
