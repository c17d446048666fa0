import electionCalendar from '../../../../workflows/election-calendar.asl.json' with { type: 'json' };
import nominationCase from '../../../../workflows/nomination-case.asl.json' with { type: 'json' };
import type { AslMachine } from './asl-graph.ts';

/**
 * The state machines the desk draws, imported from `workflows/*.asl.json` when the desk is built: the drawing is
 * always of the definition deployed with it (the CDK app and the local engine read the same files), and needs no
 * request. A case runs `nomination-case`; an election's calendar runs `election-calendar`.
 */
export const caseWorkflow: AslMachine = nominationCase;
export const calendarWorkflow: AslMachine = electionCalendar;
