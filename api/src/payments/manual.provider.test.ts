import { describe, expect, it } from 'vitest';
import { ManualTransferProvider } from './manual.provider.js';
import { createProviders, paymentsConfigFromEnv, WebhookSignatureError } from './provider.js';

const bank = { bankName: 'BCA', accountNumber: '1234567890', accountHolder: 'PT Pasar Nusantara' };
const input = { orderId: 'order-1', amount: 150_000, description: 'Batik tulis', customer: { name: 'Sari', email: 'sari@example.id' } };

describe('ManualTransferProvider', () => {
  it('returns bank instructions with the exact total and the order id as reference', async () => {
    const provider = new ManualTransferProvider(bank);
    expect(provider.name).toBe('MANUAL_TRANSFER');
    await expect(provider.createPayment(input)).resolves.toEqual({
      provider: 'MANUAL_TRANSFER',
      externalId: null,
      instructions: { ...bank, reference: 'order-1', amount: 150_000 },
    });
  });

  it('refuses non-integral, zero or negative amounts', async () => {
    const provider = new ManualTransferProvider(bank);
    for (const amount of [150_000.5, 0, -1, Number.NaN]) {
      await expect(provider.createPayment({ ...input, amount })).rejects.toThrow(/whole number of rupiah/);
    }
  });

  it('has no webhooks: any notification is refused as unauthenticated', () => {
    const provider = new ManualTransferProvider(bank);
    expect(() => provider.parseWebhook({}, Buffer.from('{}'))).toThrow(WebhookSignatureError);
  });
});

describe('paymentsConfigFromEnv / createProviders', () => {
  it('defaults to the manual provider only, with the default bank account', () => {
    const config = paymentsConfigFromEnv({});
    expect(config).toEqual({ manual: bank });
    expect([...createProviders(config).keys()]).toEqual(['MANUAL_TRANSFER']);
  });

  it('enables Midtrans and Stripe when configured', () => {
    const config = paymentsConfigFromEnv({
      MANUAL_BANK_NAME: 'Mandiri',
      MANUAL_BANK_ACCOUNT: '999',
      MANUAL_BANK_HOLDER: 'PT X',
      MIDTRANS_SERVER_KEY: 'SB-Mid-server-abc',
      STRIPE_SECRET_KEY: 'sk_test_1',
      STRIPE_WEBHOOK_SECRET: 'whsec_1',
      STRIPE_API_HOST: '127.0.0.1',
      STRIPE_API_PORT: '12111',
      STRIPE_API_PROTOCOL: 'http',
    });
    expect(config).toEqual({
      manual: { bankName: 'Mandiri', accountNumber: '999', accountHolder: 'PT X' },
      midtrans: { serverKey: 'SB-Mid-server-abc', baseUrl: 'https://app.sandbox.midtrans.com' },
      stripe: { secretKey: 'sk_test_1', webhookSecret: 'whsec_1', host: '127.0.0.1', port: 12111, protocol: 'http' },
    });
    const providers = createProviders(config);
    expect([...providers.keys()]).toEqual(['MANUAL_TRANSFER', 'MIDTRANS', 'STRIPE']);
    for (const [name, provider] of providers) expect(provider.name).toBe(name);
  });

  it('rejects half-configured Stripe and bad port/protocol values', () => {
    expect(() => paymentsConfigFromEnv({ STRIPE_SECRET_KEY: 'sk_test_1' })).toThrow(/STRIPE_WEBHOOK_SECRET/);
    const stripe = { STRIPE_SECRET_KEY: 'sk_test_1', STRIPE_WEBHOOK_SECRET: 'whsec_1' };
    expect(() => paymentsConfigFromEnv({ ...stripe, STRIPE_API_PORT: 'abc' })).toThrow(/STRIPE_API_PORT/);
    expect(() => paymentsConfigFromEnv({ ...stripe, STRIPE_API_PROTOCOL: 'ftp' })).toThrow(/STRIPE_API_PROTOCOL/);
  });
});
