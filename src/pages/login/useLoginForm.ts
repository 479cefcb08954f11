import type { ChangeEvent } from 'react';
import { useState } from 'react';
import { otpDigits } from '../../lib/otpCode';
import type { Credentials } from './useLogin';

export const emptyCredentials: Credentials = {
  mode: 'root',
  endpoint: 'local',
  email: '',
  operatorId: '',
  userName: '',
  password: '',
  mfaCode: '',
};

type Errors = Partial<Record<keyof Credentials, string>>;

/** Values and field errors of the login form; an edited field loses its error. */
export function useLoginForm() {
  const [values, setValues] = useState<Credentials>(emptyCredentials);
  const [errors, setErrors] = useState<Errors>({});

  function set<K extends keyof Credentials>(field: K, value: Credentials[K]) {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
  }

  /** Props for a text input bound to `field`. */
  function field(name: Exclude<keyof Credentials, 'mode'>) {
    return {
      value: values[name],
      error: errors[name],
      onChange: (event: ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
        set(name, name === 'mfaCode' ? otpDigits(event.currentTarget.value) : event.currentTarget.value),
    };
  }

  return { values, set, field, setErrors };
}
