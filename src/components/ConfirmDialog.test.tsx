import { MantineProvider } from '@mantine/core';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/errors';
import { loadCatalogPart, setLanguage } from '../app/i18n';
import { ConfirmDialog } from './ConfirmDialog';

beforeAll(async () => {
  await setLanguage('en');
  await loadCatalogPart('console');
});

function renderDialog(onConfirm: () => Promise<void>, props: { canConfirm?: boolean; opened?: boolean } = {}) {
  const onClose = vi.fn();
  render(
    <MantineProvider env="test">
      <ConfirmDialog
        opened={props.opened ?? true}
        title="Delete auth key?"
        message="Programs using keyId-1 will no longer be able to sign in."
        confirmLabel="Delete"
        onConfirm={onConfirm}
        onClose={onClose}
        canConfirm={props.canConfirm}
      >
        <p>Extra content</p>
      </ConfirmDialog>
    </MantineProvider>,
  );
  return { onClose, user: userEvent.setup() };
}

/** A promise the test settles when it wants. */
function deferred() {
  let resolve: () => void = () => {};
  let reject: (error: unknown) => void = () => {};
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('ConfirmDialog', () => {
  it('asks, with the title, message and content given', () => {
    renderDialog(async () => {});
    const dialog = screen.getByRole('dialog', { name: 'Delete auth key?' });
    expect(dialog).toHaveTextContent('Programs using keyId-1 will no longer be able to sign in.');
    expect(dialog).toHaveTextContent('Extra content');
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Delete' })).toBeEnabled();
  });

  it('shows nothing when closed', () => {
    renderDialog(async () => {}, { opened: false });
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('calls onConfirm once however quickly the button is pressed twice', async () => {
    const pending = deferred();
    const onConfirm = vi.fn(() => pending.promise);
    const { onClose } = renderDialog(onConfirm);
    const button = screen.getByRole('button', { name: 'Delete' });

    // Two clicks before React re-renders: the button is not disabled yet for the second.
    act(() => {
      fireEvent.click(button);
      fireEvent.click(button);
    });
    fireEvent.click(button);
    expect(onConfirm).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeDisabled();

    await act(async () => pending.resolve());
    expect(onConfirm).toHaveBeenCalledTimes(1);
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('closes once the action succeeds', async () => {
    const { onClose, user } = renderDialog(async () => {});
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(onClose).toHaveBeenCalledTimes(1));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('stays open showing the error when the action fails, and can be tried again', async () => {
    const onConfirm = vi
      .fn<() => Promise<void>>()
      .mockRejectedValueOnce(new ApiError(404, 'SEM0049', 'No such auth key.'))
      .mockResolvedValueOnce(undefined);
    const { onClose, user } = renderDialog(onConfirm);

    await user.click(screen.getByRole('button', { name: 'Delete' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('No such auth key. (SEM0049)');
    expect(onClose).not.toHaveBeenCalled();
    expect(screen.getByRole('dialog', { name: 'Delete auth key?' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Delete' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeEnabled();

    await user.click(screen.getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(onClose).toHaveBeenCalledTimes(1));
    expect(onConfirm).toHaveBeenCalledTimes(2);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('stays open with the error it is given when the action says it did not go through', async () => {
    const onClose = vi.fn();
    const dialog = (error: unknown) => (
      <MantineProvider env="test">
        <ConfirmDialog
          opened
          title="Terminate SIM?"
          message="Confirm."
          confirmLabel="Terminate"
          onConfirm={async () => false}
          onClose={onClose}
          error={error}
          retryIn={0}
        />
      </MantineProvider>
    );
    const { rerender } = render(dialog(null));
    fireEvent.click(screen.getByRole('button', { name: 'Terminate' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Terminate' })).toBeEnabled());
    rerender(dialog(new ApiError(400, 'SIM0002', 'Protected.')));
    expect(screen.getByRole('alert')).toHaveTextContent('Protected. (SIM0002)');
    expect(onClose).not.toHaveBeenCalled();
  });

  it('explains an unexpected failure in plain words', async () => {
    const { onClose, user } = renderDialog(async () => {
      throw new TypeError('x is undefined');
    });
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('An unexpected error occurred.');
    expect(onClose).not.toHaveBeenCalled();
  });

  it('cancels without confirming', async () => {
    const onConfirm = vi.fn(async () => {});
    const { onClose, user } = renderDialog(onConfirm);
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(onConfirm).not.toHaveBeenCalled();
  });

  it('closes with its labelled close button', async () => {
    const onConfirm = vi.fn(async () => {});
    const { onClose, user } = renderDialog(onConfirm);
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(onConfirm).not.toHaveBeenCalled();
  });

  it('cannot be confirmed until allowed', async () => {
    const onConfirm = vi.fn(async () => {});
    const { user } = renderDialog(onConfirm, { canConfirm: false });
    const button = screen.getByRole('button', { name: 'Delete' });
    expect(button).toBeDisabled();
    await user.click(button);
    expect(onConfirm).not.toHaveBeenCalled();
  });

  it('cannot be dismissed with Escape while the action runs', async () => {
    const pending = deferred();
    const { onClose, user } = renderDialog(() => pending.promise);
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    await user.keyboard('{Escape}');
    expect(onClose).not.toHaveBeenCalled();
    await act(async () => pending.resolve());
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('opens clean again after a failed attempt was cancelled', async () => {
    const onClose = vi.fn();
    const failing = () => Promise.reject(new ApiError(400, 'AUM0003', 'The password is not correct.'));
    const dialog = (opened: boolean) => (
      <MantineProvider env="test">
        <ConfirmDialog
          opened={opened}
          title="Turn off MFA?"
          message="Confirm."
          confirmLabel="Turn off"
          onConfirm={failing}
          onClose={onClose}
        />
      </MantineProvider>
    );
    const { rerender } = render(dialog(true));
    fireEvent.click(screen.getByRole('button', { name: 'Turn off' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The password is not correct.');
    rerender(dialog(false));
    rerender(dialog(true));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Turn off' })).toBeVisible());
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it("stays open with the change's error when the change did not go through, and starts clean when opened again", async () => {
    const onClose = vi.fn();
    const refused = new ApiError(404, 'SEM0049', 'No such auth key.');
    const dialog = (opened: boolean, error: unknown) => (
      <MantineProvider env="test">
        <ConfirmDialog
          opened={opened}
          title="Delete auth key?"
          message="Confirm."
          confirmLabel="Delete"
          onConfirm={async () => false}
          onClose={onClose}
          error={error}
        />
      </MantineProvider>
    );
    // A change that failed before this opening: its error is not this attempt's.
    const { rerender } = render(dialog(true, refused));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('No such auth key. (SEM0049)');
    expect(onClose).not.toHaveBeenCalled();

    rerender(dialog(false, refused));
    rerender(dialog(true, refused));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Delete' })).toBeVisible());
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('says how long to wait while the change is rate-limited', async () => {
    render(
      <MantineProvider env="test">
        <ConfirmDialog
          opened
          title="Delete auth key?"
          message="Confirm."
          confirmLabel="Delete"
          onConfirm={async () => false}
          onClose={() => {}}
          error={new ApiError(429, 'SEM0429', 'Too many requests.')}
          retryIn={12}
        />
      </MantineProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Too many requests. You can try again in 12 s.');
  });
});
