/** The options for deployments: gateway only, a trusted proxy, the log format, the shutdown grace. */
import { describe, expect, it } from 'vitest';
import { type Config, hasSandbox, parseConfig, usage } from './config';

const parse = (argv: string[] = [], env: NodeJS.ProcessEnv = {}, terminal = false): Config => {
  const config = parseConfig(argv, env, terminal);
  if (config === 'help') throw new Error('unexpected help');
  return config;
};

describe('gateway only', () => {
  it('offers every endpoint but the local sandbox, from --gateway-only or GATEWAY_ONLY', () => {
    for (const config of [
      parse(['--gateway-only']),
      parse([], { GATEWAY_ONLY: '1' }),
      parse([], { GATEWAY_ONLY: 'true' }),
    ]) {
      expect(config.endpoints.map((e) => e.id)).toEqual(['jp', 'g', 'sandbox-jp', 'sandbox-g']);
      expect(hasSandbox(config)).toBe(false);
    }
  });

  it('is what an endpoint list without local means, and the default list has the sandbox', () => {
    expect(hasSandbox(parse(['--endpoints', 'jp,g']))).toBe(false);
    expect(hasSandbox(parse([], { ENDPOINTS: 'sandbox-jp' }))).toBe(false);
    expect(hasSandbox(parse())).toBe(true);
    expect(hasSandbox(parse([], { GATEWAY_ONLY: '0' }))).toBe(true);
  });

  it('takes a shorter endpoint list, but refuses one with local', () => {
    expect(parse(['--gateway-only', '--endpoints', 'g']).endpoints.map((e) => e.id)).toEqual(['g']);
    expect(() => parse(['--gateway-only', '--endpoints', 'local,jp'])).toThrow(/--gateway-only offers no local/);
    expect(() => parse([], { GATEWAY_ONLY: '1', ENDPOINTS: 'local' })).toThrow(/no local/);
  });

  it('throws for a GATEWAY_ONLY that is neither on nor off', () => {
    expect(() => parse([], { GATEWAY_ONLY: 'maybe' })).toThrow(/GATEWAY_ONLY must be 1 or 0/);
  });
});

describe('trusted proxy', () => {
  it('is off unless --trust-proxy or TRUST_PROXY says so', () => {
    expect(parse().trustProxy).toBe(false);
    expect(parse(['--trust-proxy']).trustProxy).toBe(true);
    expect(parse([], { TRUST_PROXY: 'yes' }).trustProxy).toBe(true);
    expect(parse([], { TRUST_PROXY: 'off' }).trustProxy).toBe(false);
    expect(() => parse([], { TRUST_PROXY: '10.0.0.1' })).toThrow(/TRUST_PROXY/);
  });
});

describe('log format', () => {
  it('is JSON by default, text when the output is a terminal, and either when asked', () => {
    expect(parse().logFormat).toBe('json');
    expect(parse([], {}, true).logFormat).toBe('text');
    expect(parse(['--log-format', 'json'], {}, true).logFormat).toBe('json');
    expect(parse([], { LOG_FORMAT: 'text' }).logFormat).toBe('text');
    expect(parse(['--log-format=json'], { LOG_FORMAT: 'text' }).logFormat).toBe('json');
    expect(() => parse(['--log-format', 'xml'])).toThrow(/log format must be json or text, not "xml"/);
  });
});

describe('shutdown grace', () => {
  it('is 10 s unless --shutdown-grace or SHUTDOWN_GRACE says otherwise', () => {
    expect(parse().shutdownGraceSeconds).toBe(10);
    expect(parse(['--shutdown-grace', '30']).shutdownGraceSeconds).toBe(30);
    expect(parse([], { SHUTDOWN_GRACE: '0' }).shutdownGraceSeconds).toBe(0);
    expect(() => parse(['--shutdown-grace', 'long'])).toThrow(/shutdown grace must be a whole number/);
  });
});

describe('usage', () => {
  it('tells about every deployment option and the health check', () => {
    expect(usage).toMatch(/--gateway-only\s+GATEWAY_ONLY=1\s+no local sandbox/);
    expect(usage).toMatch(/--trust-proxy\s+TRUST_PROXY=1[\s\S]*X-Forwarded-For[\s\S]*Strict-Transport-Security/);
    expect(usage).toMatch(/--log-format F\s+LOG_FORMAT\s+json or text/);
    expect(usage).toMatch(/--shutdown-grace N\s+SHUTDOWN_GRACE[\s\S]*\(default 10\)/);
    expect(usage).toMatch(/GET \/healthz/);
  });
});
