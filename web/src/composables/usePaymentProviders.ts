import { useQuery } from '@vue/apollo-composable';
import { computed } from 'vue';
import type { PaymentProvider } from '@/gql/graphql';
import { PaymentProvidersDocument } from '@/graphql/payment';

/**
 * Providers the web app can take a payment through. STRIPE is left out: paying a
 * PaymentIntent needs Stripe.js, which only loads from js.stripe.com, and the app loads no
 * script from another origin.
 */
export const WEB_PAYMENT_PROVIDERS = ['MANUAL_TRANSFER', 'MIDTRANS'] as const satisfies readonly PaymentProvider[];
export type WebPaymentProvider = (typeof WEB_PAYMENT_PROVIDERS)[number];

export const isWebPaymentProvider = (p: PaymentProvider): p is WebPaymentProvider => (WEB_PAYMENT_PROVIDERS as readonly string[]).includes(p);

/**
 * The providers to offer: the server's (`paymentProviders`, in its order) that the web app
 * supports. MANUAL_TRANSFER is always configured, so it is offered while the list loads and
 * if it cannot be loaded.
 */
export function usePaymentProviders() {
  const q = useQuery(PaymentProvidersDocument);
  const providers = computed<WebPaymentProvider[]>(() => {
    const listed = (q.result.value?.paymentProviders ?? []).filter(isWebPaymentProvider);
    return listed.includes('MANUAL_TRANSFER') ? listed : ['MANUAL_TRANSFER', ...listed];
  });
  return { providers, loading: computed(() => q.loading.value && !q.result.value), refetch: () => q.refetch()?.catch(() => undefined) };
}
