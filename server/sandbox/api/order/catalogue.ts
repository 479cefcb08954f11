/**
 * The sandbox's product catalogue (guesses: orders): Air SIM cards of the plans the SIM factory knows, in their sizes,
 * for data or data + SMS, in packs of 1 or 10, and a few devices. Prices are yen without tax, illustrative; the
 * plan-KM1 nano card is the product of the recorded examples, field for field. Product codes are JAN-shaped but made
 * up (the example's own code excepted).
 */
import type { components } from '../../../../src/api/schema';
import { shippingCosts } from '../../guesses';
import type { Subscription } from '../../simFactory';

export type Product = components['schemas']['ProductModel'] & { productImageURLs: string[] };
export type ShippingCost = components['schemas']['ShippingCostModel'];

type Size = 'mini' | 'micro' | 'nano' | 'trio';
const sizeNames: Record<Size, string> = {
  mini: 'Standard',
  micro: 'Micro',
  nano: 'Nano',
  trio: 'Multi-cut (standard/micro/nano)',
};

interface SimLine {
  code: string;
  plan: Subscription;
  size: Size;
  sms: boolean;
  pack: 1 | 10;
  price: number;
  description: string;
}

const km1Description =
  'This type of SIM provides cellular LPWA (LTE Cat. M1) connectivity. NOTE: Please be aware that communications ' +
  'charges for this type of service are significantly higher than for normal service. Cannot be used with regular ' +
  'LTE devices.';
const globalDescription = 'IoT SIM for use in over 180 countries and regions, with one SIM and one price list.';
const dDescription = 'IoT SIM for use in Japan on the docomo network.';
const kDescription = 'IoT SIM for use in Japan on the au network.';
const x3Description = 'IoT SIM for use worldwide with a 5 MB monthly data allowance included.';
const duDescription = 'IoT SIM for uploading large amounts of data in Japan (upload-focused speed classes).';

const simLines: readonly SimLine[] = [
  {
    code: '4573326590273',
    plan: 'plan-KM1',
    size: 'nano',
    sms: false,
    pack: 1,
    price: 1500,
    description: km1Description,
  },
  {
    code: '4573326590280',
    plan: 'plan-KM1',
    size: 'nano',
    sms: false,
    pack: 10,
    price: 15000,
    description: km1Description,
  },
  {
    code: '4573326590501',
    plan: 'plan01s',
    size: 'trio',
    sms: false,
    pack: 1,
    price: 1800,
    description: globalDescription,
  },
  {
    code: '4573326590518',
    plan: 'plan01s',
    size: 'trio',
    sms: true,
    pack: 1,
    price: 1800,
    description: globalDescription,
  },
  {
    code: '4573326590525',
    plan: 'plan01s',
    size: 'trio',
    sms: false,
    pack: 10,
    price: 18000,
    description: globalDescription,
  },
  {
    code: '4573326590532',
    plan: 'plan01s',
    size: 'trio',
    sms: true,
    pack: 10,
    price: 18000,
    description: globalDescription,
  },
  { code: '4573326590112', plan: 'plan-D', size: 'mini', sms: false, pack: 1, price: 954, description: dDescription },
  { code: '4573326590129', plan: 'plan-D', size: 'micro', sms: false, pack: 1, price: 954, description: dDescription },
  { code: '4573326590136', plan: 'plan-D', size: 'nano', sms: false, pack: 1, price: 954, description: dDescription },
  { code: '4573326590143', plan: 'plan-D', size: 'nano', sms: true, pack: 1, price: 954, description: dDescription },
  { code: '4573326590150', plan: 'plan-D', size: 'nano', sms: false, pack: 10, price: 9540, description: dDescription },
  { code: '4573326590211', plan: 'plan-K', size: 'nano', sms: false, pack: 1, price: 954, description: kDescription },
  { code: '4573326590228', plan: 'plan-K', size: 'nano', sms: true, pack: 1, price: 954, description: kDescription },
  { code: '4573326590600', plan: 'planX3', size: 'trio', sms: false, pack: 1, price: 2000, description: x3Description },
  {
    code: '4573326590709',
    plan: 'plan-DU',
    size: 'nano',
    sms: false,
    pack: 1,
    price: 1500,
    description: duDescription,
  },
];

const infoUrl = (plan: string) => `https://soracom.jp/products/sim/${plan.toLowerCase()}/`;

function simProduct(line: SimLine): Product {
  const purpose = line.sms ? 'for data + SMS' : 'for data';
  return {
    productCode: line.code,
    productName: `SORACOM Air SIM card  ${line.plan}  size:${sizeNames[line.size]}(${purpose}) ${line.pack} SIM pack${line.pack}`,
    description: line.description,
    count: line.pack,
    price: line.price,
    currency: 'JPY',
    properties: {
      contractType: line.sms ? 'sms' : 'no_sms',
      simSubscription: line.plan,
      simSize: line.size,
    },
    productType: 'sim',
    productInfoURL: infoUrl(line.plan),
    productImageURLs: [],
    maxQuantity: line.pack === 1 ? 100 : 50,
  };
}

const devices: readonly Product[] = [
  {
    productCode: '4573326591010',
    productName: 'SORACOM Onyx LTE USB dongle (SC-U01)',
    description: 'USB LTE dongle for Raspberry Pi and Linux gateways; takes a standard-size SIM (not included).',
    count: 1,
    price: 6980,
    currency: 'JPY',
    properties: { deviceType: 'usb_dongle' },
    productType: 'network_module',
    productInfoURL: 'https://soracom.jp/products/module/',
    productImageURLs: [],
    maxQuantity: 20,
  },
  {
    productCode: '4573326591027',
    productName: 'GPS multi-unit SORACOM Edition (battery, GPS, temperature, humidity, acceleration)',
    description: 'Battery-powered tracker that sends position and sensor data through SORACOM Harvest.',
    count: 1,
    price: 9800,
    currency: 'JPY',
    properties: { deviceType: 'tracker' },
    productType: 'misc',
    productInfoURL: 'https://soracom.jp/store/',
    productImageURLs: [],
    maxQuantity: 20,
  },
  {
    productCode: '4573326591034',
    productName: 'SORACOM LTE-M Button Plus',
    description: 'A push button with a contact input that sends a message over LTE-M (plan-KM1 included).',
    count: 1,
    price: 5980,
    currency: 'JPY',
    properties: { deviceType: 'button' },
    productType: 'misc',
    productInfoURL: 'https://soracom.jp/store/',
    productImageURLs: [],
    maxQuantity: 20,
  },
];

export const catalogue: readonly Product[] = [...simLines.map(simProduct), ...devices];
const byCode = new Map(catalogue.map((p) => [p.productCode as string, p]));
export const productOf = (code: string): Product | undefined => byCode.get(code);

/** How heavy a product is for shipping: a SIM pack 1, a 10-SIM pack 2, a device 5 (guesses: orders). */
export const weightOf = (product: Product): number =>
  product.productType === 'sim' ? (product.count === 1 ? 1 : 2) : 5;

/** Box sizes and the weight each carries. */
const sizes = [
  { size: 60, upTo: 10 },
  { size: 80, upTo: 40 },
  { size: 100, upTo: 100 },
] as const;

/** Shipping cost of an area for a weight, tax included; undefined for an area without a price. */
export function shippingCost(area: string, weight: number): number | undefined {
  const base = shippingCosts.byArea[area];
  if (base === undefined) return undefined;
  const index = sizes.findIndex((s) => weight <= s.upTo);
  if (index >= 0) return base + index * shippingCosts.sizeSurcharge;
  // Over one size-100 box: as many of them as it takes.
  const boxes = Math.ceil(weight / 100);
  return boxes * (base + 2 * shippingCosts.sizeSurcharge);
}

/** Every area and box size with its cost, as `GET /products` lists them. */
export const shippingCostList: ShippingCost[] = Object.keys(shippingCosts.byArea)
  .filter((area) => area !== 'overseas')
  .flatMap((area) =>
    sizes.map((s, i) => ({
      shippingArea: area as ShippingCost['shippingArea'],
      size: s.size,
      shippingCost: (shippingCosts.byArea[area] ?? 0) + i * shippingCosts.sizeSurcharge,
      currency: 'JPY' as const,
    })),
  );
