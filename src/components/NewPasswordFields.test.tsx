import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { beforeAll, describe, expect, it } from 'vitest';
import { setLanguage } from '../app/i18n';
import { type NewPassword, NewPasswordFields, newPasswordErrors } from './NewPasswordFields';

describe('newPasswordErrors', () => {
  it('is null for a valid password typed twice', () => {
    expect(newPasswordErrors({ password: 'abcdefg1', confirm: 'abcdefg1' })).toBeNull();
  });

  it('reports a confirmation that differs', () => {
    expect(newPasswordErrors({ password: 'abcdefg1', confirm: 'abcdefg2' })).toEqual({ confirm: 'mismatch' });
    expect(newPasswordErrors({ password: 'abcdefg1', confirm: '' })).toEqual({ confirm: 'mismatch' });
  });

  it('reports the problem with the password', () => {
    expect(newPasswordErrors({ password: 'short1', confirm: 'short1' })).toEqual({ password: 'tooShort' });
    expect(newPasswordErrors({ password: 'abcdefgh', confirm: 'abcdefgh' })).toEqual({ password: 'needsDigit' });
    expect(newPasswordErrors({ password: '12345678', confirm: '12345678' })).toEqual({ password: 'needsLetter' });
  });

  it('reports both at once', () => {
    expect(newPasswordErrors({ password: 'abc', confirm: 'abd' })).toEqual({
      password: 'tooShort',
      confirm: 'mismatch',
    });
  });

  it('reports an empty password as too short, not as a mismatch', () => {
    expect(newPasswordErrors({ password: '', confirm: '' })).toEqual({ password: 'tooShort' });
  });
});

function Harness({ showErrors, initial }: { showErrors: boolean; initial?: NewPassword }) {
  const [value, setValue] = useState<NewPassword>(initial ?? { password: '', confirm: '' });
  return (
    <MantineProvider env="test">
      <NewPasswordFields value={value} onChange={setValue} showErrors={showErrors} />
    </MantineProvider>
  );
}

describe('NewPasswordFields', () => {
  beforeAll(async () => {
    await setLanguage('en');
  });

  it('states the rule and rates the password as it is typed', async () => {
    const user = userEvent.setup();
    render(<Harness showErrors={false} />);
    const field = screen.getByLabelText('New password');
    expect(field).toHaveAttribute('type', 'password');
    expect(field).toHaveAttribute('autocomplete', 'new-password');
    expect(field).toHaveAccessibleDescription('At least 8 characters, with a letter and a digit.');
    expect(screen.queryByText(/^Strength:/)).not.toBeInTheDocument();

    await user.type(field, 'password123');
    expect(screen.getByText('Strength: very weak')).toBeInTheDocument();
    await user.clear(field);
    await user.type(field, 'Abcdefgh1234!xyz');
    expect(screen.getByText('Strength: strong')).toBeInTheDocument();
  });

  it('shows no errors until asked to', () => {
    render(<Harness showErrors={false} initial={{ password: 'abc', confirm: 'x' }} />);
    expect(screen.queryByText('Use at least 8 characters')).not.toBeInTheDocument();
    expect(screen.queryByText('The two passwords differ')).not.toBeInTheDocument();
  });

  it('shows what is wrong with each field', () => {
    render(<Harness showErrors initial={{ password: 'abc', confirm: 'x' }} />);
    expect(screen.getByLabelText('New password')).toHaveAccessibleDescription(
      expect.stringContaining('Use at least 8 characters'),
    );
    expect(screen.getByLabelText('Confirm new password')).toHaveAccessibleDescription('The two passwords differ');
  });

  it.each([
    ['abcdefgh', 'Include a digit'],
    ['12345678', 'Include a letter'],
    [`a1${'b'.repeat(99)}`, 'Use at most 100 characters'],
  ])('explains the problem with %j', (password, message) => {
    render(<Harness showErrors initial={{ password, confirm: password }} />);
    expect(screen.getByText(message)).toBeInTheDocument();
    expect(screen.queryByText('The two passwords differ')).not.toBeInTheDocument();
  });
});
