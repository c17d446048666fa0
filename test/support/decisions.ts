/** What other bodies report when all is clear: special check passed, declarations filed, no CLE 4 p.4 ground. */
export const checksPassed = {
  specialCheck: 'passed',
  declarationsFiled: true,
  disqualification: null,
} as const;

/** A community meeting that validly agrees in the fixture calendar, held the day the akimat's window opens: notice 3 days ahead, a quorum, a majority. */
export const agreedMeeting = {
  meetingDate: '2026-02-20',
  protocolNumber: '1',
  members: 30,
  membersNotifiedOn: '2026-02-17',
  attendance: 20,
  votesFor: 15,
  votesAgainst: 5,
  abstained: 0,
} as const;
