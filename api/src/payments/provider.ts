/**
 * The payment provider layer (PRODUCT §11, escrow issue): every way a buyer can pay sits behind
 * ONE interface, {@link PaymentProvider}. Three implementations exist:
 *
 * - `MANUAL_TRANSFER` (default, always available): the payer transfers to the platform's bank
 *   account and uploads proof; an admin confirms. No webhooks.
 * - `MIDTRANS`: Snap transactions over Midtrans's HTTP API, HTTP notifications verified by
 *   `signature_key` (only when a server key is configured).
 * - `STRIPE`: PaymentIntents through the official `stripe` package, webhooks verified by the
 *   `Stripe-Signature` header (only when a secret key and webhook secret are configured).
 *
 * Every amount crossing this interface is in WHOLE RUPIAH (integers). Each provider converts to
 * and from its own wire unit (Stripe: IDR minor units, i.e. rupiah × 100; Midtrans: rupiah).
 */
import { ManualTransferProvider } from './manual.provider.js';
import { DEFAULT_MIDTRANS_BASE_URL, MidtransProvider } from './midtrans.provider.js';
import { StripeProvider } from './stripe.provider.js';

/** The providers Pasar knows. `MANUAL_TRANSFER` is the default and is always configured. */
export type ProviderName = 'MANUAL_TRANSFER' | 'MIDTRANS' | 'STRIPE';

/** What to charge: one order, one payment. */
export interface CreatePaymentInput {
  /** Pasar's order id. Used as the provider-side reference (Midtrans `order_id`, Stripe `metadata.orderId`, the manual transfer reference). */
  orderId: string;
  /** The total to pay, in whole rupiah (a positive safe integer). */
  amount: number;
  /** Human-readable description (Midtrans item name, Stripe PaymentIntent description). */
  description: string;
  /** The payer. */
  customer: { name: string; email: string };
}

/** What the client needs to complete a payment, per provider. */
export interface CreatedPayment {
  provider: ProviderName;
  /**
   * The provider's id for this payment when it is known at creation time (Stripe: the
   * PaymentIntent id `pi_…`). `null` for manual transfers and for Midtrans, whose
   * `transaction_id` is only learnt from the first notification ({@link WebhookEvent.externalId}).
   */
  externalId: string | null;
  /** Midtrans: the Snap `redirect_url` (the hosted payment page). */
  redirectUrl?: string;
  /** Stripe: the PaymentIntent `client_secret`, handed to Stripe.js / Payment Element. */
  clientSecret?: string;
  /** Manual transfer: where to send the money and the reference to quote. `amount` is in whole rupiah. */
  instructions?: { bankName: string; accountNumber: string; accountHolder: string; reference: string; amount: number };
}

/**
 * A verified provider notification, normalised.
 *
 * `status`: `PAID` (money captured), `PENDING` (still waiting, e.g. Midtrans `pending` or a fraud
 * `challenge`), `FAILED` (denied/cancelled/failed), `EXPIRED` (Midtrans `expire`), `IGNORED`
 * (a notification that must not change the order, e.g. refunds or unrelated Stripe events).
 */
export interface WebhookEvent {
  provider: ProviderName;
  /** Unique per provider event; store it to process each notification once (idempotency). */
  eventId: string;
  /** Pasar's order id (Midtrans `order_id`, Stripe `metadata.orderId`). Empty string for IGNORED events that carry none. */
  orderId: string;
  /** The provider's payment id (Midtrans `transaction_id`, Stripe PaymentIntent id), when present. */
  externalId: string | null;
  status: 'PAID' | 'PENDING' | 'FAILED' | 'EXPIRED' | 'IGNORED';
  /** The amount the notification is about, in whole rupiah (0 when the event carries none). */
  amount: number;
}

/**
 * Thrown by {@link PaymentProvider.parseWebhook} when a notification's signature is missing or
 * does not verify (an HTTP handler should answer 400/401 and must not trust the body).
 */
export class WebhookSignatureError extends Error {
  constructor(message = 'invalid webhook signature') {
    super(message);
    this.name = 'WebhookSignatureError';
  }
}

/** One payment provider. */
export interface PaymentProvider {
  readonly name: ProviderName;
  /**
   * Starts a payment for `input.amount` whole rupiah. Rejects with an `Error` carrying the
   * provider's message when the provider refuses or cannot be reached.
   */
  createPayment(input: CreatePaymentInput): Promise<CreatedPayment>;
  /**
   * Verifies and normalises a provider notification. `rawBody` must be the exact bytes received
   * (signatures cover them). Throws {@link WebhookSignatureError} on a bad or missing signature,
   * `Error` on a malformed body.
   */
  parseWebhook(headers: Record<string, string | string[] | undefined>, rawBody: Buffer): WebhookEvent;
}

/** Provider configuration. `midtrans` / `stripe` absent = that provider is disabled. */
export interface PaymentsConfig {
  /** The platform's bank account that manual transfers go to. */
  manual: { bankName: string; accountNumber: string; accountHolder: string };
  /** Midtrans Snap. `baseUrl` defaults to the sandbox, https://app.sandbox.midtrans.com (production: https://app.midtrans.com). */
  midtrans?: { serverKey: string; baseUrl: string };
  /**
   * Stripe. `host`/`port`/`protocol` override the API endpoint (the `stripe` client options),
   * used to point tests at a local stub; leave unset in production.
   */
  stripe?: { secretKey: string; webhookSecret: string; host?: string; port?: number; protocol?: 'http' | 'https' };
}

/** Builds the configured providers: `MANUAL_TRANSFER` always, `MIDTRANS` / `STRIPE` only when configured. */
export function createProviders(config: PaymentsConfig): Map<ProviderName, PaymentProvider> {
  const providers = new Map<ProviderName, PaymentProvider>();
  providers.set('MANUAL_TRANSFER', new ManualTransferProvider(config.manual));
  if (config.midtrans) providers.set('MIDTRANS', new MidtransProvider(config.midtrans));
  if (config.stripe) providers.set('STRIPE', new StripeProvider(config.stripe));
  return providers;
}

/**
 * Reads {@link PaymentsConfig} from the environment:
 * - `MANUAL_BANK_NAME` (default "BCA"), `MANUAL_BANK_ACCOUNT` (default "1234567890"),
 *   `MANUAL_BANK_HOLDER` (default "PT Pasar Nusantara");
 * - `MIDTRANS_SERVER_KEY` enables Midtrans; `MIDTRANS_BASE_URL` (default the sandbox);
 * - `STRIPE_SECRET_KEY` + `STRIPE_WEBHOOK_SECRET` enable Stripe (setting only one of them is an
 *   error); `STRIPE_API_HOST` / `STRIPE_API_PORT` / `STRIPE_API_PROTOCOL` point the client at a stub.
 *
 * Empty strings count as unset. Throws on invalid values.
 */
export function paymentsConfigFromEnv(env: NodeJS.ProcessEnv): PaymentsConfig {
  const get = (key: string): string | undefined => {
    const value = env[key]?.trim();
    return value ? value : undefined;
  };
  const config: PaymentsConfig = {
    manual: {
      bankName: get('MANUAL_BANK_NAME') ?? 'BCA',
      accountNumber: get('MANUAL_BANK_ACCOUNT') ?? '1234567890',
      accountHolder: get('MANUAL_BANK_HOLDER') ?? 'PT Pasar Nusantara',
    },
  };

  const midtransKey = get('MIDTRANS_SERVER_KEY');
  if (midtransKey) {
    config.midtrans = { serverKey: midtransKey, baseUrl: get('MIDTRANS_BASE_URL') ?? DEFAULT_MIDTRANS_BASE_URL };
  }

  const stripeKey = get('STRIPE_SECRET_KEY');
  const stripeWebhookSecret = get('STRIPE_WEBHOOK_SECRET');
  if (stripeKey || stripeWebhookSecret) {
    if (!stripeKey || !stripeWebhookSecret) {
      throw new Error('Stripe needs both STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET');
    }
    const stripe: NonNullable<PaymentsConfig['stripe']> = { secretKey: stripeKey, webhookSecret: stripeWebhookSecret };
    const host = get('STRIPE_API_HOST');
    if (host) stripe.host = host;
    const port = get('STRIPE_API_PORT');
    if (port) {
      const n = Number(port);
      if (!Number.isInteger(n) || n < 1 || n > 65535) throw new Error(`STRIPE_API_PORT is not a port: ${port}`);
      stripe.port = n;
    }
    const protocol = get('STRIPE_API_PROTOCOL');
    if (protocol) {
      if (protocol !== 'http' && protocol !== 'https') throw new Error(`STRIPE_API_PROTOCOL must be http or https: ${protocol}`);
      stripe.protocol = protocol;
    }
    config.stripe = stripe;
  }
  return config;
}

/** Asserts that `amount` is a positive whole number of rupiah (a safe integer). */
export function assertRupiah(amount: number): void {
  if (!Number.isSafeInteger(amount) || amount <= 0) {
    throw new Error(`amount must be a positive whole number of rupiah, got ${amount}`);
  }
}

/** Case-insensitive single-valued header lookup (Node lowercases names; arrays → first value). */
export function headerValue(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted || value === undefined) continue;
    return Array.isArray(value) ? value[0] : value;
  }
  return undefined;
}
