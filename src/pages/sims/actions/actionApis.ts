/** The operation each SIM action calls (simCalls in src/api), as permissions name it. */
import type { SimActionKey } from './types';

export const simActionApis: Record<SimActionKey, string> = {
  activate: 'Sim:activateSim',
  deactivate: 'Sim:deactivateSim',
  set_to_standby: 'Sim:setSimToStandby',
  suspend: 'Sim:suspendSim',
  terminate: 'Sim:terminateSim',
  enable_termination: 'Sim:enableSimTermination',
  disable_termination: 'Sim:disableSimTermination',
  update_speed_class: 'Sim:updateSimSpeedClass',
  set_group: 'Sim:setSimGroup',
  unset_group: 'Sim:unsetSimGroup',
  rename: 'Sim:putSimTags',
  put_tags: 'Sim:putSimTags',
  delete_tag: 'Sim:deleteSimTag',
  set_imei_lock: 'Sim:setSimImeiLock',
  unset_imei_lock: 'Sim:unsetSimImeiLock',
  set_expiry_time: 'Sim:setSimExpiryTime',
  unset_expiry_time: 'Sim:unsetSimExpiryTime',
  delete_session: 'Sim:deleteSimSession',
  send_sms: 'Sim:sendSmsToSim',
};
