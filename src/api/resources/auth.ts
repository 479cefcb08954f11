/**
 * Signing in and out, and the pages used before signing in: sign-up and its address check, password reset, turning
 * MFA off with a backup code. `POST /auth` and the session built from its answer are written here only: the login
 * page and the re-login dialog both go through `openSession`.
 *
 * The login page imports this module on demand, never statically: its route is in the entry chunk, and this module
 * brings the API client and React Query, which the first paint does without.
 */
import { mutationOptions } from '@tanstack/react-query';
import { MFA_REQUIRED_CODE } from '../../../common/soracomCodes';
import { api, apiBase } from '../client';
import { ApiError } from '../errors';
import { reauth } from '../reauth';
import { defaultTokenTimeoutSeconds, type EndReason, type Session, sessionStore } from '../session';

/** Who signs in: the root account by its email, or a SAM user of an operator. */
export type Account = { email: string } | { operatorId: string; userName: string };

export interface SignIn {
  /** The API endpoint the session will use (`local`, `jp`, ...). */
  endpoint: string;
  account: Account;
  password: string;
  /** The MFA code, sent only when one was given. */
  mfaCode?: string;
  /** The token lifetime to ask for; SORACOM's default when not given. */
  tokenTimeoutSeconds?: number;
}

/** The body `POST /auth` takes: the account's own fields trimmed (never the password), the code only when given. */
export function authBody({ account, password, mfaCode, tokenTimeoutSeconds }: SignIn) {
  const who =
    'email' in account
      ? { email: account.email.trim() }
      : { operatorId: account.operatorId.trim(), userName: account.userName.trim() };
  const code = mfaCode?.trim();
  return {
    ...who,
    password,
    ...(code ? { mfaOTPCode: code } : {}),
    tokenTimeoutSeconds: tokenTimeoutSeconds ?? defaultTokenTimeoutSeconds,
  };
}

/** Whether a sign-in was refused for want of a (right) MFA code. */
export function isMfaRequired(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401 && error.code === MFA_REQUIRED_CODE;
}

/**
 * Signs in at the request's endpoint and returns the session the answer opens, storing nothing. Fails with the API's
 * error as it came (see `isMfaRequired`): the screens decide how much of it to tell.
 */
async function openSession(request: SignIn): Promise<Session> {
  const body = authBody(request);
  const { data } = await api.POST('/auth', { baseUrl: apiBase(request.endpoint), body });
  if (!data?.apiKey || !data.token || !data.operatorId) throw new Error('incomplete /auth answer');
  return {
    endpoint: request.endpoint,
    apiKey: data.apiKey,
    token: data.token,
    operatorId: data.operatorId,
    ...(data.userName ? { userName: data.userName } : {}),
    ...('email' in body ? { email: body.email } : {}),
    tokenTimeoutSeconds: body.tokenTimeoutSeconds,
    expiresAt: Date.now() + body.tokenTimeoutSeconds * 1000,
  };
}

/** Signs in and keeps the session (in this tab's sessionStorage, through the session store). */
export async function signIn(request: SignIn): Promise<Session> {
  const session = await openSession(request);
  sessionStore.set(session);
  return session;
}

/** Signs in again as the account of a session that ended, asking for the lifetime it had. */
async function reopenSession(ended: Session, password: string, mfaCode: string): Promise<Session> {
  const account: Account = ended.userName
    ? { operatorId: ended.operatorId, userName: ended.userName }
    : { email: ended.email ?? '' };
  const session = await openSession({
    endpoint: ended.endpoint,
    account,
    password,
    mfaCode,
    tokenTimeoutSeconds: ended.tokenTimeoutSeconds,
  });
  // The same operator or nothing: the work waiting to be saved belongs to it.
  if (session.operatorId !== ended.operatorId) throw new Error('signed in as another operator');
  return { ...ended, ...session };
}

interface Credentials {
  email: string;
  password: string;
}

export const authChanges = {
  /**
   * Signing in again in place (src/components/session/ReLoginDialog): the new session goes to the renewal waiting
   * for it, which keeps it and sends the refused request again, so the pending change is saved.
   */
  reLogin: () =>
    mutationOptions({
      mutationFn: ({ ended, password, mfaCode }: { ended: Session; password: string; mfaCode: string }) =>
        reopenSession(ended, password, mfaCode),
      onSuccess: (session) => reauth.complete(session),
    }),

  /**
   * Revokes the key and token on the API, then forgets them here even if the API could not be reached. Forgetting the
   * session also drops every cached answer: the signed-in shell clears its query cache whenever a session ends.
   */
  signOut: (reason: EndReason) =>
    mutationOptions({
      mutationFn: async () => {
        // Signing out ends any wait for a re-login: what was not saved is given up.
        if (reauth.get()) reauth.complete(null);
        try {
          await api.POST('/auth/logout');
        } catch {
          // The session is dropped locally all the same; an unrevoked token expires on its own.
        }
      },
      onSettled: () => sessionStore.clear(reason),
    }),

  /** A new account: the API mails a link to confirm the address (`verifyEmail`). */
  signUp: (endpoint: string) =>
    mutationOptions({
      mutationFn: async (account: Credentials) => {
        await api.POST('/operators', { baseUrl: apiBase(endpoint), body: account });
      },
    }),

  /** The sign-up mail's link: its token works once. */
  verifyEmail: (endpoint: string) =>
    mutationOptions({
      mutationFn: async (token: string) => {
        await api.POST('/operators/verify', { baseUrl: apiBase(endpoint), body: { token } });
      },
    }),

  /** "Forgot password?": the API mails a link to choose a new one (`resetPassword`). */
  requestPasswordReset: (endpoint: string) =>
    mutationOptions({
      mutationFn: async (email: string) => {
        await api.POST('/auth/password_reset_token/issue', { baseUrl: apiBase(endpoint), body: { email } });
      },
    }),

  resetPassword: (endpoint: string, token: string) =>
    mutationOptions({
      mutationFn: async (password: string) => {
        await api.POST('/auth/password_reset_token/verify', { baseUrl: apiBase(endpoint), body: { token, password } });
      },
    }),

  /** A lost MFA device: the API mails a link to turn MFA off with a backup code (`revokeMfa`). */
  requestMfaRevoke: (endpoint: string) =>
    mutationOptions({
      mutationFn: async (credentials: Credentials) => {
        await api.POST('/operators/mfa_revoke_token/issue', { baseUrl: apiBase(endpoint), body: credentials });
      },
    }),

  revokeMfa: (endpoint: string, token: string) =>
    mutationOptions({
      mutationFn: async (proof: Credentials & { backupCode: string }) => {
        await api.POST('/operators/mfa_revoke_token/verify', { baseUrl: apiBase(endpoint), body: { token, ...proof } });
      },
    }),
};
