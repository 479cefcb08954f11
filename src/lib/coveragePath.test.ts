import { describe, expect, it } from 'vitest';
import { pathInCoverage, pathInOtherCoverage } from './coveragePath';

describe('where a switch of coverage lands', () => {
  it('keeps list pages, the dashboard and the pages of what both coverages share', () => {
    for (const path of [
      '/',
      '/sims',
      '/groups',
      '/usage',
      '/billing',
      '/billing/payments',
      '/event-handlers',
      '/event-handlers/new',
      '/credentials',
      '/logs',
      '/orders/OR0001',
      '/account/coverage',
      '/account/users/alice',
    ]) {
      expect(pathInOtherCoverage(path, '')).toBe(path);
    }
  });

  it("sends a page of one coverage's SIM, group, bill or handler to its list", () => {
    expect(pathInOtherCoverage('/sims/8942310000000000001', '')).toBe('/sims');
    expect(pathInOtherCoverage('/groups/G-1', '?tab=config')).toBe('/groups');
    expect(pathInOtherCoverage('/billing/202501', '')).toBe('/billing');
    expect(pathInOtherCoverage('/event-handlers/H-1', '')).toBe('/event-handlers');
    expect(pathInOtherCoverage('/event-handlers/H-1/edit', '')).toBe('/event-handlers');
  });

  it("keeps a list's filters but not its page key, which belongs to the coverage left", () => {
    expect(pathInOtherCoverage('/sims', '?status=active&after=8942&limit=100')).toBe('/sims?status=active&limit=100');
    expect(pathInOtherCoverage('/sims', '?after=8942')).toBe('/sims');
    expect(pathInOtherCoverage('/logs', '?coverage=g&resource=Sim')).toBe('/logs?resource=Sim');
  });

  it('names the coverage a link opens in, after any query it has', () => {
    expect(pathInCoverage('/sims/8942', 'g')).toBe('/sims/8942?coverage=g');
    expect(pathInCoverage('/groups/G-1?tab=sims', 'jp')).toBe('/groups/G-1?tab=sims&coverage=jp');
  });
});
