/**
 * The billing screens as one lazy module: the router loads this for /billing, /billing/:yyyyMM and
 * /billing/payments, so their shared code arrives as one file instead of half a dozen small ones (each a round trip
 * on a phone's network), and moving between them loads nothing more.
 */
export { BillingPage } from './BillingPage';
export { BillMonthPage } from './BillMonthPage';
export { PaymentsPage } from './PaymentsPage';
