import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebhookSignatureError, type WebhookEvent } from './provider.js';
import { mapStripeEventType, rupiahToStripeAmount, StripeProvider, stripeAmountToRupiah } from './stripe.provider.js';
import { startStubServer, type StubReply, type StubRequest, type StubServer } from './stub-server.test-helper.js';

const SECRET_KEY = 'sk_test_pasar123';
const WEBHOOK_SECRET = 'whsec_test_pasar456';
const input = { orderId: 'order-42', amount: 150_000, description: 'Batik tulis', customer: { name: 'Sari', email: 'sari@example.id' } };

let stub: StubServer;
let provider: StripeProvider;

/** Replies like POST /v1/payment_intents (Stripe API reference, "Create a PaymentIntent"). */
function paymentIntents(req: StubRequest): StubReply {
  if (req.headers.authorization !== `Bearer ${SECRET_KEY}`) {
    return { status: 401, json: { error: { type: 'invalid_request_error', message: 'Invalid API Key provided: sk_test_***' } } };
  }
  if (req.method !== 'POST' || req.url !== '/v1/payment_intents') {
    return { status: 404, json: { error: { type: 'invalid_request_error', message: `Unrecognized request URL (${req.method}: ${req.url})` } } };
  }
  const form = new URLSearchParams(req.body);
  return {
    status: 200,
    json: {
      id: 'pi_3Pasar',
      object: 'payment_intent',
      amount: Number(form.get('amount')),
      currency: form.get('currency'),
      status: 'requires_payment_method',
      client_secret: 'pi_3Pasar_secret_abc',
      metadata: { orderId: form.get('metadata[orderId]') },
      livemode: false,
    },
  };
}

beforeAll(async () => {
  stub = await startStubServer(paymentIntents);
  provider = new StripeProvider({ secretKey: SECRET_KEY, webhookSecret: WEBHOOK_SECRET, host: '127.0.0.1', port: stub.port, protocol: 'http' });
});
afterAll(() => stub?.close());

describe('StripeProvider.createPayment', () => {
  it('creates an IDR PaymentIntent in minor units (rupiah × 100) with metadata.orderId', async () => {
    stub.handle(paymentIntents);
    stub.requests.length = 0;
    const created = await provider.createPayment(input);
    expect(created).toEqual({ provider: 'STRIPE', externalId: 'pi_3Pasar', clientSecret: 'pi_3Pasar_secret_abc' });

    expect(stub.requests).toHaveLength(1);
    const req = stub.requests[0];
    expect(req.method).toBe('POST');
    expect(req.url).toBe('/v1/payment_intents');
    expect(req.headers.authorization).toBe(`Bearer ${SECRET_KEY}`);
    expect(req.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
    const form = new URLSearchParams(req.body);
    expect(form.get('amount')).toBe('15000000'); // Rp 150.000 = 15,000,000 sen: IDR is two-decimal at Stripe
    expect(form.get('currency')).toBe('idr');
    expect(form.get('metadata[orderId]')).toBe('order-42');
    expect(form.get('description')).toBe('Batik tulis');
  });

  it("maps Stripe's refusal to an Error with Stripe's message", async () => {
    stub.handle(() => ({
      status: 400,
      json: { error: { type: 'invalid_request_error', code: 'amount_too_small', message: 'Amount must be at least Rp 7.500,00 idr', param: 'amount' } },
    }));
    await expect(provider.createPayment(input)).rejects.toThrow('Stripe error: Amount must be at least Rp 7.500,00 idr');

    stub.handle(paymentIntents);
    const wrongKey = new StripeProvider({ secretKey: 'sk_test_wrong', webhookSecret: WEBHOOK_SECRET, host: '127.0.0.1', port: stub.port, protocol: 'http' });
    await expect(wrongKey.createPayment(input)).rejects.toThrow(/Stripe error: Invalid API Key/);
  });

  it('refuses non-integral amounts without calling Stripe', async () => {
    stub.handle(paymentIntents);
    stub.requests.length = 0;
    await expect(provider.createPayment({ ...input, amount: 10.5 })).rejects.toThrow(/whole number of rupiah/);
    expect(stub.requests).toHaveLength(0);
  });

  it('converts between rupiah and Stripe IDR minor units', () => {
    expect(rupiahToStripeAmount(150_000)).toBe(15_000_000);
    expect(stripeAmountToRupiah(15_000_000)).toBe(150_000);
    expect(() => stripeAmountToRupiah(15_000_050)).toThrow(/whole rupiah/);
  });
});

/** A Stripe event (snapshot payload) about a PaymentIntent. */
function intentEvent(type: string, intent: Record<string, unknown> = {}, id = 'evt_1Pasar'): string {
  return JSON.stringify(
    {
      id,
      object: 'event',
      api_version: Stripe.API_VERSION,
      created: Math.floor(Date.now() / 1000),
      type,
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      data: {
        object: {
          id: 'pi_3Pasar',
          object: 'payment_intent',
          amount: 15_000_000,
          amount_received: 15_000_000,
          currency: 'idr',
          status: 'succeeded',
          metadata: { orderId: 'order-42' },
          ...intent,
        },
      },
    },
    null,
    2,
  );
}

function signed(payload: string, opts: { secret?: string; timestamp?: number } = {}) {
  const header = Stripe.webhooks.generateTestHeaderString({ payload, secret: opts.secret ?? WEBHOOK_SECRET, timestamp: opts.timestamp });
  return { headers: { 'stripe-signature': header, 'content-type': 'application/json' }, body: Buffer.from(payload) };
}

describe('StripeProvider.parseWebhook', () => {
  it('verifies a correctly signed event and normalises it', () => {
    const { headers, body } = signed(intentEvent('payment_intent.succeeded'));
    expect(provider.parseWebhook(headers, body)).toEqual<WebhookEvent>({
      provider: 'STRIPE',
      eventId: 'evt_1Pasar',
      orderId: 'order-42',
      externalId: 'pi_3Pasar',
      status: 'PAID',
      amount: 150_000,
    });
  });

  it('refuses a tampered body', () => {
    const { headers, body } = signed(intentEvent('payment_intent.succeeded'));
    const tampered = Buffer.from(body.toString('utf8').replace('"amount": 15000000', '"amount": 100'));
    expect(tampered.equals(body)).toBe(false);
    expect(() => provider.parseWebhook(headers, tampered)).toThrow(WebhookSignatureError);
  });

  it('refuses a signature made with another secret', () => {
    const { headers, body } = signed(intentEvent('payment_intent.succeeded'), { secret: 'whsec_attacker' });
    expect(() => provider.parseWebhook(headers, body)).toThrow(WebhookSignatureError);
  });

  it('refuses an old timestamp (outside the default 300 s tolerance) and accepts one inside it', () => {
    const now = Math.floor(Date.now() / 1000);
    const old = signed(intentEvent('payment_intent.succeeded'), { timestamp: now - 301 - 5 });
    expect(() => provider.parseWebhook(old.headers, old.body)).toThrow(/Stripe signature verification failed.*tolerance/i);
    const recent = signed(intentEvent('payment_intent.succeeded'), { timestamp: now - 60 });
    expect(provider.parseWebhook(recent.headers, recent.body).status).toBe('PAID');
  });

  it('refuses a missing or garbled Stripe-Signature header', () => {
    const { body } = signed(intentEvent('payment_intent.succeeded'));
    expect(() => provider.parseWebhook({}, body)).toThrow(WebhookSignatureError);
    expect(() => provider.parseWebhook({ 'stripe-signature': 'nonsense' }, body)).toThrow(WebhookSignatureError);
  });

  const mappings: Array<[string, WebhookEvent['status']]> = [
    ['payment_intent.succeeded', 'PAID'],
    ['payment_intent.payment_failed', 'FAILED'],
    ['payment_intent.canceled', 'FAILED'],
    ['payment_intent.processing', 'IGNORED'],
    ['payment_intent.created', 'IGNORED'],
    ['charge.refunded', 'IGNORED'],
  ];
  it.each(mappings)('maps %s to %s', (type, expected) => {
    const { headers, body } = signed(intentEvent(type, {}, `evt_${type}`));
    const event = provider.parseWebhook(headers, body);
    expect(event.status).toBe(expected);
    expect(event.eventId).toBe(`evt_${type}`);
    expect(mapStripeEventType(type)).toBe(expected);
  });

  it('ignores events about other objects', () => {
    const payload = JSON.stringify({ id: 'evt_ch', object: 'event', type: 'charge.succeeded', data: { object: { id: 'ch_1', object: 'charge', amount: 100 } } });
    const { headers, body } = signed(payload);
    expect(provider.parseWebhook(headers, body)).toEqual({ provider: 'STRIPE', eventId: 'evt_ch', orderId: '', externalId: null, status: 'IGNORED', amount: 0 });
  });

  it('refuses a PAID event without metadata.orderId, in another currency, or with a non-whole rupiah amount', () => {
    for (const intent of [{ metadata: {} }, { currency: 'usd' }, { amount: 15_000_050 }]) {
      const { headers, body } = signed(intentEvent('payment_intent.succeeded', intent));
      let thrown: unknown;
      try {
        provider.parseWebhook(headers, body);
      } catch (err) {
        thrown = err;
      }
      expect(thrown).toBeInstanceOf(Error);
      expect(thrown).not.toBeInstanceOf(WebhookSignatureError);
    }
  });

  it('refuses a correctly signed body that is not JSON as malformed (not a signature error)', () => {
    const { headers, body } = signed('not json');
    expect(() => provider.parseWebhook(headers, body)).toThrow(Error);
    expect(() => provider.parseWebhook(headers, body)).not.toThrow(WebhookSignatureError);
  });
});
