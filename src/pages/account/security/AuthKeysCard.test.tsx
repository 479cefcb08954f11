import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AuthKey, Who } from '../../../api/resources/security';
import { type Session, sessionStore } from '../../../api/session';
import { loadCatalogPart, setLanguage } from '../../../app/i18n';
import { formatDateTime } from '../../../lib/format';
import { AuthKeysCard } from './AuthKeysCard';

/** The typed client captures `fetch` when its module loads, so the stub is installed before any import. */
const fetchMock = vi.hoisted(() => {
  const mock = vi.fn<typeof fetch>();
  vi.stubGlobal('fetch', mock);
  return mock;
});

interface Sent {
  method: string;
  path: string;
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const session: Session = {
  endpoint: 'local',
  apiKey: 'api-key-1',
  token: 'token-1',
  operatorId: 'OP0000000001',
  email: 'me@example.com',
};
const root: Who = { operatorId: 'OP0000000001' };
const samUser: Who = { operatorId: 'OP0000000001', userName: 'alice' };
const rootKeys = '/api/local/v1/operators/OP0000000001/auth_keys';
const userKeys = '/api/local/v1/operators/OP0000000001/users/alice/auth_keys';

/** The API gives times in seconds since the epoch. */
const created = Date.UTC(2024, 0, 2, 3, 4) / 1000;
const used = Date.UTC(2024, 5, 6, 7, 8) / 1000;

/** The keys the fake API holds; POST adds one, DELETE removes one. */
let keys: AuthKey[];
let sent: Sent[];
/** Overrides for an answer, by "METHOD path". */
let failures: Record<string, () => Response | Promise<Response>>;

beforeAll(async () => {
  await setLanguage('en');
  await loadCatalogPart('console');
});
afterAll(() => {
  vi.unstubAllGlobals();
});

beforeEach(() => {
  sent = [];
  failures = {};
  keys = [
    { authKeyId: 'keyId-aaa', createDateTime: created },
    { authKeyId: 'keyId-bbb', createDateTime: created, lastUsedDateTime: used },
  ];
  fetchMock.mockReset();
  fetchMock.mockImplementation(async (input, init) => {
    const request = input instanceof Request ? input : new Request(input, init);
    const path = new URL(request.url).pathname;
    sent.push({ method: request.method, path });
    const failure = failures[`${request.method} ${path}`];
    if (failure) return failure();
    const base = path.startsWith(userKeys) ? userKeys : rootKeys;
    if (request.method === 'GET' && path === base) return json(keys);
    if (request.method === 'POST' && path === base) {
      keys = [...keys, { authKeyId: 'keyId-new', createDateTime: created }];
      return json({ authKeyId: 'keyId-new', authKey: 'secret-new-xyz' });
    }
    if (request.method === 'DELETE' && path.startsWith(`${base}/`)) {
      const id = decodeURIComponent(path.slice(base.length + 1));
      keys = keys.filter((key) => key.authKeyId !== id);
      return new Response(null, { status: 204 });
    }
    return json({ code: 'TEST404', message: `unexpected ${request.method} ${path}` }, 404);
  });
  sessionStore.set(session);
});
afterEach(() => {
  sessionStore.clear();
});

function renderCard(who: Who = root) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <MantineProvider env="test">
      <QueryClientProvider client={queryClient}>
        <AuthKeysCard who={who} />
      </QueryClientProvider>
    </MantineProvider>,
  );
  return { user: userEvent.setup() };
}

const requests = (method: string) => sent.filter((r) => r.method === method);

/** The table's rows as the user reads them: ID, created, last used. */
function rows() {
  const table = screen.getByRole('table', { name: 'Auth keys' });
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) =>
      within(row)
        .getAllByRole('cell')
        .slice(0, 3)
        .map((cell) => cell.textContent),
    );
}

describe('AuthKeysCard', () => {
  it("lists the account's auth keys", async () => {
    renderCard();
    await screen.findByText('keyId-aaa');
    expect(within(screen.getByRole('table', { name: 'Auth keys' })).getAllByRole('columnheader')).toHaveLength(4);
    expect(rows()).toEqual([
      ['keyId-aaa', formatDateTime(created * 1000, 'en'), 'Never'],
      ['keyId-bbb', formatDateTime(created * 1000, 'en'), formatDateTime(used * 1000, 'en')],
    ]);
    expect(screen.getByRole('button', { name: 'Delete keyId-aaa' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Delete keyId-bbb' })).toBeInTheDocument();
    expect(requests('GET').map((r) => r.path)).toEqual([rootKeys]);
  });

  it('says when there are none', async () => {
    keys = [];
    renderCard();
    expect(await screen.findByText('No auth keys.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('shows the error when the keys cannot be listed', async () => {
    failures[`GET ${rootKeys}`] = () => json({ code: 'SEM0002', message: 'Forbidden.' }, 403);
    renderCard();
    expect(await screen.findByRole('alert')).toHaveTextContent(/Your permissions do not allow this\..*\(SEM0002\)/);
  });

  it('shows a new key with its ID and secret once, and lists it', async () => {
    const { user } = renderCard();
    await screen.findByText('keyId-aaa');
    await user.click(screen.getByRole('button', { name: 'Generate auth key' }));

    const dialog = await screen.findByRole('dialog', { name: 'New auth key' });
    expect(dialog).toHaveTextContent('Copy the secret now: it will not be shown again.');
    expect(within(dialog).getByTestId('copy-Auth key ID')).toHaveTextContent('keyId-new');
    expect(within(dialog).getByTestId('copy-Auth key secret')).toHaveTextContent('secret-new-xyz');
    expect(within(dialog).getByRole('button', { name: 'Copy Auth key secret' })).toBeInTheDocument();
    expect(requests('POST').map((r) => r.path)).toEqual([rootKeys]);

    await waitFor(() => expect(rows().map((row) => row[0])).toEqual(['keyId-aaa', 'keyId-bbb', 'keyId-new']));
    await user.click(within(dialog).getByRole('button', { name: 'I have saved the secret' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.queryByText('secret-new-xyz')).not.toBeInTheDocument();
  });

  it('lists a key generated while the list was still loading, though the first answer arrives late', async () => {
    // The first list is read before the key exists and only arrives once the key has been generated.
    let release: () => void = () => {};
    const before = json(keys);
    failures[`GET ${rootKeys}`] = () => {
      delete failures[`GET ${rootKeys}`];
      return new Promise<Response>((resolve) => {
        release = () => resolve(before);
      });
    };
    const { user } = renderCard();
    await user.click(screen.getByRole('button', { name: 'Generate auth key' }));
    const dialog = await screen.findByRole('dialog', { name: 'New auth key' });
    act(() => release());
    await waitFor(() => expect(rows().map((row) => row[0])).toEqual(['keyId-aaa', 'keyId-bbb', 'keyId-new']));
    await user.click(within(dialog).getByRole('button', { name: 'I have saved the secret' }));
    expect(rows().map((row) => row[0])).toEqual(['keyId-aaa', 'keyId-bbb', 'keyId-new']);
  });

  it('copies the secret', async () => {
    const { user } = renderCard();
    await screen.findByText('keyId-aaa');
    await user.click(screen.getByRole('button', { name: 'Generate auth key' }));
    const dialog = await screen.findByRole('dialog', { name: 'New auth key' });
    await user.click(within(dialog).getByRole('button', { name: 'Copy Auth key secret' }));
    expect(await navigator.clipboard.readText()).toBe('secret-new-xyz');
  });

  it('shows the error when a key cannot be generated', async () => {
    failures[`POST ${rootKeys}`] = () => json({ code: 'SEM0060', message: 'Too many auth keys.' }, 400);
    const { user } = renderCard();
    await screen.findByText('keyId-aaa');
    await user.click(screen.getByRole('button', { name: 'Generate auth key' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Too many auth keys. (SEM0060)');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('asks before deleting a key, then sends one DELETE and drops it from the list', async () => {
    const { user } = renderCard();
    await screen.findByText('keyId-aaa');
    await user.click(screen.getByRole('button', { name: 'Delete keyId-aaa' }));

    const dialog = screen.getByRole('dialog', { name: 'Delete auth key?' });
    expect(dialog).toHaveTextContent('Programs using keyId-aaa will no longer be able to sign in.');
    expect(requests('DELETE')).toHaveLength(0);
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(requests('DELETE').map((r) => r.path)).toEqual([`${rootKeys}/keyId-aaa`]);
    await waitFor(() => expect(screen.queryByText('keyId-aaa')).not.toBeInTheDocument());
    expect(rows().map((row) => row[0])).toEqual(['keyId-bbb']);
  });

  it('sends one DELETE however quickly the confirmation is pressed twice', async () => {
    const { user } = renderCard();
    await screen.findByText('keyId-aaa');
    await user.click(screen.getByRole('button', { name: 'Delete keyId-bbb' }));
    const confirm = within(screen.getByRole('dialog', { name: 'Delete auth key?' })).getByRole('button', {
      name: 'Delete',
    });
    act(() => {
      fireEvent.click(confirm);
      fireEvent.click(confirm);
    });

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(requests('DELETE').map((r) => r.path)).toEqual([`${rootKeys}/keyId-bbb`]);
  });

  it('deletes nothing when cancelled', async () => {
    const { user } = renderCard();
    await screen.findByText('keyId-aaa');
    await user.click(screen.getByRole('button', { name: 'Delete keyId-aaa' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(requests('DELETE')).toHaveLength(0);
    expect(rows()).toHaveLength(2);
  });

  it('keeps the dialog open with the error when the key cannot be deleted', async () => {
    failures[`DELETE ${rootKeys}/keyId-aaa`] = () => json({ code: 'SEM0049', message: 'No such auth key.' }, 404);
    const { user } = renderCard();
    await screen.findByText('keyId-aaa');
    await user.click(screen.getByRole('button', { name: 'Delete keyId-aaa' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete auth key?' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent('No such auth key. (SEM0049)');
    expect(screen.getByRole('dialog', { name: 'Delete auth key?' })).toBeInTheDocument();
    expect(rows()).toHaveLength(2);
  });

  it("manages a SAM user's own keys", async () => {
    keys = [{ authKeyId: 'keyId-user', createDateTime: created }];
    const { user } = renderCard(samUser);
    await screen.findByText('keyId-user');
    await user.click(screen.getByRole('button', { name: 'Generate auth key' }));
    await screen.findByRole('dialog', { name: 'New auth key' });
    await user.click(screen.getByRole('button', { name: 'I have saved the secret' }));
    await user.click(screen.getByRole('button', { name: 'Delete keyId-user' }));
    await user.click(
      within(screen.getByRole('dialog', { name: 'Delete auth key?' })).getByRole('button', { name: 'Delete' }),
    );
    await waitFor(() => expect(requests('DELETE')).toHaveLength(1));

    expect(sent.every((r) => r.path.startsWith(userKeys))).toBe(true);
    expect(requests('POST').map((r) => r.path)).toEqual([userKeys]);
    expect(requests('DELETE').map((r) => r.path)).toEqual([`${userKeys}/keyId-user`]);
  });
});
