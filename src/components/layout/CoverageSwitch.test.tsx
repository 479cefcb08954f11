import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../../api/queryClient';
import { sessionStore } from '../../api/session';
import { loadCatalogPart, setLanguage } from '../../app/i18n';
import { CoverageSwitch } from './CoverageSwitch';

const fetchMock = vi.hoisted(() => {
  const mock = vi.fn<typeof fetch>();
  vi.stubGlobal('fetch', mock);
  return mock;
});
afterAll(() => vi.unstubAllGlobals());

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const endpoints = [
  { id: 'local', upstream: null, coverage: 'jp', twin: 'local-g' },
  { id: 'local-g', upstream: null, coverage: 'g', twin: 'local' },
];
let operator: () => Response;
let offered: unknown[];
const session = { endpoint: 'local', apiKey: 'api-key', token: 'token', operatorId: 'OP0000000001' };

beforeAll(async () => {
  await setLanguage('en');
  await loadCatalogPart('console');
});
beforeEach(() => {
  sessionStore.set(session);
  operator = () => json({ operatorId: session.operatorId, coverageTypes: ['jp', 'g'] });
  offered = endpoints;
  fetchMock.mockReset();
  fetchMock.mockImplementation(async (input) => {
    const url = input instanceof Request ? input.url : String(input);
    const path = new URL(url, 'http://localhost').pathname;
    if (path === '/api/endpoints') return json({ endpoints: offered });
    if (path.endsWith(`/operators/${session.operatorId}`)) return operator();
    return json({ code: 'X', message: 'not here' }, 404);
  });
});

/** The header's switch on a page, with where the router is after it. */
function renderAt(path: string) {
  const router = createMemoryRouter([{ path: '*', element: <CoverageSwitch /> }], { initialEntries: [path] });
  render(
    <MantineProvider env="test">
      <QueryClientProvider client={createQueryClient()}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>,
  );
  return router;
}

describe('the coverage switch', () => {
  it('keeps the session and the page when the page exists in the other coverage', async () => {
    const router = renderAt('/groups?name=pumps');
    expect(screen.getByText('Japan coverage')).toBeInTheDocument();
    await userEvent.click(await screen.findByRole('button', { name: 'Switch to Global coverage' }));
    expect(sessionStore.get()).toEqual({ ...session, endpoint: 'local-g' });
    expect(router.state.location.pathname + router.state.location.search).toBe('/groups?name=pumps');
    expect(await screen.findByText('Global coverage')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Switch to Japan coverage' })).toBeInTheDocument();
  });

  it("goes from one SIM's page to the other coverage's SIM list", async () => {
    const router = renderAt('/sims/8942310000000000001');
    await userEvent.click(await screen.findByRole('button', { name: 'Switch to Global coverage' }));
    expect(router.state.location.pathname).toBe('/sims');
  });

  it('shows the coverage, without a switch, to an account with one coverage', async () => {
    operator = () => json({ operatorId: session.operatorId, coverageTypes: ['jp'] });
    renderAt('/sims');
    expect(screen.getByText('Japan coverage')).toBeInTheDocument();
    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(2));
    // Both answers in (the account's and the endpoints'), and rendered: still no switch.
    await new Promise((settle) => setTimeout(settle, 100));
    expect(screen.queryByRole('button', { name: /Switch to/ })).toBeNull();
  });

  it("shows the coverage of an endpoint without a twin, and does not read the account's coverages for it", async () => {
    sessionStore.set({ ...session, endpoint: 'sandbox-g' });
    offered = [{ id: 'sandbox-g', upstream: 'https://g.api-sandbox.soracom.io/v1', coverage: 'g' }];
    renderAt('/groups');
    expect(screen.getByText('Global coverage')).toBeInTheDocument();
    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1));
    await new Promise((settle) => setTimeout(settle, 100));
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('button', { name: /coverage/ })).toBeNull();
  });

  it('offers the switch to a SAM user who may not read the account', async () => {
    operator = () => json({ code: 'SEM0049', message: 'not allowed' }, 403);
    renderAt('/sims');
    expect(await screen.findByRole('button', { name: 'Switch to Global coverage' })).toBeInTheDocument();
  });
});
