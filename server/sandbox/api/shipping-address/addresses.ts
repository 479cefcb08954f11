/**
 * The operator's shipping addresses (guesses: orders): Japanese or international, checked field by field with the
 * console's own rules (common/addresses.ts), the shipping area derived from the prefecture.
 */
import { randomUUID } from 'node:crypto';
import {
  type AddressField,
  type AddressInput,
  addressProblems,
  addressTextFields,
  normaliseJpZip,
  prefectureOf,
  shippingAreaOf,
} from '../../../../common/addresses';
import type { components } from '../../../../src/api/schema';
import type { Ctx, Handler, Handlers } from '../../context';
import { caller } from '../../context';
import { badRequest, codes, notFound } from '../../errors';
import { addressLimits } from '../../guesses';
import type { ShippingAddress } from '../../store/orders';

type AddressModel = components['schemas']['ShippingAddressModel'];

const problemText: Record<string, string> = {
  required: 'is required',
  tooLong: `must be at most ${addressLimits.fieldLength} characters`,
  zip: 'is not a postal code of the country',
  prefecture: 'must be a prefecture of Japan',
  phone: 'must be a phone number (6 to 20 digits, spaces, + - ( ))',
  country: 'must be a country code of two capital letters',
  recipient: 'or companyName is required',
  email: 'must be an email address',
};

const fields: readonly AddressField[] = ['countryCode', ...addressTextFields];
/** The address of a request body, checked; 400 with the first problem. */
export function checkAddress(body: AddressModel, shippingAddressId: string): ShippingAddress {
  const input: AddressInput = {};
  for (const field of fields) {
    const value = (body as Record<string, unknown>)[field];
    if (typeof value === 'string') input[field] = value;
  }
  const problems = Object.entries(addressProblems(input));
  if (problems.length > 0) {
    const [field, problem] = problems[0] as [string, string];
    throw badRequest(`Request body: '${field}' ${problemText[problem] ?? 'is not valid'}.`, codes.addressInvalid);
  }
  const countryCode = input.countryCode?.trim() || 'JP';
  const text = (field: AddressField) => (input[field] ?? '').trim();
  const optional = (field: AddressField) => (input[field] === undefined ? {} : { [field]: text(field) });
  const japanese = countryCode === 'JP';
  return {
    countryCode,
    zipCode: japanese ? normaliseJpZip(text('zipCode')) : text('zipCode'),
    state: japanese ? (prefectureOf(text('state'))?.ja ?? text('state')) : text('state'),
    city: text('city'),
    addressLine1: text('addressLine1'),
    ...optional('addressLine2'),
    ...optional('building'),
    ...optional('companyName'),
    ...optional('department'),
    ...optional('fullName'),
    phoneNumber: text('phoneNumber'),
    ...optional('email'),
    shippingAddressId,
    shippingArea: shippingAreaOf({ countryCode, state: text('state') }),
  };
}

function pathAddress(ctx: Ctx<unknown>, operatorId: string): ShippingAddress {
  const address = ctx.stores.orders.address(operatorId, ctx.path.shipping_address_id ?? '');
  if (!address) throw notFound('No such shipping address found.');
  return address;
}

const listShippingAddresses: Handler = (ctx) => {
  const { operatorId } = caller(ctx);
  return { status: 200, body: { shippingAddresses: ctx.stores.orders.addresses(operatorId) } };
};

const createShippingAddress: Handler = (ctx: Ctx<AddressModel>) => {
  const { operatorId } = caller(ctx);
  const address = checkAddress(ctx.body, randomUUID());
  return ctx.transaction(() => {
    if (ctx.stores.orders.addressCount(operatorId) >= addressLimits.perOperator) {
      throw badRequest(
        `An operator can keep at most ${addressLimits.perOperator} shipping addresses.`,
        codes.orderLimitExceeded,
      );
    }
    ctx.stores.orders.createAddress(operatorId, address, ctx.now);
    return { status: 201, body: address };
  });
};

const getShippingAddress: Handler = (ctx) => ({ status: 200, body: pathAddress(ctx, caller(ctx).operatorId) });

const updateShippingAddress: Handler = (ctx: Ctx<AddressModel>) => {
  const { operatorId } = caller(ctx);
  const existing = pathAddress(ctx, operatorId);
  const address = checkAddress(ctx.body, existing.shippingAddressId);
  ctx.stores.orders.updateAddress(operatorId, address, ctx.now);
  return { status: 200 };
};

const deleteShippingAddress: Handler = (ctx) => {
  const { operatorId } = caller(ctx);
  const address = pathAddress(ctx, operatorId);
  return ctx.transaction(() => {
    if (ctx.stores.orders.openOrdersAt(operatorId, address.shippingAddressId) > 0) {
      throw badRequest(
        'An order not shipped yet goes to this address: cancel it or wait for it to ship first.',
        codes.addressInUse,
      );
    }
    ctx.stores.orders.deleteAddress(operatorId, address.shippingAddressId);
    return { status: 200 };
  });
};

export const shippingAddressHandlers = {
  listShippingAddresses,
  createShippingAddress,
  getShippingAddress,
  updateShippingAddress,
  deleteShippingAddress,
} satisfies Handlers;
