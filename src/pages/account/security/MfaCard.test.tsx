import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Who } from '../../../api/resources/security';
import { type Session, sessionStore } from '../../../api/session';
import { loadCatalogPart, setLanguage } from '../../../app/i18n';
import { MfaCard } from './MfaCard';

/** The typed client captures `fetch` when its module loads, so the stub is installed before any import. */
const fetchMock = vi.hoisted(() => {
  const mock = vi.fn<typeof fetch>();
  vi.stubGlobal('fetch', mock);
  return mock;
});

interface Sent {
  method: string;
  path: string;
  body: unknown;
  token: string | null;
}
type Handler = (body: unknown) => Response;

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const noContent = () => new Response(null, { status: 204 });

const session: Session = {
  endpoint: 'local',
  apiKey: 'api-key-1',
  token: 'token-1',
  operatorId: 'OP0000000001',
  email: 'me@example.com',
};
const root: Who = { operatorId: 'OP0000000001' };
const samUser: Who = { operatorId: 'OP0000000001', userName: 'alice' };
const rootBase = '/api/local/v1/operators/OP0000000001';
const userBase = '/api/local/v1/operators/OP0000000001/users/alice';

const secret = 'JBSWY3DPEHPK3PXP';
const totpUri = `otpauth://totp/SORACOM:me%40example.com?secret=${secret}&issuer=SORACOM`;
const backupCodes = ['AAAA-1111', 'BBBB-2222', 'CCCC-3333', 'DDDD-4444', 'EEEE-5555'];

/** What the fake API answers, by "METHOD path"; anything else is a 404. */
let routes: Record<string, Handler>;
let sent: Sent[];

beforeAll(async () => {
  await setLanguage('en');
  await loadCatalogPart('console');
});
afterAll(() => {
  vi.unstubAllGlobals();
});

beforeEach(() => {
  sent = [];
  routes = {};
  fetchMock.mockReset();
  fetchMock.mockImplementation(async (input, init) => {
    const request = input instanceof Request ? input : new Request(input, init);
    const text = await request.text();
    const path = new URL(request.url).pathname;
    const body = text ? JSON.parse(text) : null;
    sent.push({ method: request.method, path, body, token: request.headers.get('X-Soracom-Token') });
    const handler = routes[`${request.method} ${path}`];
    return handler ? handler(body) : json({ code: 'TEST404', message: `unexpected ${request.method} ${path}` }, 404);
  });
  sessionStore.set(session);
});
afterEach(() => {
  sessionStore.clear();
  vi.restoreAllMocks();
});

/** Answers the status query with each of `statuses` in turn, then the last one. */
function mfaStatus(base: string, ...statuses: string[]) {
  let i = 0;
  routes[`GET ${base}/mfa`] = () => json({ status: statuses[Math.min(i++, statuses.length - 1)] });
}

function renderCard(who: Who) {
  const onChanged = vi.fn();
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <MantineProvider env="test">
      <QueryClientProvider client={queryClient}>
        <MfaCard who={who} onChanged={onChanged} />
      </QueryClientProvider>
    </MantineProvider>,
  );
  return { onChanged, user: userEvent.setup() };
}

const requestsTo = (method: string, path: string) => sent.filter((r) => r.method === method && r.path === path);

/** Opens the set-up form of a card whose status is INACTIVE. */
async function startSetup(who: Who, base: string) {
  routes[`POST ${base}/mfa`] = () => json({ totpUri });
  const rendered = renderCard(who);
  await screen.findByTestId('mfa-status');
  await rendered.user.click(screen.getByRole('button', { name: 'Turn on MFA' }));
  await screen.findByRole('form', { name: 'Set up MFA' });
  return rendered;
}

describe('MfaCard: turning MFA on for the root account', () => {
  beforeEach(() => {
    mfaStatus(rootBase, 'INACTIVE', 'ACTIVE');
  });

  it('says MFA is not enabled and offers to turn it on', async () => {
    renderCard(root);
    expect(await screen.findByTestId('mfa-status')).toHaveTextContent('Not enabled');
    expect(screen.getByRole('button', { name: 'Turn on MFA' })).toBeEnabled();
    expect(screen.queryByRole('button', { name: 'Turn off MFA' })).not.toBeInTheDocument();
    expect(requestsTo('GET', `${rootBase}/mfa`)[0]?.token).toBe('token-1');
  });

  it('shows the QR code and the secret key from the API', async () => {
    await startSetup(root, rootBase);

    expect(requestsTo('POST', `${rootBase}/mfa`)).toHaveLength(1);
    expect(screen.getByRole('img', { name: 'QR code for your authenticator app' })).toBeInTheDocument();
    expect(screen.getByText('Secret key')).toBeInTheDocument();
    expect(screen.getByText(secret)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Copy Secret key' })).toBeInTheDocument();
    expect(screen.getByLabelText('MFA code')).toHaveValue('');
  });

  it('checks the code is six digits before sending it', async () => {
    const { user } = await startSetup(root, rootBase);
    routes[`POST ${rootBase}/mfa/verify`] = () => json({ backupCodes });

    await user.type(screen.getByLabelText('MFA code'), '12345');
    await user.click(screen.getByRole('button', { name: 'Verify and turn on' }));
    expect(screen.getByLabelText('MFA code')).toHaveAccessibleDescription('Enter the 6 digits of the code');

    await user.clear(screen.getByLabelText('MFA code'));
    await user.type(screen.getByLabelText('MFA code'), '12a456');
    await user.click(screen.getByRole('button', { name: 'Verify and turn on' }));
    expect(screen.getByLabelText('MFA code')).toHaveAccessibleDescription('Enter the 6 digits of the code');
    expect(requestsTo('POST', `${rootBase}/mfa/verify`)).toHaveLength(0);
  });

  it('verifies a valid code, then shows the backup codes once', async () => {
    const { user, onChanged } = await startSetup(root, rootBase);
    routes[`POST ${rootBase}/mfa/verify`] = () => json({ backupCodes });

    await user.type(screen.getByLabelText('MFA code'), '123456');
    await user.click(screen.getByRole('button', { name: 'Verify and turn on' }));

    const list = await screen.findByRole('list', { name: 'Save your backup codes now' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(backupCodes);
    expect(
      screen.getByText('Each code works once, if you lose your device. They will not be shown again.'),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Download codes' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Copy codes' })).toBeInTheDocument();
    expect(requestsTo('POST', `${rootBase}/mfa/verify`).map((r) => r.body)).toEqual([{ mfaOTPCode: '123456' }]);
    expect(onChanged).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('form', { name: 'Set up MFA' })).not.toBeInTheDocument();

    // The status is read again, and now says MFA is on.
    await waitFor(() => expect(screen.getByTestId('mfa-status')).toHaveTextContent('Enabled'));
    expect(requestsTo('GET', `${rootBase}/mfa`)).toHaveLength(2);

    await user.click(screen.getByRole('button', { name: 'I have saved these codes' }));
    expect(screen.getByRole('status')).toHaveTextContent('MFA is on.');
    expect(screen.queryByRole('list', { name: 'Save your backup codes now' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Turn off MFA' })).toBeInTheDocument();
  });

  it('copies the backup codes, one per line', async () => {
    const { user } = await startSetup(root, rootBase);
    routes[`POST ${rootBase}/mfa/verify`] = () => json({ backupCodes });
    await user.type(screen.getByLabelText('MFA code'), '123456');
    await user.click(screen.getByRole('button', { name: 'Verify and turn on' }));

    await user.click(await screen.findByRole('button', { name: 'Copy codes' }));
    expect(await navigator.clipboard.readText()).toBe(backupCodes.join('\n'));
    expect(await screen.findByRole('button', { name: 'Copied' })).toBeInTheDocument();
  });

  it('downloads the backup codes as a text file named after the operator', async () => {
    const { user } = await startSetup(root, rootBase);
    routes[`POST ${rootBase}/mfa/verify`] = () => json({ backupCodes });
    await user.type(screen.getByLabelText('MFA code'), '123456');
    await user.click(screen.getByRole('button', { name: 'Verify and turn on' }));
    await screen.findByRole('list', { name: 'Save your backup codes now' });

    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:backup-codes';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const clicked: { download: string; href: string }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ download: this.download, href: this.href });
    });

    await user.click(screen.getByRole('button', { name: 'Download codes' }));
    expect(clicked).toEqual([{ download: 'soracom-backup-codes-OP0000000001.txt', href: 'blob:backup-codes' }]);
    expect(blobs).toHaveLength(1);
    expect(blobs[0]?.type).toBe('text/plain');
    const text = await blobs[0]?.text();
    expect(text).toBe(`SORACOM MFA backup codes for OP0000000001\n\n${backupCodes.join('\n')}\n`);
  });

  it('shows the error when the code is refused, and keeps the form', async () => {
    const { user, onChanged } = await startSetup(root, rootBase);
    routes[`POST ${rootBase}/mfa/verify`] = () => json({ code: 'AUM0004', message: 'Invalid MFA code.' }, 400);

    await user.type(screen.getByLabelText('MFA code'), '000000');
    await user.click(screen.getByRole('button', { name: 'Verify and turn on' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Invalid MFA code. (AUM0004)');
    expect(screen.getByLabelText('MFA code')).toHaveValue('000000');
    expect(screen.getByRole('form', { name: 'Set up MFA' })).toBeInTheDocument();
    expect(onChanged).not.toHaveBeenCalled();
  });

  it('goes back without verifying on Cancel', async () => {
    const { user } = await startSetup(root, rootBase);
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('form', { name: 'Set up MFA' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Turn on MFA' })).toBeInTheDocument();
    expect(requestsTo('POST', `${rootBase}/mfa/verify`)).toHaveLength(0);
  });

  it('shows the error when MFA cannot be started', async () => {
    routes[`POST ${rootBase}/mfa`] = () => json({ code: 'SEM0001', message: 'Not allowed.' }, 400);
    const { user } = renderCard(root);
    await screen.findByTestId('mfa-status');
    await user.click(screen.getByRole('button', { name: 'Turn on MFA' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Not allowed. (SEM0001)');
    expect(screen.queryByRole('form', { name: 'Set up MFA' })).not.toBeInTheDocument();
  });
});

describe('MfaCard: other states', () => {
  it('offers to continue a set-up waiting for verification', async () => {
    mfaStatus(rootBase, 'UNCONFIRMED');
    renderCard(root);
    expect(await screen.findByTestId('mfa-status')).toHaveTextContent('Waiting for verification');
    expect(screen.getByRole('button', { name: 'Continue MFA setup' })).toBeEnabled();
  });

  it('shows the error when the status cannot be read', async () => {
    routes[`GET ${rootBase}/mfa`] = () => json({ code: 'SEM0002', message: 'Forbidden.' }, 403);
    renderCard(root);
    expect(await screen.findByRole('alert')).toHaveTextContent(/Your permissions do not allow this\..*\(SEM0002\)/);
    expect(screen.getByRole('button', { name: 'Turn on MFA' })).toBeDisabled();
  });
});

describe('MfaCard: a SAM user', () => {
  it('turns MFA on without backup codes when verify answers 204', async () => {
    mfaStatus(userBase, 'INACTIVE', 'ACTIVE');
    routes[`POST ${userBase}/mfa/verify`] = noContent;
    const { user, onChanged } = await startSetup(samUser, userBase);

    expect(requestsTo('POST', `${userBase}/mfa`)).toHaveLength(1);
    expect(screen.getByText(secret)).toBeInTheDocument();
    await user.type(screen.getByLabelText('MFA code'), '654321');
    await user.click(screen.getByRole('button', { name: 'Verify and turn on' }));

    expect(await screen.findByRole('status')).toHaveTextContent('MFA is on.');
    expect(requestsTo('POST', `${userBase}/mfa/verify`).map((r) => r.body)).toEqual([{ mfaOTPCode: '654321' }]);
    expect(screen.queryByRole('list')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Download codes' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Copy codes' })).not.toBeInTheDocument();
    expect(onChanged).toHaveBeenCalledTimes(1);
    expect(sent.some((r) => r.path.startsWith(`${rootBase}/mfa`))).toBe(false);
  });

  it('turns MFA off without asking for a password', async () => {
    mfaStatus(userBase, 'ACTIVE', 'INACTIVE');
    routes[`DELETE ${userBase}/mfa`] = noContent;
    const { user, onChanged } = renderCard(samUser);

    await user.click(await screen.findByRole('button', { name: 'Turn off MFA' }));
    const dialog = screen.getByRole('dialog', { name: 'Turn off MFA?' });
    expect(dialog).toHaveTextContent('Signing in will no longer ask for a code.');
    expect(within(dialog).queryByLabelText('Password')).not.toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Turn off MFA' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(requestsTo('DELETE', `${userBase}/mfa`)).toHaveLength(1);
    expect(onChanged).toHaveBeenCalledTimes(1);
    expect(await screen.findByRole('button', { name: 'Turn on MFA' })).toBeInTheDocument();
  });
});

describe('MfaCard: turning MFA off for the root account', () => {
  it('asks for the password and sends it with the DELETE', async () => {
    mfaStatus(rootBase, 'ACTIVE', 'INACTIVE');
    routes[`DELETE ${rootBase}/mfa`] = noContent;
    const { user, onChanged } = renderCard(root);

    await user.click(await screen.findByRole('button', { name: 'Turn off MFA' }));
    expect(screen.getByTestId('mfa-status')).toHaveTextContent('Enabled');
    const dialog = screen.getByRole('dialog', { name: 'Turn off MFA?' });
    expect(dialog).toHaveTextContent('Signing in will no longer ask for a code. Enter your password to confirm.');
    const confirm = within(dialog).getByRole('button', { name: 'Turn off MFA' });
    expect(confirm).toBeDisabled();

    await user.type(within(dialog).getByLabelText('Password'), 'my-secret-1');
    expect(confirm).toBeEnabled();
    await user.click(confirm);

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(requestsTo('DELETE', `${rootBase}/mfa`).map((r) => r.body)).toEqual([{ password: 'my-secret-1' }]);
    expect(onChanged).toHaveBeenCalledTimes(1);
    expect(await screen.findByRole('button', { name: 'Turn on MFA' })).toBeInTheDocument();
    expect(screen.getByTestId('mfa-status')).toHaveTextContent('Not enabled');
  });

  it('keeps the dialog open with the error when the password is refused', async () => {
    mfaStatus(rootBase, 'ACTIVE');
    routes[`DELETE ${rootBase}/mfa`] = () => json({ code: 'AUM0005', message: 'Wrong password.' }, 400);
    const { user, onChanged } = renderCard(root);

    await user.click(await screen.findByRole('button', { name: 'Turn off MFA' }));
    const dialog = screen.getByRole('dialog', { name: 'Turn off MFA?' });
    await user.type(within(dialog).getByLabelText('Password'), 'wrong-one-1');
    await user.click(within(dialog).getByRole('button', { name: 'Turn off MFA' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Wrong password. (AUM0005)');
    expect(screen.getByRole('dialog', { name: 'Turn off MFA?' })).toBeInTheDocument();
    expect(within(dialog).getByLabelText('Password')).toHaveValue('wrong-one-1');
    expect(onChanged).not.toHaveBeenCalled();
  });

  it('forgets the password typed when the dialog is cancelled', async () => {
    mfaStatus(rootBase, 'ACTIVE');
    const { user } = renderCard(root);

    await user.click(await screen.findByRole('button', { name: 'Turn off MFA' }));
    await user.type(within(screen.getByRole('dialog')).getByLabelText('Password'), 'typed-1');
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Turn off MFA' }));
    expect(within(screen.getByRole('dialog')).getByLabelText('Password')).toHaveValue('');
    expect(requestsTo('DELETE', `${rootBase}/mfa`)).toHaveLength(0);
  });
});
