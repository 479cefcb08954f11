import { describe, expect, it } from 'vitest';
import type { Sim } from '../../api/resources/sims';
import type { TFunction } from '../../app/i18n';
import { parseCsv } from '../../lib/csv';
import { isDormant, rowToSim, toSimRow } from '../../lib/simRow';
import { simsCsv } from './ExportButton';
import { type ColumnContext, columnById, simColumns, sortRows } from './simColumns';

const t = ((key: string) => key) as TFunction;
const ctx: ColumnContext = { groups: new Map(), t, locale: 'en', now: Date.UTC(2026, 10, 21) };
const day = 86_400_000;

function sim(id: string, name: string, extra: Partial<Sim> = {}): Sim {
  return {
    simId: id,
    status: 'active',
    tags: { name, env: 'prod' },
    profiles: {
      [`ic${id}`]: {
        iccid: `ic${id}`,
        primaryImsi: `imsi${id}`,
        subscribers: { [`imsi${id}`]: { imsi: `imsi${id}`, msisdn: `81${id}`, subscription: 'plan01s' } },
      },
    },
    activeProfileId: `ic${id}`,
    ...extra,
  } as Sim;
}

describe('SIM rows', () => {
  it('flatten what the table shows and rebuild enough of a SIM for actions', () => {
    const row = toSimRow(
      sim('1', 'cam', { sessionStatus: { online: true, lastUpdatedAt: 5 }, terminationEnabled: true }),
    );
    expect(row).toMatchObject({
      simId: '1',
      name: 'cam',
      imsis: ['imsi1'],
      msisdn: '811',
      iccid: 'ic1',
      online: true,
      lastSeen: 5,
      subscription: 'plan01s',
    });
    const back = rowToSim(row);
    expect(toSimRow(back)).toEqual(row);
  });

  it('count as dormant when offline and not seen for more than N days', () => {
    const seen = (online: boolean, daysAgo: number | null) =>
      toSimRow(
        sim('1', 'x', {
          sessionStatus: daysAgo === null ? undefined : { online, lastUpdatedAt: ctx.now - daysAgo * day },
        }),
      );
    expect(isDormant(seen(false, 31), 30, ctx.now)).toBe(true);
    expect(isDormant(seen(false, 29), 30, ctx.now)).toBe(false);
    expect(isDormant(seen(true, 400), 30, ctx.now)).toBe(false);
    expect(isDormant(seen(false, null), 30, ctx.now)).toBe(true);
  });
});

describe('sorting', () => {
  it('sorts by a column either way, keeping the server order between equals', () => {
    const rows = [sim('3', 'beta'), sim('1', 'alpha'), sim('2', 'beta')].map(toSimRow);
    expect(sortRows(rows, 'name', 'asc', ctx).map((r) => r.simId)).toEqual(['1', '3', '2']);
    expect(sortRows(rows, 'name', 'desc', ctx).map((r) => r.simId)).toEqual(['3', '2', '1']);
    expect(sortRows(rows, 'simId', 'asc', ctx).map((r) => r.simId)).toEqual(['1', '2', '3']);
  });

  it('puts online SIMs first, most recently seen first, by session', () => {
    const rows = [
      sim('a', 'a', { sessionStatus: { online: false, lastUpdatedAt: 10 } }),
      sim('b', 'b', { sessionStatus: { online: true, lastUpdatedAt: 5 } }),
      sim('c', 'c', { sessionStatus: { online: true, lastUpdatedAt: 9 } }),
    ].map(toSimRow);
    expect(sortRows(rows, 'session', 'asc', ctx).map((r) => r.simId)).toEqual(['c', 'b', 'a']);
  });
});

describe('the CSV export', () => {
  it('writes the columns shown with the SIM ID always included, one line per SIM', () => {
    const rows = [sim('1', 'cam, "north"'), sim('2', '=cmd')].map(toSimRow);
    const shown = [columnById('name'), columnById('tags')].filter((c) => c !== undefined);
    const csv = parseCsv(simsCsv(rows, shown, ctx));
    expect(csv).toEqual([
      ['sims.columns.simId', 'sims.columns.name', 'sims.tags'],
      ['1', 'cam, "north"', 'env=prod'],
      ['2', "'=cmd", 'env=prod'],
    ]);
  });

  it('has a text for every column', () => {
    const row = toSimRow(sim('1', 'x'));
    for (const column of simColumns) expect(typeof column.text(row, ctx)).toBe('string');
  });
});
