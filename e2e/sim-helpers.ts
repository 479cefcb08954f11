/** What the SIM table journeys (sim-table.spec.ts, sim-bulk.spec.ts) share: the SIM as the API answers it, the table. */
import type { Page } from '@playwright/test';

export interface ApiSim {
  simId: string;
  groupId?: string;
  serialNumber?: string;
  moduleType?: string;
  status: string;
  tags?: Record<string, string>;
  sessionStatus?: { online?: boolean; lastUpdatedAt?: number };
  activeProfileId?: string;
  profiles?: Record<
    string,
    { iccid?: string; primaryImsi?: string; subscribers?: Record<string, { msisdn?: string; subscription?: string }> }
  >;
}

/** The SIM table of /sims. */
export const table = (page: Page) => page.getByRole('table', { name: 'SIMs' });
