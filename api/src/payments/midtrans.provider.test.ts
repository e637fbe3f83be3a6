import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mapMidtransStatus, MidtransProvider, parseGrossAmount } from './midtrans.provider.js';
import { WebhookSignatureError, type WebhookEvent } from './provider.js';
import { startStubServer, type StubServer } from './stub-server.test-helper.js';

const SERVER_KEY = 'SB-Mid-server-TEST_KEY';
const input = {
  orderId: 'order-42',
  amount: 150_000,
  description: 'Kain batik tulis Pekalongan, motif jlamprang, ukuran 2 x 1,15 m',
  customer: { name: 'Sari Wulandari', email: 'sari@example.id' },
};

let stub: StubServer;
let provider: MidtransProvider;

/** Replies like Snap (Midtrans docs, "Snap API – Create Transaction"): 201 + token/redirect_url, 401 on a bad key. */
function snap(): Parameters<StubServer['handle']>[0] {
  return (req) => {
    const expectedAuth = `Basic ${Buffer.from(`${SERVER_KEY}:`).toString('base64')}`;
    if (req.headers.authorization !== expectedAuth) {
      return { status: 401, json: { error_messages: ['Access denied due to unauthorized transaction, please check client or server key'] } };
    }
    const body = JSON.parse(req.body) as { transaction_details: { order_id: string } };
    const token = `snap-token-${body.transaction_details.order_id}`;
    return { status: 201, json: { token, redirect_url: `https://app.sandbox.midtrans.com/snap/v4/redirection/${token}` } };
  };
}

beforeAll(async () => {
  stub = await startStubServer(snap());
  provider = new MidtransProvider({ serverKey: SERVER_KEY, baseUrl: `${stub.baseUrl}/` });
});
afterAll(() => stub?.close());

describe('MidtransProvider.createPayment (Snap)', () => {
  it('POSTs a Snap transaction with Basic auth and the documented body, and returns the redirect URL', async () => {
    stub.handle(snap());
    stub.requests.length = 0;
    const created = await provider.createPayment(input);
    expect(created).toEqual({
      provider: 'MIDTRANS',
      externalId: null,
      redirectUrl: 'https://app.sandbox.midtrans.com/snap/v4/redirection/snap-token-order-42',
    });

    expect(stub.requests).toHaveLength(1);
    const req = stub.requests[0];
    expect(req.method).toBe('POST');
    expect(req.url).toBe('/snap/v1/transactions');
    expect(req.headers.authorization).toBe(`Basic ${Buffer.from(`${SERVER_KEY}:`).toString('base64')}`);
    expect(req.headers['content-type']).toBe('application/json');
    expect(req.headers.accept).toBe('application/json');
    const body = JSON.parse(req.body);
    expect(body).toEqual({
      transaction_details: { order_id: 'order-42', gross_amount: 150_000 },
      customer_details: { first_name: 'Sari Wulandari', email: 'sari@example.id' },
      item_details: [{ id: 'order-42', price: 150_000, quantity: 1, name: input.description.slice(0, 50) }],
    });
    // Midtrans requires the item lines to add up to gross_amount.
    const itemsTotal = body.item_details.reduce((s: number, i: { price: number; quantity: number }) => s + i.price * i.quantity, 0);
    expect(itemsTotal).toBe(body.transaction_details.gross_amount);
  });

  it("maps a refusal to an Error carrying Midtrans's error_messages", async () => {
    stub.handle(snap());
    const wrongKey = new MidtransProvider({ serverKey: 'SB-Mid-server-WRONG', baseUrl: stub.baseUrl });
    await expect(wrongKey.createPayment(input)).rejects.toThrow(/HTTP 401.*Access denied due to unauthorized transaction/);

    stub.handle(() => ({ status: 400, json: { error_messages: ['transaction_details.order_id sudah digunakan'] } }));
    await expect(provider.createPayment(input)).rejects.toThrow('Midtrans Snap error (HTTP 400): transaction_details.order_id sudah digunakan');
  });

  it('rejects a 2xx answer without token/redirect_url', async () => {
    stub.handle(() => ({ status: 201, json: {} }));
    await expect(provider.createPayment(input)).rejects.toThrow(/without token/);
  });

  it('maps network errors to an Error', async () => {
    const closed = await startStubServer(snap());
    const url = closed.baseUrl;
    await closed.close();
    const unreachable = new MidtransProvider({ serverKey: SERVER_KEY, baseUrl: url });
    await expect(unreachable.createPayment(input)).rejects.toThrow(/Midtrans Snap request failed/);
  });

  it('refuses non-integral amounts without calling Midtrans', async () => {
    stub.handle(snap());
    stub.requests.length = 0;
    await expect(provider.createPayment({ ...input, amount: 1500.5 })).rejects.toThrow(/whole number of rupiah/);
    expect(stub.requests).toHaveLength(0);
  });
});

/** A notification as Midtrans sends it (docs "HTTP(S) Notification / Webhooks"), correctly signed. */
function notification(fields: Record<string, string | undefined>, serverKey = SERVER_KEY): Record<string, string> {
  const n: Record<string, string> = {
    transaction_time: '2025-01-10 10:00:00',
    transaction_status: 'settlement',
    transaction_id: '513f1f01-c9da-474c-9fc9-d5c64364b709',
    status_message: 'midtrans payment notification',
    status_code: '200',
    payment_type: 'bank_transfer',
    order_id: 'order-42',
    merchant_id: 'G141532850',
    gross_amount: '150000.00',
    fraud_status: 'accept',
    currency: 'IDR',
  };
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined) delete n[k];
    else n[k] = v;
  }
  n.signature_key = createHash('sha512').update(n.order_id + n.status_code + n.gross_amount + serverKey).digest('hex');
  return n;
}
const raw = (body: unknown) => Buffer.from(JSON.stringify(body));

describe('MidtransProvider.parseWebhook', () => {
  it('accepts a correctly signed notification and normalises it', () => {
    const event = provider.parseWebhook({ 'content-type': 'application/json' }, raw(notification({})));
    expect(event).toEqual<WebhookEvent>({
      provider: 'MIDTRANS',
      eventId: '513f1f01-c9da-474c-9fc9-d5c64364b709:settlement',
      orderId: 'order-42',
      externalId: '513f1f01-c9da-474c-9fc9-d5c64364b709',
      status: 'PAID',
      amount: 150_000,
    });
  });

  it('refuses a bad, forged, tampered or missing signature with WebhookSignatureError', () => {
    const wrongKey = notification({}, 'SB-Mid-server-OTHER');
    expect(() => provider.parseWebhook({}, raw(wrongKey))).toThrow(WebhookSignatureError);

    const tampered = { ...notification({}), gross_amount: '1000.00' };
    expect(() => provider.parseWebhook({}, raw(tampered))).toThrow(WebhookSignatureError);

    const garbage = { ...notification({}), signature_key: 'abc' };
    expect(() => provider.parseWebhook({}, raw(garbage))).toThrow(WebhookSignatureError);

    const { signature_key: _omit, ...unsigned } = notification({});
    expect(() => provider.parseWebhook({}, raw(unsigned))).toThrow(WebhookSignatureError);
  });

  it('treats the status_code and order_id as signed too', () => {
    const n = notification({ transaction_status: 'deny', status_code: '202' });
    expect(() => provider.parseWebhook({}, raw({ ...n, status_code: '200' }))).toThrow(WebhookSignatureError);
    expect(() => provider.parseWebhook({}, raw({ ...n, order_id: 'order-43' }))).toThrow(WebhookSignatureError);
  });

  it('refuses a malformed body with a plain Error', () => {
    const cases: Buffer[] = [Buffer.from('not json'), raw([1, 2]), raw(null), raw(notification({ transaction_status: '' }))];
    for (const body of cases) {
      let thrown: unknown;
      try {
        provider.parseWebhook({}, body);
      } catch (err) {
        thrown = err;
      }
      expect(thrown).toBeInstanceOf(Error);
      expect(thrown).not.toBeInstanceOf(WebhookSignatureError);
    }
  });

  const mappings: Array<[string, string | undefined, WebhookEvent['status']]> = [
    ['settlement', undefined, 'PAID'],
    ['settlement', 'accept', 'PAID'],
    ['capture', 'accept', 'PAID'],
    ['capture', undefined, 'PAID'],
    ['capture', 'challenge', 'PENDING'],
    ['capture', 'deny', 'FAILED'],
    ['pending', undefined, 'PENDING'],
    ['expire', undefined, 'EXPIRED'],
    ['cancel', undefined, 'FAILED'],
    ['deny', undefined, 'FAILED'],
    ['failure', undefined, 'FAILED'],
    ['refund', undefined, 'IGNORED'],
    ['partial_refund', undefined, 'IGNORED'],
    ['authorize', undefined, 'IGNORED'],
  ];
  it.each(mappings)('maps transaction_status %s (fraud_status %s) to %s', (transactionStatus, fraudStatus, expected) => {
    const event = provider.parseWebhook({}, raw(notification({ transaction_status: transactionStatus, fraud_status: fraudStatus })));
    expect(event.status).toBe(expected);
    expect(mapMidtransStatus(transactionStatus, fraudStatus)).toBe(expected);
  });

  it('uses transaction_id:transaction_status as eventId, keeping a challenged capture distinct from its acceptance', () => {
    const challenged = provider.parseWebhook({}, raw(notification({ transaction_status: 'capture', fraud_status: 'challenge' })));
    const accepted = provider.parseWebhook({}, raw(notification({ transaction_status: 'capture', fraud_status: 'accept' })));
    const pending = provider.parseWebhook({}, raw(notification({ transaction_status: 'pending', status_code: '201' })));
    expect(accepted.eventId).toBe('513f1f01-c9da-474c-9fc9-d5c64364b709:capture');
    expect(challenged.eventId).toBe('513f1f01-c9da-474c-9fc9-d5c64364b709:capture:challenge');
    expect(pending.eventId).toBe('513f1f01-c9da-474c-9fc9-d5c64364b709:pending');
    expect(new Set([challenged.eventId, accepted.eventId, pending.eventId]).size).toBe(3);
  });

  it('converts gross_amount to whole rupiah and refuses non-integral amounts', () => {
    expect(provider.parseWebhook({}, raw(notification({ gross_amount: '150000.00' }))).amount).toBe(150_000);
    expect(provider.parseWebhook({}, raw(notification({ gross_amount: '99000' }))).amount).toBe(99_000);
    const fractional = raw(notification({ gross_amount: '150000.50' }));
    expect(() => provider.parseWebhook({}, fractional)).toThrow(/not a whole rupiah/);
    expect(() => provider.parseWebhook({}, fractional)).not.toThrow(WebhookSignatureError);
  });

  it('parseGrossAmount handles the documented formats and refuses junk', () => {
    expect(parseGrossAmount('150000.00')).toBe(150_000);
    expect(parseGrossAmount('100000.0')).toBe(100_000);
    expect(parseGrossAmount('7500')).toBe(7_500);
    for (const bad of ['150000.01', '-100.00', '1e5', '', 'abc', '1,000.00', '99999999999999999999.00']) {
      expect(() => parseGrossAmount(bad)).toThrow();
    }
  });
});
