import Stripe from 'stripe';
import {
  assertRupiah,
  headerValue,
  WebhookSignatureError,
  type CreatedPayment,
  type CreatePaymentInput,
  type PaymentProvider,
  type PaymentsConfig,
  type WebhookEvent,
} from './provider.js';

/**
 * Stripe amounts are in the currency's minor unit. IDR is NOT a zero-decimal currency at Stripe
 * (Stripe docs, "Supported currencies" → "Zero-decimal currencies" does not list it): it is a
 * two-decimal currency, so the API takes sen — Rp 150.000 is `amount: 15000000`. Pasar works in
 * whole rupiah, so we send rupiah × 100 and divide by 100 on the way back (refusing anything that
 * is not a whole rupiah).
 */
export const STRIPE_IDR_MINOR_UNITS_PER_RUPIAH = 100;

/** Timeout for one Stripe API call, in milliseconds. */
export const STRIPE_TIMEOUT_MS = 10_000;

/** Converts whole rupiah to Stripe's IDR amount (minor units: rupiah × 100). */
export function rupiahToStripeAmount(rupiah: number): number {
  assertRupiah(rupiah);
  const amount = rupiah * STRIPE_IDR_MINOR_UNITS_PER_RUPIAH;
  if (!Number.isSafeInteger(amount)) throw new Error(`amount too large for Stripe: ${rupiah}`);
  return amount;
}

/** Converts a Stripe IDR amount (minor units) back to whole rupiah; throws when not a whole rupiah. */
export function stripeAmountToRupiah(amount: number): number {
  if (!Number.isSafeInteger(amount) || amount < 0 || amount % STRIPE_IDR_MINOR_UNITS_PER_RUPIAH !== 0) {
    throw new Error(`Stripe IDR amount is not a whole rupiah amount: ${amount}`);
  }
  return amount / STRIPE_IDR_MINOR_UNITS_PER_RUPIAH;
}

/**
 * `STRIPE`: PaymentIntents through the official `stripe` package (Stripe docs: "Create a
 * PaymentIntent", "Receive Stripe events in your webhook endpoint", "Check the webhook signatures").
 *
 * - {@link createPayment}: `paymentIntents.create({ amount: rupiah × 100, currency: 'idr',
 *   metadata: { orderId } })` → the `client_secret` for Stripe.js.
 * - {@link parseWebhook}: `stripe.webhooks.constructEvent(rawBody, Stripe-Signature, webhookSecret)`
 *   (HMAC-SHA256, default tolerance 300 s; works offline).
 */
export class StripeProvider implements PaymentProvider {
  readonly name = 'STRIPE' as const;
  private readonly stripe: Stripe;
  private readonly webhookSecret: string;

  /** @param config secret key, webhook secret (`whsec_…`) and optional API endpoint override (stubs). */
  constructor(config: NonNullable<PaymentsConfig['stripe']>) {
    if (!config.secretKey) throw new Error('Stripe secret key is required');
    if (!config.webhookSecret) throw new Error('Stripe webhook secret is required');
    this.webhookSecret = config.webhookSecret;
    this.stripe = new Stripe(config.secretKey, {
      timeout: STRIPE_TIMEOUT_MS,
      maxNetworkRetries: 1,
      ...(config.host !== undefined ? { host: config.host } : {}),
      ...(config.port !== undefined ? { port: config.port } : {}),
      ...(config.protocol !== undefined ? { protocol: config.protocol } : {}),
    });
  }

  /**
   * Creates a PaymentIntent for `input.amount` whole rupiah (sent as rupiah × 100, currency `idr`)
   * with `metadata.orderId`. Returns `externalId` = the PaymentIntent id and its `client_secret`.
   * Rejects with an `Error` carrying Stripe's message when Stripe refuses or cannot be reached.
   */
  async createPayment(input: CreatePaymentInput): Promise<CreatedPayment> {
    if (!input.orderId) throw new Error('orderId is required');
    const amount = rupiahToStripeAmount(input.amount);
    let intent: Stripe.PaymentIntent;
    try {
      intent = await this.stripe.paymentIntents.create({
        amount,
        currency: 'idr',
        description: input.description || undefined,
        receipt_email: input.customer.email || undefined,
        metadata: { orderId: input.orderId },
      });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      throw new Error(`Stripe error: ${message}`, { cause: err });
    }
    if (!intent.client_secret) throw new Error('Stripe PaymentIntent has no client_secret');
    return { provider: this.name, externalId: intent.id, clientSecret: intent.client_secret };
  }

  /**
   * Verifies the `Stripe-Signature` header over the exact raw body, then maps the event:
   * `payment_intent.succeeded` → PAID, `payment_intent.payment_failed` / `payment_intent.canceled`
   * → FAILED, anything else → IGNORED. `eventId` = the Stripe event id (`evt_…`), `orderId` =
   * `metadata.orderId`, `externalId` = the PaymentIntent id, `amount` = the intent's amount in
   * whole rupiah (minor units ÷ 100). A PAID/FAILED event without `metadata.orderId` or in a
   * currency other than IDR is malformed (`Error`).
   */
  parseWebhook(headers: Record<string, string | string[] | undefined>, rawBody: Buffer): WebhookEvent {
    const signature = headerValue(headers, 'stripe-signature');
    if (!signature) throw new WebhookSignatureError('missing Stripe-Signature header');

    let event: Stripe.Event;
    try {
      event = this.stripe.webhooks.constructEvent(rawBody, signature, this.webhookSecret);
    } catch (err) {
      if (err instanceof Stripe.errors.StripeSignatureVerificationError) {
        throw new WebhookSignatureError(`Stripe signature verification failed: ${err.message}`);
      }
      throw new Error('Stripe event is malformed', { cause: err });
    }
    if (!event || typeof event.id !== 'string' || typeof event.type !== 'string') {
      throw new Error('Stripe event is malformed');
    }

    const status = mapStripeEventType(event.type);
    const object = (event.data?.object ?? {}) as Partial<Stripe.PaymentIntent>;
    const isIntent = object.object === 'payment_intent';
    const orderId = isIntent && typeof object.metadata?.orderId === 'string' ? object.metadata.orderId : '';
    const externalId = isIntent && typeof object.id === 'string' ? object.id : null;

    if (status === 'IGNORED') {
      let amount = 0;
      if (isIntent && typeof object.amount === 'number' && object.currency === 'idr') {
        try {
          amount = stripeAmountToRupiah(object.amount);
        } catch {
          amount = 0;
        }
      }
      return { provider: this.name, eventId: event.id, orderId, externalId, status, amount };
    }

    if (!isIntent || !externalId) throw new Error(`Stripe ${event.type} event has no PaymentIntent`);
    if (!orderId) throw new Error(`Stripe ${event.type} event has no metadata.orderId`);
    if (object.currency !== 'idr') throw new Error(`Stripe PaymentIntent currency is ${object.currency}, expected idr`);
    if (typeof object.amount !== 'number') throw new Error('Stripe PaymentIntent has no amount');
    return {
      provider: this.name,
      eventId: event.id,
      orderId,
      externalId,
      status,
      amount: stripeAmountToRupiah(object.amount),
    };
  }
}

/** Maps a Stripe event type to a {@link WebhookEvent} status. */
export function mapStripeEventType(type: string): WebhookEvent['status'] {
  switch (type) {
    case 'payment_intent.succeeded':
      return 'PAID';
    case 'payment_intent.payment_failed':
    case 'payment_intent.canceled':
      return 'FAILED';
    default:
      return 'IGNORED';
  }
}
