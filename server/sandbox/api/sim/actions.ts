/** The SIM actions by SIM ID (`/sims/{sim_id}/...`), answering the SIM (changes.ts holds what each does). */
import type { Handler, Handlers } from '../../context';
import { applyChange, type SimAction, simActions } from './changes';

function bySimId({ change, noContent }: SimAction): Handler {
  return (ctx) => {
    const sim = applyChange(ctx, ctx.path.sim_id ?? '', change);
    return noContent ? { status: 204 } : { status: 200, body: sim };
  };
}

export const simActionHandlers = {
  activateSim: bySimId(simActions.activate),
  deactivateSim: bySimId(simActions.deactivate),
  setSimToStandby: bySimId(simActions.setToStandby),
  suspendSim: bySimId(simActions.suspend),
  terminateSim: bySimId(simActions.terminate),
  enableSimTermination: bySimId(simActions.enableTermination),
  disableSimTermination: bySimId(simActions.disableTermination),
  updateSimSpeedClass: bySimId(simActions.updateSpeedClass),
  deleteSimTag: bySimId(simActions.deleteTag),
  setSimImeiLock: bySimId(simActions.setImeiLock),
  unsetSimImeiLock: bySimId(simActions.unsetImeiLock),
  setSimExpiryTime: bySimId(simActions.setExpiryTime),
  unsetSimExpiryTime: bySimId(simActions.unsetExpiryTime),
  deleteSimSession: bySimId(simActions.deleteSession),
} satisfies Handlers;
