import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadCatalogPart, setLanguage } from '../app/i18n';
import { RenderGuard } from './RenderGuard';

beforeAll(async () => {
  await setLanguage('en');
  await loadCatalogPart('console');
});

/** A part whose render fails, as one given a value it cannot handle would. */
function Broken(): never {
  throw new RangeError('Invalid time value');
}

describe('RenderGuard', () => {
  // React and the guard both report the caught error; the test is about what the page shows.
  const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
  afterEach(() => consoleError.mockClear());

  it('shows that one card could not be shown, and the rest of the page as it is', () => {
    render(
      <MantineProvider env="test">
        <h2>SIM page</h2>
        <RenderGuard>
          <Broken />
        </RenderGuard>
        <RenderGuard>
          <p>Tags card</p>
        </RenderGuard>
      </MantineProvider>,
    );
    expect(screen.getByRole('heading', { name: 'SIM page' })).toBeVisible();
    expect(screen.getByText('Tags card')).toBeVisible();
    expect(screen.getByText('This part could not be shown')).toBeVisible();
    expect(screen.getByText(/could not show: Invalid time value/)).toBeVisible();
    expect(consoleError).toHaveBeenCalledWith(
      'A part of the page could not be shown',
      expect.any(RangeError),
      expect.anything(),
    );
  });

  it('leaves only "—" in a table cell, with the reason in its title', () => {
    render(
      <MantineProvider env="test">
        <table>
          <tbody>
            <tr>
              <td>
                <RenderGuard kind="cell">
                  <Broken />
                </RenderGuard>
              </td>
              <td>SIM 1</td>
            </tr>
          </tbody>
        </table>
      </MantineProvider>,
    );
    const cells = screen.getAllByRole('cell');
    expect(cells[0]).toHaveTextContent(/^—$/);
    expect(cells[0]?.querySelector('[title]')).toHaveAttribute('title', 'Could not be shown: Invalid time value');
    expect(cells[1]).toHaveTextContent('SIM 1');
  });
});
