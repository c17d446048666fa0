import * as z from 'zod/mini';

/** An absolute http(s) address: where the desk signs in or calls the API. */
const AddressSchema = z.url({ protocol: /^https?$/ });

/**
 * What `/desk-config.json` tells the desk: where to sign in and where the API is. The one definition for all who
 * write it (the CDK deploy on AWS, the local engine) and the desk that reads it. zod/mini: the desk's first load
 * carries this schema.
 */
export const DeskConfigSchema = z.object({
  /** The OpenID Connect issuer: the user pool on AWS (`https://cognito-idp.<region>.amazonaws.com/<pool id>`), the engine's `/oidc` locally. */
  authority: AddressSchema,
  /** The desk's app client. */
  clientId: z.string().check(z.minLength(1)),
  apiUrl: AddressSchema,
  /**
   * On AWS, Cognito's sign-out page (`https://<domain>/logout`, which takes `client_id` and `logout_uri`): its
   * discovery document names none, and without it the hosted sign-in's session outlives the desk's. A malformed
   * one is no sign-out page: the desk then signs out of itself rather than going nowhere.
   */
  endSessionEndpoint: z.catch(z.optional(AddressSchema), undefined),
});
export type DeskConfig = z.infer<typeof DeskConfigSchema>;

/** The fields a configuration must give: a writer that leaves one out fails where it is built, not in a browser. */
export const deskConfigFields = Object.keys(DeskConfigSchema.shape) as readonly (keyof DeskConfig)[];
