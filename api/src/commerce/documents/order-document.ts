/**
 * The data behind an order's printable documents (invoice, shipping label), PRODUCT.md §6.
 * Pure data: the API builds it from the database; the renderers never touch I/O.
 * Money is whole rupiah (safe integers); dates are instants, shown in WIB.
 */
export interface OrderDocument {
  orderId: string;
  /** e.g. "PSR-20261121-0001" */
  orderNumber: string;
  createdAt: Date;
  paidAt?: Date | null;
  status: string;
  store: { name: string; address: string; city: string; phone?: string | null };
  buyer: { name: string; email: string; phone?: string | null };
  shipTo: {
    recipient: string;
    phone: string;
    address: string;
    city: string;
    province: string;
    postalCode?: string | null;
  };
  lines: { title: string; sku?: string | null; quantity: number; unitPrice: number; lineTotal: number }[];
  subtotal: number;
  shippingCost: number;
  total: number;
  shipping: {
    courier: string;
    service: string;
    chargeableKg: number;
    distanceKm: number;
    trackingNumber?: string | null;
  };
  payment?: { provider: string; reference?: string | null } | null;
}
