import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { DefinitionBody, LogLevel, StateMachine, StateMachineType } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import type { WorkflowName } from '../../../shared/ports/workflows.ts';
import { loadWorkflow, taskStates, workflowFile } from '../../../shared/workflow-definitions.ts';
import { workflowLogging } from '../observability.ts';

export interface WorkflowProps {
  readonly workflow: WorkflowName;
  /** The state machine's name, fixed so that functions can be told its ARN without a dependency cycle. */
  readonly stateMachineName: string;
  /** The function of each Task state, by the name its ASL placeholder uses (`${NameFunctionArn}`). */
  readonly functions: Readonly<Record<string, IFunction>>;
  /** @default a month of execution logs */
  readonly logRetention?: RetentionDays;
}

/**
 * One state machine from its ASL file, the single definition of the flow: loaded with DefinitionBody.fromFile,
 * each `${NameFunctionArn}` substituted with the function's ARN and each function granted to be invoked.
 * Standard type, its failures logged (workflowLogging), X-Ray on.
 */
export class Workflow extends Construct {
  readonly stateMachine: StateMachine;
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: WorkflowProps) {
    super(scope, id);
    const tasks = taskStates(loadWorkflow(props.workflow));
    const substitutions: Record<string, string> = {};
    for (const task of tasks) {
      const fn = props.functions[task.functionName];
      if (fn === undefined) throw new Error(`${props.workflow}: no function for ${task.stateName}`);
      substitutions[`${task.functionName}FunctionArn`] = fn.functionArn;
    }
    this.logGroup = new LogGroup(this, 'Logs', {
      retention: props.logRetention ?? RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.stateMachine = new StateMachine(this, 'StateMachine', {
      stateMachineName: props.stateMachineName,
      stateMachineType: StateMachineType.STANDARD,
      definitionBody: DefinitionBody.fromFile(workflowFile(props.workflow).pathname),
      definitionSubstitutions: substitutions,
      logs: {
        destination: this.logGroup,
        level: LogLevel[workflowLogging.level],
        includeExecutionData: workflowLogging.includeExecutionData,
      },
      tracingEnabled: true,
    });
    // fromFile does not grant what the definition invokes. The definition calls unqualified ARNs, so the grant
    // names exactly those (grantInvoke would add `:*` for every version and alias).
    const invoked = tasks.flatMap((task) => props.functions[task.functionName]?.functionArn ?? []);
    this.stateMachine.addToRolePolicy(
      new PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: invoked }),
    );
    Validations.of(this.stateMachine).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Only the X-Ray and CloudWatch Logs delivery actions that tracing and logging add, which have no resource-level permissions',
    });
    if (workflowLogging.level !== 'ALL') {
      Validations.of(this.stateMachine).acknowledge({
        id: 'AwsSolutions-SF1',
        reason:
          'Failures are logged with their input; every step is in the execution’s own history (kept by Step Functions 90 days after it ends) and every change of a case on its audit trail, while logging every step with its data was most of the product’s log bytes',
      });
    }
  }
}
