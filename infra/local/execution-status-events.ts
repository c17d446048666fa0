import type { EndedBadly } from './local-workflows.ts';

/**
 * The event Step Functions sends EventBridge when an execution ends badly ("Step Functions Execution Status
 * Change"), with the fields the reconciler reads: the local engine hands its reconciler the same event, so that
 * one path repairs an ended execution on both infrastructures.
 */
export function executionStatusChange(ended: EndedBadly, at: string) {
  return {
    source: 'aws.states',
    'detail-type': 'Step Functions Execution Status Change',
    time: at,
    detail: {
      name: ended.name,
      status: ended.status,
      stateMachineArn: `local:${ended.workflow}`,
      input: JSON.stringify(ended.input),
    },
  };
}
