/** Which credential sets a group's configuration names, for deletion, and uses, for `lastUsedDateTime`. */
import { describe, expect, it } from 'vitest';
import { credentialsInUse, namesCredential } from './credentials';

describe('credential sets in a configuration', () => {
  it('are named under a credentialsId key at any depth, and only there', () => {
    const configuration = {
      SoracomFunnel: { enabled: false, credentialsId: 'funnel' },
      SoracomBeam: { 'mqtt://beam.soracom.io:1883': { enabled: true, credentials: { credentialsId: 'beam' } } },
      SoracomAir: { userdata: 'credentialsId other' },
      list: [{ credentialsId: 'in-a-list' }],
    };
    for (const id of ['funnel', 'beam', 'in-a-list']) expect(namesCredential(configuration, id)).toBe(true);
    expect(namesCredential(configuration, 'other')).toBe(false);
    expect(namesCredential(configuration, 'enabled')).toBe(false);
  });

  it('are used by the enabled forwarding services only: Funnel and Funk as a whole, Beam per entry point', () => {
    expect(
      credentialsInUse({
        SoracomFunnel: { enabled: true, credentialsId: 'funnel' },
        SoracomFunk: { enabled: false, credentialsId: 'funk-off' },
        SoracomBeam: {
          'mqtt://a:1883': { enabled: true, credentialsId: 'beam-on' },
          'mqtt://b:1883': { enabled: false, credentialsId: 'beam-off' },
        },
        SoracomHarvest: { enabled: true, credentialsId: 'not-forwarding' },
      }),
    ).toEqual(new Set(['funnel', 'beam-on']));
    expect(credentialsInUse({})).toEqual(new Set());
  });
});
