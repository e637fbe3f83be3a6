import {
  assertRupiah,
  WebhookSignatureError,
  type CreatedPayment,
  type CreatePaymentInput,
  type PaymentProvider,
  type PaymentsConfig,
  type WebhookEvent,
} from './provider.js';

/**
 * `MANUAL_TRANSFER` (the default provider, PRODUCT §11): the payer transfers the exact total to
 * the platform's bank account, quoting the order id as the reference, and uploads proof; an admin
 * confirms the payment. Nothing external is called and there are no webhooks.
 */
export class ManualTransferProvider implements PaymentProvider {
  readonly name = 'MANUAL_TRANSFER' as const;

  /** @param bank the platform account that receives transfers (`PaymentsConfig.manual`). */
  constructor(private readonly bank: PaymentsConfig['manual']) {}

  /**
   * Returns bank instructions: bank name, account number and holder from config, the exact
   * `amount` to transfer (whole rupiah) and `reference` = the order id. `externalId` is null.
   */
  async createPayment(input: CreatePaymentInput): Promise<CreatedPayment> {
    assertRupiah(input.amount);
    if (!input.orderId) throw new Error('orderId is required');
    return {
      provider: this.name,
      externalId: null,
      instructions: {
        bankName: this.bank.bankName,
        accountNumber: this.bank.accountNumber,
        accountHolder: this.bank.accountHolder,
        reference: input.orderId,
        amount: input.amount,
      },
    };
  }

  /**
   * Manual transfers are confirmed by an admin, never by a webhook: any notification claiming to
   * be one cannot be authenticated, so this always throws {@link WebhookSignatureError}.
   */
  parseWebhook(_headers: Record<string, string | string[] | undefined>, _rawBody: Buffer): WebhookEvent {
    throw new WebhookSignatureError('MANUAL_TRANSFER has no webhooks; an admin confirms transfers');
  }
}
