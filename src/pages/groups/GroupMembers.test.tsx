import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Sim } from '../../api/resources/sims';
import { loadCatalogPart, setLanguage } from '../../app/i18n';
import { GroupMembers } from './GroupMembers';

/** The typed client captures `fetch` when its module loads, so the stub is installed before any import. */
const fetchMock = vi.hoisted(() => {
  const mock = vi.fn<typeof fetch>();
  vi.stubGlobal('fetch', mock);
  return mock;
});

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const v1 = '/api/local/v1';
const sim = (simId: string): Sim => ({ simId, status: 'active', groupId: 'g-1', tags: { name: `pump ${simId}` } });

/** The SIMs the fake API has in the group; set_group adds one, unset_group removes one. */
let members: Sim[];
let sent: { method: string; path: string; body: unknown }[];
/** Overrides for an answer, by "METHOD path". */
let failures: Record<string, () => Response>;

beforeAll(async () => {
  await setLanguage('en');
  await loadCatalogPart('console');
});
afterAll(() => {
  vi.unstubAllGlobals();
});

beforeEach(() => {
  members = [sim('8942310000000000001'), sim('8942310000000000002')];
  sent = [];
  failures = {};
  fetchMock.mockReset();
  fetchMock.mockImplementation(async (input, init) => {
    const request = input instanceof Request ? input : new Request(input, init);
    const path = new URL(request.url).pathname;
    const text = await request.text();
    sent.push({ method: request.method, path, body: text ? JSON.parse(text) : null });
    const failure = failures[`${request.method} ${path}`];
    if (failure) return failure();
    if (request.method === 'GET' && path === `${v1}/groups/g-1/subscribers`) return json(members);
    const [, simId, action] = /\/sims\/([^/]+)\/(set_group|unset_group)$/.exec(path) ?? [];
    if (request.method === 'POST' && simId && action === 'set_group') {
      members = [...members, sim(simId)];
      return json(sim(simId));
    }
    if (request.method === 'POST' && simId && action === 'unset_group') {
      members = members.filter((m) => m.simId !== simId);
      return json({ ...sim(simId), groupId: undefined });
    }
    return json({ code: 'TEST404', message: `unexpected ${request.method} ${path}` }, 404);
  });
});

function renderMembers() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <MantineProvider env="test">
      <QueryClientProvider client={queryClient}>
        <MemoryRouter>
          <GroupMembers groupId="g-1" />
        </MemoryRouter>
      </QueryClientProvider>
    </MantineProvider>,
  );
  return { user: userEvent.setup() };
}

const listed = () =>
  within(screen.getByRole('table', { name: 'SIMs in this group' }))
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell')[1]?.textContent);
const posts = () => sent.filter((r) => r.method === 'POST');

describe('GroupMembers', () => {
  it('adds a SIM by its ID, then lists it and empties the field', async () => {
    const { user } = renderMembers();
    await screen.findByText('8942310000000000001');
    await user.type(screen.getByLabelText('SIM ID to add'), ' 8942310000000000003 ');
    await user.click(screen.getByRole('button', { name: 'Add SIM' }));

    await waitFor(() => expect(listed()).toContain('8942310000000000003'));
    expect(posts()).toEqual([
      { method: 'POST', path: `${v1}/sims/8942310000000000003/set_group`, body: { groupId: 'g-1' } },
    ]);
    expect(screen.getByLabelText('SIM ID to add')).toHaveValue('');
  });

  it('keeps the SIM ID typed and says why when the SIM cannot be added', async () => {
    failures[`POST ${v1}/sims/nope/set_group`] = () => json({ code: 'SEM0005', message: 'No such SIM.' }, 404);
    const { user } = renderMembers();
    await screen.findByText('8942310000000000001');
    await user.type(screen.getByLabelText('SIM ID to add'), 'nope');
    await user.click(screen.getByRole('button', { name: 'Add SIM' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('No such SIM. (SEM0005)');
    expect(screen.getByLabelText('SIM ID to add')).toHaveValue('nope');
  });

  it('asks before removing a SIM, sends one request however quickly it is confirmed, and drops it', async () => {
    const { user } = renderMembers();
    await screen.findByText('8942310000000000001');
    await user.click(screen.getByRole('button', { name: 'Remove 8942310000000000001 from the group' }));
    const dialog = screen.getByRole('dialog', { name: 'Remove the SIM from this group?' });
    expect(posts()).toEqual([]);
    const confirm = within(dialog).getByRole('button', { name: 'Remove from group' });
    act(() => {
      fireEvent.click(confirm);
      fireEvent.click(confirm);
    });

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(posts().map((r) => r.path)).toEqual([`${v1}/sims/8942310000000000001/unset_group`]);
    await waitFor(() => expect(listed()).toEqual(['8942310000000000002']));
  });

  it('keeps the dialog open with the error when the SIM cannot be removed', async () => {
    failures[`POST ${v1}/sims/8942310000000000002/unset_group`] = () =>
      json({ code: 'SEM0001', message: 'Not allowed.' }, 403);
    const { user } = renderMembers();
    await screen.findByText('8942310000000000002');
    await user.click(screen.getByRole('button', { name: 'Remove 8942310000000000002 from the group' }));
    const dialog = screen.getByRole('dialog', { name: 'Remove the SIM from this group?' });
    await user.click(within(dialog).getByRole('button', { name: 'Remove from group' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      /Your permissions do not allow this\..*\(SEM0001\)/,
    );
    expect(screen.getByRole('dialog', { name: 'Remove the SIM from this group?' })).toBeInTheDocument();
    expect(listed()).toEqual(['8942310000000000001', '8942310000000000002']);
  });
});
