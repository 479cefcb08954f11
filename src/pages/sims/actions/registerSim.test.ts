import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogPart, setLanguage, t } from '../../../app/i18n';
import { emptyRegisterInput, registerBody, registerRequest, validateRegister } from './registerSim';

beforeAll(async () => {
  await setLanguage('en');
  await loadCatalogPart('console');
});

describe('register a SIM', () => {
  it('needs the SIM ID and the secret, and tag names when tags are given', () => {
    expect(validateRegister(emptyRegisterInput(), t)).toEqual({ simId: 'Required', registrationSecret: 'Required' });
    expect(
      validateRegister({ simId: 'x', registrationSecret: 's', groupId: '', tags: [{ name: '', value: 'v' }] }, t),
    ).toEqual({ 'tags.0.name': 'Enter a tag name.' });
    expect(validateRegister({ ...emptyRegisterInput(), simId: 'x', registrationSecret: 's' }, t)).toBeNull();
  });

  it('sends the group and tags only when given', () => {
    expect(registerBody({ simId: 'x', registrationSecret: ' s ', groupId: '', tags: [] })).toEqual({
      registrationSecret: 's',
    });
    expect(
      registerBody({ simId: 'x', registrationSecret: 's', groupId: 'g', tags: [{ name: 'name ', value: 'Pump' }] }),
    ).toEqual({ registrationSecret: 's', groupId: 'g', tags: { name: 'Pump' } });
  });

  it('sends the SIM typed, trimmed, with the body', () => {
    expect(registerRequest({ simId: ' 894 ', registrationSecret: 'sec', groupId: '', tags: [] })).toEqual({
      simId: '894',
      body: { registrationSecret: 'sec' },
    });
  });
});
