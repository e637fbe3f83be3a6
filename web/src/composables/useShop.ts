import { useMutation, useQuery, useSubscription } from '@vue/apollo-composable';
import { computed, unref, watch, type MaybeRef, type Ref } from 'vue';
import { graphql } from '@/gql';
import type { CheckoutInput, OrderAction, OrderStatus, PaymentFieldsFragment, PaymentProvider } from '@/gql/graphql';
import { toAppError } from '@/lib/errors';
import { useSessionStore } from '@/stores/session';
import { useBusy, useQueryError } from './useBusy';

/** A store product as the store page and the cart show it. */
export const StoreProductFragment = graphql(`
  fragment StoreProductFields on Listing {
    id
    title
    kind
    status
    price
    stock
    lowStockThreshold
    featured
    weightGrams
    thumbnail {
      id
      thumbnailUrl
    }
    store {
      id
      slug
      name
    }
  }
`);

export const OrderFragment = graphql(`
  fragment OrderFields on Order {
    id
    number
    status
    subtotal
    shippingCost
    total
    chargeableKg
    distanceKm
    expiresAt
    createdAt
    paidAt
    shippedAt
    deliveredAt
    confirmBy
    deliveredBy
    updatedAt
    trackingNumber
    buyer {
      id
      displayName
    }
    items {
      id
      title
      quantity
      unitPrice
      listing {
        id
      }
    }
    store {
      id
      slug
      name
      phone
    }
    shippingService {
      id
      code
      name
      courier
      eta
    }
    destination {
      code
      name
    }
  }
`);

/** The cart as every cart query and mutation returns it (the mutations' result replaces the cached cart). */
export const CartFragment = graphql(`
  fragment CartFields on Cart {
    items
    subtotal
    lines {
      quantity
      lineTotal
      listing {
        ...StoreProductFields
      }
    }
  }
`);

export const StoreDocument = graphql(`
  query Store($slug: String!, $first: Int!) {
    store(slug: $slug) {
      ...StoreProfileFields
      products(first: $first) {
        ...StoreProductFields
      }
    }
  }
`);

export const CartDocument = graphql(`
  query Cart {
    cart {
      ...CartFields
    }
  }
`);

export const AddToCartDocument = graphql(`
  mutation AddToCart($listingId: ID!, $quantity: Int!) {
    addToCart(listingId: $listingId, quantity: $quantity) {
      ...CartFields
    }
  }
`);

export const UpdateCartItemDocument = graphql(`
  mutation UpdateCartItem($listingId: ID!, $quantity: Int!) {
    updateCartItem(listingId: $listingId, quantity: $quantity) {
      ...CartFields
    }
  }
`);

export const ShippingServicesDocument = graphql(`
  query ShippingServices {
    shippingServices {
      id
      code
      name
      courier
      eta
    }
  }
`);

export const ShippingQuoteDocument = graphql(`
  query ShippingQuote($storeId: ID!, $cityCode: ID!, $shippingServiceId: ID!) {
    shippingQuote(storeId: $storeId, cityCode: $cityCode, shippingServiceId: $shippingServiceId) {
      chargeableKg
      distanceKm
      base
      weightCost
      distanceCost
      total
      service {
        id
        code
      }
    }
  }
`);

export const CheckoutDocument = graphql(`
  mutation Checkout($input: CheckoutInput!) {
    checkout(input: $input) {
      ...OrderFields
    }
  }
`);

export const OrderDocument = graphql(`
  query Order($id: ID!) {
    order(id: $id) {
      ...OrderFields
      payment {
        ...PaymentFields
      }
    }
  }
`);

export const MyOrdersDocument = graphql(`
  query MyOrders($first: Int!) {
    myOrders(first: $first) {
      ...OrderFields
    }
  }
`);

/** A store's profile as its owner and staff see it (the store pages under /toko-saya). */
export const StoreProfileFragment = graphql(`
  fragment StoreProfileFields on Store {
    id
    slug
    name
    address
    phone
    hours
    color
    logo {
      id
      url
      thumbnailUrl
    }
    city {
      code
      name
      province
    }
    owner {
      id
      displayName
    }
  }
`);

export const MyStoresDocument = graphql(`
  query MyStores {
    myStores {
      ...StoreProfileFields
    }
  }
`);

/**
 * The desk's orders, with the latest payment's transfer receipt (`proof`, visible to the store's
 * staff) to check before confirming a manual transfer; well within the API's depth limit (10).
 */
export const StoreOrdersDocument = graphql(`
  query StoreOrders($storeId: ID!, $status: OrderStatus, $first: Int!) {
    storeOrders(storeId: $storeId, status: $status, first: $first) {
      ...OrderFields
      payment {
        id
        provider
        status
        proof {
          id
          url
          thumbnailUrl
        }
      }
    }
  }
`);

export const StoreLowStockDocument = graphql(`
  query StoreLowStock($storeId: ID!) {
    storeLowStock(storeId: $storeId) {
      id
      title
      stock
      lowStockThreshold
      supplier {
        id
        name
      }
    }
  }
`);

export const StoreAnalyticsDocument = graphql(`
  query StoreAnalytics($storeId: ID!) {
    storeAnalytics(storeId: $storeId) {
      todaySales
      todayOrders
      monthSales
      monthOrders
      bestSellers {
        title
        quantity
        revenue
      }
    }
  }
`);

export const UpdateOrderDocument = graphql(`
  mutation UpdateOrder($orderId: ID!, $action: OrderAction!, $trackingNumber: String) {
    updateOrder(orderId: $orderId, action: $action, trackingNumber: $trackingNumber) {
      ...OrderFields
    }
  }
`);

export const ConfirmOrderPaymentDocument = graphql(`
  mutation ConfirmOrderPayment($orderId: ID!) {
    confirmOrderPayment(orderId: $orderId) {
      ...OrderFields
    }
  }
`);

export const PayOrderDocument = graphql(`
  mutation PayOrder($orderId: ID!, $provider: PaymentProvider!) {
    payOrder(orderId: $orderId, provider: $provider) {
      ...PaymentFields
    }
  }
`);

export const OpenSupportConversationDocument = graphql(`
  mutation OpenSupportConversation($storeId: ID!) {
    openSupportConversation(storeId: $storeId) {
      id
    }
  }
`);

export const OrderUpdatedDocument = graphql(`
  subscription OrderUpdated {
    orderUpdated {
      ...OrderFields
    }
  }
`);

export const STORE_PAGE_SIZE = 50;
export const ORDERS_PAGE_SIZE = 30;

export function useStorePage(slug: Ref<string>) {
  const q = useQuery(StoreDocument, () => ({ slug: slug.value, first: STORE_PAGE_SIZE }), () => ({ enabled: !!slug.value }));
  const store = computed(() => q.result.value?.store ?? null);
  const error = computed(() => (q.error.value ? toAppError(q.error.value) : null));
  const notFound = computed(() => error.value?.code === 'NOT_FOUND');
  return { store, loading: q.loading, error, notFound, refetch: () => q.refetch() };
}

/** The cart and its mutations (each returns the new cart, which replaces the cached one). */
export function useCart(enabled: MaybeRef<boolean> = true) {
  const q = useQuery(CartDocument, {}, () => ({ enabled: unref(enabled) }));
  const cart = computed(() => q.result.value?.cart ?? null);
  const { busy, error: actionError, run } = useBusy();
  const add = useMutation(AddToCartDocument, {
    update(cache, { data }) {
      if (data) cache.writeQuery({ query: CartDocument, data: { cart: data.addToCart } });
    },
  });
  const upd = useMutation(UpdateCartItemDocument, {
    update(cache, { data }) {
      if (data) cache.writeQuery({ query: CartDocument, data: { cart: data.updateCartItem } });
    },
  });
  async function addToCart(listingId: string, quantity = 1): Promise<boolean> {
    return !!(await run(`add-${listingId}`, () => add.mutate({ listingId, quantity })));
  }
  async function setQuantity(listingId: string, quantity: number): Promise<boolean> {
    return !!(await run(`set-${listingId}`, () => upd.mutate({ listingId, quantity })));
  }
  const error = computed(() => (q.error.value ? toAppError(q.error.value) : null));
  return { cart, loading: q.loading, error, refetch: () => q.refetch(), busy, actionError, addToCart, setQuantity };
}

export function useShippingServices() {
  const q = useQuery(ShippingServicesDocument);
  return { services: computed(() => q.result.value?.shippingServices ?? []), loading: q.loading };
}

export function useCheckout() {
  const { mutate } = useMutation(CheckoutDocument, { refetchQueries: [{ query: CartDocument }] });
  const { busy, error, run } = useBusy();
  async function checkout(input: CheckoutInput) {
    const r = await run('checkout', () => mutate({ input }));
    return r?.data?.checkout ?? null;
  }
  return { checkout, busy, error };
}

/** Follows orderUpdated: the payload is normalised into the cache (Order:id), so open pages update. */
export function useOrderLive(enabled: MaybeRef<boolean> = true, onEvent?: (status: OrderStatus) => void) {
  const sub = useSubscription(OrderUpdatedDocument, {}, () => ({ enabled: unref(enabled) }));
  watch(sub.result, (r) => {
    if (r?.orderUpdated) onEvent?.(r.orderUpdated.status);
  });
}

export function useOrder(id: Ref<string>) {
  const q = useQuery(OrderDocument, () => ({ id: id.value }), () => ({ enabled: !!id.value }));
  useOrderLive();
  const order = computed(() => q.result.value?.order ?? null);
  const error = computed(() => (q.error.value ? toAppError(q.error.value) : null));
  const notFound = computed(() => error.value?.code === 'NOT_FOUND' || error.value?.code === 'FORBIDDEN');
  const actions = useOrderActions();
  return { order, loading: q.loading, error, notFound, refetch: () => q.refetch(), ...actions };
}

/**
 * The buyer pays an order (payOrder). The new attempt becomes the order's `payment` in the
 * cache at once (the Order query reads it, so a reload resumes it); a paid order arrives
 * through orderUpdated.
 */
export function useOrderPayment(orderId: Ref<string>) {
  const { mutate } = useMutation(PayOrderDocument, {
    update(cache, { data }, { variables }) {
      const payment = data?.payOrder;
      if (!payment || !variables?.orderId) return;
      cache.modify({
        id: cache.identify({ __typename: 'Order', id: variables.orderId }),
        fields: { payment: (_, { toReference }) => toReference({ __typename: 'Payment', id: payment.id }) ?? null },
      });
    },
  });
  const { busy, error, run } = useBusy();
  async function pay(provider: PaymentProvider): Promise<PaymentFieldsFragment | null> {
    const r = await run('pay', () => mutate({ orderId: orderId.value, provider }));
    return r?.data?.payOrder ?? null;
  }
  return { pay, busy, error };
}

export function useMyOrders() {
  const q = useQuery(MyOrdersDocument, { first: ORDERS_PAGE_SIZE });
  useOrderLive();
  const error = computed(() => (q.error.value ? toAppError(q.error.value) : null));
  return { orders: computed(() => q.result.value?.myOrders ?? []), loading: q.loading, error, refetch: () => q.refetch() };
}

export function useOrderActions() {
  const upd = useMutation(UpdateOrderDocument);
  const confirm = useMutation(ConfirmOrderPaymentDocument);
  const { busy, error, run } = useBusy();
  async function act(orderId: string, action: OrderAction, trackingNumber?: string): Promise<boolean> {
    return !!(await run(`${action}-${orderId}`, () => upd.mutate({ orderId, action, trackingNumber: trackingNumber ?? null })));
  }
  async function confirmPayment(orderId: string): Promise<boolean> {
    return !!(await run(`CONFIRM-${orderId}`, () => confirm.mutate({ orderId })));
  }
  return { act, confirmPayment, busy, actionError: error };
}

/** The order desk of one store (the store itself comes from useCurrentStore). */
export function useStoreDesk(storeId: Ref<string | null>, status: Ref<OrderStatus | null>) {
  const enabled = () => ({ enabled: !!storeId.value });
  const orders = useQuery(StoreOrdersDocument, () => ({ storeId: storeId.value ?? '', status: status.value, first: 50 }), () => ({
    ...enabled(),
    fetchPolicy: 'cache-and-network' as const,
  }));
  const low = useStoreLowStock(storeId);
  const analytics = useQuery(StoreAnalyticsDocument, () => ({ storeId: storeId.value ?? '' }), enabled);
  // A new or moved order changes the tabs' lists and the figures: refetch them.
  useOrderLive(
    computed(() => !!storeId.value),
    () => {
      void orders.refetch();
      void low.refetch();
      void analytics.refetch();
    },
  );
  const error = computed(() => (orders.error.value ? toAppError(orders.error.value) : null));
  return {
    orders: computed(() => orders.result.value?.storeOrders ?? []),
    ordersLoading: orders.loading,
    lowStock: low.lowStock,
    analytics: computed(() => analytics.result.value?.storeAnalytics ?? null),
    error,
    refetch: () => void orders.refetch(),
    ...useOrderActions(),
  };
}

/** Staff: the store's products at or below their low-stock threshold. */
export function useStoreLowStock(storeId: Ref<string | null>) {
  const q = useQuery(StoreLowStockDocument, () => ({ storeId: storeId.value ?? '' }), () => ({ enabled: !!storeId.value }));
  const { appError } = useQueryError(q.error);
  return {
    lowStock: computed(() => q.result.value?.storeLowStock ?? []),
    loading: computed(() => q.loading.value && !q.result.value),
    error: appError,
    refetch: () => q.refetch()?.catch(() => undefined),
  };
}

export function useSupportChat() {
  const { mutate } = useMutation(OpenSupportConversationDocument);
  const { busy, error, run } = useBusy();
  async function open(storeId: string): Promise<string | null> {
    const r = await run('support', () => mutate({ storeId }));
    return r?.data?.openSupportConversation.id ?? null;
  }
  return { open, busy, error };
}

export type OrderDocumentKind = 'invoice' | 'label';

/** Downloads /orders/<id>/invoice.pdf or label.pdf with the session's token (a blob saved through a link). */
export function useOrderDocuments() {
  const session = useSessionStore();
  const { busy, error, run } = useBusy();
  async function fetchPdf(orderId: string, kind: OrderDocumentKind): Promise<Blob | null> {
    return run(`${kind}-${orderId}`, async () => {
      const token = await session.getAccessToken();
      const res = await fetch(`/orders/${encodeURIComponent(orderId)}/${kind}.pdf`, {
        headers: token ? { Authorization: `Bearer ${token}` } : {},
      });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      return res.blob();
    });
  }
  async function download(orderId: string, kind: OrderDocumentKind, fileName: string): Promise<boolean> {
    const blob = await fetchPdf(orderId, kind);
    if (!blob) return false;
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    return true;
  }
  async function print(orderId: string, kind: OrderDocumentKind): Promise<boolean> {
    const blob = await fetchPdf(orderId, kind);
    if (!blob) return false;
    const url = URL.createObjectURL(blob);
    const w = window.open(url, '_blank');
    w?.addEventListener('load', () => w.print());
    return true;
  }
  return { download, print, busy, error };
}
