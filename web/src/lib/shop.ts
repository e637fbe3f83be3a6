import type { OrderStatus } from '@/gql/graphql';

export interface CartLineLike {
  quantity: number;
  lineTotal: number;
  listing: { id: string; store?: { id: string; slug: string; name: string } | null };
}

export interface CartGroup<L extends CartLineLike> {
  storeId: string;
  storeSlug: string;
  storeName: string;
  lines: L[];
  subtotal: number;
  items: number;
}

/** Cart lines grouped by store (checkout is per store), in the order stores first appear. */
export function groupCartByStore<L extends CartLineLike>(lines: readonly L[]): CartGroup<L>[] {
  const groups = new Map<string, CartGroup<L>>();
  for (const line of lines) {
    const s = line.listing.store;
    const key = s?.id ?? '';
    let g = groups.get(key);
    if (!g) {
      g = { storeId: key, storeSlug: s?.slug ?? '', storeName: s?.name ?? '', lines: [], subtotal: 0, items: 0 };
      groups.set(key, g);
    }
    g.lines.push(line);
    g.subtotal += line.lineTotal;
    g.items += line.quantity;
  }
  return [...groups.values()];
}

/** Checkout totals: the store's cart subtotal plus the chosen service's quoted shipping (null until quoted). */
export function checkoutTotal(subtotal: number, shipping: number | null | undefined): number | null {
  return typeof shipping === 'number' ? subtotal + shipping : null;
}

/** The happy path of an order, for the timeline. */
export const ORDER_STEPS: OrderStatus[] = ['PENDING_PAYMENT', 'PAID', 'PROCESSING', 'SHIPPED', 'DELIVERED', 'COMPLETED'];

/** Index of a status on the timeline (-1 for CANCELLED / REFUNDED). */
export function orderStepIndex(status: OrderStatus): number {
  return ORDER_STEPS.indexOf(status);
}

export type DeskAction = 'CONFIRM' | 'START_PROCESSING' | 'SHIP' | 'DELIVER' | 'CANCEL' | 'REFUND';

/** What store staff may do with an order in a status (the API's order table). */
export function deskActions(status: OrderStatus): DeskAction[] {
  switch (status) {
    case 'PENDING_PAYMENT':
      return ['CONFIRM', 'CANCEL'];
    case 'PAID':
      return ['START_PROCESSING', 'CANCEL', 'REFUND'];
    case 'PROCESSING':
      return ['SHIP', 'CANCEL', 'REFUND'];
    case 'SHIPPED':
      return ['DELIVER'];
    default:
      return [];
  }
}

/** What the buyer may do: cancel while unpaid, complete once delivered. */
export function buyerActions(status: OrderStatus): ('CANCEL' | 'COMPLETE')[] {
  if (status === 'PENDING_PAYMENT') return ['CANCEL'];
  if (status === 'DELIVERED') return ['COMPLETE'];
  return [];
}

/** Milliseconds left to pay (0 when past). */
export function paymentMsLeft(expiresAt: string, now: number): number {
  const t = Date.parse(expiresAt);
  return Number.isFinite(t) ? Math.max(0, t - now) : 0;
}

/** "29:05" */
export function formatCountdown(ms: number): string {
  const s = Math.ceil(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/**
 * Desk actions that move money back to the buyer and so are confirmed first, stating the
 * amount: a refund, and cancelling an order that is already paid.
 */
export function movesMoney(action: DeskAction, status: OrderStatus): boolean {
  return action === 'REFUND' || (action === 'CANCEL' && status !== 'PENDING_PAYMENT');
}
