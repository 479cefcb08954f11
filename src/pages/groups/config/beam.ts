import type { Field } from './fields';

/** Beam's entry points are the namespace's top-level keys that are URLs (the key is where devices connect). */
export const beamEntryProtocols = ['mqtt', 'mqtts', 'http', 'https', 'tcp', 'tcps', 'udp'] as const;
export const isBeamEntry = (key: string) => /^[a-z]+:\/\//.test(key);

export const beamEntryFields = (entry: string): Field[] => [
  { kind: 'boolean', path: [entry, 'enabled'], label: 'common.enabled' },
  { kind: 'text', path: [entry, 'name'], label: 'beam.name' },
  {
    kind: 'url',
    path: [entry, 'destination'],
    label: 'beam.destination',
    protocols: ['http', 'https', 'mqtt', 'mqtts', 'tcp', 'tcps', 'udp'],
    required: true,
  },
  { kind: 'boolean', path: [entry, 'addSubscriberHeader'], label: 'beam.addSubscriberHeader' },
  { kind: 'boolean', path: [entry, 'addSignature'], label: 'beam.addSignature' },
  { kind: 'secret', path: [entry, 'psk'], label: 'beam.psk' },
  { kind: 'boolean', path: [entry, 'useClientCert'], label: 'beam.useClientCert' },
];
