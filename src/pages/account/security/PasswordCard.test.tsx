import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Who } from '../../../api/resources/security';
import { type Session, sessionStore } from '../../../api/session';
import { unsavedWork } from '../../../api/unsavedWork';
import { loadCatalogPart, setLanguage } from '../../../app/i18n';
import { PasswordCard } from './PasswordCard';

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
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

const session: Session = {
  endpoint: 'local',
  apiKey: 'api-key-1',
  token: 'token-1',
  operatorId: 'OP0000000001',
  email: 'me@example.com',
};
const root: Who = { operatorId: 'OP0000000001' };
const samUser: Who = { operatorId: 'OP0000000001', userName: 'alice' };

/** What a password change answers. */
let answer: () => Response | Promise<Response>;
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
  answer = () => new Response(null, { status: 200 });
  fetchMock.mockReset();
  fetchMock.mockImplementation(async (input, init) => {
    const request = input instanceof Request ? input : new Request(input, init);
    const text = await request.text();
    sent.push({ method: request.method, path: new URL(request.url).pathname, body: text ? JSON.parse(text) : null });
    return answer();
  });
  sessionStore.set(session);
});
afterEach(() => {
  sessionStore.clear();
});

function renderCard(who: Who = root) {
  const onChanged = vi.fn();
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <MantineProvider env="test">
      <QueryClientProvider client={queryClient}>
        <PasswordCard who={who} onChanged={onChanged} />
      </QueryClientProvider>
    </MantineProvider>,
  );
  return { onChanged, user: userEvent.setup() };
}

const fields = () => ({
  current: screen.getByLabelText('Current password'),
  next: screen.getByLabelText('New password'),
  confirm: screen.getByLabelText('Confirm new password'),
});

async function fill(user: ReturnType<typeof userEvent.setup>, current: string, next: string, confirm = next) {
  const { current: a, next: b, confirm: c } = fields();
  if (current) await user.type(a, current);
  if (next) await user.type(b, next);
  if (confirm) await user.type(c, confirm);
}

const save = (user: ReturnType<typeof userEvent.setup>) =>
  user.click(screen.getByRole('button', { name: 'Change password' }));

describe('PasswordCard', () => {
  it('asks for the current password and the new one twice', () => {
    renderCard();
    expect(screen.getByRole('form', { name: 'Password' })).toBeInTheDocument();
    const { current, next, confirm } = fields();
    expect(current).toHaveAttribute('type', 'password');
    expect(current).toHaveAttribute('autocomplete', 'current-password');
    expect(next).toHaveAttribute('autocomplete', 'new-password');
    expect(confirm).toHaveAttribute('autocomplete', 'new-password');
  });

  it('says what is missing and sends nothing when submitted empty', async () => {
    const { user } = renderCard();
    await save(user);
    const { current, next } = fields();
    expect(current).toHaveAccessibleDescription('Required');
    expect(next).toHaveAccessibleDescription(expect.stringContaining('Use at least 8 characters'));
    expect(sent).toHaveLength(0);
  });

  it('says "The two passwords differ" and sends nothing when the confirmation does not match', async () => {
    const { user, onChanged } = renderCard();
    await fill(user, 'old-secret1', 'New-secret-22', 'New-secret-23');
    await save(user);

    expect(fields().confirm).toHaveAccessibleDescription('The two passwords differ');
    expect(screen.getByText('The two passwords differ')).toBeInTheDocument();
    expect(sent).toHaveLength(0);
    expect(onChanged).not.toHaveBeenCalled();
  });

  it('sends nothing for a new password that breaks the rule', async () => {
    const { user } = renderCard();
    await fill(user, 'old-secret1', 'onlyletters');
    await save(user);
    expect(screen.getByText('Include a digit')).toBeInTheDocument();
    expect(sent).toHaveLength(0);
  });

  it('changes the root password, then clears the form and says so', async () => {
    const { user, onChanged } = renderCard();
    await fill(user, 'old-secret1', 'New-secret-22');
    await save(user);

    expect(await screen.findByRole('status')).toHaveTextContent('Your password has been changed.');
    expect(sent).toEqual([
      {
        method: 'POST',
        path: '/api/local/v1/operators/OP0000000001/password',
        body: { currentPassword: 'old-secret1', newPassword: 'New-secret-22' },
      },
    ]);
    const { current, next, confirm } = fields();
    expect(current).toHaveValue('');
    expect(next).toHaveValue('');
    expect(confirm).toHaveValue('');
    expect(current).not.toHaveAccessibleDescription('Required');
    expect(onChanged).toHaveBeenCalledTimes(1);
  });

  it("changes a SAM user's password with PUT on the user", async () => {
    const { user } = renderCard(samUser);
    await fill(user, 'old-secret1', 'New-secret-22');
    await save(user);

    expect(await screen.findByRole('status')).toHaveTextContent('Your password has been changed.');
    expect(sent).toEqual([
      {
        method: 'PUT',
        path: '/api/local/v1/operators/OP0000000001/users/alice/password',
        body: { currentPassword: 'old-secret1', newPassword: 'New-secret-22' },
      },
    ]);
  });

  it("keeps what was typed and shows the API's message when it refuses (400)", async () => {
    answer = () => json({ code: 'SEM0025', message: 'The current password is wrong.' }, 400);
    const { user, onChanged } = renderCard();
    await fill(user, 'not-my-pass1', 'New-secret-22');
    await save(user);

    expect(await screen.findByRole('alert')).toHaveTextContent('The current password is wrong. (SEM0025)');
    const { current, next, confirm } = fields();
    expect(current).toHaveValue('not-my-pass1');
    expect(next).toHaveValue('New-secret-22');
    expect(confirm).toHaveValue('New-secret-22');
    expect(screen.queryByText('Your password has been changed.')).not.toBeInTheDocument();
    expect(onChanged).not.toHaveBeenCalled();
  });

  it('can try again after a refusal, and then succeeds', async () => {
    answer = () => json({ code: 'SEM0025', message: 'The current password is wrong.' }, 400);
    const { user } = renderCard();
    await fill(user, 'not-my-pass1', 'New-secret-22');
    await save(user);
    await screen.findByRole('alert');

    answer = () => new Response(null, { status: 200 });
    await user.clear(fields().current);
    await user.type(fields().current, 'old-secret1');
    await save(user);

    expect(await screen.findByRole('status')).toHaveTextContent('Your password has been changed.');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(sent.map((r) => (r.body as { currentPassword: string }).currentPassword)).toEqual([
      'not-my-pass1',
      'old-secret1',
    ]);
  });

  it('sends one request however often it is submitted while saving', async () => {
    let release: (response: Response) => void = () => {};
    answer = () =>
      new Promise<Response>((resolve) => {
        release = resolve;
      });
    const { user } = renderCard();
    await fill(user, 'old-secret1', 'New-secret-22');
    await user.dblClick(screen.getByRole('button', { name: 'Change password' }));
    await save(user);

    await waitFor(() => expect(sent).toHaveLength(1));
    release(new Response(null, { status: 200 }));
    expect(await screen.findByRole('status')).toHaveTextContent('Your password has been changed.');
    expect(sent).toHaveLength(1);
  });

  it('says how long to wait when rate-limited, and sends nothing meanwhile', async () => {
    answer = () =>
      json({ code: 'COM0009', message: 'Too many requests' }, 429, {
        'X-Soracom-Ratelimit-Seconds-Before-Refresh': '30',
      });
    const { user } = renderCard();
    await fill(user, 'old-secret1', 'New-secret-22');
    await save(user);

    expect(await screen.findByRole('alert')).toHaveTextContent('Too many requests. You can try again in 30 s.');
    await save(user);
    expect(sent).toHaveLength(1);
    expect(fields().current).toHaveValue('old-secret1');
  });

  it('counts as unsaved work while something is typed', async () => {
    const { user } = renderCard();
    expect(unsavedWork.any()).toBe(false);
    await user.type(fields().current, 'old-secret1');
    expect(unsavedWork.any()).toBe(true);
    await user.type(fields().next, 'New-secret-22');
    await user.type(fields().confirm, 'New-secret-22');
    await save(user);
    await screen.findByRole('status');
    expect(unsavedWork.any()).toBe(false);
  });
});
