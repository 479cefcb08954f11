import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Session, sessionStore } from '../../api/session';
import { loadCatalogPart, setLanguage } from '../../app/i18n';
import { actionFields } from '../eventHandlers/handlerFields';
import { PropertyFields } from '../eventHandlers/PropertyFields';
import { CredentialPicker } from './CredentialPicker';

/** The typed client captures `fetch` when its module loads, so the stub is installed before any import. */
const fetchMock = vi.hoisted(() => {
  const mock = vi.fn<typeof fetch>();
  vi.stubGlobal('fetch', mock);
  return mock;
});

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const session: Session = {
  endpoint: 'local',
  apiKey: 'api-key-1',
  token: 'token-1',
  operatorId: 'OP0000000001',
  email: 'me@example.com',
};

/** What GET /credentials answers in the test at hand. */
let answer: () => Response;

beforeAll(async () => {
  await setLanguage('en');
  await loadCatalogPart('home');
  await loadCatalogPart('events');
});
afterAll(() => {
  vi.unstubAllGlobals();
});
beforeEach(() => {
  answer = () => json([{ credentialsId: 'aws-prod', type: 'aws-credentials' }]);
  fetchMock.mockReset();
  fetchMock.mockImplementation(async (input, init) => {
    const request = input instanceof Request ? input : new Request(input, init);
    const path = new URL(request.url).pathname;
    if (request.method === 'GET' && path === '/api/local/v1/credentials') return answer();
    return json({ code: 'TEST404', message: `unexpected ${request.method} ${path}` }, 404);
  });
  sessionStore.set(session);
});
afterEach(() => {
  sessionStore.clear();
});

function renderWithApi(children: ReactNode) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <MantineProvider env="test">
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </MantineProvider>,
  );
}

/** The label as a sighted user reads it, the required asterisk included. */
const labelText = (input: HTMLElement) => document.querySelector(`label[for="${input.id}"]`)?.textContent;

describe('CredentialPicker', () => {
  it('marks a required choice of credentials with an asterisk', async () => {
    renderWithApi(<CredentialPicker label="Credentials ID" value="" onChange={() => {}} required />);
    await screen.findByRole('option', { name: 'aws-prod (aws-credentials)' });
    const select = screen.getByRole('combobox', { name: 'Credentials ID' });
    expect(select).toBeRequired();
    expect(labelText(select)).toBe('Credentials ID *');
  });

  it('leaves an optional choice unmarked', async () => {
    renderWithApi(<CredentialPicker label="Credentials ID" value="" onChange={() => {}} />);
    await screen.findByRole('option', { name: 'aws-prod (aws-credentials)' });
    const select = screen.getByRole('combobox', { name: 'Credentials ID' });
    expect(select).not.toBeRequired();
    expect(labelText(select)).toBe('Credentials ID');
  });

  it('marks the text box it falls back to when the list cannot be read', async () => {
    answer = () => json({ code: 'SEM0500', message: 'down' }, 500);
    renderWithApi(<CredentialPicker label="Credentials ID" value="" onChange={() => {}} required />);
    const box = await screen.findByRole('textbox', { name: 'Credentials ID' });
    expect(box).toBeRequired();
    expect(labelText(box)).toBe('Credentials ID *');
  });

  it("is required in an event handler's Lambda action", async () => {
    renderWithApi(
      <PropertyFields fields={actionFields.InvokeAWSLambdaAction} values={{}} onChange={() => {}} idPrefix="a" />,
    );
    await screen.findByRole('option', { name: 'aws-prod (aws-credentials)' });
    expect(screen.getByRole('combobox', { name: 'Credentials ID' })).toBeRequired();
  });
});
