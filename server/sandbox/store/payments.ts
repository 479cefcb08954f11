/** An operator's payment method and payer information (guesses.payerInformation). */
import type { components } from '../../../src/api/schema';
import type { Db } from '../db';

type PayerInformation = components['schemas']['RegisterPayerInformationModel'];

/** What `properties` of the payment method holds, as JSON. */
export interface CardProperties {
  brand: string;
  last4: string;
  expiryMonth: number;
  expiryYear: number;
  holderName: string;
}

export function paymentStore(db: Db) {
  const setMethod = db.prepare(
    `INSERT OR REPLACE INTO payment_methods (operator_id, provider_type, properties, updated_at)
     VALUES (?, 'WebPay', ?, ?)`,
  );
  const method = db.prepare<[string], { provider_type: string; properties: string; updated_at: number }>(
    'SELECT provider_type, properties, updated_at FROM payment_methods WHERE operator_id = ?',
  );
  const payer = db.prepare<[string], { doc: string }>('SELECT doc FROM payer_information WHERE operator_id = ?');
  const setPayer = db.prepare(
    'INSERT OR REPLACE INTO payer_information (operator_id, doc, updated_at) VALUES (?, ?, ?)',
  );

  return {
    setMethod(operatorId: string, card: CardProperties, now: number) {
      setMethod.run(operatorId, JSON.stringify(card), now);
    },
    /** The payment method, `properties` as the JSON text it is answered as; undefined until there is one. */
    method: (operatorId: string) => method.get(operatorId),
    payer(operatorId: string): PayerInformation | undefined {
      const row = payer.get(operatorId);
      return row ? (JSON.parse(row.doc) as PayerInformation) : undefined;
    },
    setPayer(operatorId: string, info: PayerInformation, now: number) {
      setPayer.run(operatorId, JSON.stringify(info), now);
    },
  };
}
export type PaymentStore = ReturnType<typeof paymentStore>;
