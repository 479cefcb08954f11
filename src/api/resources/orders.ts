/**
 * Orders: the products, the operator's shipping addresses, quotations and confirmed orders, and the SIMs an order
 * brings; the changes from an address to registering the SIMs that arrived.
 */
import { mutationOptions, type QueryClient, queryOptions } from '@tanstack/react-query';
import { api } from '../client';
import { allPages, toPage } from '../pager';
import { refetchAfterChange } from '../queryClient';
import type { components } from '../schema';
import { groupQueries } from './groups';
import { simQueries } from './sims';

export type Product = components['schemas']['ProductModel'];
export type ShippingAddress = components['schemas']['GetShippingAddressResponse'] & {
  countryCode?: string;
  email?: string;
};
export type AddressInput = components['schemas']['ShippingAddressModel'];
export type Order = components['schemas']['GetOrderResponse'];
export type Quotation = components['schemas']['EstimatedOrderModel'];
export type OrderedSubscriber = components['schemas']['OrderedSubscriber'];

const op = (operatorId: string) => ({ operator_id: operatorId });
const address = (operatorId: string, id: string) => ({ operator_id: operatorId, shipping_address_id: id });
const order = (orderId: string) => ({ order_id: orderId });

export const orderQueries = {
  all: () => ['orders'] as const,
  products: () =>
    queryOptions({
      queryKey: [...orderQueries.all(), 'products'],
      queryFn: async ({ signal }) => {
        const { data } = await api.GET('/products', { signal });
        return data?.productList ?? [];
      },
      staleTime: 10 * 60_000,
    }),
  addresses: (operatorId: string) =>
    queryOptions({
      queryKey: [...orderQueries.all(), 'addresses', operatorId],
      queryFn: async ({ signal }): Promise<ShippingAddress[]> => {
        const { data } = await api.GET('/operators/{operator_id}/shipping_addresses', {
          params: { path: op(operatorId) },
          signal,
        });
        return (data?.shippingAddresses ?? []) as ShippingAddress[];
      },
    }),
  list: () =>
    queryOptions({
      queryKey: [...orderQueries.all(), 'list'],
      queryFn: async ({ signal }) => {
        const { data } = await api.GET('/orders', { signal });
        return data?.orderList ?? [];
      },
    }),
  detail: (orderId: string) =>
    queryOptions({
      queryKey: [...orderQueries.all(), 'detail', orderId],
      queryFn: async ({ signal }) => {
        const { data } = await api.GET('/orders/{order_id}', { params: { path: order(orderId) }, signal });
        return data as Order;
      },
    }),
  /** Every SIM the order brings (an order has at most a thousand). */
  subscribers: (orderId: string) =>
    queryOptions({
      queryKey: [...orderQueries.all(), 'subscribers', orderId],
      queryFn: async ({ signal }) => {
        const sims: OrderedSubscriber[] = [];
        const pages = allPages(async (lastKey, pageSignal) => {
          const { data, response } = await api.GET('/orders/{order_id}/subscribers', {
            params: { path: order(orderId), query: { limit: 1000, last_evaluated_key: lastKey } },
            signal: pageSignal,
          });
          return toPage(data?.orderedSubscriberList, response);
        }, signal);
        for await (const items of pages) sims.push(...items);
        return sims;
      },
    }),
};

const refetchAddresses = (client: QueryClient, operatorId: string) =>
  refetchAfterChange(client, orderQueries.addresses(operatorId).queryKey);
const refetchOrder = (client: QueryClient, orderId: string) =>
  refetchAfterChange(client, orderQueries.detail(orderId).queryKey, orderQueries.list().queryKey);

export const orderChanges = {
  createAddress: (operatorId: string) =>
    mutationOptions({
      mutationFn: async (input: AddressInput): Promise<ShippingAddress> => {
        const { data } = await api.POST('/operators/{operator_id}/shipping_addresses', {
          params: { path: op(operatorId) },
          body: input,
        });
        return data as ShippingAddress;
      },
      onSuccess: (_data, _vars, _result, { client }) => refetchAddresses(client, operatorId),
    }),
  updateAddress: (operatorId: string, id: string) =>
    mutationOptions({
      mutationFn: async (input: AddressInput) => {
        await api.PUT('/operators/{operator_id}/shipping_addresses/{shipping_address_id}', {
          params: { path: address(operatorId, id) },
          body: input,
        });
      },
      onSuccess: (_data, _vars, _result, { client }) => refetchAddresses(client, operatorId),
    }),
  deleteAddress: (operatorId: string) =>
    mutationOptions({
      mutationFn: async (id: string) => {
        await api.DELETE('/operators/{operator_id}/shipping_addresses/{shipping_address_id}', {
          params: { path: address(operatorId, id) },
        });
      },
      onSuccess: (_data, _vars, _result, { client }) => refetchAddresses(client, operatorId),
    }),
  /** A quotation: nothing is ordered until it is confirmed. */
  quote: () =>
    mutationOptions({
      mutationFn: async (input: {
        items: { productCode: string; quantity: number }[];
        shippingAddressId: string;
      }): Promise<Quotation> => {
        const { data } = await api.POST('/orders', {
          body: { orderItemList: input.items, shippingAddressId: input.shippingAddressId },
        });
        if (!data?.orderId) throw new Error('no quotation in the answer');
        return data;
      },
    }),
  confirm: () =>
    mutationOptions({
      mutationFn: async (orderId: string): Promise<Order> => {
        const { data } = await api.PUT('/orders/{order_id}/confirm', { params: { path: order(orderId) } });
        return data as Order;
      },
      onSuccess: (_data, orderId, _result, { client }) => refetchOrder(client, orderId),
    }),
  cancel: (orderId: string) =>
    mutationOptions({
      mutationFn: async () => {
        await api.PUT('/orders/{order_id}/cancel', { params: { path: order(orderId) } });
      },
      onSuccess: (_data, _vars, _result, { client }) => refetchOrder(client, orderId),
    }),
  /**
   * Registers the SIMs of a shipped order: first their initial setting (group, tags, per subscription), then the
   * registration. The SIM lists and the groups' members change with it.
   */
  register: (orderId: string) =>
    mutationOptions({
      mutationFn: async (settings: Record<string, { groupId?: string; tags?: Record<string, string> }>) => {
        if (Object.keys(settings).length > 0) {
          await api.PUT('/orders/{order_id}/resource_initial_setting', {
            params: { path: order(orderId) },
            body: { simInitialSettings: settings },
          });
        }
        await api.POST('/orders/{order_id}/subscribers/register', { params: { path: order(orderId) } });
      },
      onSuccess: (_data, _vars, _result, { client }) =>
        refetchAfterChange(
          client,
          orderQueries.detail(orderId).queryKey,
          orderQueries.list().queryKey,
          simQueries.all(),
          groupQueries.all(),
        ),
    }),
};
