import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider, useLocation } from 'react-router';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../../api/queryClient';
import { sessionStore } from '../../api/session';
import { useCoverageFromLink } from './useCoverageFromLink';

const fetchMock = vi.hoisted(() => {
  const mock = vi.fn<typeof fetch>();
  vi.stubGlobal('fetch', mock);
  return mock;
});
afterAll(() => vi.unstubAllGlobals());

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const session = { endpoint: 'local', apiKey: 'api-key', token: 'token', operatorId: 'OP0000000001' };
let coverageTypes: string[];

beforeEach(() => {
  sessionStore.set(session);
  coverageTypes = ['jp', 'g'];
  fetchMock.mockReset();
  fetchMock.mockImplementation(async (input) => {
    const path = new URL(input instanceof Request ? input.url : String(input), 'http://localhost').pathname;
    if (path === '/api/endpoints') {
      return json({
        endpoints: [
          { id: 'local', upstream: null, coverage: 'jp', twin: 'local-g' },
          { id: 'local-g', upstream: null, coverage: 'g', twin: 'local' },
        ],
      });
    }
    return json({ operatorId: session.operatorId, coverageTypes });
  });
});

/** What a page under the layout sees: nothing while switching, then where it is and on which endpoint. */
function Page() {
  const switching = useCoverageFromLink();
  const location = useLocation();
  if (switching) return <p>switching</p>;
  return <p>{`${location.pathname}${location.search} on ${sessionStore.get()?.endpoint}`}</p>;
}

function renderAt(path: string) {
  const router = createMemoryRouter([{ path: '*', element: <Page /> }], { initialEntries: [path] });
  render(
    <QueryClientProvider client={createQueryClient()}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
}

describe('a link into the other coverage', () => {
  it('switches the session to that coverage before the page shows, then drops the parameter', async () => {
    renderAt('/sims/8942310000000000001?coverage=g&tab=usage');
    expect(screen.getByText('switching')).toBeInTheDocument();
    expect(await screen.findByText('/sims/8942310000000000001?tab=usage on local-g')).toBeInTheDocument();
    expect(sessionStore.get()).toEqual({ ...session, endpoint: 'local-g' });
  });

  it('stays where it is when the link names the coverage already shown', async () => {
    renderAt('/groups/G-1?coverage=jp');
    expect(await screen.findByText('/groups/G-1 on local')).toBeInTheDocument();
  });

  it("does not switch an account without the link's coverage", async () => {
    coverageTypes = ['jp'];
    renderAt('/sims/8942?coverage=g');
    expect(await screen.findByText('/sims/8942 on local')).toBeInTheDocument();
  });
});
