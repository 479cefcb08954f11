import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../../api/queryClient';
import type { Sim } from '../../api/resources/sims';
import { sessionStore } from '../../api/session';
import { loadCatalogPart, setLanguage } from '../../app/i18n';
import { SimNameEditor } from './SimNameEditor';
import { SimTags } from './SimTags';

const fetchMock = vi.hoisted(() => {
  const mock = vi.fn<typeof fetch>();
  vi.stubGlobal('fetch', mock);
  return mock;
});

const sim: Sim = { simId: '8942310000000000001', tags: { name: 'pump-1', site: 'A' } };
let release: (response: Response) => void;

beforeAll(async () => {
  await setLanguage('en');
  await loadCatalogPart('console');
  await loadCatalogPart('team');
});
afterAll(() => vi.unstubAllGlobals());
beforeEach(() => {
  fetchMock.mockReset();
  fetchMock.mockImplementation(() => new Promise<Response>((resolve) => (release = resolve)));
});

describe('SimTags', () => {
  it('lets no other tag change be sent while one is on its way, and keeps what was typed', async () => {
    render(
      <MantineProvider env="test">
        <QueryClientProvider client={createQueryClient()}>
          <SimTags sim={sim} />
        </QueryClientProvider>
      </MantineProvider>,
    );
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Delete tag site' }));
    await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1));

    const add = screen.getByRole('form', { name: 'Add tag' });
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'line');
    expect(screen.getByRole('button', { name: 'Delete tag name' })).toBeDisabled();
    expect(within(add).getByRole('button', { name: 'Add tag' })).toBeDisabled();
    await user.type(screen.getByRole('textbox', { name: 'Name' }), '{Enter}');
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('textbox', { name: 'Name' })).toHaveValue('line');

    release(new Response(null, { status: 204 }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Delete tag name' })).toBeEnabled());
  }, 20_000);

  it('shows a SAM user who may only read SIMs the tags without controls, and says why', async () => {
    sessionStore.set({ endpoint: 'local', apiKey: 'k', token: 't', operatorId: 'OP0000000001', userName: 'viewer' });
    const json = (body: unknown) =>
      new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
    fetchMock.mockImplementation(async (input) => {
      const url = new URL(input instanceof Request ? input.url : String(input), 'http://localhost');
      if (url.pathname.endsWith('/users/viewer/permission'))
        return json({
          permission: JSON.stringify({ statements: [{ effect: 'allow', api: ['Sim:get*', 'Sim:list*'] }] }),
        });
      if (url.pathname.endsWith('/users/default_permissions')) return json({ defaultPermissions: '' });
      if (url.pathname.endsWith('/users/viewer/roles')) return json([]);
      return new Response(null, { status: 500 });
    });
    try {
      render(
        <MantineProvider env="test">
          <QueryClientProvider client={createQueryClient()}>
            <SimNameEditor simId={sim.simId ?? ''} name="pump-1" />
            <SimTags sim={sim} />
          </QueryClientProvider>
        </MantineProvider>,
      );
      expect(await screen.findByText('Your permissions do not allow Sim:putSimTags.')).toBeInTheDocument();
      expect(screen.getByRole('cell', { name: 'A' })).toBeInTheDocument();
      expect(screen.queryByRole('form', { name: 'Add tag' })).not.toBeInTheDocument();
      expect(screen.queryByRole('button', { name: 'Edit tag site' })).not.toBeInTheDocument();
      expect(screen.queryByRole('button', { name: 'Delete tag site' })).not.toBeInTheDocument();
      expect(screen.queryByRole('button', { name: 'Rename SIM' })).not.toBeInTheDocument();
      expect(screen.getByRole('heading', { name: 'pump-1' })).toBeInTheDocument();
    } finally {
      sessionStore.clear();
    }
  }, 20_000);
});
