/** How a handler's parts read in the console. */
import type { EventHandler } from '../../api/resources/eventHandlers';
import { enumLabel, type TFunction } from '../../app/i18n';

/** What the handler watches: the account, a group, a SIM or an IMSI. */
export function targetOf(
  handler: Pick<EventHandler, 'targetOperatorId' | 'targetGroupId' | 'targetSimId' | 'targetImsi'>,
) {
  if (handler.targetGroupId) return { kind: 'group', id: handler.targetGroupId } as const;
  if (handler.targetSimId) return { kind: 'sim', id: handler.targetSimId } as const;
  if (handler.targetImsi) return { kind: 'imsi', id: handler.targetImsi } as const;
  return { kind: 'operator', id: handler.targetOperatorId ?? '' } as const;
}

export function targetLabel(t: TFunction, handler: EventHandler): string {
  const target = targetOf(handler);
  return t(`events.targets.${target.kind}`, { id: target.id });
}

export const ruleLabel = (t: TFunction, type: string) => enumLabel(t, 'events.ruleTypes', type);
export const actionLabel = (t: TFunction, type: string) => enumLabel(t, 'events.actionTypes', type);
