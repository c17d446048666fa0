import type { Template } from './details.ts';
import { groundNote } from './legal-grounds.ts';

/** Why a signature does not count (each rejected line carries one), in kk/ru/en. */
export const signatureReasonMessages = {
  SIGNER_UNDER_18: () => {
    const ground = groundNote('CLE 4 p.1');
    return {
      kk: `Қол қойған күні қол қоюшы 18 жасқа толмаған${ground.kk}.`,
      ru: `На дату подписи подписавшемуся не исполнилось 18 лет${ground.ru}.`,
      en: `The signer was under 18 on the signing date${ground.en}.`,
    };
  },
  SIGNED_OUTSIDE_WINDOW: () => ({
    kk: 'Қол кандидаттарды ұсыну мерзімінен тыс қойылған.',
    ru: 'Подпись поставлена вне срока выдвижения кандидатов.',
    en: 'The signature is dated outside the nomination period.',
  }),
  SIGNER_NOT_ON_REGISTER: () => ({
    kk: 'Қол қоюшы осы округтің сайлаушылар тізімінде жоқ.',
    ru: 'Подписавшегося нет в списке избирателей этого округа.',
    en: 'The signer is not on this district’s voter list.',
  }),
  DUPLICATE_LINE: () => ({
    kk: 'Қол қою парағының бұл жолы екі рет берілген.',
    ru: 'Эта строка подписного листа передана дважды.',
    en: 'This sheet line was given twice.',
  }),
  DUPLICATE_SIGNER: () => ({
    kk: 'Бұл сайлаушының қолы осы кандидат үшін бұрын есептелген.',
    ru: 'Подпись этого избирателя за этого кандидата уже учтена.',
    en: 'This voter’s signature for this candidate is already counted.',
  }),
  SUPPORTS_ANOTHER_CANDIDATE: () => ({
    kk: 'Сайлаушы басқа кандидатты қолдаған, ал бұл сайлауда оған рұқсат жоқ.',
    ru: 'Избиратель уже поддержал другого кандидата, а на этих выборах это не допускается.',
    en: 'The voter already supports another candidate, which this election does not allow.',
  }),
} satisfies Record<string, Template>;
