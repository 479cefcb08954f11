import { describe, expect, it } from 'vitest';
import type { Field } from './fields';
import { fieldText, parseField } from './fieldValue';

const dns: Field = { kind: 'ipList', path: ['dnsServers'], label: 'air.dnsServers' };
const timeout: Field = {
  kind: 'number',
  path: ['tokenTimeoutSeconds'],
  label: 'endorse.tokenTimeout',
  min: 60,
  max: 86_400,
};
const resource: Field = {
  kind: 'url',
  path: ['destination', 'resourceUrl'],
  label: 'forward.resourceUrl',
  protocols: ['https'],
};

describe('parseField', () => {
  it('accepts IPv4 and IPv6 DNS servers, one per line, and names a bad one', () => {
    expect(parseField(dns, '8.8.8.8\n2001:4860:4860::8888\n')).toEqual({
      value: ['8.8.8.8', '2001:4860:4860::8888'],
      error: null,
    });
    expect(parseField(dns, '8.8.8.8\n999.1.1.1')).toEqual({
      value: undefined,
      error: { key: 'ip', values: { value: '999.1.1.1' } },
    });
    expect(parseField(dns, 'dns.example.com').error?.key).toBe('ip');
    expect(parseField(dns, '   ')).toEqual({ value: undefined, error: null });
  });

  it('keeps numbers within range', () => {
    expect(parseField(timeout, '3600')).toEqual({ value: 3600, error: null });
    expect(parseField(timeout, '59').error).toEqual({ key: 'range', values: { min: 60, max: 86_400 } });
    expect(parseField(timeout, '86401').error?.key).toBe('range');
    expect(parseField(timeout, '1.5').error?.key).toBe('range');
  });

  it('checks URLs against the protocols the setting takes', () => {
    expect(parseField(resource, 'https://example.com/x')).toEqual({ value: 'https://example.com/x', error: null });
    expect(parseField(resource, 'ftp://example.com').error?.key).toBe('url');
    expect(parseField(resource, 'not a url').error?.key).toBe('url');
  });
});

describe('fieldText', () => {
  it('shows lists one per line and numbers as digits', () => {
    expect(fieldText(dns, { dnsServers: ['1.1.1.1', '8.8.8.8'] })).toBe('1.1.1.1\n8.8.8.8');
    expect(fieldText(timeout, { tokenTimeoutSeconds: 600 })).toBe('600');
    expect(fieldText(resource, {})).toBe('');
  });
});
