import type { LocalizedText } from '../language.ts';
import type { Details } from './details.ts';
import { groundNote } from './legal-grounds.ts';
import { dateInWords } from './wording.ts';

/**
 * The calling checks of CLE 113-1 beyond the 40 days (ELECTION_CALLED_LATE): the vote at least 10 days before the
 * incumbent's term ends (p.2), and the call within one month of powers ended early (p.3). Told to the commission
 * as the election's notices and shown on the election; the call stands.
 */

export const callingCheckMessages = {
  ELECTION_DAY_TOO_CLOSE_TO_TERM_END: (d: Details) => {
    const termEndsOn = dateInWords(d.termEndsOn);
    const latest = dateInWords(d.latestElectionDay);
    const electionDay = dateInWords(d.electionDay);
    const ground = groundNote('CLE 113-1 p.2');
    return {
      kk: `Сайлау күні әкімнің өкілеттік мерзімінің аяқталуына тым жақын: мерзім ${termEndsOn.kk} аяқталады, сондықтан дауыс беру кемінде 10 күн бұрын, ең кешінде ${latest.kk} өтуі керек, ал сайлау күні ${electionDay.kk} белгіленген${ground.kk}.`,
      ru: `День выборов слишком близок к окончанию полномочий акима: срок истекает ${termEndsOn.ru}, поэтому голосование должно пройти не менее чем за 10 дней, не позднее ${latest.ru}, а день выборов назначен на ${electionDay.ru}${ground.ru}.`,
      en: `Election day is too close to the end of the akim’s term: the term ends on ${termEndsOn.en}, so the vote must be held at least 10 days before, by ${latest.en}, yet election day is ${electionDay.en}${ground.en}.`,
    };
  },
  ELECTION_CALLED_LATE_AFTER_EARLY_END: (d: Details) => {
    const endedOn = dateInWords(d.powersEndedOn);
    const latest = dateInWords(d.latestCallOn);
    const calledOn = dateInWords(d.calledOn);
    const ground = groundNote('CLE 113-1 p.3');
    return {
      kk: `Сайлау кешігіп тағайындалды: әкімнің өкілеттігі мерзімінен бұрын ${endedOn.kk} тоқтатылды, сондықтан сайлау бір ай ішінде, ең кешінде ${latest.kk} тағайындалуы керек еді, ал ол ${calledOn.kk} тағайындалды${ground.kk}.`,
      ru: `Выборы назначены с опозданием: полномочия акима прекращены досрочно ${endedOn.ru}, поэтому выборы следовало назначить в течение месяца, не позднее ${latest.ru}, а они назначены ${calledOn.ru}${ground.ru}.`,
      en: `The election was called late: the akim’s powers ended early on ${endedOn.en}, so it had to be called within one month, by ${latest.en}, yet it was called on ${calledOn.en}${ground.en}.`,
    };
  },
} satisfies Record<string, (d: Details) => LocalizedText>;
