/**
 * Which SORACOM operations each screen of this console calls (`Service:operationId`, as permissions name them).
 * `opens` are the calls a screen starts with: the navigation shows a screen when one of them is allowed (none: always).
 * `calls` are all it may make, for the permission tester. screenOperations.test.ts checks this map against the calls
 * written in src/api/resources, so a call added there without being added here fails the tests.
 */
export type ScreenId =
  | 'sims'
  | 'simDetail'
  | 'groups'
  | 'groupDetail'
  | 'usage'
  | 'billing'
  | 'payments'
  | 'account'
  | 'users'
  | 'roles'
  | 'defaultPermissions'
  | 'tester'
  | 'auditLog'
  | 'orders'
  | 'newOrder'
  | 'orderDetail'
  | 'addresses'
  | 'home'
  | 'credentials'
  | 'accountProfile'
  | 'accountEmails'
  | 'accountContracts'
  | 'accountCoverage'
  | 'support'
  | 'eventHandlers'
  | 'newEventHandler'
  | 'eventHandler'
  | 'editEventHandler'
  | 'logs';

export interface ScreenOperations {
  id: ScreenId;
  path: string;
  opens: readonly string[];
  calls: readonly string[];
}

const simActions = [
  'Sim:activateSim',
  'Sim:deactivateSim',
  'Sim:setSimToStandby',
  'Sim:suspendSim',
  'Sim:terminateSim',
  'Sim:enableSimTermination',
  'Sim:disableSimTermination',
  'Sim:updateSimSpeedClass',
  'Sim:setSimGroup',
  'Sim:unsetSimGroup',
  'Sim:putSimTags',
  'Sim:deleteSimTag',
  'Sim:setSimImeiLock',
  'Sim:unsetSimImeiLock',
  'Sim:setSimExpiryTime',
  'Sim:unsetSimExpiryTime',
  'Sim:deleteSimSession',
  'Sim:sendSmsToSim',
];

export const screenOperations: readonly ScreenOperations[] = [
  {
    id: 'sims',
    path: '/sims',
    opens: ['Query:searchSims', 'Sim:listSims'],
    calls: ['Query:searchSims', 'Sim:listSims', 'Group:listGroups', 'Sim:registerSim', ...simActions],
  },
  {
    id: 'simDetail',
    path: '/sims/:simId',
    opens: ['Sim:getSim'],
    calls: [
      'Sim:getSim',
      'Sim:listSimStatusHistory',
      'Sim:listSimSessionEvents',
      'Stats:getAirStatsOfSim',
      'Group:listGroups',
      ...simActions,
      'EventHandler:listEventHandlersBySubscriber',
      'EventHandler:setIgnoreEventHandler',
      'EventHandler:deleteIgnoreEventHandler',
    ],
  },
  { id: 'groups', path: '/groups', opens: ['Group:listGroups'], calls: ['Group:listGroups', 'Group:createGroup'] },
  {
    id: 'groupDetail',
    path: '/groups/:groupId',
    opens: ['Group:getGroup'],
    calls: [
      'Group:getGroup',
      'Group:listSubscribersInGroup',
      'Group:putGroupTags',
      'Group:deleteGroupTag',
      'Group:deleteGroup',
      'Group:putConfigurationParameters',
      'Group:deleteConfigurationNamespace',
      'Group:deleteConfigurationParameter',
      'Sim:setSimGroup',
      'Sim:unsetSimGroup',
      'Stats:getAirStatsOfGroup',
      'Credential:listCredentials',
      'Credential:createCredential',
    ],
  },
  {
    id: 'usage',
    path: '/usage',
    opens: ['Stats:getAirStatsOfOperator'],
    calls: ['Stats:getAirStatsOfOperator', 'Group:listGroups', 'Stats:exportAirStats', 'Files:getExportedFile'],
  },
  {
    id: 'billing',
    path: '/billing',
    opens: ['Billing:getLatestBilling', 'Billing:getBillingHistory'],
    calls: [
      'Billing:getLatestBilling',
      'Billing:getBillingHistory',
      'Billing:getBilling',
      'Billing:getBillingPerDay',
      'Billing:getBillingSummaryOfBillItems',
      'Billing:getBillingSummaryOfSims',
      'Billing:exportBilling',
      'Billing:exportLatestBilling',
      'Files:getExportedFile',
    ],
  },
  {
    id: 'payments',
    path: '/billing/payments',
    opens: ['Payment:listPaymentStatements', 'Payment:getPaymentMethod'],
    calls: [
      'Payment:listPaymentStatements',
      'Payment:getPaymentMethod',
      'Payment:getPayerInformation',
      'Payment:registerPayerInformation',
      'Payment:exportPaymentStatement',
      'Payment:listCoupons',
      'Payment:registerCoupon',
      'Files:getExportedFile',
    ],
  },
  {
    id: 'account',
    path: '/account',
    opens: [],
    calls: ['User:getUser', 'User:listUserAuthKeys', 'User:getUserMFAStatus'],
  },
  {
    id: 'users',
    path: '/account/users',
    opens: ['User:listUsers'],
    calls: [
      'User:listUsers',
      'User:createUser',
      'User:getUser',
      'User:updateUser',
      'User:deleteUser',
      'User:getUserPermission',
      'User:updateUserPermission',
      'User:deleteUserPermission',
      'User:hasUserPassword',
      'User:createUserPassword',
      'User:deleteUserPassword',
      'User:listUserAuthKeys',
      'User:generateUserAuthKey',
      'User:deleteUserAuthKey',
      'User:getUserMFAStatus',
      'User:revokeUserMFA',
      'Role:listUserRoles',
      'Role:attachRole',
      'Role:detachRole',
    ],
  },
  {
    id: 'roles',
    path: '/account/roles',
    opens: ['Role:listRoles'],
    calls: [
      'Role:listRoles',
      'Role:getRole',
      'Role:createRole',
      'Role:updateRole',
      'Role:deleteRole',
      'Role:listRoleAttachedUsers',
    ],
  },
  {
    id: 'defaultPermissions',
    path: '/account/default-permissions',
    opens: ['User:getDefaultPermissions'],
    calls: ['User:getDefaultPermissions', 'User:updateDefaultPermissions', 'User:deleteDefaultPermissions'],
  },
  { id: 'tester', path: '/account/permission-tester', opens: [], calls: [] },
  {
    id: 'auditLog',
    path: '/account/audit-log',
    opens: ['AuditLog:getApiAuditLogs'],
    calls: ['AuditLog:getApiAuditLogs'],
  },
  { id: 'orders', path: '/orders', opens: ['Order:listOrders'], calls: ['Order:listOrders'] },
  {
    id: 'newOrder',
    path: '/orders/new',
    opens: ['Order:listProducts'],
    calls: [
      'Order:listProducts',
      'ShippingAddress:listShippingAddresses',
      'ShippingAddress:createShippingAddress',
      'Order:createQuotation',
      'Order:confirmOrder',
    ],
  },
  {
    id: 'orderDetail',
    path: '/orders/:orderId',
    opens: ['Order:getOrder'],
    calls: [
      'Order:getOrder',
      'Order:listOrderedSubscribers',
      'Order:cancelOrder',
      'Order:updateOrderedResourceInitialSetting',
      'Order:registerOrderedSim',
      'Group:listGroups',
    ],
  },
  {
    id: 'addresses',
    path: '/orders/addresses',
    opens: ['ShippingAddress:listShippingAddresses'],
    calls: [
      'ShippingAddress:listShippingAddresses',
      'ShippingAddress:createShippingAddress',
      'ShippingAddress:updateShippingAddress',
      'ShippingAddress:deleteShippingAddress',
    ],
  },
  {
    // Each card says on its own when the permissions refuse its call, so the page always opens.
    id: 'home',
    path: '/',
    opens: [],
    calls: [
      'ResourceSummary:getResourceSummary',
      'Query:searchSubscriberTrafficVolumeRanking',
      'Query:searchSims',
      'Billing:getLatestBilling',
      'Billing:getBillingPerDay',
      'EventHandler:listEventHandlers',
      'Log:getLogs',
    ],
  },
  {
    id: 'credentials',
    path: '/credentials',
    opens: ['Credential:listCredentials'],
    calls: [
      'Credential:listCredentials',
      'Credential:createCredential',
      'Credential:updateCredential',
      'Credential:deleteCredential',
      'Group:listGroups',
    ],
  },
  // The account area's sections (issue 16): the pages say themselves what a SAM user is refused.
  {
    id: 'accountProfile',
    path: '/account/profile',
    opens: [],
    calls: [
      'Operator:getCompanyInformation',
      'Operator:createCompanyInformation',
      'Operator:updateCompanyInformation',
      'Operator:getIndividualInformation',
      'Operator:createIndividualInformation',
      'Operator:updateIndividualInformation',
    ],
  },
  {
    id: 'accountEmails',
    path: '/account/emails',
    // Root account only, whatever a SAM user's permissions say: the page tells a SAM user so itself.
    opens: [],
    calls: [
      'Email:listEmails',
      'Email:deleteEmail',
      'Email:issueAddEmailToken',
      'Email:verifyAddEmailToken',
      'SystemNotification:listSystemNotifications',
      'SystemNotification:setSystemNotification',
      'SystemNotification:deleteSystemNotification',
      'Operator:getOperatorConfigurationNamespace',
      'Operator:setOperatorConfigurationNamespace',
    ],
  },
  {
    id: 'accountContracts',
    path: '/account/contracts',
    opens: ['Operator:getOperator'],
    calls: ['Operator:getOperator', 'Operator:addOperatorContract', 'Operator:deleteOperatorContract'],
  },
  {
    id: 'accountCoverage',
    path: '/account/coverage',
    opens: ['Operator:getOperator'],
    calls: ['Operator:getOperator', 'Operator:addCoverageType'],
  },
  { id: 'support', path: '/support', opens: [], calls: ['Operator:generateSupportToken'] },
  // Event handlers. The execution history is the local sandbox's read (not an operation); it takes the permission
  // of EventHandler:listEventHandlers. A dry run reads the stored Air stats.
  {
    id: 'eventHandlers',
    path: '/event-handlers',
    opens: ['EventHandler:listEventHandlers'],
    calls: ['EventHandler:listEventHandlers', 'EventHandler:createEventHandler'],
  },
  {
    id: 'newEventHandler',
    path: '/event-handlers/new',
    opens: ['EventHandler:createEventHandler'],
    calls: [
      'EventHandler:createEventHandler',
      'Group:listGroups',
      'Credential:listCredentials',
      'Credential:createCredential',
    ],
  },
  {
    id: 'eventHandler',
    path: '/event-handlers/:handlerId',
    opens: ['EventHandler:getEventHandler'],
    calls: [
      'EventHandler:getEventHandler',
      'EventHandler:listEventHandlers',
      'EventHandler:deleteEventHandler',
      'Query:searchSubscriberTrafficVolumeRanking',
      'Query:searchSims',
      'Sim:getSim',
      'Stats:getAirStatsOfSim',
    ],
  },
  {
    id: 'editEventHandler',
    path: '/event-handlers/:handlerId/edit',
    opens: ['EventHandler:getEventHandler'],
    calls: [
      'EventHandler:getEventHandler',
      'EventHandler:updateEventHandler',
      'Group:listGroups',
      'Credential:listCredentials',
      'Credential:createCredential',
    ],
  },
  { id: 'logs', path: '/logs', opens: ['Log:getLogs'], calls: ['Log:getLogs'] },
];

export const screenById = (id: ScreenId): ScreenOperations =>
  screenOperations.find((screen) => screen.id === id) as ScreenOperations;
