import { route } from '../routes/import-voter-register.ts';
import { s3ObjectStore } from '../support/aws-adapters/s3-object-store.ts';
import { stepFunctionsWorkflows } from '../support/aws-adapters/step-functions-workflows.ts';
import { apiLambdaHandler } from '../support/lambda-api.ts';

/** The Lambda of the API operation importVoterRegister. */
export const handler = apiLambdaHandler(
  { routes: [route] },
  {
    objects: s3ObjectStore,
    workflows: stepFunctionsWorkflows,
  },
);
