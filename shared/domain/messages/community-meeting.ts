import { s, type Template } from './details.ts';

/** The local community meeting’s record and decision (LGA 39-3), in kk/ru/en. */
export const communityMeetingMessages = {
  CONSENT_QUORUM_NOT_MET: (d) => ({
    kk: `Жергілікті қоғамдастық жиналысында кворум болмады (қатысқаны ${s(d.attendance)}, керегі ${s(d.required)}).`,
    ru: `Собрание местного сообщества не имело кворума (присутствовало ${s(d.attendance)}, нужно ${s(d.required)}).`,
    en: `The local community meeting had no quorum (${s(d.attendance)} present, ${s(d.required)} needed).`,
  }),
  CONSENT_MAJORITY_NOT_REACHED: (d) => ({
    kk: `Жиналыстың келісімі көпшілік дауыс алмады (жақтағаны ${s(d.votesFor)}, қатысқаны ${s(d.attendance)}, кемінде ${s(d.required)} дауыс керек).`,
    ru: `Согласие собрания не набрало большинства (за — ${s(d.votesFor)} из ${s(d.attendance)} присутствовавших, нужно не меньше ${s(d.required)}).`,
    en: `Consent did not win a majority (${s(d.votesFor)} for, of ${s(d.attendance)} present; at least ${s(d.required)} needed).`,
  }),
  VOTES_EXCEED_ATTENDANCE: () => ({
    kk: 'Дауыстар саны қатысушылар санынан көп.',
    ru: 'Голосов больше, чем присутствовавших.',
    en: 'More votes than members present.',
  }),
  ATTENDANCE_EXCEEDS_MEMBERS: () => ({
    kk: 'Қатысушылар саны мүшелер санынан көп.',
    ru: 'Присутствовавших больше, чем членов собрания.',
    en: 'More members present than the meeting has.',
  }),
} satisfies Record<string, Template>;
