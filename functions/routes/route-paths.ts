/** The paths most routes lie under: an election, and a case in it. */
export const election = '/elections/{electionId}';
export const aCase = `${election}/cases/{caseId}`;
