/**
 * The fields of each credential set type (`/credentials`), which the sandbox checks and the console's form asks
 * for: `public` ones identify the set and are answered; `secret` ones are write-only (server/sandbox/guesses.ts,
 * credentials). From the request examples of `POST /credentials/{credentials_id}` in SORACOM's description.
 */
export interface CredentialFields {
  public: readonly string[];
  secret: readonly string[];
  optional?: readonly string[];
}
export const credentialTypes: Readonly<Record<string, CredentialFields>> = {
  'api-token-credentials': { public: [], secret: ['token'] },
  'aws-credentials': { public: ['accessKeyId'], secret: ['secretAccessKey'] },
  'aws-iam-role-credentials': { public: ['roleArn'], secret: ['externalId'] },
  'azure-credentials': { public: ['policyName'], secret: ['key'] },
  'azureIoT-credentials': { public: ['sharedAccessKeyName'], secret: ['sharedAccessKey'] },
  'esrij-credentials': { public: ['refererUrl'], secret: [] },
  'google-service-account-json': { public: [], secret: ['credentials'] },
  'googleIoT-credentials': {
    public: ['algorithm', 'deviceId', 'projectId', 'region', 'registryId'],
    secret: ['privateKey'],
  },
  'infoteria-platio-credentials': { public: ['tokenId'], secret: ['secretToken'] },
  'kii-thingif-credentials': { public: ['app_id', 'client_id'], secret: ['app_key', 'client_secret'] },
  'landlog-credentials': { public: ['client_id'], secret: ['client_secret'] },
  'mmcloud-credentials': { public: ['customerid', 'machineid', 'machineidtype'], secret: ['commandcode'] },
  'motionboard-credentials': { public: ['tenant', 'template'], secret: ['authkey'] },
  'optim-cloud-IoT-OS-credentials': { public: ['client_id'], secret: ['client_secret'] },
  'private-key-pem': { public: [], secret: ['privateKeyPem'] },
  psk: { public: [], secret: ['key'] },
  'pubnub-credentials': { public: ['pubKey'], secret: ['subKey'] },
  'sensorcorpus-credentials': { public: [], secret: ['session_code'] },
  'username-password-credentials': { public: ['username'], secret: ['password'] },
  x509: { public: ['ca', 'cert'], secret: ['key'], optional: ['ca'] },
};
