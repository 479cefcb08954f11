/**
 * A server running gateway only (no local sandbox) lists only SORACOM's endpoints: the forms, which start at the local
 * sandbox, move to the first endpoint offered, so that a user never signs in to one that is not there.
 */
import { MantineProvider } from '@mantine/core';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { setLanguage } from '../../app/i18n';
import { EndpointSelect } from '../../components/EndpointSelect';
import { LoginPage } from './LoginPage';

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const urlOf = (input: RequestInfo | URL) =>
  typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;

const fetchMock = vi.fn<typeof fetch>();
const authUrls: string[] = [];

beforeAll(() => {
  vi.stubGlobal('fetch', fetchMock);
});
afterAll(() => {
  vi.unstubAllGlobals();
});
beforeEach(async () => {
  await setLanguage('en');
  authUrls.length = 0;
  fetchMock.mockReset();
  fetchMock.mockImplementation(async (input) => {
    const url = urlOf(input);
    if (url.endsWith('/api/endpoints')) {
      return json({
        endpoints: [
          { id: 'jp', upstream: 'https://api.soracom.io/v1' },
          { id: 'g', upstream: 'https://g.api.soracom.io/v1' },
        ],
      });
    }
    if (url.endsWith('/auth')) {
      authUrls.push(url);
      return json({ code: 'AUM0003', message: 'Authentication failed.' }, 401);
    }
    return json({ code: 'TEST404', message: `unexpected ${url}` }, 404);
  });
});

const options = (select: HTMLElement) =>
  within(select)
    .getAllByRole('option')
    .map((o) => o.textContent);

describe('with a gateway-only server', () => {
  it('the login form offers only its endpoints and signs in at the first', async () => {
    const router = createMemoryRouter([{ path: '/login', element: <LoginPage /> }], { initialEntries: ['/login'] });
    render(
      <MantineProvider env="test">
        <RouterProvider router={router} />
      </MantineProvider>,
    );
    const user = userEvent.setup();
    const select = screen.getByLabelText('API endpoint');
    await waitFor(() => expect(options(select)).toEqual(['Japan coverage', 'Global coverage']));
    expect(select).toHaveValue('jp');

    await user.type(screen.getByLabelText('Email'), 'me@example.com');
    await user.type(screen.getByLabelText('Password'), 'secret');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(authUrls).toHaveLength(1));
    expect(authUrls[0]).toMatch(/\/api\/jp\/v1\/auth$/);
  });

  it('the endpoint choice of the other forms moves to the first endpoint offered', async () => {
    const chosen: string[] = [];
    function Form() {
      const [endpoint, setEndpoint] = useState('local');
      chosen.push(endpoint);
      return <EndpointSelect value={endpoint} onChange={setEndpoint} />;
    }
    render(
      <MantineProvider env="test">
        <Form />
      </MantineProvider>,
    );
    const select = screen.getByLabelText('API endpoint');
    // What the form would send, not only what the select shows (a value it does not list shows as its first).
    await waitFor(() => expect(chosen.at(-1)).toBe('jp'));
    expect(options(select)).toEqual(['Japan coverage', 'Global coverage']);
    expect(select).toHaveValue('jp');
  });
});
