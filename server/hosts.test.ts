import { describe, expect, it } from 'vitest';
import { allowedHosts, hostAllowed, hostName } from './hosts';

describe('hostName', () => {
  it('takes the name of a Host header without its port, in lower case, IPv6 in brackets', () => {
    expect(hostName('LocalHost:8080')).toBe('localhost');
    expect(hostName('127.0.0.1')).toBe('127.0.0.1');
    expect(hostName('[::1]:8080')).toBe('[::1]');
    expect(hostName('[::1]')).toBe('[::1]');
    expect(hostName('::1')).toBe('[::1]');
    expect(hostName('console.example.com:443')).toBe('console.example.com');
  });
});

describe('hostAllowed', () => {
  const allowed = allowedHosts('127.0.0.1');

  it('answers the loopback names at any port, and no other name', () => {
    for (const host of ['127.0.0.1', '127.0.0.1:8080', 'localhost', 'localhost:5173', '[::1]', '[::1]:8080']) {
      expect(hostAllowed(host, allowed), host).toBe(true);
    }
    for (const host of ['evil.example', 'evil.example:8080', 'localhost.evil.example', '127.0.0.2', '', '0.0.0.0']) {
      expect(hostAllowed(host, allowed), host).toBe(false);
    }
  });

  it('adds the listen address and the names it is given', () => {
    const wider = allowedHosts('192.0.2.10', ['Console.Example.com', '2001:db8::1']);
    for (const host of ['192.0.2.10:8080', 'console.example.com', '[2001:db8::1]:8080', 'localhost']) {
      expect(hostAllowed(host, wider), host).toBe(true);
    }
    expect(hostAllowed('other.example.com', wider)).toBe(false);
    expect(hostAllowed('[::1]:8080', allowedHosts('::1'))).toBe(true);
  });

  it('lets a request without a Host header through (HTTP/1.0; HTTP/1.1 requires one and Node refuses it)', () => {
    expect(hostAllowed(undefined, allowed)).toBe(true);
  });
});
