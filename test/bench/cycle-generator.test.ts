import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { generateCycle, registerFile } from '../../bench/cycle-generator.ts';
import { VoterRowSchema, votesOn } from '../../shared/domain/voter-register.ts';
import { csvRows } from '../../shared/http/csv-rows.ts';

// Not a timing test: the registers the benchmark uploads must be files a commission could upload, every row sound.
describe('the benchmark’s voter registers', () => {
  const plans = generateCycle(40);

  it('are CSV UTF-8 as Excel exports it, every row a voter the API takes', () => {
    for (const plan of plans.slice(0, 10)) {
      // Prepare
      const file = registerFile(plan);

      // Act
      const rows = csvRows(file, undefined);
      const voters = z.array(VoterRowSchema).parse(rows.map((row) => row.value));

      // Assess
      expect([...file.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(file.toString('utf8', 3, 40)).toMatch(/^iin;fullName;birthDate;address\r\n/);
      expect(voters).toHaveLength(plan.voters);
      expect(new Set(voters.map((v) => v.iin)).size).toBe(plan.voters);
      expect(voters.every((v) => votesOn(v, '2026-03-15'))).toBe(true);
      expect(rows.map((row) => row.line)).toEqual(voters.map((_, i) => i + 2));
    }
  });

  it('hold Kazakh and Russian names and quoted addresses, and are the same on every run', () => {
    const text = plans.map((plan) => registerFile(plan).toString('utf8')).join('');
    expect(text).toMatch(/[әғқңөұүһі]/);
    expect(text).toMatch(/ович;|овна;/);
    expect(text).toMatch(/;"[^"\r\n]*""[^"\r\n]*""[^"\r\n]*"\r\n/);
    const [again, first] = [generateCycle(40)[7], plans[7]];
    if (again === undefined || first === undefined) throw new Error('no eighth election');
    expect(registerFile(again)).toEqual(registerFile(first));
  });
});
