import type { TFunction } from '../../app/i18n';
import type { Credentials } from './useLogin';

type Errors = Partial<Record<keyof Credentials, string>>;

/** Field messages for the login form; the API is not called until these pass. */
export function validateCredentials(values: Credentials, mfaStep: boolean, t: TFunction): Errors {
  const errors: Errors = {};
  if (mfaStep) {
    if (!/^\d{6}$/.test(values.mfaCode.trim())) errors.mfaCode = t('login.validation.mfaCode');
    return errors;
  }
  if (values.mode === 'root') {
    if (!values.email.trim()) errors.email = t('login.validation.required');
    else if (!/^[^\s@]+@[^\s@]+$/.test(values.email.trim())) errors.email = t('login.validation.email');
  } else {
    if (!values.operatorId.trim()) errors.operatorId = t('login.validation.required');
    if (!values.userName.trim()) errors.userName = t('login.validation.required');
  }
  if (!values.password) errors.password = t('login.validation.required');
  if (values.mfaCode.trim() && !/^\d{6}$/.test(values.mfaCode.trim())) errors.mfaCode = t('login.validation.mfaCode');
  return errors;
}
