import { type Stack, Token } from 'aws-cdk-lib';

/**
 * How cdk-nag writes the stack's partition, region and account in a finding's id: the value where the synthesis
 * knows it (`cdk synth` with a region configured), the placeholder where it does not. An acknowledgement written
 * with placeholders alone would not match, and the synthesis would fail.
 */
export function nagEnvironment(stack: Stack): { partition: string; region: string; account: string } {
  const shown = (value: string, placeholder: string) =>
    Token.isUnresolved(value) ? `<${placeholder}>` : value;
  return {
    partition: shown(stack.partition, 'AWS::Partition'),
    region: shown(stack.region, 'AWS::Region'),
    account: shown(stack.account, 'AWS::AccountId'),
  };
}
