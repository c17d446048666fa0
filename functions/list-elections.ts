import * as z from 'zod';
import { timeZoneOf } from '../shared/domain/election-rules.ts';
import { DistrictCodeSchema } from '../shared/domain/kato.ts';
import { parseOrThrow } from '../shared/domain/validation.ts';
import type { ElectionsResponseSchema } from '../shared/http/responses/notices.ts';
import type { Dependencies } from './support/dependencies.ts';
import { type OperationRequest, queryParam } from './support/operation.ts';

const ListElectionsQuerySchema = z.strictObject({ district: DistrictCodeSchema });

/** listElections: public, like each election (so without a token's district: the desk names its user's). */
export function createHandler(deps: Pick<Dependencies, 'elections'>) {
  return async (request: OperationRequest): Promise<z.output<typeof ElectionsResponseSchema>> => {
    const { caller } = request;
    const own = caller.role === 'commission' || caller.role === 'akimat' ? caller.district : undefined;
    const { district } = parseOrThrow(ListElectionsQuerySchema, {
      district: queryParam(request, 'district') ?? own,
    });
    const elections = await deps.elections.listByDistrict(district);
    return {
      district,
      elections: elections.map((election) => ({
        electionId: election.electionId,
        unit: election.unit,
        electionDay: election.electionDay,
        phase: election.phase,
        timeZone: timeZoneOf(election.rules),
        nominationClosesAt: election.calendar.nominationClosesAt,
        registrationClosesAt: election.calendar.registrationClosesAt,
      })),
    };
  };
}
