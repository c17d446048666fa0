import type { Answer } from '../api/client.ts';
import type { Language, Words } from '../i18n/language.ts';

export type ElectionView = Answer<'getElection'>;
type Unit = ElectionView['unit'];
export type Nominator = { readonly partyId: string } | { readonly akimatDistrict: string } | null;

/** The zone every moment of the election is shown in: the election's `timeZone` rule, or its fixed offset. */
export function electionTimeZone(election: Pick<ElectionView, 'rules'>): string {
  const rule = (name: string) => election.rules.find((entry) => entry.rule === name)?.value;
  const zone = rule('timeZone');
  if (typeof zone === 'string') return zone;
  const offset = rule('utcOffsetMinutes');
  if (typeof offset === 'number') {
    const sign = offset < 0 ? '-' : '+';
    const minutes = Math.abs(offset);
    return `${sign}${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  }
  return 'Asia/Almaty';
}

/** The grounds the election allows a decision to cite (`refusalGrounds`, `cancellationGrounds`). */
export function electionGrounds(
  election: Pick<ElectionView, 'rules'>,
  rule: 'refusalGrounds' | 'cancellationGrounds',
): string[] {
  const value = election.rules.find((entry) => entry.rule === rule)?.value;
  return Array.isArray(value) ? value.filter((ground): ground is string => typeof ground === 'string') : [];
}

/** The unit's name in the desk's language: Kazakh in kk, Russian otherwise (the unit has no English name). */
export function unitName(unit: Unit, language: Language): string {
  return language === 'kk' ? unit.nameKk : unit.nameRu;
}

export function nominatorText(nominator: Nominator, words: Words): string {
  if (nominator === null) return words.t('nominatorSelf');
  if ('partyId' in nominator) return words.t('nominatorParty', { party: nominator.partyId });
  return words.t('nominatorAkimat', { district: nominator.akimatDistrict });
}

export function routeText(route: string, words: Words): string {
  return route === 'party'
    ? words.t('routeParty')
    : route === 'self'
      ? words.t('routeSelf')
      : words.t('routeAkimat');
}
