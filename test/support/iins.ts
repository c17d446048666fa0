import fc from 'fast-check';
import { iinCheckDigit, type Sex } from '../../shared/domain/iin.ts';

/** A valid IIN for a birth date and sex: the first serial (from `serial` on) that has a check digit. */
export function makeIin(birthDate: string, sex: Sex = 'female', serial = 1): string {
  const [year = '', month = '', day = ''] = birthDate.split('-');
  const century = Math.floor(Number(year) / 100);
  const centuryDigit = (century - 18) * 2 + (sex === 'male' ? 1 : 2);
  for (let s = serial; s < serial + 100; s += 1) {
    const first = `${year.slice(2)}${month}${day}${centuryDigit}${String(s % 10_000).padStart(4, '0')}`;
    const check = iinCheckDigit([...first].map(Number));
    if (check !== null) return `${first}${check}`;
  }
  throw new Error('no serial with a check digit');
}

/** Birth dates the IIN can encode (1800–2099). */
export const birthDateArb = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2015-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

export const validIinArb = fc
  .record({
    birthDate: birthDateArb,
    sex: fc.constantFrom<Sex>('male', 'female'),
    serial: fc.integer({ min: 0, max: 9_899 }),
  })
  .map((p) => ({ ...p, iin: makeIin(p.birthDate, p.sex, p.serial) }));
