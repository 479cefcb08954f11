import { describe, expect, it } from 'vitest';
import { parseQuantity } from './NewOrderPage';
import { orderSteps } from './OrderPage';
import { addressLines } from './parts';

describe('order screens', () => {
  it('read a quantity as a whole number within the product’s limit', () => {
    expect(parseQuantity('', 100)).toBe(0);
    expect(parseQuantity(' 20 ', 100)).toBe(20);
    expect(parseQuantity('101', 100)).toBeNull();
    expect(parseQuantity('-1', 100)).toBeNull();
    expect(parseQuantity('1.5', 100)).toBeNull();
    expect(parseQuantity('ten', 100)).toBeNull();
  });

  it('show where an order stands', () => {
    const states = (status: Parameters<typeof orderSteps>[0]) => orderSteps(status).map((s) => `${s.step}:${s.state}`);
    expect(states('ordered')).toEqual(['ordered:current', 'shipped:pending', 'received:pending']);
    expect(states('shipped')).toEqual(['ordered:done', 'shipped:current', 'received:pending']);
    expect(states('received')).toEqual(['ordered:done', 'shipped:done', 'received:done']);
    expect(states('cancelled')).toEqual(['ordered:done', 'cancelled:current']);
    expect(states('orderProcessing')).toEqual(['ordered:pending', 'shipped:pending', 'received:pending']);
  });

  it('write a Japanese address from the postal code down and another from the name up', () => {
    expect(
      addressLines({
        zipCode: '100-0001',
        state: '東京都',
        city: '千代田区',
        addressLine1: '1-2-3',
        building: 'ビル 1階',
        fullName: '見本太郎',
        phoneNumber: '03-0000-0000',
      }),
    ).toEqual(['〒100-0001', '東京都 千代田区 1-2-3', 'ビル 1階', '見本太郎', '03-0000-0000']);
    expect(
      addressLines({
        countryCode: 'US',
        fullName: 'Sam Example',
        addressLine1: '1 Market St',
        city: 'San Francisco',
        state: 'CA',
        zipCode: '94105',
        phoneNumber: '+1 415 000 0000',
      }),
    ).toEqual(['Sam Example', '1 Market St', 'San Francisco CA 94105', 'US', '+1 415 000 0000']);
  });
});
