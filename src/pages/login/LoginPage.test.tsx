import { MantineProvider } from '@mantine/core';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { MFA_REQUIRED_CODE } from '../../../common/soracomCodes';
import { sessionStore } from '../../api/session';
import { setLanguage } from '../../app/i18n';
import { LoginPage } from './LoginPage';

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const endpoints = {
  endpoints: [
    { id: 'local', upstream: null },
    { id: 'jp', upstream: 'https://api.soracom.io/v1' },
  ],
};

const urlOf = (input: RequestInfo | URL) =>
  typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;

/**
 * One fetch stub for the whole file: the typed client captures `fetch` when its module first loads,
 * so each test changes what this stub answers, not the stub itself.
 */
const fetchMock = vi.fn<typeof fetch>();
/** What each test's `POST .../auth` answers, given the request body. */
let answerAuth: (body: Record<string, unknown>, url: string) => Response | Promise<Response>;
/** Bodies and URLs of every `/auth` request, in order. */
let authRequests: { url: string; body: Record<string, unknown> }[];

beforeAll(() => {
  vi.stubGlobal('fetch', fetchMock);
});
afterAll(() => {
  vi.unstubAllGlobals();
});

beforeEach(async () => {
  await setLanguage('en');
  authRequests = [];
  answerAuth = () => json({ code: 'AUM0003', message: 'Authentication failed.' }, 401);
  fetchMock.mockReset();
  fetchMock.mockImplementation(async (input, init) => {
    const url = urlOf(input);
    if (url.endsWith('/api/endpoints')) return json(endpoints);
    if (/\/api\/[^/]+\/v1\/auth$/.test(url)) {
      const request = input instanceof Request ? input : new Request(new URL(url, location.origin), init);
      const body = (await request.json()) as Record<string, unknown>;
      authRequests.push({ url, body });
      return answerAuth(body, url);
    }
    return json({ code: 'TEST404', message: `unexpected ${url}` }, 404);
  });
});

afterEach(() => {
  sessionStore.clear();
});

function renderLogin(path = '/login') {
  const router = createMemoryRouter(
    [
      { path: '/login', element: <LoginPage /> },
      { path: '/', element: <p>HOME PAGE</p> },
      { path: '/sims', element: <p>SIMS PAGE</p> },
      { path: '/groups', element: <p>GROUPS PAGE</p> },
    ],
    { initialEntries: [path] },
  );
  render(
    <MantineProvider env="test">
      <RouterProvider router={router} />
    </MantineProvider>,
  );
  return { user: userEvent.setup(), router };
}

/** Renders the page and waits for the endpoint list, as a user would before typing. */
async function openLogin(path?: string) {
  const rendered = renderLogin(path);
  await screen.findByRole('option', { name: 'Japan coverage' });
  return rendered;
}

const authCallCount = () => fetchMock.mock.calls.filter(([input]) => urlOf(input).endsWith('/auth')).length;

describe('LoginPage', () => {
  it('asks for an email and a password for the root account', async () => {
    await openLogin();
    expect(screen.getByRole('heading', { name: 'Sign in to SORACOM' })).toBeInTheDocument();
    expect(screen.getByLabelText('Email')).toHaveAttribute('type', 'email');
    expect(screen.getByLabelText('Password')).toHaveAttribute('type', 'password');
    expect(screen.queryByLabelText('Operator ID')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Root account' })).toHaveAttribute('aria-pressed', 'true');
  });

  it('labels the language switch in words, not with a catalogue key', async () => {
    await openLogin();
    expect(screen.getByRole('combobox', { name: 'Language' })).toHaveValue('en');
  });

  it('offers the endpoints the server lists', async () => {
    await openLogin();
    const select = screen.getByLabelText('API endpoint');
    expect(
      within(select)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Local sandbox (Japan)', 'Japan coverage']);
    expect(select).toHaveValue('local');
  });

  it('asks a SAM user for the operator ID and user name instead of an email', async () => {
    const { user } = await openLogin();
    await user.click(screen.getByRole('button', { name: 'SAM user' }));

    expect(screen.getByRole('button', { name: 'SAM user' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByLabelText('Operator ID')).toBeInTheDocument();
    expect(screen.getByLabelText('User name')).toBeInTheDocument();
    expect(screen.getByLabelText('Password')).toBeInTheDocument();
    expect(screen.queryByLabelText('Email')).not.toBeInTheDocument();
  });

  it('lets the password be shown and hidden again', async () => {
    const { user } = await openLogin();
    await user.click(screen.getByRole('button', { name: 'Show password' }));
    expect(screen.getByLabelText('Password')).toHaveAttribute('type', 'text');
    await user.click(screen.getByRole('button', { name: 'Hide password' }));
    expect(screen.getByLabelText('Password')).toHaveAttribute('type', 'password');
  });

  it('says what is missing and does not call the API when submitted empty', async () => {
    const { user } = await openLogin();
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(screen.getAllByText('Required')).toHaveLength(2);
    expect(screen.getByLabelText('Email')).toHaveAccessibleDescription('Required');
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription('Required');
    expect(screen.getByLabelText('Email')).toHaveAttribute('aria-invalid', 'true');
    expect(authCallCount()).toBe(0);
  });

  it('rejects a malformed email before calling the API, and clears the message once edited', async () => {
    const { user } = await openLogin();
    await user.type(screen.getByLabelText('Email'), 'not-an-email');
    await user.type(screen.getByLabelText('Password'), 'secret');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(screen.getByLabelText('Email')).toHaveAccessibleDescription('Enter an email address');
    expect(authCallCount()).toBe(0);

    await user.type(screen.getByLabelText('Email'), '@example.com');
    expect(screen.queryByText('Enter an email address')).not.toBeInTheDocument();
  });

  it('says only that sign-in failed when the credentials are wrong', async () => {
    answerAuth = () => json({ code: 'AUM0003', message: 'Authentication failed.' }, 401);
    const { user } = await openLogin();
    await user.type(screen.getByLabelText('Email'), 'me@example.com');
    await user.type(screen.getByLabelText('Password'), 'wrong');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Sign-in failed. Check what you entered and try again.');
    expect(screen.queryByText('Authentication failed.')).not.toBeInTheDocument();
    expect(authRequests).toEqual([
      {
        url: expect.stringMatching(/\/api\/local\/v1\/auth$/),
        body: { email: 'me@example.com', password: 'wrong', tokenTimeoutSeconds: 86400 },
      },
    ]);
    expect(sessionStore.get()).toBeNull();
    expect(screen.queryByText('HOME PAGE')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeEnabled();
  });

  it('counts down while rate-limited, with the button disabled until then', async () => {
    answerAuth = () =>
      new Response(JSON.stringify({ code: 'AUM0429', message: 'Too many requests' }), {
        status: 429,
        headers: { 'content-type': 'application/json', 'X-Soracom-Ratelimit-Seconds-Before-Refresh': '42' },
      });
    const { user } = await openLogin();
    await user.type(screen.getByLabelText('Email'), 'me@example.com');
    await user.type(screen.getByLabelText('Password'), 'pw');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/Too many attempts\. You can try again in 4[12] s\./);
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeDisabled();
  });

  it.each([
    [429, 'Too many attempts. You can try again in 30 s.'],
    [500, 'Sign-in is not available right now. Try again in a moment.'],
  ])('explains a %i answer', async (status, message) => {
    answerAuth = () => json({ code: `HTTP${status}`, message: 'x' }, status);
    const { user } = await openLogin();
    await user.type(screen.getByLabelText('Email'), 'me@example.com');
    await user.type(screen.getByLabelText('Password'), 'pw');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(message);
  });

  it('says the server could not be reached when the request fails', async () => {
    answerAuth = () => {
      throw new TypeError('Failed to fetch');
    };
    const { user } = await openLogin();
    await user.type(screen.getByLabelText('Email'), 'me@example.com');
    await user.type(screen.getByLabelText('Password'), 'pw');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The server could not be reached. Check your connection and try again.',
    );
  });

  it('asks for the MFA code when the account needs one, then signs in with it', async () => {
    answerAuth = (body) =>
      body.mfaOTPCode === '123456'
        ? json({ apiKey: 'api-x', token: 't', operatorId: 'OP0000000001' })
        : json({ code: MFA_REQUIRED_CODE, message: 'MFA code required' }, 401);
    const { user, router } = await openLogin();
    await user.type(screen.getByLabelText('Email'), 'me@example.com');
    await user.type(screen.getByLabelText('Password'), 'secret');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    const code = await screen.findByLabelText('MFA code');
    expect(screen.getByText('Enter the 6-digit code from your authenticator app.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Verify' })).toBeInTheDocument();
    expect(screen.queryByLabelText('Email')).not.toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(sessionStore.get()).toBeNull();

    await user.type(code, '123456');
    await user.click(screen.getByRole('button', { name: 'Verify' }));

    expect(await screen.findByText('HOME PAGE')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/');
    expect(authRequests.map((r) => r.body)).toEqual([
      { email: 'me@example.com', password: 'secret', tokenTimeoutSeconds: 86400 },
      { email: 'me@example.com', password: 'secret', mfaOTPCode: '123456', tokenTimeoutSeconds: 86400 },
    ]);
    const stored = JSON.parse(sessionStorage.getItem('soracom-console.session') ?? 'null');
    expect(stored).toEqual({
      endpoint: 'local',
      apiKey: 'api-x',
      token: 't',
      operatorId: 'OP0000000001',
      email: 'me@example.com',
      tokenTimeoutSeconds: 86400,
      expiresAt: expect.any(Number),
    });
    expect(localStorage.getItem('soracom-console.session')).toBeNull();
  });

  it('checks the MFA code is six digits before sending it', async () => {
    answerAuth = () => json({ code: MFA_REQUIRED_CODE, message: 'MFA code required' }, 401);
    const { user } = await openLogin();
    await user.type(screen.getByLabelText('Email'), 'me@example.com');
    await user.type(screen.getByLabelText('Password'), 'secret');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    await user.type(await screen.findByLabelText('MFA code'), '123');
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    expect(screen.getByLabelText('MFA code')).toHaveAccessibleDescription('Enter the 6 digits of the code');
    expect(authRequests).toHaveLength(1);
  });

  it('says the code was refused, and can go back to the credentials', async () => {
    answerAuth = () => json({ code: MFA_REQUIRED_CODE, message: 'MFA code required' }, 401);
    const { user } = await openLogin();
    await user.type(screen.getByLabelText('Email'), 'me@example.com');
    await user.type(screen.getByLabelText('Password'), 'secret');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    await user.type(await screen.findByLabelText('MFA code'), '000000');
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Sign-in failed. Check the code and try again.');
    expect(screen.getByLabelText('MFA code')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Back to sign in' }));
    expect(screen.getByLabelText('Email')).toHaveValue('me@example.com');
    expect(screen.queryByLabelText('MFA code')).not.toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeInTheDocument();
  });

  it('sends exactly one request however fast Sign in is pressed', async () => {
    let release: (response: Response) => void = () => {};
    answerAuth = () =>
      new Promise<Response>((resolve) => {
        release = resolve;
      });
    const { user } = await openLogin();
    await user.type(screen.getByLabelText('Email'), 'me@example.com');
    await user.type(screen.getByLabelText('Password'), 'secret');
    await user.dblClick(screen.getByRole('button', { name: 'Sign in' }));
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    await waitFor(() => expect(authRequests).toHaveLength(1));
    release(json({ apiKey: 'api-x', token: 't', operatorId: 'OP0000000001' }));
    expect(await screen.findByText('HOME PAGE')).toBeInTheDocument();
    expect(authCallCount()).toBe(1);
  });

  it('sends one request when the form is submitted twice before it re-renders', async () => {
    let release: (response: Response) => void = () => {};
    answerAuth = () =>
      new Promise<Response>((resolve) => {
        release = resolve;
      });
    const { user } = await openLogin();
    await user.type(screen.getByLabelText('Email'), 'me@example.com');
    await user.type(screen.getByLabelText('Password'), 'secret');
    const form = screen.getByRole('form', { name: 'Sign in' });
    // Two submissions in one go (Enter and a click together): the button is not disabled yet for the second.
    act(() => {
      fireEvent.submit(form);
      fireEvent.submit(form);
    });
    fireEvent.submit(form);

    await waitFor(() => expect(authRequests).toHaveLength(1));
    release(json({ apiKey: 'api-x', token: 't', operatorId: 'OP0000000001' }));
    expect(await screen.findByText('HOME PAGE')).toBeInTheDocument();
    expect(authCallCount()).toBe(1);
  });

  it('signs a SAM user in at the chosen endpoint and returns to the page asked for', async () => {
    answerAuth = () => json({ apiKey: 'api-s', token: 'ts', operatorId: 'OP0000000002', userName: 'alice' });
    const { user, router } = await openLogin(`/login?from=${encodeURIComponent('/groups?x=1')}`);
    await user.selectOptions(screen.getByLabelText('API endpoint'), 'jp');
    await user.click(screen.getByRole('button', { name: 'SAM user' }));
    await user.type(screen.getByLabelText('Operator ID'), ' OP0000000002 ');
    await user.type(screen.getByLabelText('User name'), 'alice');
    await user.type(screen.getByLabelText('Password'), 'secret');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByText('GROUPS PAGE')).toBeInTheDocument();
    expect(router.state.location.pathname + router.state.location.search).toBe('/groups?x=1');
    expect(authRequests).toEqual([
      {
        url: expect.stringMatching(/\/api\/jp\/v1\/auth$/),
        body: { operatorId: 'OP0000000002', userName: 'alice', password: 'secret', tokenTimeoutSeconds: 86400 },
      },
    ]);
    expect(sessionStore.get()).toEqual({
      endpoint: 'jp',
      apiKey: 'api-s',
      token: 'ts',
      operatorId: 'OP0000000002',
      userName: 'alice',
      tokenTimeoutSeconds: 86400,
      expiresAt: expect.any(Number),
    });
  });

  it('never returns to another site after signing in', async () => {
    answerAuth = () => json({ apiKey: 'api-x', token: 't', operatorId: 'OP0000000001' });
    const { user } = await openLogin(`/login?from=${encodeURIComponent('//evil.test/x')}`);
    await user.type(screen.getByLabelText('Email'), 'me@example.com');
    await user.type(screen.getByLabelText('Password'), 'secret');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('HOME PAGE')).toBeInTheDocument();
  });

  it('sends a code given up front with the first request', async () => {
    const { user } = await openLogin();
    await user.click(screen.getByRole('button', { name: 'I have an MFA code' }));
    await user.type(screen.getByLabelText('Email'), 'me@example.com');
    await user.type(screen.getByLabelText('Password'), 'secret');
    await user.type(screen.getByLabelText('MFA code'), '654321');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    await waitFor(() => expect(authRequests).toHaveLength(1));
    expect(authRequests[0]?.body).toEqual({
      email: 'me@example.com',
      password: 'secret',
      mfaOTPCode: '654321',
      tokenTimeoutSeconds: 86400,
    });
  });

  it('says the session ended when it expired', async () => {
    sessionStore.set({ endpoint: 'local', apiKey: 'a', token: 't', operatorId: 'OP0000000001' });
    sessionStore.clear('expired');
    await openLogin();
    expect(screen.getByRole('status')).toHaveTextContent('Your session has ended. Sign in again to continue.');
  });

  it('goes straight on when already signed in', async () => {
    sessionStore.set({ endpoint: 'local', apiKey: 'a', token: 't', operatorId: 'OP0000000001' });
    renderLogin();
    expect(await screen.findByText('HOME PAGE')).toBeInTheDocument();
  });

  it('still offers the local sandbox when the endpoint list cannot be loaded', async () => {
    fetchMock.mockImplementation(async () => new Response('down', { status: 502 }));
    renderLogin();
    const select = screen.getByLabelText('API endpoint');
    await waitFor(() => expect(fetchMock).toHaveBeenCalled());
    expect(
      within(select)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Local sandbox (Japan)']);
  });

  it('speaks Japanese when that is the language in use', async () => {
    await setLanguage('ja');
    renderLogin();
    await screen.findByRole('option', { name: '日本カバレッジ' });
    expect(screen.getByRole('heading', { name: 'SORACOM にログイン' })).toBeInTheDocument();
    expect(screen.getByLabelText('メールアドレス')).toBeInTheDocument();
  });
});
