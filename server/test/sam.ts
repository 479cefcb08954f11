/**
 * SAM users in sandbox tests. A SAM user may call nothing until a permission allows it (guesses: who may call what),
 * so a test about what a user does for themself first gives them the self-service statement SORACOM documents.
 */
import { expect } from 'vitest';
import { type ContractSandbox, type Credentials, demo } from './contract';

export interface Statement {
  effect: 'allow' | 'deny';
  api: string | string[];
  condition?: string;
}

/** Everything a user does to their own user (password, MFA, auth keys, tokens), and nothing to anyone else's. */
export const selfService: Statement = {
  effect: 'allow',
  api: 'User:*',
  condition: "pathVariable('user_name') == samUserName",
};

export const permissionText = (...statements: Statement[]) => JSON.stringify({ statements });

/** Sets the user's own permission as the root account; fails the test unless it answers 200. */
export async function grant(
  s: ContractSandbox,
  root: Credentials,
  userName: string,
  ...statements: Statement[]
): Promise<void> {
  const res = await s.call('PUT', `/operators/${demo.operatorId}/users/${userName}/permission`, {
    auth: root,
    body: { permission: permissionText(...statements) },
  });
  expect(res.status, res.text).toBe(200);
}

/** Signs a SAM user of the demo operator in; fails the test unless it answers 200. */
export async function samLogin(
  s: ContractSandbox,
  userName: string = demo.userName,
  password: string = demo.userPassword,
): Promise<Credentials> {
  const res = await s.call('POST', '/auth', { body: { operatorId: demo.operatorId, userName, password } });
  expect(res.status, res.text).toBe(200);
  return res.body;
}
