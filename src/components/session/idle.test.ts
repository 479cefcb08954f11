import { afterEach, describe, expect, it } from 'vitest';
import { defaultIdleMinutes, idleChoices, idleMinutes, idleState, idleWarningMs, setIdleMinutes } from './idle';

const storageKey = 'soracom-console.idleMinutes';
const minute = 60_000;

afterEach(() => {
  localStorage.clear();
});

describe('idleMinutes', () => {
  it('is 30 minutes when nothing was chosen', () => {
    expect(defaultIdleMinutes).toBe(30);
    expect(idleMinutes()).toBe(30);
  });

  it.each(idleChoices.map((m) => [m]))('remembers a choice of %i minutes in this browser', (minutes) => {
    setIdleMinutes(minutes);
    expect(localStorage.getItem(storageKey)).toBe(String(minutes));
    expect(idleMinutes()).toBe(minutes);
  });

  it.each(['', 'abc', '0', '-5', '7', '29.5', 'Infinity', 'NaN', '1e9', '30minutes'])(
    'falls back to 30 for the stored value %j',
    (stored) => {
      localStorage.setItem(storageKey, stored);
      expect(idleMinutes()).toBe(30);
    },
  );

  it('falls back to 30 when a minute count that is not offered was set', () => {
    setIdleMinutes(45);
    expect(idleMinutes()).toBe(30);
  });

  it('does not keep the idle preference in sessionStorage', () => {
    setIdleMinutes(60);
    expect(sessionStorage.getItem(storageKey)).toBeNull();
  });
});

describe('idleState', () => {
  const timeout = 30 * minute;

  it('warns one minute before the timeout', () => {
    expect(idleWarningMs).toBe(minute);
  });

  it.each([
    [0, { kind: 'active' }],
    [29 * minute - 1, { kind: 'active' }],
    [29 * minute, { kind: 'warning', secondsLeft: 60 }],
    [29 * minute + 500, { kind: 'warning', secondsLeft: 60 }],
    [29 * minute + 1_000, { kind: 'warning', secondsLeft: 59 }],
    [29.5 * minute, { kind: 'warning', secondsLeft: 30 }],
    [timeout - 1, { kind: 'warning', secondsLeft: 1 }],
    [timeout, { kind: 'timedOut' }],
    [timeout + 10 * minute, { kind: 'timedOut' }],
  ])('after %i ms idle out of 30 minutes: %j', (idle, expected) => {
    expect(idleState(idle, timeout)).toEqual(expected);
  });

  it('scales with the timeout chosen', () => {
    expect(idleState(3 * minute, 5 * minute)).toEqual({ kind: 'active' });
    expect(idleState(4 * minute, 5 * minute)).toEqual({ kind: 'warning', secondsLeft: 60 });
    expect(idleState(5 * minute, 5 * minute)).toEqual({ kind: 'timedOut' });
  });
});
