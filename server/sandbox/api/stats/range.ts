/** The period and range a usage report asks for (guesses.sandboxAirSpeedClasses: UTC buckets, store/usage.ts). */
import { badRequest } from '../../errors';
import { periods, type StatsWindow } from '../../store/usage';

/** 9999-12-31T23:59:59Z: later times have no calendar month to put them in. */
const lastSecond = 253_402_300_799;

/**
 * The period and the covered range (bucket start of `from` to bucket end of `to`, in seconds) asked for; 400 when
 * they do not fit.
 */
export function statsRange(period: unknown, fromValue: unknown, toValue: unknown, where = 'Query'): StatsWindow {
  const p = periods[period as keyof typeof periods];
  if (!p || !Object.hasOwn(periods, period as string)) {
    throw badRequest(`${where}: 'period' must be one of month, day, minutes.`);
  }
  const from = Number(fromValue);
  const to = Number(toValue);
  if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to) || from < 0 || from > to || to > lastSecond) {
    throw badRequest(`${where}: 'from' and 'to' must be UNIX times in seconds with from <= to.`);
  }
  return { period: p, start: p.start(from), end: p.end(to) };
}
