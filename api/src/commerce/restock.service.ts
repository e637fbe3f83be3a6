import { applyRestockEvent, validateReceived } from '@pasar/domain';
import { LockMode } from '@mikro-orm/postgresql';
import { isUuid } from '../catalog/listing.service.js';
import { Listing } from '../catalog/listing.entity.js';
import type { AuthedContext } from '../core/context.js';
import { badInput, forbidden, notFound } from '../core/graphql/errors.js';
import { Role, User } from '../identity/user.entity.js';
import { RestockItem, RestockOrder, Supplier } from './restock.entity.js';
import { Store, storeStaffIds } from './store.entity.js';

/**
 * Suppliers and restock orders (PRODUCT §6): staff order from a supplier; receiving the
 * order (possibly short) raises each product's stock by the received quantity, once.
 */
export class RestockService {
  /** Adds a supplier to a store (staff). */
  async addSupplier(ctx: AuthedContext, storeId: string, input: { name: string; phone?: string | null; email?: string | null }): Promise<Supplier> {
    const store = await this.staffed(ctx, storeId);
    const name = input.name.trim();
    if (name.length < 2 || name.length > 120) throw badInput('The supplier name must be 2–120 characters.', 'name');
    const supplier = new Supplier(ctx.em.getReference(Store, store.id, { wrapped: true }), name, input.phone?.trim() || undefined, input.email?.trim() || undefined);
    await ctx.em.persistAndFlush(supplier);
    return supplier;
  }

  /** A store's suppliers (staff). */
  async suppliers(ctx: AuthedContext, storeId: string): Promise<Supplier[]> {
    const store = await this.staffed(ctx, storeId);
    return ctx.em.find(Supplier, { store: store.id }, { orderBy: { name: 'asc' } });
  }

  /** Orders products of the store from one of its suppliers (quantities 1–100000). */
  async create(ctx: AuthedContext, storeId: string, supplierId: string, lines: { listingId: string; quantity: number }[]): Promise<RestockOrder> {
    const store = await this.staffed(ctx, storeId);
    const supplier = isUuid(supplierId) ? await ctx.em.findOne(Supplier, { id: supplierId, store: store.id }) : null;
    if (!supplier) throw badInput('Unknown supplier of this store.', 'supplierId');
    if (!lines.length || lines.length > 100) throw badInput('Order 1–100 products.', 'lines');
    const listings = await ctx.em.find(Listing, { id: { $in: lines.map((l) => l.listingId).filter(isUuid) }, store: store.id });
    lines.forEach((l, i) => {
      if (!listings.some((x) => x.id === l.listingId)) throw badInput('Not a product of this store.', `lines.${i}.listingId`);
      if (!Number.isInteger(l.quantity) || l.quantity < 1 || l.quantity > 100_000) throw badInput('Quantity 1–100000.', `lines.${i}.quantity`);
    });
    const order = new RestockOrder(ctx.em.getReference(Store, store.id, { wrapped: true }), ctx.em.getReference(Supplier, supplier.id, { wrapped: true }), ctx.em.getReference(User, ctx.user.id, { wrapped: true }));
    ctx.em.persist(order);
    for (const l of lines) ctx.em.persist(new RestockItem(ctx.em.getReference(RestockOrder, order.id, { wrapped: true }), ctx.em.getReference(Listing, l.listingId, { wrapped: true }), l.quantity));
    await ctx.em.flush();
    return order;
  }

  /** Receives a restock order: each line's received quantity (0..ordered; default all) raises stock. Once only. */
  async receive(ctx: AuthedContext, restockId: string, received: { itemId: string; quantity: number }[] | null): Promise<RestockOrder> {
    await ctx.em.transactional(async (em) => {
      const order = isUuid(restockId) ? await em.findOne(RestockOrder, restockId, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
      if (!order) throw notFound('Restock order');
      await this.staffed({ ...ctx, em }, order.store.id);
      order.status = applyRestockEvent(order.status, 'RECEIVE');
      order.receivedAt = new Date();
      const items = (await em.find(RestockItem, { restock: order.id })).sort((a, b) => (a.listing.id < b.listing.id ? -1 : a.listing.id > b.listing.id ? 1 : 0));
      const quantities = items.map((i) => received?.find((r) => r.itemId === i.id)?.quantity ?? i.quantityOrdered);
      validateReceived(items.map((i, k) => ({ ordered: i.quantityOrdered, received: quantities[k] })));
      for (const [k, item] of items.entries()) {
        item.quantityReceived = quantities[k];
        if (quantities[k] > 0) await em.execute(`update listings set stock = coalesce(stock, 0) + ?, version = version + 1, updated_at = now() where id = ?`, [quantities[k], item.listing.id]);
      }
    });
    return ctx.em.fork().findOneOrFail(RestockOrder, restockId);
  }

  /** Cancels an ORDERED restock order. */
  async cancel(ctx: AuthedContext, restockId: string): Promise<RestockOrder> {
    const order = isUuid(restockId) ? await ctx.em.findOne(RestockOrder, restockId) : null;
    if (!order) throw notFound('Restock order');
    await this.staffed(ctx, order.store.id);
    order.status = applyRestockEvent(order.status, 'CANCEL');
    await ctx.em.flush();
    return order;
  }

  /** A store's restock orders, newest first (staff). */
  async list(ctx: AuthedContext, storeId: string): Promise<RestockOrder[]> {
    const store = await this.staffed(ctx, storeId);
    return ctx.em.find(RestockOrder, { store: store.id }, { orderBy: { createdAt: 'desc' }, limit: 100 });
  }

  private async staffed(ctx: AuthedContext, storeId: string): Promise<Store> {
    const store = isUuid(storeId) ? await ctx.em.findOne(Store, storeId) : null;
    if (!store) throw notFound('Store');
    if (ctx.user.role !== Role.ADMIN && !(await storeStaffIds(ctx.em, store)).includes(ctx.user.id)) throw forbidden('Only the store\'s staff can do that.');
    return store;
  }
}
