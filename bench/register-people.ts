/**
 * Plausible people of a rural district in Almaty region (KATO 19…), as a register exported from the state
 * database shows them: full names "Surname Given Patronymic" (Kazakh with their own letters, Russian, a few of
 * other peoples) and postal addresses. Everything is drawn from a seeded generator, so every run is the same.
 */

/** mulberry32: a small seeded PRNG, so that every run generates the same country. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rand: () => number, list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;

// Kazakh surnames are mostly the father's or grandfather's name with -ов/-ев (feminine -ова/-ева).
const KAZAKH_SURNAME_STEMS = [
  'Нұрланов',
  'Серікбаев',
  'Жұмабеков',
  'Қасымов',
  'Оспанов',
  'Ахметов',
  'Төлеуов',
  'Әбдірахманов',
  'Байжанов',
  'Смағұлов',
  'Искаков',
  'Мұратов',
  'Сейітов',
  'Қалиев',
  'Есенов',
  'Омаров',
  'Жақсылықов',
  'Құдайбергенов',
  'Бекмұхамбетов',
  'Садықов',
  'Тұрсынов',
  'Әлімжанов',
  'Ғабдуллин',
  'Шәкенов',
  'Үсенов',
  'Дүйсенбаев',
  'Нұрпейісов',
  'Ержанов',
  'Мамыров',
  'Қожахметов',
] as const;
const KAZAKH_MEN = [
  'Асқар',
  'Ерлан',
  'Нұрлан',
  'Дәурен',
  'Бауыржан',
  'Ержан',
  'Серік',
  'Қайрат',
  'Жандос',
  'Ғалым',
  'Мұрат',
  'Арман',
  'Тимур',
  'Әлібек',
  'Ерболат',
  'Нұрсұлтан',
  'Даулет',
  'Саят',
  'Айдос',
  'Жұмабек',
  'Талғат',
  'Мейрам',
  'Қанат',
  'Өмірзақ',
  'Бекзат',
] as const;
const KAZAKH_WOMEN = [
  'Айгүл',
  'Гүлнар',
  'Жансая',
  'Әйгерім',
  'Динара',
  'Салтанат',
  'Ақбота',
  'Мөлдір',
  'Айжан',
  'Гүлмира',
  'Назерке',
  'Ботагөз',
  'Жібек',
  'Сәуле',
  'Қарлығаш',
  'Аружан',
  'Меруерт',
  'Алтынай',
  'Күләш',
  'Ұлжан',
] as const;
const RUSSIAN_SURNAMES = [
  'Иванов',
  'Петров',
  'Смирнов',
  'Кузнецов',
  'Попов',
  'Васильев',
  'Соколов',
  'Михайлов',
  'Новиков',
  'Фёдоров',
  'Морозов',
  'Волков',
  'Алексеев',
  'Лебедев',
  'Семёнов',
  'Егоров',
  'Павлов',
  'Козлов',
] as const;
const RUSSIAN_MEN = [
  'Сергей',
  'Александр',
  'Дмитрий',
  'Андрей',
  'Алексей',
  'Николай',
  'Владимир',
  'Евгений',
  'Михаил',
  'Виктор',
  'Юрий',
  'Олег',
  'Игорь',
  'Павел',
] as const;
const RUSSIAN_WOMEN = [
  'Ольга',
  'Елена',
  'Татьяна',
  'Наталья',
  'Ирина',
  'Светлана',
  'Анна',
  'Марина',
  'Людмила',
  'Галина',
  'Надежда',
  'Валентина',
  'Юлия',
  'Екатерина',
] as const;
/** Fathers' names of both, with the Russian-style patronymic stem the documents of older voters carry. */
const RUSSIAN_FATHERS = [
  ['Петр', 'Петрович', 'Петровна'],
  ['Николай', 'Николаевич', 'Николаевна'],
  ['Иван', 'Иванович', 'Ивановна'],
  ['Сергей', 'Сергеевич', 'Сергеевна'],
  ['Владимир', 'Владимирович', 'Владимировна'],
  ['Александр', 'Александрович', 'Александровна'],
  ['Виктор', 'Викторович', 'Викторовна'],
  ['Юрий', 'Юрьевич', 'Юрьевна'],
  ['Серік', 'Серикович', 'Сериковна'],
  ['Нұрлан', 'Нурланович', 'Нурлановна'],
  ['Қайрат', 'Кайратович', 'Кайратовна'],
  ['Ерлан', 'Ерланович', 'Ерлановна'],
] as const;
/** Surnames of the other peoples of the region: Uyghur, Uzbek, Ukrainian, German, Korean, Tatar. */
const OTHER_SURNAMES = [
  ['Масимов', 'Масимова'],
  ['Юлдашев', 'Юлдашева'],
  ['Коваленко', 'Коваленко'],
  ['Шевченко', 'Шевченко'],
  ['Шмидт', 'Шмидт'],
  ['Ким', 'Ким'],
  ['Пак', 'Пак'],
  ['Хабибуллин', 'Хабибуллина'],
] as const;

/** "Surname Given Patronymic", the order of a register. */
export function fullNameOf(rand: () => number, male: boolean): string {
  const r = rand();
  if (r < 0.68) {
    const stem = pick(rand, KAZAKH_SURNAME_STEMS);
    const given = pick(rand, male ? KAZAKH_MEN : KAZAKH_WOMEN);
    // Younger voters mostly carry -ұлы/-қызы; older ones the Russian-style patronymic of their documents.
    if (rand() < 0.55) {
      const father = pick(rand, KAZAKH_MEN);
      return `${male ? stem : `${stem}а`} ${given} ${father}${male ? 'ұлы' : 'қызы'}`;
    }
    const [, son, daughter] = pick(rand, RUSSIAN_FATHERS);
    return `${male ? stem : `${stem}а`} ${given} ${male ? son : daughter}`;
  }
  const [, son, daughter] = pick(rand, RUSSIAN_FATHERS);
  if (r < 0.93) {
    const surname = pick(rand, RUSSIAN_SURNAMES);
    return `${male ? surname : `${surname}а`} ${pick(rand, male ? RUSSIAN_MEN : RUSSIAN_WOMEN)} ${male ? son : daughter}`;
  }
  const [his, hers] = pick(rand, OTHER_SURNAMES);
  return `${male ? his : hers} ${pick(rand, male ? RUSSIAN_MEN : RUSSIAN_WOMEN)} ${male ? son : daughter}`;
}

const DISTRICTS = [
  'Балхашский',
  'Енбекшиказахский',
  'Жамбылский',
  'Илийский',
  'Карасайский',
  'Кегенский',
  'Райымбекский',
  'Талгарский',
  'Уйгурский',
  'Аксуский',
  'Алакольский',
  'Ескельдинский',
  'Каратальский',
  'Кербулакский',
  'Коксуский',
  'Панфиловский',
  'Саркандский',
] as const;
const VILLAGES = [
  'Шамалган',
  'Жетыген',
  'Бәйтерек',
  'Қаракемер',
  'Ақсай',
  'Шелек',
  'Түрген',
  'Есік',
  'Байсерке',
  'Өтеген батыр',
  'Қапшағай',
  'Жаңашар',
  'Ақтоғай',
  'Көктал',
  'Бесағаш',
  'Таусамалы',
  'Ұзынағаш',
  'Қарғалы',
  'Малыбай',
  'Нұра',
  'Шарын',
  'Кеген',
  'Нарынқол',
  'Сүмбе',
  'Чунджа',
  'Кетпен',
  'Байдибек',
] as const;
const STREETS = [
  'ул. Абая',
  'ул. Сатпаева',
  'ул. Ауэзова',
  'ул. Жамбыла',
  'ул. Толе би',
  'ул. Райымбека',
  'ул. Момышулы',
  'ул. Наурызбай батыра',
  'ул. Желтоксан',
  'ул. Тауелсиздик',
  'ул. Школьная',
  'ул. Центральная',
  'ул. Мира',
  'ул. Бейбітшілік',
  'ул. Қазыбек би',
  'ул. Жастар',
  'ул. Садовая',
  'ул. Әл-Фараби',
  'пер. Луговой',
  'мкр. «Ақбұлақ»',
] as const;

/** The district, village and streets of an election's unit; the same unit for every voter of it. */
export function addressesOf(index: number, seed: number) {
  const rand = random(seed ^ Math.imul(index + 1, 0x9e3779b1));
  const district = DISTRICTS[Math.floor(index / 100) % DISTRICTS.length];
  const village = `${pick(rand, VILLAGES)}${index % 3 === 0 ? '' : ` ${1 + (index % 7)}`}`;
  const prefix = `Алматинская обл., ${district} р-н, с. ${village}`;
  return (voter: () => number): string => {
    const street = pick(voter, STREETS);
    const house = 1 + Math.floor(voter() * 160);
    const r = voter();
    // A few flats in the two-storey houses of a village centre, and the odd street typed with quotes.
    if (r < 0.12) return `${prefix}, ${street}, д. ${house}, кв. ${1 + Math.floor(voter() * 16)}`;
    if (r < 0.13) return `${prefix}, ж/м "Жаңа құрылыс", д. ${house}`;
    return `${prefix}, ${street}, д. ${house}`;
  };
}
