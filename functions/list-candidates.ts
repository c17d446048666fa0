import { localize } from '../shared/domain/error-catalogue.ts';
import { groundCategoryMessage } from '../shared/domain/public-grounds.ts';
import { isPublishedListFinal } from '../shared/domain/published-list-changes.ts';
import type { Dependencies } from './support/dependencies.ts';
import { type OperationRequest, pathParam } from './support/operation.ts';

/**
 * listCandidates: public. The registered candidates of an election, without personal data (CLE 113-5 p.9), and
 * beside them the refused and cancelled candidates with the category of each legal ground in kk/ru/en, never
 * the reasons or records behind it [D, public-grounds.ts]; from the published list: this operation never reads
 * a case.
 */
export function createHandler(deps: Pick<Dependencies, 'elections' | 'published' | 'clock'>) {
  return async (request: OperationRequest) => {
    const election = await deps.elections.get(pathParam(request, 'electionId'));
    const { candidates, refusedOrCancelled, unreadableCases } = await deps.published.read(
      election.electionId,
    );
    return {
      electionId: election.electionId,
      // Final only once nothing can change it: after registration close, cancellations and a court's
      // registrations still may, until their own deadlines (published-list-changes.ts).
      final: isPublishedListFinal(election, deps.clock.now()),
      candidates,
      refusedOrCancelled: refusedOrCancelled.map(({ groundCategories, ...decision }) => ({
        ...decision,
        grounds: groundCategories.map((category) => ({
          category,
          text: localize(groundCategoryMessage[category]),
        })),
      })),
      // Stored records that could not be read when last listed (the district is told which): the list may be
      // missing someone.
      unreadableCases,
    };
  };
}
