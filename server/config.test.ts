import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Config, knownEndpoints, parseConfig, publicUrl, usage } from './config';

const parse = (argv: string[] = [], env: NodeJS.ProcessEnv = {}): Config => {
  const config = parseConfig(argv, env);
  if (config === 'help') throw new Error('unexpected help');
  return config;
};

describe('parseConfig', () => {
  it('has defaults for everything', () => {
    const config = parse();
    expect(config).toEqual({
      port: 8080,
      host: '127.0.0.1',
      sandboxDb: '.data/sandbox.db',
      fleet: 1000,
      endpoints: knownEndpoints.map((e) => ({ ...e })),
      upstreamTimeoutMs: 30_000,
      distDir: resolve(import.meta.dirname, '../dist'),
      rateLimit: 20,
      sessionInterval: 10,
      autoShip: 0,
      latency: 0,
      bodyLimit: 1024 * 1024,
      gatewayBodyLimit: 16 * 1024 * 1024,
      allowedHosts: [],
      sandboxOps: 'loopback',
      passwordCost: 131_072,
      logFormat: 'json',
      trustProxy: false,
      shutdownGraceSeconds: 10,
    });
    expect(config.endpoints.map((e) => e.id)).toEqual(['local', 'local-g', 'jp', 'g', 'sandbox-jp', 'sandbox-g']);
    expect(config.endpoints.find((e) => e.id === 'local')?.upstream).toBeNull();
  });

  it('reads the environment', () => {
    const config = parse([], {
      PORT: '9090',
      HOST: '0.0.0.0',
      SANDBOX_DB: ':memory:',
      SANDBOX_FLEET: '25',
      ENDPOINTS: 'local,jp',
      UPSTREAM_TIMEOUT_MS: '1500',
    });
    expect(config).toMatchObject({
      port: 9090,
      host: '0.0.0.0',
      sandboxDb: ':memory:',
      fleet: 25,
      upstreamTimeoutMs: 1500,
    });
    expect(config.endpoints.map((e) => e.id)).toEqual(['local', 'jp']);
  });

  it('prefers flags to the environment', () => {
    const config = parse(
      ['--port', '7000', '--host', '::1', '--db', '/tmp/x.db', '--fleet', '0', '--endpoints', 'sandbox-g'],
      { PORT: '9090', HOST: '0.0.0.0', SANDBOX_DB: ':memory:', SANDBOX_FLEET: '25', ENDPOINTS: 'local,jp' },
    );
    expect(config).toMatchObject({ port: 7000, host: '::1', sandboxDb: '/tmp/x.db', fleet: 0 });
    expect(config.endpoints).toEqual([{ id: 'sandbox-g', upstream: 'https://g.api-sandbox.soracom.io/v1' }]);
  });

  it('accepts --flag=value', () => {
    expect(parse(['--port=8181', '--fleet=5'])).toMatchObject({ port: 8181, fleet: 5 });
  });

  it('treats empty environment values as unset for numbers', () => {
    expect(parse([], { PORT: '', SANDBOX_FLEET: '', UPSTREAM_TIMEOUT_MS: '' })).toMatchObject({
      port: 8080,
      fleet: 1000,
      upstreamTimeoutMs: 30_000,
    });
  });

  it('keeps the order of the endpoint list and ignores blanks and spaces around names', () => {
    const config = parse(['--endpoints', ' jp , ,local,'], {});
    expect(config.endpoints.map((e) => e.id)).toEqual(['jp', 'local']);
  });

  it("returns 'help' for --help, whatever else is given", () => {
    expect(parseConfig(['--help'], {})).toBe('help');
    expect(parseConfig(['--port', '1', '--help'], { ENDPOINTS: 'nope' })).toBe('help');
  });

  it('throws for an unknown endpoint, naming it and the known ones', () => {
    expect(() => parse(['--endpoints', 'local,mars'])).toThrow(/mars.*local, local-g, jp, g, sandbox-jp, sandbox-g/);
    expect(() => parse([], { ENDPOINTS: 'LOCAL' })).toThrow(/LOCAL/);
  });

  it.each(['--port=abc', '--port=-1', '--port=80.5', '--fleet=many', '--fleet=-5'])('throws for %s', (flag) => {
    expect(() => parse([flag])).toThrow(/whole number/);
  });

  it.each([
    ['PORT', 'abc'],
    ['SANDBOX_FLEET', '-5'],
  ])('throws for %s=%s', (name, value) => {
    expect(() => parse([], { [name]: value })).toThrow(/whole number/);
  });

  it('throws for a bad UPSTREAM_TIMEOUT_MS', () => {
    expect(() => parse([], { UPSTREAM_TIMEOUT_MS: 'soon' })).toThrow(/UPSTREAM_TIMEOUT_MS/);
  });

  it('throws for an unknown flag', () => {
    expect(() => parse(['--verbose'])).toThrow();
    expect(() => parse(['stray-argument'])).toThrow();
  });

  it('takes another upstream from ENDPOINT_URL_<ID>', () => {
    const config = parse([], {
      ENDPOINT_URL_SANDBOX_JP: 'http://127.0.0.1:9000/v1',
      ENDPOINT_URL_JP: 'http://127.0.0.1:9001/v1',
    });
    expect(config.endpoints).toEqual([
      { id: 'local', upstream: null },
      { id: 'local-g', upstream: null },
      { id: 'jp', upstream: 'http://127.0.0.1:9001/v1' },
      { id: 'g', upstream: 'https://g.api.soracom.io/v1' },
      { id: 'sandbox-jp', upstream: 'http://127.0.0.1:9000/v1' },
      { id: 'sandbox-g', upstream: 'https://g.api-sandbox.soracom.io/v1' },
    ]);
  });

  it('never gives the local endpoint an upstream', () => {
    const config = parse([], { ENDPOINT_URL_LOCAL: 'http://127.0.0.1:9000/v1' });
    expect(config.endpoints.find((e) => e.id === 'local')?.upstream).toBeNull();
  });

  it('does not change the known endpoints it starts from', () => {
    parse([], { ENDPOINT_URL_JP: 'http://127.0.0.1:9001/v1' });
    expect(knownEndpoints.find((e) => e.id === 'jp')?.upstream).toBe('https://api.soracom.io/v1');
  });

  it('reads the sandbox rate limit from --rate-limit or SANDBOX_RATE_LIMIT, the flag first', () => {
    expect(parse(['--rate-limit', '500']).rateLimit).toBe(500);
    expect(parse([], { SANDBOX_RATE_LIMIT: '7' }).rateLimit).toBe(7);
    expect(parse(['--rate-limit=9'], { SANDBOX_RATE_LIMIT: '7' }).rateLimit).toBe(9);
    expect(parse([], { SANDBOX_RATE_LIMIT: '' }).rateLimit).toBe(20);
  });

  it.each(['0', '-1', 'many', '2.5'])('throws for a rate limit of %s', (value) => {
    expect(() => parse([`--rate-limit=${value}`])).toThrow(/rate limit/);
    expect(() => parse([], { SANDBOX_RATE_LIMIT: value })).toThrow(/rate limit/);
  });
});

describe('auto-ship', () => {
  it('reads --auto-ship or SANDBOX_AUTO_SHIP, the flag first; off unless given', () => {
    expect(parse([]).autoShip).toBe(0);
    expect(parse(['--auto-ship', '30']).autoShip).toBe(30);
    expect(parse(['--auto-ship=5'], { SANDBOX_AUTO_SHIP: '60' }).autoShip).toBe(5);
    expect(() => parse(['--auto-ship=soon'])).toThrow(/auto ship/);
  });
});

describe('latency', () => {
  it('reads --latency or SANDBOX_LATENCY in milliseconds, the flag first; none unless given, and bounded', () => {
    expect(parse([]).latency).toBe(0);
    expect(parse(['--latency', '60']).latency).toBe(60);
    expect(parse(['--latency=20'], { SANDBOX_LATENCY: '90' }).latency).toBe(20);
    expect(parse([], { SANDBOX_LATENCY: '90' }).latency).toBe(90);
    expect(() => parse(['--latency=slow'])).toThrow(/latency/);
    expect(() => parse(['--latency=600000'])).toThrow(/latency must be at most 10000/);
  });
});

describe('session interval', () => {
  it('reads --session-interval or SANDBOX_SESSION_INTERVAL, the flag first; 0 turns the simulation off', () => {
    expect(parse(['--session-interval', '3']).sessionInterval).toBe(3);
    expect(parse([], { SANDBOX_SESSION_INTERVAL: '0' }).sessionInterval).toBe(0);
    expect(parse(['--session-interval=30'], { SANDBOX_SESSION_INTERVAL: '0' }).sessionInterval).toBe(30);
  });

  it.each(['-1', 'often', '1.5'])('throws for a session interval of %s', (value) => {
    expect(() => parse([`--session-interval=${value}`])).toThrow(/session interval/);
  });
});

describe('body limits and host names', () => {
  it('read --body-limit and --gateway-body-limit (or their variables) in bytes, with k and m for KiB and MiB', () => {
    expect(parse(['--body-limit', '2048', '--gateway-body-limit', '64k'])).toMatchObject({
      bodyLimit: 2048,
      gatewayBodyLimit: 65_536,
    });
    expect(parse([], { BODY_LIMIT: '2m', GATEWAY_BODY_LIMIT: '32MiB' })).toMatchObject({
      bodyLimit: 2_097_152,
      gatewayBodyLimit: 33_554_432,
    });
    expect(parse(['--body-limit=100'], { BODY_LIMIT: '2m' }).bodyLimit).toBe(100);
    for (const bad of ['0', 'lots', '1.5m', '2g']) {
      expect(() => parse([`--body-limit=${bad}`]), bad).toThrow(/body limit must be a number of bytes/);
    }
  });

  it('read more host names from --allowed-hosts or ALLOWED_HOSTS, the flag first', () => {
    expect(parse(['--allowed-hosts', 'console.example.com, other.example ']).allowedHosts).toEqual([
      'console.example.com',
      'other.example',
    ]);
    expect(parse([], { ALLOWED_HOSTS: 'a.example' }).allowedHosts).toEqual(['a.example']);
    expect(parse(['--allowed-hosts', 'b.example'], { ALLOWED_HOSTS: 'a.example' }).allowedHosts).toEqual(['b.example']);
  });

  it('reads scrypt’s N for passwords from --password-cost or SANDBOX_PASSWORD_COST, a power of two', () => {
    expect(parse(['--password-cost', '262144']).passwordCost).toBe(262_144);
    expect(parse([], { SANDBOX_PASSWORD_COST: '16384' }).passwordCost).toBe(16_384);
    for (const bad of ['1000', '512', '2097152', 'high']) {
      expect(() => parse([`--password-cost=${bad}`]), bad).toThrow(/password cost must be/);
    }
  });

  it('reads who may call the unsigned sandbox operations from --sandbox-ops or SANDBOX_OPS, the flag first', () => {
    expect(parse(['--sandbox-ops', 'off']).sandboxOps).toBe('off');
    expect(parse([], { SANDBOX_OPS: 'open' }).sandboxOps).toBe('open');
    expect(parse(['--sandbox-ops=Loopback'], { SANDBOX_OPS: 'open' }).sandboxOps).toBe('loopback');
    expect(parse([], { SANDBOX_OPS: '' }).sandboxOps).toBe('loopback');
    for (const bad of ['all', 'none', 'true']) {
      expect(() => parse([`--sandbox-ops=${bad}`]), bad).toThrow(/sandbox-ops must be one of open, loopback, off/);
    }
  });
});

describe('usage', () => {
  it('tells about the rate limit', () => {
    expect(usage).toMatch(/--rate-limit N\s+SANDBOX_RATE_LIMIT\s+requests per minute/);
    expect(usage).toContain('(default 20)');
  });

  it('tells about the body limits and the host names', () => {
    expect(usage).toMatch(/--body-limit N\s+BODY_LIMIT\s+largest request body[\s\S]*\(default 1m\)/);
    expect(usage).toMatch(/--gateway-body-limit N\s+GATEWAY_BODY_LIMIT[\s\S]*\(default 16m\)/);
    expect(usage).toMatch(/--allowed-hosts LIST\s+ALLOWED_HOSTS[\s\S]*421/);
  });

  it('tells the password cost and its default, OWASP’s', () => {
    expect(usage).toMatch(
      /--password-cost N\s+SANDBOX_PASSWORD_COST\s+scrypt's N[\s\S]*\(default 131072, OWASP's figure\)/,
    );
  });

  it('tells who may call the sandbox operations that need no sign-in', () => {
    expect(usage).toMatch(/--sandbox-ops MODE\s+SANDBOX_OPS\s+who may call POST \/sandbox\/init/);
    expect(usage).toMatch(/open \(anyone\), loopback \(this machine only[\s\S]*off \(404[\s\S]*\(default loopback\)/);
  });
});

describe('publicUrl', () => {
  it.each([
    ['127.0.0.1', 8080, 'http://127.0.0.1:8080'],
    ['localhost', 3000, 'http://localhost:3000'],
    ['0.0.0.0', 8080, 'http://127.0.0.1:8080'],
    ['::', 8080, 'http://[::1]:8080'],
    ['::1', 8181, 'http://[::1]:8181'],
    ['192.0.2.10', 80, 'http://192.0.2.10:80'],
  ])('for host %s and port %i is %s', (host, port, url) => {
    expect(publicUrl({ host, port })).toBe(url);
  });
});
