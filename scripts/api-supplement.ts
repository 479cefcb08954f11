/**
 * Operations the console needs that this version of the SORACOM description lacks. Their shape comes from the
 * recorded examples in ../shared/soracom-api/examples.md; status codes are our reading of "no content" there. Their
 * tag is ours too: Operator, as for the other `/operators` operations.
 */
export const supplement = {
  paths: {
    '/operators': {
      post: {
        operationId: 'createOperator',
        tags: ['Operator'],
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { $ref: '#/components/schemas/CreateOperatorRequest' } } },
        },
        responses: {
          '201': { description: '' },
          '400': {
            description: '',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/APICallErrorMessage' } } },
          },
        },
      },
    },
    '/operators/verify': {
      post: {
        operationId: 'verifyOperator',
        tags: ['Operator'],
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { $ref: '#/components/schemas/VerifyOperatorRequest' } } },
        },
        responses: {
          '200': { description: '' },
          '400': {
            description: '',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/APICallErrorMessage' } } },
          },
        },
      },
    },
  },
  schemas: {
    CreateOperatorRequest: {
      type: 'object',
      required: ['email', 'password'],
      properties: { email: { type: 'string' }, password: { type: 'string' } },
    },
    VerifyOperatorRequest: {
      type: 'object',
      required: ['token'],
      properties: { token: { type: 'string' } },
    },
  },
};

/**
 * Where the description contradicts itself, the reading we take. `POST /credentials/{id}` shows request examples for
 * nineteen credential types (API token, AWS IAM role, Azure IoT, PubNub, …) and `CredentialsModel` lists twenty, but
 * `CreateAndUpdateCredentialsModel.type` lists only four: a request's `type` takes every type `CredentialsModel` lists.
 * `RuleConfigProperty.runOnceAmongTarget` is a string whose enum is the YAML booleans: it takes "true" and "false".
 */
export const amendments: readonly { schema: string; property: string; enumOf?: string; enum?: readonly string[] }[] = [
  { schema: 'CreateAndUpdateCredentialsModel', property: 'type', enumOf: 'CredentialsModel' },
  // A string whose enum is the YAML booleans true and false: no value could fit. The examples send "true".
  { schema: 'RuleConfigProperty', property: 'runOnceAmongTarget', enum: ['true', 'false'] },
];
