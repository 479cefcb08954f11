import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { MFA_REQUIRED_CODE } from '../../../common/soracomCodes';
import { createQueryClient } from '../../api/queryClient';
import { reauth } from '../../api/reauth';
import { type Session, sessionStore } from '../../api/session';
import { loadCatalogPart, setLanguage } from '../../app/i18n';
import { ReLoginDialog } from './ReLoginDialog';

/** The typed client captures `fetch` when its module loads, so the stub must be in place before any import. */
const fetchMock = vi.hoisted(() => {
  const mock = vi.fn<typeof fetch>();
  vi.stubGlobal('fetch', mock);
  return mock;
});

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const ended: Session = {
  endpoint: 'local',
  apiKey: 'api-old',
  token: 'token-old',
  operatorId: 'OP0000000001',
  email: 'me@example.com',
  tokenTimeoutSeconds: 86_400,
};
/** Bodies of the `/auth` requests, in order; answered by `answerAuth`. */
let authBodies: Record<string, unknown>[];
let answerAuth: (body: Record<string, unknown>) => Response;

beforeAll(async () => {
  await setLanguage('en');
  await loadCatalogPart('console');
});
afterAll(() => {
  vi.unstubAllGlobals();
});
beforeEach(() => {
  authBodies = [];
  fetchMock.mockReset();
  fetchMock.mockImplementation(async (input) => {
    const request = input as Request;
    const body = (await request.json()) as Record<string, unknown>;
    authBodies.push(body);
    return answerAuth(body);
  });
  sessionStore.set(ended);
});
afterEach(() => {
  if (reauth.get()) reauth.complete(null);
  sessionStore.clear();
});

function renderDialog() {
  render(
    <QueryClientProvider client={createQueryClient()}>
      <MantineProvider env="test">
        <ReLoginDialog />
      </MantineProvider>
    </QueryClientProvider>,
  );
  return userEvent.setup();
}

const dialog = () => screen.queryByRole('dialog', { name: 'Sign in again' });

describe('ReLoginDialog', () => {
  it('shows nothing until a re-login is asked for', () => {
    renderDialog();
    expect(dialog()).not.toBeInTheDocument();
  });

  it('signs the same account in again and hands the new session over, closing', async () => {
    answerAuth = () => json({ apiKey: 'api-new', token: 'token-new', operatorId: 'OP0000000001' });
    const user = renderDialog();
    const waiting = reauth.request(ended);
    expect(await screen.findByRole('dialog', { name: 'Sign in again' })).toHaveTextContent('me@example.com');

    await user.type(screen.getByLabelText('Password'), 'secret');
    await user.click(screen.getByRole('button', { name: 'Sign in and continue' }));

    await expect(waiting).resolves.toMatchObject({ apiKey: 'api-new', token: 'token-new', email: 'me@example.com' });
    expect(authBodies).toEqual([{ email: 'me@example.com', password: 'secret', tokenTimeoutSeconds: 86_400 }]);
    await vi.waitFor(() => expect(dialog()).not.toBeInTheDocument());
  });

  it('asks for the MFA code without an error, then says only that sign-in failed when it is refused', async () => {
    answerAuth = () => json({ code: MFA_REQUIRED_CODE, message: 'MFA OTP code required' }, 401);
    const user = renderDialog();
    void reauth.request(ended);
    await user.type(await screen.findByLabelText('Password'), 'secret');
    await user.click(screen.getByRole('button', { name: 'Sign in and continue' }));

    const code = await screen.findByLabelText('MFA code');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();

    await user.type(code, '000000');
    await user.click(screen.getByRole('button', { name: 'Sign in and continue' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Sign-in failed. Check your password and try again.');
    expect(screen.queryByText('MFA OTP code required')).not.toBeInTheDocument();
    expect(authBodies[1]).toMatchObject({ mfaOTPCode: '000000' });
    expect(reauth.get()).toEqual(ended);
  });

  it('says only that sign-in failed when the password is wrong, and the wait stays open', async () => {
    answerAuth = () => json({ code: 'AUM0003', message: 'Authentication failed.' }, 401);
    const user = renderDialog();
    void reauth.request(ended);
    await user.type(await screen.findByLabelText('Password'), 'wrong');
    await user.click(screen.getByRole('button', { name: 'Sign in and continue' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Sign-in failed. Check your password and try again.');
    expect(screen.queryByLabelText('MFA code')).not.toBeInTheDocument();
    expect(reauth.get()).toEqual(ended);
  });

  it('gives the wait up when the user signs out instead, discarding the change', async () => {
    const user = renderDialog();
    const waiting = reauth.request(ended);
    await user.click(await screen.findByRole('button', { name: 'Sign out and discard changes' }));
    await expect(waiting).resolves.toBeNull();
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
