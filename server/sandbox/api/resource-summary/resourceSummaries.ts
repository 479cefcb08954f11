/** `GET /resource_summaries/{type}`: SIMs per status (guesses.simsPerStatusValues). */
import type { components } from '../../../../src/api/schema';
import type { Handler, Handlers } from '../../context';
import { caller } from '../../context';
import { notFound } from '../../errors';
import { simsPerStatusValues } from '../../guesses';

type ResourceSummary = components['schemas']['ResourceSummary'];

const getResourceSummary: Handler = (ctx) => {
  const { operatorId } = caller(ctx);
  if (ctx.path.resource_summary_type !== 'simsPerStatus') throw notFound('No such resource summary.');
  const counts = ctx.stores.summaries.simsPerStatus(operatorId);
  const body: ResourceSummary = {
    resourceSummaryType: 'simsPerStatus',
    resourceSummaryItems: [
      {
        dimensions: [],
        updatedTime: ctx.now,
        values: simsPerStatusValues.map((status) => ({ name: `${status}Sims`, value: counts.get(status) ?? 0 })),
      },
    ],
  };
  return { status: 200, body };
};

export const resourceSummaryHandlers = { getResourceSummary } satisfies Handlers;
