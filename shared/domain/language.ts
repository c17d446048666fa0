/** The three languages every message of the product is given in: Kazakh (state language), Russian, English. */
export const languages = ['kk', 'ru', 'en'] as const;
export type Language = (typeof languages)[number];
export type LocalizedText = Readonly<Record<Language, string>>;

/** Picks the first supported language of an Accept-Language header; Kazakh when none is named. */
export function negotiateLanguage(acceptLanguage: string | undefined): Language {
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { base: tag.split('-')[0] ?? '', weight: q ? Number(q.slice(2)) : 1 };
    })
    .filter((entry) => entry.weight > 0)
    .sort((a, b) => b.weight - a.weight);
  const found = ranked.find((entry): entry is { base: Language; weight: number } =>
    (languages as readonly string[]).includes(entry.base),
  );
  return found?.base ?? 'kk';
}
