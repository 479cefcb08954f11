import { beforeAll, describe, expect, it } from 'vitest';
import { setLanguage, t } from '../../app/i18n';
import { type Credentials, signInRequest } from './useLogin';
import { emptyCredentials } from './useLoginForm';
import { validateCredentials } from './validation';

const root: Credentials = { ...emptyCredentials, mode: 'root', email: 'me@example.com', password: 'secret' };
const sam: Credentials = {
  ...emptyCredentials,
  mode: 'sam',
  operatorId: 'OP0000000001',
  userName: 'alice',
  password: 'secret',
};

beforeAll(async () => {
  await setLanguage('en');
});

describe('validateCredentials: root account', () => {
  it('accepts an email and a password', () => {
    expect(validateCredentials(root, false, t)).toEqual({});
  });

  it('requires the email and the password', () => {
    expect(validateCredentials({ ...root, email: '', password: '' }, false, t)).toEqual({
      email: 'Required',
      password: 'Required',
    });
  });

  it('treats a blank email as missing', () => {
    expect(validateCredentials({ ...root, email: '   ' }, false, t)).toEqual({ email: 'Required' });
  });

  it.each(['me', 'me@', '@example.com', 'me @example.com', 'me@exa mple.com', 'a@b@c'])(
    'rejects the email %j',
    (email) => {
      expect(validateCredentials({ ...root, email }, false, t)).toEqual({ email: 'Enter an email address' });
    },
  );

  it.each(['me@example.com', '  me@example.com  ', 'first.last+tag@sub.example.co.jp', 'me@localhost'])(
    'accepts the email %j',
    (email) => {
      expect(validateCredentials({ ...root, email }, false, t)).toEqual({});
    },
  );

  it('accepts a password of spaces: the password is never trimmed', () => {
    expect(validateCredentials({ ...root, password: '  ' }, false, t)).toEqual({});
  });

  it('ignores the SAM fields', () => {
    expect(validateCredentials({ ...root, operatorId: '', userName: '' }, false, t)).toEqual({});
  });
});

describe('validateCredentials: SAM user', () => {
  it('accepts an operator ID, a user name and a password', () => {
    expect(validateCredentials(sam, false, t)).toEqual({});
  });

  it('requires the operator ID, the user name and the password', () => {
    expect(validateCredentials({ ...sam, operatorId: ' ', userName: '', password: '' }, false, t)).toEqual({
      operatorId: 'Required',
      userName: 'Required',
      password: 'Required',
    });
  });

  it('does not ask for an email', () => {
    expect(validateCredentials({ ...sam, email: '' }, false, t)).not.toHaveProperty('email');
  });
});

describe('validateCredentials: MFA code', () => {
  it('accepts an optional 6-digit code given up front', () => {
    expect(validateCredentials({ ...root, mfaCode: '123456' }, false, t)).toEqual({});
    expect(validateCredentials({ ...root, mfaCode: ' 123456 ' }, false, t)).toEqual({});
  });

  it.each(['12345', '1234567', 'abcdef', '12 456'])('rejects the code %j given up front', (mfaCode) => {
    expect(validateCredentials({ ...root, mfaCode }, false, t)).toEqual({
      mfaCode: 'Enter the 6 digits of the code',
    });
  });

  it('on the MFA step, checks only the code', () => {
    const onlyCode: Credentials = { ...emptyCredentials, mfaCode: '000000' };
    expect(validateCredentials(onlyCode, true, t)).toEqual({});
  });

  it.each(['', '   ', '12345', '1234567', '12a456'])('on the MFA step, rejects the code %j', (mfaCode) => {
    expect(validateCredentials({ ...root, mfaCode }, true, t)).toEqual({
      mfaCode: 'Enter the 6 digits of the code',
    });
  });
});

describe('validateCredentials: language', () => {
  it('speaks the language in use', async () => {
    await setLanguage('ja');
    try {
      expect(validateCredentials({ ...root, email: '', password: '' }, false, t)).toEqual({
        email: '入力してください',
        password: '入力してください',
      });
      expect(validateCredentials({ ...root, email: 'me' }, false, t)).toEqual({
        email: 'メールアドレスを入力してください',
      });
    } finally {
      await setLanguage('en');
    }
  });
});

describe('signInRequest', () => {
  it('names a root account by its email only', () => {
    expect(signInRequest({ ...root, operatorId: 'OP0000000001', userName: 'alice', mfaCode: '123456' })).toEqual({
      endpoint: 'local',
      account: { email: 'me@example.com' },
      password: 'secret',
      mfaCode: '123456',
    });
  });

  it('names a SAM user by operator ID and user name only, at the chosen endpoint', () => {
    expect(signInRequest({ ...sam, endpoint: 'jp', email: 'ignored@example.com' })).toEqual({
      endpoint: 'jp',
      account: { operatorId: 'OP0000000001', userName: 'alice' },
      password: 'secret',
      mfaCode: '',
    });
  });
});
