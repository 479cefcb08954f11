/** The order screens, behind their permission gate; one chunk with its catalogue part. */
import { gatedScreen as gated } from '../../components/access/ScreenGate';
import { AddressesPage as Addresses } from './AddressesPage';
import { NewOrderPage as NewOrder } from './NewOrderPage';
import { OrderPage as Order } from './OrderPage';
import { OrdersPage as Orders } from './OrdersPage';

export const OrdersPage = gated('orders', Orders);
export const NewOrderPage = gated('newOrder', NewOrder);
export const OrderPage = gated('orderDetail', Order);
export const AddressesPage = gated('addresses', Addresses);
