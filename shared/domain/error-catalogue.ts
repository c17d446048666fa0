import type { LocalizedText } from './language.ts';

/**
 * Every message the product shows, by stable code, in kk/ru/en.
 * Details are facts about the request or the case, never personal data, so messages may quote them.
 */
type Details = Readonly<Record<string, unknown>>;
type Template = (d: Details) => LocalizedText;

const s = (value: unknown): string => (Array.isArray(value) ? value.join(', ') : String(value ?? ''));

export const errorCatalogue = {
  // --- request validation (field-level issues) ---
  VALIDATION_FAILED: () => ({
    kk: 'Сұраныс деректері қате.',
    ru: 'Данные запроса содержат ошибки.',
    en: 'The request has invalid data.',
  }),
  REQUIRED: () => ({ kk: 'Міндетті өріс.', ru: 'Обязательное поле.', en: 'This field is required.' }),
  INVALID_TYPE: (d) => ({
    kk: `Күтілген түр: ${s(d.expected)}.`,
    ru: `Ожидался тип: ${s(d.expected)}.`,
    en: `Expected ${s(d.expected)}.`,
  }),
  TOO_SMALL: (d) => ({
    kk: `Мәні тым кіші (ең азы ${s(d.minimum)}).`,
    ru: `Значение слишком мало (минимум ${s(d.minimum)}).`,
    en: `Too small (minimum ${s(d.minimum)}).`,
  }),
  TOO_BIG: (d) => ({
    kk: `Мәні тым үлкен (ең көбі ${s(d.maximum)}).`,
    ru: `Значение слишком велико (максимум ${s(d.maximum)}).`,
    en: `Too big (maximum ${s(d.maximum)}).`,
  }),
  INVALID_FORMAT: (d) => ({
    kk: `Пішімі қате (${s(d.format)}).`,
    ru: `Неверный формат (${s(d.format)}).`,
    en: `Invalid format (${s(d.format)}).`,
  }),
  INVALID_VALUE: (d) => ({
    kk: `Рұқсат етілмеген мән. Рұқсат етілгендері: ${s(d.allowed)}.`,
    ru: `Недопустимое значение. Допустимые: ${s(d.allowed)}.`,
    en: `Value not allowed. Allowed: ${s(d.allowed)}.`,
  }),
  UNKNOWN_FIELD: (d) => ({
    kk: `Белгісіз өріс: ${s(d.keys)}.`,
    ru: `Неизвестное поле: ${s(d.keys)}.`,
    en: `Unknown field: ${s(d.keys)}.`,
  }),
  DATE_INVALID: () => ({
    kk: 'Күн қате: ЖЖЖЖ-АА-КК пішіміндегі нақты күн керек.',
    ru: 'Неверная дата: нужна существующая дата в формате ГГГГ-ММ-ДД.',
    en: 'Invalid date: a real date in the form YYYY-MM-DD is required.',
  }),
  KATO_MALFORMED: () => ({
    kk: 'ӘАОЖ (КАТО) коды 9 цифрдан тұруы керек.',
    ru: 'Код КАТО должен состоять из 9 цифр.',
    en: 'A KATO code has exactly 9 digits.',
  }),
  KATO_REGION_UNKNOWN: (d) => ({
    kk: `ӘАОЖ (КАТО) кодындағы облыс коды белгісіз (${s(d.region)}), сондықтан жергілікті уақыт анықталмайды: кодты тексеріңіз немесе rules.timeZone көрсетіңіз.`,
    ru: `Код КАТО указывает на неизвестную область (${s(d.region)}), поэтому местное время не определить: проверьте код или укажите rules.timeZone.`,
    en: `The KATO code names no known region (${s(d.region)}), so its local time is unknown: check the code, or set rules.timeZone.`,
  }),
  TIME_ZONE_UNKNOWN: () => ({
    kk: 'Белгісіз уақыт белдеуі: IANA атауы керек, мысалы Asia/Almaty (тұрақты ығысу үшін rules.utcOffsetMinutes).',
    ru: 'Неизвестный часовой пояс: нужно имя IANA, например Asia/Almaty (для постоянного смещения — rules.utcOffsetMinutes).',
    en: 'Unknown time zone: give an IANA name such as Asia/Almaty (for a fixed offset, rules.utcOffsetMinutes).',
  }),
  TIME_ZONE_CONFLICT: () => ({
    kk: 'rules.timeZone немесе rules.utcOffsetMinutes — екеуінің біреуін ғана көрсетіңіз.',
    ru: 'Укажите что-то одно: rules.timeZone или rules.utcOffsetMinutes.',
    en: 'Set either rules.timeZone or rules.utcOffsetMinutes, not both.',
  }),
  IIN_MALFORMED: () => ({
    kk: 'ЖСН 12 цифрдан тұруы керек.',
    ru: 'ИИН должен состоять из 12 цифр.',
    en: 'An IIN has exactly 12 digits.',
  }),
  IIN_BIRTH_DATE_INVALID: () => ({
    kk: 'ЖСН-дағы туған күн нақты күн емес.',
    ru: 'Дата рождения в ИИН не является существующей датой.',
    en: 'The birth date encoded in the IIN is not a real date.',
  }),
  IIN_CENTURY_INVALID: () => ({
    kk: 'ЖСН-ның 7-цифры (ғасыр мен жыныс) 1–6 болуы керек.',
    ru: '7-я цифра ИИН (век и пол) должна быть от 1 до 6.',
    en: 'Digit 7 of an IIN (century and sex) must be 1 to 6.',
  }),
  IIN_CHECKSUM: () => ({
    kk: 'ЖСН бақылау цифры сәйкес келмейді.',
    ru: 'Контрольная цифра ИИН не сходится.',
    en: 'The IIN check digit does not match.',
  }),
  IIN_BIRTH_DATE_MISMATCH: () => ({
    kk: 'ЖСН-дағы туған күн көрсетілген туған күнге сәйкес келмейді.',
    ru: 'Дата рождения в ИИН не совпадает с указанной.',
    en: 'The birth date in the IIN differs from the stated birth date.',
  }),
  IIN_SEX_MISMATCH: () => ({
    kk: 'ЖСН-дағы жыныс көрсетілген жынысқа сәйкес келмейді.',
    ru: 'Пол в ИИН не совпадает с указанным.',
    en: 'The sex digit of the IIN differs from the stated sex.',
  }),
  CALENDAR_INCONSISTENT: (d) => ({
    kk: `Сайлау күнтізбесі қайшы: ${s(d.reason)}.`,
    ru: `Календарь выборов противоречив: ${s(d.reason)}.`,
    en: `The election calendar is inconsistent: ${s(d.reason)}.`,
  }),
  EXTENSION_OVER_LIMIT: (d) => ({
    kk: `Ұсынуды ұзарту ${s(d.maximum)} күннен аспауы керек.`,
    ru: `Продление выдвижения не может превышать ${s(d.maximum)} дней.`,
    en: `Nomination may be extended by at most ${s(d.maximum)} days.`,
  }),
  REFUSAL_GROUND_UNKNOWN: (d) => ({
    kk: `Бас тарту негізі тізімде жоқ: ${s(d.ground)}.`,
    ru: `Основание отказа не из перечня: ${s(d.ground)}.`,
    en: `The refusal ground is not on the list: ${s(d.ground)}.`,
  }),

  // --- why a signature does not count (each rejected line carries one) ---
  SIGNER_UNDER_18: () => ({
    kk: 'Қол қойған күні қол қоюшы 18 жасқа толмаған.',
    ru: 'На дату подписи подписавшемуся не исполнилось 18 лет.',
    en: 'The signer was under 18 on the signing date.',
  }),
  SIGNED_OUTSIDE_WINDOW: () => ({
    kk: 'Қол кандидаттарды ұсыну мерзімінен тыс қойылған.',
    ru: 'Подпись поставлена вне периода выдвижения.',
    en: 'The signature is dated outside the nomination period.',
  }),
  SIGNER_NOT_ON_REGISTER: () => ({
    kk: 'Қол қоюшы осы округтің сайлаушылар тізімінде жоқ.',
    ru: 'Подписавшегося нет в списке избирателей этого округа.',
    en: 'The signer is not on this district’s voter register.',
  }),
  DUPLICATE_LINE: () => ({
    kk: 'Парақтың бұл жолы екі рет берілген.',
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

  // --- eligibility findings (CLE 113-2, LGA 36, Civil Service Law 19) ---
  UNDER_MINIMUM_AGE: (d) => ({
    kk: `Кандидат ${s(d.on)} күні ${s(d.minimum)} жасқа толмайды.`,
    ru: `Кандидату не исполнится ${s(d.minimum)} лет на ${s(d.on)}.`,
    en: `The candidate is not ${s(d.minimum)} on ${s(d.on)}.`,
  }),
  NOT_A_CITIZEN: () => ({
    kk: 'Кандидат Қазақстан Республикасының азаматы емес.',
    ru: 'Кандидат не является гражданином Республики Казахстан.',
    en: 'The candidate is not a citizen of Kazakhstan.',
  }),
  CONSECUTIVE_TERMS_LIMIT: (d) => ({
    kk: `Бір адам осы лауазымды қатарынан ${s(d.maximum)} реттен артық атқара алмайды.`,
    ru: `Одно лицо не может занимать эту должность более ${s(d.maximum)} раз подряд.`,
    en: `The same person cannot hold this post more than ${s(d.maximum)} times in a row.`,
  }),
  DOCUMENTS_MISSING: (d) => ({
    kk: `Құжаттар жетіспейді: ${s(d.missing)}.`,
    ru: `Не хватает документов: ${s(d.missing)}.`,
    en: `Documents missing: ${s(d.missing)}.`,
  }),
  EDUCATION_INSUFFICIENT: (d) => ({
    kk: `Білім деңгейі талапқа сай емес (кемінде: ${s(d.minimum)}).`,
    ru: `Уровень образования ниже требуемого (не ниже: ${s(d.minimum)}).`,
    en: `Education below the requirement (at least: ${s(d.minimum)}).`,
  }),
  SPECIAL_CHECK_PENDING: () => ({
    kk: 'Арнайы тексеру нәтижесі әлі келмеді.',
    ru: 'Результат специальной проверки ещё не получен.',
    en: 'The special check has not reported yet.',
  }),
  SPECIAL_CHECK_FAILED: () => ({
    kk: 'Арнайы тексеру кандидатты мемлекеттік қызметке жарамсыз деп тапты.',
    ru: 'Специальная проверка выявила препятствия к госслужбе.',
    en: 'The special check found the candidate unfit for public service.',
  }),
  DECLARATIONS_PENDING: () => ({
    kk: 'Кірістер мен мүлік туралы декларациялардың тапсырылғаны расталмаған.',
    ru: 'Не подтверждена подача деклараций о доходах и имуществе.',
    en: 'The filing of the income and asset declarations is not confirmed yet.',
  }),
  DISQUALIFIED: (d) => ({
    kk: `Кандидат СЗ 4-бап 4-тармағы бойынша сайлана алмайды (${s(d.ground)}).`,
    ru: `Кандидат не может быть избран по п.4 ст.4 КЗВ (${s(d.ground)}).`,
    en: `The candidate cannot stand under CLE art. 4 p.4 (${s(d.ground)}).`,
  }),

  // --- the local community meeting (LGA 39-3) ---
  CONSENT_QUORUM_NOT_MET: (d) => ({
    kk: `Жиналыста кворум болмады (қатысқаны ${s(d.attendance)}, керегі ${s(d.required)}).`,
    ru: `Собрание не имело кворума (присутствовало ${s(d.attendance)}, нужно ${s(d.required)}).`,
    en: `The meeting had no quorum (${s(d.attendance)} present, ${s(d.required)} needed).`,
  }),
  CONSENT_MAJORITY_NOT_REACHED: (d) => ({
    kk: `Келісім көпшілік дауыс алмады (жақтағаны ${s(d.votesFor)}, қатысқаны ${s(d.attendance)}).`,
    ru: `Согласие не набрало большинства (за ${s(d.votesFor)} из ${s(d.attendance)} присутствовавших).`,
    en: `Consent did not win a majority (${s(d.votesFor)} for, of ${s(d.attendance)} present).`,
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

  // --- rules of the law and of the flow ---
  NOMINATION_NOT_OPEN: (d) => ({
    kk: `Кандидаттарды ұсыну ${s(d.opensAt)} басталады.`,
    ru: `Выдвижение кандидатов начинается ${s(d.opensAt)}.`,
    en: `Nomination opens at ${s(d.opensAt)}.`,
  }),
  NOMINATION_CLOSED: (d) => ({
    kk: `Кандидаттарды ұсыну ${s(d.closedAt)} аяқталды.`,
    ru: `Выдвижение кандидатов завершилось ${s(d.closedAt)}.`,
    en: `Nomination closed at ${s(d.closedAt)}.`,
  }),
  ADDITIONAL_CANDIDATE_NOT_ALLOWED: (d) => ({
    kk: `Аудан әкімі қосымша кандидатты тек ұсыну аяқталғанда кандидат болмаса не біреу ғана болса ұсына алады (қазір: ${s(d.liveNominations)}).`,
    ru: `Аким района вправе выдвинуть дополнительного кандидата, только если по окончании выдвижения нет кандидатов или выдвинут один (сейчас: ${s(d.liveNominations)}).`,
    en: `The district akim may put forward an additional candidate only when nomination closed with no candidate or a single one (now: ${s(d.liveNominations)}).`,
  }),
  ADDITIONAL_CANDIDATE_WINDOW_CLOSED: (d) => ({
    kk: `Қосымша кандидатты ұсыну мерзімі ${s(d.closedAt)} өтті.`,
    ru: `Срок выдвижения дополнительного кандидата истёк ${s(d.closedAt)}.`,
    en: `The window for an additional candidate closed at ${s(d.closedAt)}.`,
  }),
  ADDITIONAL_CANDIDATE_LIMIT_REACHED: (d) => ({
    kk: `Қосымша кандидат ұсыныстарының шегі (${s(d.limit)}) таусылды.`,
    ru: `Исчерпан лимит предложений дополнительного кандидата (${s(d.limit)}).`,
    en: `The limit of additional-candidate proposals (${s(d.limit)}) is used up.`,
  }),
  SUBMISSION_LIMIT_REACHED: (d) => ({
    kk: `Бұл іс бойынша ${s(d.on)} күні қолтаңба парақтары ${s(d.limit)} рет жіберілді, бұл — бір күндік шек. Келесі күні жіберіңіз; бірнеше парақты бір жіберілімге біріктіруге болады.`,
    ru: `По этому делу ${s(d.on)} подписные листы подавались ${s(d.limit)} раз: это предел на один день. Подайте на следующий день; несколько листов можно подать одной подачей.`,
    en: `Signature sheets were submitted ${s(d.limit)} times for this case on ${s(d.on)}: that is the limit for one day. Submit on the next day; several sheets can go in one submission.`,
  }),
  NOT_A_PARTY_MEMBER: () => ({
    kk: 'Партия тек өз мүшесін ұсына алады.',
    ru: 'Партия может выдвинуть только своего члена.',
    en: 'A party may nominate only one of its members.',
  }),
  PARTY_NOMINEE_EXISTS: (d) => ({
    kk: `Бұл партияның осы сайлауда кандидаты бар (іс ${s(d.caseId)}).`,
    ru: `У этой партии уже есть кандидат на этих выборах (дело ${s(d.caseId)}).`,
    en: `This party already has a nominee in this election (case ${s(d.caseId)}).`,
  }),
  ADDITIONAL_CANDIDATE_PENDING: (d) => ({
    kk: `Аудан әкімінің қосымша кандидаты қаралуда (іс ${s(d.caseId)}); жаңасын ол шешілгеннен кейін ұсынуға болады.`,
    ru: `Дополнительный кандидат акима района ещё рассматривается (дело ${s(d.caseId)}); новое предложение — после решения по нему.`,
    en: `The district akim’s additional candidate is still under way (case ${s(d.caseId)}); propose another once it is decided.`,
  }),
  CANDIDATE_ALREADY_NOMINATED: (d) => ({
    kk: `Бұл адам осы сайлауда бұрын ұсынылған (іс ${s(d.caseId)}).`,
    ru: `Этот человек уже выдвинут на этих выборах (дело ${s(d.caseId)}).`,
    en: `This person is already nominated in this election (case ${s(d.caseId)}).`,
  }),
  CONSENT_NOTICE_TOO_SHORT: (d) => ({
    kk: `Жергілікті қоғамдастық жиналысының мүшелеріне кемінде ${s(d.minimumDays)} күн бұрын хабарлануы керек.`,
    ru: `Члены собрания местного сообщества должны быть оповещены не менее чем за ${s(d.minimumDays)} дня.`,
    en: `Members of the local community meeting must be notified at least ${s(d.minimumDays)} days ahead.`,
  }),
  INVALID_TRANSITION: (d) => ({
    kk: `«${s(d.status)}» күйіндегі іске «${s(d.event)}» әрекеті жасалмайды.`,
    ru: `Действие «${s(d.event)}» невозможно для дела в статусе «${s(d.status)}».`,
    en: `"${s(d.event)}" is not possible for a case in status "${s(d.status)}".`,
  }),
  STEP_ALREADY_DECIDED: (d) => ({
    kk: `«${s(d.step)}» қадамы бойынша шешім қабылданған; істің күйі: ${s(d.status)}.`,
    ru: `Решение по шагу «${s(d.step)}» уже принято; статус дела: ${s(d.status)}.`,
    en: `The step "${s(d.step)}" is already decided; the case is ${s(d.status)}.`,
  }),
  CONCURRENT_UPDATE: (d) => ({
    kk: `Іс басқа сұраныспен өзгертілді; қайта оқып, қайталаңыз (нұсқа ${s(d.version)}).`,
    ru: `Дело изменено другим запросом; перечитайте и повторите (версия ${s(d.version)}).`,
    en: `The case was changed by another request; reload and retry (version ${s(d.version)}).`,
  }),
  RECORD_UNREADABLE: (d) => ({
    kk: `Сақталған жазба (${s(d.id)}) оқылмайды: ${s(d.fields)} өрістері қате. Жүйе әкімшісіне хабарлаңыз.`,
    ru: `Сохранённая запись (${s(d.id)}) не читается: ошибочны поля ${s(d.fields)}. Сообщите администратору системы.`,
    en: `The stored record (${s(d.id)}) cannot be read: its fields ${s(d.fields)} are wrong. Tell the system administrator.`,
  }),
  DEADLINE_PASSED: (d) => ({
    kk: `«${s(d.deadline)}» мерзімі ${s(d.at)} өтті.`,
    ru: `Срок «${s(d.deadline)}» истёк ${s(d.at)}.`,
    en: `The deadline "${s(d.deadline)}" passed at ${s(d.at)}.`,
  }),
  REGISTRATION_BLOCKED: (d) => ({
    kk: `Кандидатты тіркеуге болмайды: ${s(d.findings)}.`,
    ru: `Кандидата нельзя зарегистрировать: ${s(d.findings)}.`,
    en: `The candidate cannot be registered: ${s(d.findings)}.`,
  }),
  ELECTION_ALREADY_CALLED: (d) => ({
    kk: `Бұл бірлікте осы күнге сайлау тағайындалған (${s(d.electionId)}).`,
    ru: `Выборы в этой единице на этот день уже назначены (${s(d.electionId)}).`,
    en: `An election of this unit on this day is already called (${s(d.electionId)}).`,
  }),
  VOTER_UNDER_18: () => ({
    kk: 'Сайлау күні бұл адам 18 жасқа толмайды: тізімге кірмейді.',
    ru: 'Ко дню выборов этому человеку не исполнится 18 лет: в список не входит.',
    en: 'This person is not 18 on election day and cannot be on the list.',
  }),
  // Rows of an uploaded file are named by their line in it; rows of a JSON body by their place in the list.
  DUPLICATE_VOTER: (d) =>
    d.firstLine === undefined
      ? {
          kk: `Бұл ЖСН тізімде екі рет кездеседі: ${s(d.entry)}-жазба ${s(d.firstEntry)}-жазбаны қайталайды.`,
          ru: `Этот ИИН встречается в списке дважды: запись ${s(d.entry)} повторяет запись ${s(d.firstEntry)}.`,
          en: `This IIN appears twice in the list: entry ${s(d.entry)} repeats entry ${s(d.firstEntry)}.`,
        }
      : {
          kk: `Бұл ЖСН тізімде екі рет кездеседі: ${s(d.line)}-жол ${s(d.firstLine)}-жолды қайталайды.`,
          ru: `Этот ИИН встречается в списке дважды: строка ${s(d.line)} повторяет строку ${s(d.firstLine)}.`,
          en: `This IIN appears twice in the list: line ${s(d.line)} repeats line ${s(d.firstLine)}.`,
        },
  SIGNATURE_POSITION_REPEATED: (d) => ({
    kk: `${s(d.sheet)}-парақтың ${s(d.line)}-жолы осы жіберілімде екі рет берілген (${s(d.first)} және ${s(d.again)} жазбалар): ештеңе есептелмеді.`,
    ru: `Лист ${s(d.sheet)}, строка ${s(d.line)} указаны в этой подаче дважды (записи ${s(d.first)} и ${s(d.again)}): ничего не засчитано.`,
    en: `Sheet ${s(d.sheet)}, line ${s(d.line)} appears twice in this submission (entries ${s(d.first)} and ${s(d.again)}): nothing was counted.`,
  }),
  CSV_ENCODING_LOST: () => ({
    kk: 'CSV файлының әріптері жолда жоғалды: шлюз мәтінді тек UTF-8 ретінде оқиды. Файлды «CSV UTF-8» немесе XLSX ретінде сақтап, қайта жіберіңіз.',
    ru: 'Буквы CSV-файла потерялись в пути: шлюз читает текст только как UTF-8. Сохраните файл как «CSV UTF-8» или XLSX и отправьте снова.',
    en: 'The CSV file’s letters were lost on the way: the gateway reads text as UTF-8 only. Save the file as “CSV UTF-8” or XLSX and send it again.',
  }),
  INVALID_ENCODING: () => ({
    kk: 'Сұраныс мәтіні UTF-8 кодтауында болуы керек.',
    ru: 'Текст запроса должен быть в кодировке UTF-8.',
    en: 'The request text must be encoded in UTF-8.',
  }),
  NESTED_TOO_DEEP: (d) => ({
    kk: `Деректер тым терең салынған (ең көбі ${s(d.maximum)} деңгей).`,
    ru: `Данные вложены слишком глубоко (не более ${s(d.maximum)} уровней).`,
    en: `The data is nested too deeply (at most ${s(d.maximum)} levels).`,
  }),
  HOST_NOT_ALLOWED: () => ({
    kk: 'Жергілікті қозғалтқыш тек осы компьютердегі мекенжай арқылы (127.0.0.1, localhost) жауап береді.',
    ru: 'Локальный движок отвечает только по адресу этого компьютера (127.0.0.1, localhost).',
    en: 'The local engine answers only at this computer’s own address (127.0.0.1, localhost).',
  }),
  OPERATOR_TOKEN_REQUIRED: () => ({
    kk: 'Бұл әкімшілік әрекетке оператордың токені керек (npm run token -- --role operator).',
    ru: 'Для этого служебного действия нужен токен оператора (npm run token -- --role operator).',
    en: 'This administrative call needs an operator token (npm run token -- --role operator).',
  }),
  UNAUTHORIZED: () => ({
    kk: 'Жарамды кіру белгісі (token) керек.',
    ru: 'Нужен действительный токен доступа.',
    en: 'A valid access token is required.',
  }),
  PAYLOAD_TOO_LARGE: (d) => ({
    kk: `Сұраныс тым үлкен (ең көбі ${s(d.maximumBytes)} байт).`,
    ru: `Запрос слишком велик (не более ${s(d.maximumBytes)} байт).`,
    en: `The request is too large (at most ${s(d.maximumBytes)} bytes).`,
  }),
  TEXT_HOLDS_IIN: () => ({
    kk: 'Мәтінде ЖСН-ге ұқсас он екі цифр бар. Бұл мәтін іс тарихында біржола сақталады және онда дербес деректер болмауы керек: қол қоюшыны парақ пен жол нөмірімен атаңыз.',
    ru: 'В тексте есть двенадцать цифр, похожих на ИИН. Этот текст навсегда остаётся в истории дела и не должен содержать персональных данных: укажите подписавшего номером листа и строки.',
    en: 'The text holds twelve digits that look like an IIN. It stays on the case’s history for good and may hold no personal data: name a signer by sheet and line instead.',
  }),
  RESPONSE_TOO_LARGE: (d) => ({
    kk: `Жауап тым үлкен (ең көбі ${s(d.maximumBytes)} байт) және жіберілмеді. Сұрауды тарылтыңыз немесе жүйе әкімшісіне хабарлаңыз.`,
    ru: `Ответ слишком велик (не более ${s(d.maximumBytes)} байт) и не отправлен. Сузьте запрос или сообщите администратору системы.`,
    en: `The answer is too large (at most ${s(d.maximumBytes)} bytes) and was not sent. Narrow the request or tell the system administrator.`,
  }),
  ROUTE_NOT_FOUND: () => ({
    kk: 'Мұндай әрекет жоқ.',
    ru: 'Такой операции нет.',
    en: 'There is no such operation.',
  }),
  IDEMPOTENCY_KEY_REUSED: () => ({
    kk: 'Бұл Idempotency-Key басқа сұранысқа қолданылған.',
    ru: 'Этот Idempotency-Key уже использован для другого запроса.',
    en: 'This Idempotency-Key was used for a different request.',
  }),
  REQUEST_IN_PROGRESS: () => ({
    kk: 'Осы кілтпен сұраныс әлі орындалуда; сәлден соң қайталаңыз.',
    ru: 'Запрос с этим ключом ещё выполняется; повторите чуть позже.',
    en: 'A request with this key is still running; retry shortly.',
  }),
  UNSUPPORTED_MEDIA_TYPE: () => ({
    kk: 'Денесі JSON болуы керек; сайлаушылар тізімі мен қолтаңба парақтары JSON lines, CSV (UTF-8 не Windows-1251) немесе XLSX түрінде де қабылданады.',
    ru: 'Тело должно быть JSON; список избирателей и подписные листы принимаются также как JSON lines, CSV (UTF-8 или Windows-1251) или XLSX.',
    en: 'The body must be JSON; voter registers and signature sheets are also taken as JSON lines, CSV (UTF-8 or Windows-1251) or XLSX.',
  }),
  SPREADSHEET_TOO_LARGE: (d) => ({
    kk: `XLSX файлы оқуға тым үлкен: ашылған күйінде ${s(d.maximumMegabytes)} МБ-тан, парақтары ${s(d.maximumRow)}-жолдан және ${s(d.maximumColumn)} бағанынан аспауы керек.`,
    ru: `Файл XLSX слишком велик для чтения: в распакованном виде не более ${s(d.maximumMegabytes)} МБ, листы не дальше строки ${s(d.maximumRow)} и столбца ${s(d.maximumColumn)}.`,
    en: `The XLSX file is too large to read: at most ${s(d.maximumMegabytes)} MB unpacked, its sheets no further than row ${s(d.maximumRow)} and column ${s(d.maximumColumn)}.`,
  }),
  INTERNAL: () => ({
    kk: 'Ішкі қате. Сұранысты кейінірек қайталаңыз.',
    ru: 'Внутренняя ошибка. Повторите запрос позже.',
    en: 'Internal error. Please retry later.',
  }),
  FORBIDDEN: () => ({
    kk: 'Бұл әрекетке рұқсатыңыз жоқ.',
    ru: 'У вас нет права на это действие.',
    en: 'You are not allowed to do this.',
  }),
  REGISTER_AFTER_CLOSE: (d) => ({
    kk: `Ұсыну ${s(d.closedAt)} жабылды: сайлаушылар тізімін енді ауыстыруға болмайды, қолтаңбалар ескі тізім бойынша есептелді.`,
    ru: `Выдвижение закрылось ${s(d.closedAt)}: список избирателей больше нельзя заменить, подписи подсчитаны по прежнему списку.`,
    en: `Nomination closed at ${s(d.closedAt)}: the voter list can no longer be replaced, the signatures were counted on the one before.`,
  }),
  VOTER_REGISTER_MISSING: () => ({
    kk: 'Алдымен округтің сайлаушылар тізімін жүктеу керек: 1% шегі содан есептеледі.',
    ru: 'Сначала нужно загрузить список избирателей округа: от него считается порог в 1%.',
    en: 'Import the district’s voter register first: the 1% threshold is computed from it.',
  }),
  EVIDENCE_CURSOR_INVALID: () => ({
    kk: 'Бет белгісі (курсор) жарамсыз немесе басқа іске тиесілі. Дәлелдерді бірінші беттен бастап, белгісіз қайта сұраңыз.',
    ru: 'Указатель страницы (курсор) недействителен или относится к другому делу. Запросите материалы заново с первой страницы, без указателя.',
    en: 'The page cursor is invalid or belongs to another case. Ask for the evidence again from the first page, without a cursor.',
  }),
  JOBS_RUNNING: (d) => ({
    kk: `Сайлаудың ${s(d.jobs)} жаппай жұмысы әлі аяқталған жоқ; ұсыну олар аяқталған соң жабылады.`,
    ru: `${s(d.jobs)} пакетных заданий выборов ещё не завершены; выдвижение закроется после их завершения.`,
    en: `${s(d.jobs)} bulk jobs of the election are still at work; nomination closes once they end.`,
  }),
  UPLOAD_MISSING: () => ({
    kk: 'Бұл жүктеу табылмады: файл әлі жіберілмеген, оның мерзімі өткен немесе ол басқа құжатқа арналған. Жаңа жүктеу сұрап, файлды қайта жіберіңіз.',
    ru: 'Эта загрузка не найдена: файл ещё не отправлен, срок загрузки истёк или она сделана для другого документа. Запросите новую загрузку и отправьте файл снова.',
    en: 'This upload is not found: the file has not been sent yet, the upload has expired, or it was made for another document. Ask for a new upload and send the file again.',
  }),
  UPLOAD_URL_INVALID: () => ({
    kk: 'Жүктеу сілтемесі жарамсыз немесе оның мерзімі өткен. Жаңа жүктеу сұраңыз.',
    ru: 'Ссылка для загрузки недействительна или её срок истёк. Запросите новую загрузку.',
    en: 'The upload link is invalid or has expired. Ask for a new upload.',
  }),
  UPLOAD_ALREADY_SENT: () => ({
    kk: 'Бұл сілтеме бойынша файл жіберіліп қойған; оны ауыстыруға болмайды. Басқа файл үшін жаңа жүктеу сұраңыз.',
    ru: 'По этой ссылке файл уже отправлен, заменить его нельзя. Для другого файла запросите новую загрузку.',
    en: 'A file was already sent to this link and cannot be replaced. Ask for a new upload for another file.',
  }),
  UPLOAD_NOT_AS_DECLARED: (d) => ({
    kk: `Файл жүктеу сұралғандағыдай емес: түрі ${s(d.contentType)}, көлемі ${s(d.bytes)} байт болуы керек.`,
    ru: `Файл не такой, как заявлен при запросе загрузки: тип должен быть ${s(d.contentType)}, размер — ${s(d.bytes)} байт.`,
    en: `The file is not as declared when the upload was asked for: its type must be ${s(d.contentType)} and its size ${s(d.bytes)} bytes.`,
  }),
  NOT_FOUND: (d) => ({
    kk: `Табылмады: ${s(d.entity)}.`,
    ru: `Не найдено: ${s(d.entity)}.`,
    en: `Not found: ${s(d.entity)}.`,
  }),
} satisfies Record<string, Template>;

export type ErrorCode = keyof typeof errorCatalogue;

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(errorCatalogue, value);
}

export function localize(code: ErrorCode, details: Details = {}): LocalizedText {
  return errorCatalogue[code](details);
}
