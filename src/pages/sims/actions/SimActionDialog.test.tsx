import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../../../api/queryClient';
import type { Sim } from '../../../api/resources/sims';
import { loadCatalogPart, setLanguage } from '../../../app/i18n';
import { simActionByKey } from './catalog';
import { SimActionDialog } from './SimActionDialog';

const fetchMock = vi.hoisted(() => {
  const mock = vi.fn<typeof fetch>();
  vi.stubGlobal('fetch', mock);
  return mock;
});

const sim: Sim = {
  simId: '8942310000000000001',
  status: 'active',
  terminationEnabled: true,
  capabilities: { sms: true },
  tags: { name: 'pump-1' },
};
let sent: { path: string; body: unknown }[];
let answer: () => Response;

beforeAll(async () => {
  await setLanguage('en');
  await loadCatalogPart('console');
});
afterAll(() => vi.unstubAllGlobals());
beforeEach(() => {
  sent = [];
  answer = () => new Response(JSON.stringify({ messageId: 'm' }), { status: 202 });
  fetchMock.mockReset();
  fetchMock.mockImplementation(async (input, init) => {
    const request = input instanceof Request ? input : new Request(input, init);
    const text = await request.text();
    sent.push({ path: new URL(request.url).pathname, body: text ? JSON.parse(text) : null });
    return answer();
  });
});

function open(key: Parameters<typeof simActionByKey>[0]) {
  const onClose = vi.fn();
  render(
    <MantineProvider env="test">
      <QueryClientProvider client={createQueryClient()}>
        <SimActionDialog sim={sim} action={simActionByKey(key)} opened onClose={onClose} />
      </QueryClientProvider>
    </MantineProvider>,
  );
  return { onClose, user: userEvent.setup() };
}

describe('SimActionDialog', () => {
  it('counts the SMS as it is typed and will not send one that is too long', async () => {
    const { user, onClose } = open('send_sms');
    const send = screen.getByRole('button', { name: 'Send' });
    expect(screen.getByText('0 / 70 characters')).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: /GSM 7-bit/ }));
    await user.type(screen.getByLabelText('Message'), 'a{{b');
    expect(screen.getByText('4 / 160 characters')).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: /UCS-2/ }));
    await user.clear(screen.getByLabelText('Message'));
    await user.click(screen.getByLabelText('Message'));
    await user.paste('x'.repeat(71));
    expect(screen.getByText('71 / 70 characters')).toBeInTheDocument();
    expect(screen.getByText('71 characters: at most 70 in this encoding.')).toBeInTheDocument();
    expect(send).toBeDisabled();
    await user.type(screen.getByLabelText('Message'), '{Backspace}');
    expect(send).toBeEnabled();
    await user.click(send);
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(sent).toEqual([
      { path: `/api/local/v1/sims/${sim.simId}/send_sms`, body: { payload: 'x'.repeat(70), encodingType: 2 } },
    ]);
  }, 20_000);

  it('terminates only once the name or ID is typed, and shows what SORACOM answers', async () => {
    answer = () => new Response(JSON.stringify({ code: 'SIM0002', message: 'Protected.' }), { status: 400 });
    const { user, onClose } = open('terminate');
    const confirm = screen.getByRole('button', { name: 'Terminate' });
    expect(confirm).toBeDisabled();
    await user.type(screen.getByLabelText('Type pump-1 to confirm'), 'pump-');
    expect(confirm).toBeDisabled();
    await user.type(screen.getByLabelText('Type pump-1 to confirm'), '1');
    expect(confirm).toBeEnabled();
    await user.click(confirm);
    expect(await screen.findByRole('alert')).toHaveTextContent('Protected. (SIM0002)');
    expect(onClose).not.toHaveBeenCalled();
    expect(sent.map((s) => s.path)).toEqual([`/api/local/v1/sims/${sim.simId}/terminate`]);
  }, 20_000);
});
