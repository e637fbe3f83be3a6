import type { EntityManager } from '@mikro-orm/postgresql';
import type { ReferenceService } from '../catalog/reference.service.js';
import { Payment } from '../payments/payment.entity.js';
import type { OrderDocument } from './documents/order-document.js';
import type { Order } from './order.entity.js';
import { ShippingService } from './shipping-service.entity.js';
import { Store } from './store.entity.js';

/** Builds the data of an order's invoice and label from the database (PRODUCT §6). */
export async function orderDocument(em: EntityManager, order: Order, reference: ReferenceService): Promise<OrderDocument> {
  const [store, service, items, buyer, payment] = await Promise.all([
    em.findOneOrFail(Store, order.store.id),
    em.findOneOrFail(ShippingService, order.shippingService.id),
    order.items.load().then((c) => c.getItems()),
    order.buyer.load(),
    em.findOne(Payment, { subjectType: 'ORDER', subjectId: order.id }, { orderBy: { createdAt: 'desc' } }),
  ]);
  const storeCity = reference.city(store.city.unwrap().code);
  const dest = reference.city(order.shipTo.cityCode);
  return {
    orderId: order.id,
    orderNumber: order.number,
    createdAt: order.createdAt,
    paidAt: order.paidAt ?? null,
    status: order.status,
    store: { name: store.name, address: store.address, city: storeCity?.name ?? '', phone: store.phone ?? null },
    buyer: { name: buyer!.displayName, email: buyer!.email, phone: buyer!.phone ?? null },
    shipTo: { recipient: order.shipTo.recipient, phone: order.shipTo.phone, address: order.shipTo.address, city: dest?.name ?? '', province: dest?.province ?? '', postalCode: order.shipTo.postalCode ?? null },
    lines: items.map((i) => ({ title: i.title, quantity: i.quantity, unitPrice: i.unitPrice, lineTotal: i.unitPrice * i.quantity })),
    subtotal: order.subtotal,
    shippingCost: order.shippingCost,
    total: order.total,
    shipping: { courier: service.courier, service: service.name, chargeableKg: order.chargeableKg, distanceKm: order.distanceKm, trackingNumber: order.trackingNumber ?? null },
    payment: payment ? { provider: payment.provider, reference: payment.id } : null,
  };
}
