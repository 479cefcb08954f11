import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  emptyView,
  filterProblem,
  hasSearch,
  parseView,
  type SimView,
  searchFields,
  searchQuery,
  writeView,
} from './simQuery';

describe('the SIM view in the URL', () => {
  it('reads every filter, AND/OR, mode, dormant days, sort and quick text', () => {
    const view = parseView(
      new URLSearchParams(
        'name=camera&tag=prod,stage&status=active&session_status=online&search_type=or&mode=fleet&dormant=30&sort=-name&q=tokyo&scope=both&in=g',
      ),
    );
    expect(view).toEqual({
      filters: { name: 'camera', tag: 'prod,stage', status: 'active', session_status: 'ONLINE' },
      searchType: 'or',
      fleet: true,
      dormantDays: 30,
      sort: { column: 'name', direction: 'desc' },
      text: 'tokyo',
      both: true,
      coverage: 'g',
    });
  });

  it('leaves out what it does not understand instead of failing', () => {
    const view = parseView(
      new URLSearchParams('color=red&session_status=maybe&dormant=-3&sort=%3Cx%3E&name=%20%20&scope=all&in=eu'),
    );
    expect(view).toEqual(emptyView);
  });

  it('writes only what differs from the defaults and keeps other parameters', () => {
    const params = writeView({ ...emptyView, filters: { imsi: '4401' } }, new URLSearchParams('limit=100&name=old'));
    expect(params.toString()).toBe('limit=100&imsi=4401');
  });

  it('comes back the same after a round trip through the URL', () => {
    const value = fc.string({ minLength: 2, maxLength: 12 }).filter((s) => s.trim() === s && s.trim().length >= 2);
    const view = fc.record({
      filters: fc.dictionary(fc.constantFrom(...searchFields.filter((f) => f !== 'session_status')), value),
      searchType: fc.constantFrom('and' as const, 'or' as const),
      fleet: fc.boolean(),
      dormantDays: fc.option(fc.integer({ min: 0, max: 999 }), { nil: null }),
      sort: fc.option(
        fc.record({
          column: fc.constantFrom('name', 'simId', 'status'),
          direction: fc.constantFrom('asc' as const, 'desc' as const),
        }),
        { nil: null },
      ),
      text: fc.string({ maxLength: 10 }),
      both: fc.boolean(),
      coverage: fc.constantFrom('jp' as const, 'g' as const, null),
    });
    fc.assert(
      fc.property(view, (v) => {
        const back = parseView(new URLSearchParams(writeView(v as SimView).toString()));
        expect(back).toEqual({ ...v, filters: { ...v.filters } });
      }),
      { numRuns: 200 },
    );
  });
});

describe('the search query', () => {
  it('searches only when a filter is set', () => {
    expect(hasSearch(emptyView)).toBe(false);
    expect(hasSearch({ ...emptyView, filters: { group_id: 'g1' } })).toBe(true);
  });

  it('sends comma-separated values trimmed, the session status as is, and OR only when asked', () => {
    expect(
      searchQuery({
        ...emptyView,
        filters: { tag: ' prod , stage ,', session_status: 'OFFLINE' },
        searchType: 'or',
      }),
    ).toEqual({ tag: ['prod,stage'], session_status: 'OFFLINE', search_type: 'or' });
    expect(searchQuery({ ...emptyView, filters: { name: 'cam' } })).toEqual({ name: ['cam'] });
  });

  it('refuses values SORACOM would refuse: shorter than 2 characters, or nothing', () => {
    expect(filterProblem('name', 'ab')).toBeNull();
    expect(filterProblem('name', 'ab,c')).toBe('tooShort');
    expect(filterProblem('imsi', ' , ')).toBe('empty');
    expect(filterProblem('session_status', 'ONLINE')).toBeNull();
  });
});
