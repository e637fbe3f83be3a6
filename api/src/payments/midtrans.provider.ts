import { createHash, timingSafeEqual } from 'node:crypto';
import {
  assertRupiah,
  WebhookSignatureError,
  type CreatedPayment,
  type CreatePaymentInput,
  type PaymentProvider,
  type WebhookEvent,
} from './provider.js';

/** Midtrans sandbox host (Snap API); production is https://app.midtrans.com. */
export const DEFAULT_MIDTRANS_BASE_URL = 'https://app.sandbox.midtrans.com';

/** Timeout for one Snap API call, in milliseconds. */
export const MIDTRANS_TIMEOUT_MS = 10_000;

/** Midtrans limits `item_details[].name` to 50 characters (Snap API reference). */
const ITEM_NAME_MAX = 50;

/**
 * `MIDTRANS`: Midtrans Snap (Midtrans docs: "Snap API – Create Transaction",
 * "HTTP(S) Notification / Webhooks", "Transaction Status").
 *
 * - {@link createPayment}: `POST {baseUrl}/snap/v1/transactions`, HTTP Basic auth with
 *   `base64(serverKey + ':')`, JSON body; answers `{ token, redirect_url }`. Amounts are whole
 *   rupiah (IDR has no minor unit at Midtrans).
 * - {@link parseWebhook}: the JSON notification POSTed to `/webhooks/midtrans`, verified by
 *   `signature_key = SHA512(order_id + status_code + gross_amount + serverKey)` (hex).
 */
export class MidtransProvider implements PaymentProvider {
  readonly name = 'MIDTRANS' as const;
  private readonly serverKey: string;
  private readonly baseUrl: string;

  /** @param config server key and API base URL (default {@link DEFAULT_MIDTRANS_BASE_URL}). */
  constructor(config: { serverKey: string; baseUrl?: string }) {
    if (!config.serverKey) throw new Error('Midtrans server key is required');
    this.serverKey = config.serverKey;
    this.baseUrl = (config.baseUrl || DEFAULT_MIDTRANS_BASE_URL).replace(/\/+$/, '');
  }

  /**
   * Creates a Snap transaction for `input.amount` whole rupiah, with `order_id` = the order id and
   * a single item line of the same amount (Midtrans requires the items to sum to `gross_amount`).
   * Returns the Snap `redirect_url`; `externalId` is null (the `transaction_id` arrives with the
   * first notification). Rejects with an `Error` carrying Midtrans's `error_messages` on a non-2xx
   * answer, and on network errors or after {@link MIDTRANS_TIMEOUT_MS}.
   */
  async createPayment(input: CreatePaymentInput): Promise<CreatedPayment> {
    assertRupiah(input.amount);
    if (!input.orderId) throw new Error('orderId is required');
    const body = {
      transaction_details: { order_id: input.orderId, gross_amount: input.amount },
      customer_details: { first_name: input.customer.name, email: input.customer.email },
      item_details: [
        {
          id: input.orderId,
          price: input.amount,
          quantity: 1,
          name: (input.description || `Order ${input.orderId}`).slice(0, ITEM_NAME_MAX),
        },
      ],
    };

    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}/snap/v1/transactions`, {
        method: 'POST',
        headers: {
          Accept: 'application/json',
          'Content-Type': 'application/json',
          Authorization: `Basic ${Buffer.from(`${this.serverKey}:`).toString('base64')}`,
        },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(MIDTRANS_TIMEOUT_MS),
      });
    } catch (err) {
      const reason = err instanceof Error && err.name === 'TimeoutError' ? 'timed out' : String((err as Error)?.message ?? err);
      throw new Error(`Midtrans Snap request failed: ${reason}`, { cause: err });
    }

    const text = await response.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    if (!response.ok) {
      const messages = (json as { error_messages?: unknown } | undefined)?.error_messages;
      const detail = Array.isArray(messages) && messages.length > 0 ? messages.map(String).join('; ') : text.slice(0, 200) || response.statusText;
      throw new Error(`Midtrans Snap error (HTTP ${response.status}): ${detail}`);
    }
    const { token, redirect_url } = (json ?? {}) as { token?: unknown; redirect_url?: unknown };
    if (typeof token !== 'string' || typeof redirect_url !== 'string') {
      throw new Error('Midtrans Snap answered without token/redirect_url');
    }
    return { provider: this.name, externalId: null, redirectUrl: redirect_url };
  }

  /**
   * Verifies and maps a Midtrans HTTP notification (JSON body).
   *
   * Signature: `signature_key` must equal hex `SHA512(order_id + status_code + gross_amount +
   * serverKey)`, with `gross_amount` exactly as sent (e.g. "100000.00"); compared in constant time.
   *
   * Status (Midtrans "Transaction Status" docs): `settlement` → PAID; `capture` → PAID when
   * `fraud_status` is `accept` or absent, PENDING on `challenge`, FAILED on `deny`; `pending` →
   * PENDING; `expire` → EXPIRED; `cancel` / `deny` / `failure` → FAILED; `refund` /
   * `partial_refund` / `authorize` / anything else → IGNORED.
   *
   * `amount`: `gross_amount` as whole rupiah ("150000.00" → 150000); non-integral amounts are
   * refused. `eventId`: `transaction_id + ':' + transaction_status`, plus `':' + fraud_status` for a
   * `capture` whose fraud status is not `accept` — so a challenged capture later accepted
   * (same transaction_id, same `capture` status) is not dropped as a duplicate.
   */
  parseWebhook(_headers: Record<string, string | string[] | undefined>, rawBody: Buffer): WebhookEvent {
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(rawBody.toString('utf8')) as Record<string, unknown>;
    } catch {
      throw new Error('Midtrans notification is not valid JSON');
    }
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      throw new Error('Midtrans notification is not a JSON object');
    }

    const signature = body.signature_key;
    if (typeof signature !== 'string' || signature.length === 0) {
      throw new WebhookSignatureError('Midtrans notification has no signature_key');
    }
    const orderId = stringField(body, 'order_id');
    const statusCode = stringField(body, 'status_code');
    const grossAmount = stringField(body, 'gross_amount');
    const expected = createHash('sha512').update(orderId + statusCode + grossAmount + this.serverKey).digest('hex');
    if (!constantTimeEqual(signature.toLowerCase(), expected)) {
      throw new WebhookSignatureError('Midtrans signature_key does not match');
    }

    const transactionId = stringField(body, 'transaction_id');
    const transactionStatus = stringField(body, 'transaction_status');
    const fraudStatus = typeof body.fraud_status === 'string' && body.fraud_status !== '' ? body.fraud_status : undefined;
    const status = mapMidtransStatus(transactionStatus, fraudStatus);
    let eventId = `${transactionId}:${transactionStatus}`;
    if (transactionStatus === 'capture' && fraudStatus && fraudStatus !== 'accept') eventId += `:${fraudStatus}`;

    return {
      provider: this.name,
      eventId,
      orderId,
      externalId: transactionId,
      status,
      amount: parseGrossAmount(grossAmount),
    };
  }
}

/** Maps Midtrans `transaction_status` (+ `fraud_status` for `capture`) to a {@link WebhookEvent} status. */
export function mapMidtransStatus(transactionStatus: string, fraudStatus?: string): WebhookEvent['status'] {
  switch (transactionStatus) {
    case 'settlement':
      return 'PAID';
    case 'capture':
      if (fraudStatus === undefined || fraudStatus === 'accept') return 'PAID';
      if (fraudStatus === 'deny') return 'FAILED';
      return 'PENDING'; // 'challenge' (awaiting a manual review), or an unknown fraud status: not paid yet
    case 'pending':
      return 'PENDING';
    case 'expire':
      return 'EXPIRED';
    case 'cancel':
    case 'deny':
    case 'failure':
      return 'FAILED';
    default:
      return 'IGNORED'; // refund, partial_refund, authorize, and future statuses
  }
}

/**
 * Parses a Midtrans `gross_amount` string ("150000.00", "150000") into whole rupiah. Throws on a
 * non-numeric, negative, non-integral ("150000.50") or unsafe value.
 */
export function parseGrossAmount(grossAmount: string): number {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(grossAmount.trim());
  if (!match) throw new Error(`Midtrans gross_amount is not an amount: ${JSON.stringify(grossAmount)}`);
  if (match[2] !== undefined && /[^0]/.test(match[2])) {
    throw new Error(`Midtrans gross_amount is not a whole rupiah amount: ${grossAmount}`);
  }
  const rupiah = Number(match[1]);
  if (!Number.isSafeInteger(rupiah)) throw new Error(`Midtrans gross_amount is out of range: ${grossAmount}`);
  return rupiah;
}

function stringField(body: Record<string, unknown>, key: string): string {
  const value = body[key];
  if (typeof value !== 'string' || value.length === 0) {
    throw new Error(`Midtrans notification lacks ${key}`);
  }
  return value;
}

function constantTimeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  if (left.length !== right.length) {
    timingSafeEqual(right, right); // keep the timing independent of where the mismatch is
    return false;
  }
  return timingSafeEqual(left, right);
}
