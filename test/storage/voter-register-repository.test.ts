import { beforeAll, describe, expect, it } from 'vitest';
import { VoterRegisterRepository } from '../../shared/storage/voter-register-repository.ts';
import { makeIin } from '../support/iins.ts';
import { createTestTable } from '../support/test-table.ts';

let register: VoterRegisterRepository;

beforeAll(async () => {
  register = new VoterRegisterRepository(await createTestTable());
});

const voters = (count: number, year: string) =>
  Array.from({ length: count }, (_, i) => makeIin(`${year}-03-03`, 'female', i * 2));

describe('voter register storage', () => {
  it('imports a large district’s list and finds exactly its voters', async () => {
    const listed = voters(12_000, '1960');
    await register.importSnapshot('e-1', 'snap-1', listed);

    const strangers = voters(150, '1961');
    const asked = [...listed.slice(0, 150), ...strangers, ...listed.slice(-100)];
    const found = await register.registeredAmong('e-1', 'snap-1', asked);
    expect(found.size).toBe(250);
    expect(strangers.some((iin) => found.has(iin))).toBe(false);
  });

  it('keeps snapshots and elections apart', async () => {
    const listed = voters(10, '1962');
    await register.importSnapshot('e-2', 'snap-1', listed);
    expect((await register.registeredAmong('e-2', 'snap-2', listed)).size).toBe(0);
    expect((await register.registeredAmong('e-3', 'snap-1', listed)).size).toBe(0);
    expect((await register.registeredAmong('e-2', 'snap-1', [...listed, ...listed])).size).toBe(10);
  });
});
