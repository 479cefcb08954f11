import { describe, expect, it } from 'vitest';
import type { Sim } from '../api/resources/sims';
import { allImsis, primarySubscriber, simName } from './sim';

const dualProfile: Sim = {
  simId: '8981000000000000001',
  activeProfileId: 'p2',
  profiles: {
    p1: {
      iccid: '8981000000000000001',
      primaryImsi: '440100000000001',
      subscribers: { '440100000000001': { imsi: '440100000000001', msisdn: '819000000001', subscription: 'plan01s' } },
    },
    p2: {
      iccid: '8981000000000000002',
      primaryImsi: '295050000000002',
      subscribers: {
        '295050000000002': { imsi: '295050000000002', msisdn: '423000000002', subscription: 'plan-D' },
        '295050000000003': { imsi: '295050000000003', subscription: 'plan-K' },
      },
    },
  },
  tags: { name: 'Gateway 1' },
};

describe('primarySubscriber', () => {
  it("reads the active profile's primary subscriber", () => {
    expect(primarySubscriber(dualProfile)).toEqual({
      iccid: '8981000000000000002',
      imsi: '295050000000002',
      msisdn: '423000000002',
      subscription: 'plan-D',
    });
  });

  it('falls back to the first profile without an active one', () => {
    const sim: Sim = { ...dualProfile, activeProfileId: undefined };
    expect(primarySubscriber(sim)).toMatchObject({ iccid: '8981000000000000001', msisdn: '819000000001' });
  });

  it('falls back to the first profile when the active one is not listed', () => {
    const sim: Sim = { ...dualProfile, activeProfileId: 'gone' };
    expect(primarySubscriber(sim)).toMatchObject({ iccid: '8981000000000000001', imsi: '440100000000001' });
  });

  it('gives the ICCID alone when the profile has no primary IMSI', () => {
    const sim: Sim = { profiles: { p: { iccid: '8981000000000000009', subscribers: {} } } };
    expect(primarySubscriber(sim)).toEqual({ iccid: '8981000000000000009', imsi: undefined });
  });

  it('gives nothing for a SIM without profiles', () => {
    expect(primarySubscriber({ simId: 'x' })).toEqual({ iccid: undefined, imsi: undefined });
  });
});

describe('allImsis', () => {
  it('lists every IMSI of every profile', () => {
    expect(allImsis(dualProfile).sort()).toEqual(['295050000000002', '295050000000003', '440100000000001']);
  });

  it('is empty without profiles or subscribers', () => {
    expect(allImsis({})).toEqual([]);
    expect(allImsis({ profiles: { p: { iccid: '1' } } })).toEqual([]);
  });
});

describe('simName', () => {
  it('is the name tag, or empty', () => {
    expect(simName(dualProfile)).toBe('Gateway 1');
    expect(simName({ tags: { other: 'x' } })).toBe('');
    expect(simName({})).toBe('');
  });
});
