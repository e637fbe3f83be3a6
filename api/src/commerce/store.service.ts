import type { EntityManager } from '@mikro-orm/postgresql';
import { isUuid } from '../catalog/listing.service.js';
import { Listing } from '../catalog/listing.entity.js';
import { ListingKind, ListingStatus } from '../catalog/listing.enums.js';
import { City } from '../catalog/city.entity.js';
import { Photo } from '../catalog/photo.entity.js';
import type { ReferenceService } from '../catalog/reference.service.js';
import type { ChatService } from '../chat/chat.service.js';
import { Conversation, ConversationKind } from '../chat/conversation.entity.js';
import { memo, type AuthedContext, type Context } from '../core/context.js';
import { badInput, conflict, forbidden, notFound } from '../core/graphql/errors.js';
import { Role, User } from '../identity/user.entity.js';
import { Order, type OrderStatus } from './order.entity.js';
import { Supplier } from './restock.entity.js';
import { Store, StoreStaff, storeStaffIds } from './store.entity.js';

/** A store profile as given to createStore / updateStore (StoreInput); logoPhotoId: undefined keeps, null removes. */
type StoreFields = { name: string; slug: string; address: string; cityCode: string; phone?: string | null; hours?: string | null; color?: string | null; logoPhotoId?: string | null };

const SLUG = /^[a-z0-9](?:[a-z0-9-]{1,38}[a-z0-9])$/;

/** Store sales figures for staff (PRODUCT §6): Jakarta days and months, rupiah. */
export interface StoreAnalytics {
  todaySales: number;
  todayOrders: number;
  monthSales: number;
  monthOrders: number;
  bestSellers: { listingId: string; title: string; quantity: number; revenue: number }[];
}

/**
 * Store profiles and the store side of orders (PRODUCT §6, seed 003): opening and editing a
 * store, its staff, its products, the order desk, low stock, sales figures and support chat.
 */
export class StoreService {
  constructor(private readonly reference: ReferenceService, private readonly chat: ChatService) {}

  /** Opens a store owned by the caller (one per member). */
  async create(ctx: AuthedContext, input: StoreFields): Promise<Store> {
    const fields = this.validate(input);
    if (await ctx.em.count(Store, { owner: ctx.user.id })) throw conflict('You already have a store.');
    if (await ctx.em.count(Store, { slug: fields.slug })) throw conflict('This address is taken.', 'slug');
    const store = new Store({ ...fields, owner: ctx.em.getReference(User, ctx.user.id, { wrapped: true }), city: ctx.em.getReference(City, fields.cityCode, { wrapped: true }) });
    if (input.logoPhotoId) store.logo = await this.logo(ctx, input.logoPhotoId);
    await ctx.em.persistAndFlush(store);
    return store;
  }

  /** Changes a store's profile (its owner or an admin). */
  async update(ctx: AuthedContext, storeId: string, input: StoreFields): Promise<Store> {
    const store = await this.owned(ctx, storeId);
    const fields = this.validate(input);
    if (fields.slug !== store.slug && (await ctx.em.count(Store, { slug: fields.slug }))) throw conflict('This address is taken.', 'slug');
    Object.assign(store, { ...fields, city: ctx.em.getReference(City, fields.cityCode, { wrapped: true }) });
    if (input.logoPhotoId !== undefined) store.logo = input.logoPhotoId ? await this.logo(ctx, input.logoPhotoId) : undefined;
    await ctx.em.flush();
    return store;
  }

  /** Adds a member (by email) to the store's staff; owner or admin only. */
  async addStaff(ctx: AuthedContext, storeId: string, email: string): Promise<Store> {
    const store = await this.owned(ctx, storeId);
    const user = await ctx.em.findOne(User, { email: email.trim().toLowerCase() });
    if (!user) throw badInput('No member has this email.', 'email');
    if (user.id !== store.owner.id && !(await ctx.em.count(StoreStaff, { store: store.id, user: user.id }))) {
      ctx.em.persist(new StoreStaff(ctx.em.getReference(Store, store.id, { wrapped: true }), ctx.em.getReference(User, user.id, { wrapped: true })));
      await ctx.em.flush();
    }
    return store;
  }

  /** Puts one of the caller's SALE listings in their store (or takes it out with storeId null), with its low-stock threshold and featured flag. */
  async setProduct(ctx: AuthedContext, listingId: string, storeId: string | null, lowStockThreshold: number | null, featured: boolean, supplierId: string | null = null): Promise<Listing> {
    const listing = isUuid(listingId) ? await ctx.em.findOne(Listing, listingId) : null;
    if (!listing || listing.seller.id !== ctx.user.id) throw notFound('Listing');
    if (listing.kind !== 'SALE') throw badInput('Only SALE listings are store products.', 'listingId');
    if (lowStockThreshold != null && (!Number.isInteger(lowStockThreshold) || lowStockThreshold < 0)) throw badInput('The threshold is a whole number ≥ 0.', 'lowStockThreshold');
    const store = storeId ? await this.owned(ctx, storeId) : null;
    if (supplierId != null) {
      const supplier = store && isUuid(supplierId) ? await ctx.em.findOne(Supplier, { id: supplierId, store: store.id }) : null;
      if (!supplier) throw badInput('Choose one of your store\'s suppliers.', 'supplierId');
    }
    listing.store = store ? ctx.em.getReference(Store, store.id, { wrapped: true }) : undefined;
    listing.supplier = supplierId != null ? ctx.em.getReference(Supplier, supplierId, { wrapped: true }) : undefined;
    listing.lowStockThreshold = lowStockThreshold ?? undefined;
    listing.featured = featured;
    await ctx.em.flush();
    return listing;
  }

  /** Ids of the stores the caller owns or staffs (once per request). */
  staffedStoreIds(ctx: Context): Promise<Set<string>> {
    const userId = ctx.user?.id;
    if (!userId) return Promise.resolve(new Set());
    return memo(ctx, 'staffedStoreIds', async () => {
      const rows = await ctx.em.getConnection().execute<{ id: string }[]>(
        `select id from stores where owner_id = ? union select store_id from store_staff where user_id = ?`, [userId, userId]);
      return new Set(rows.map((r) => r.id));
    });
  }

  /** Stores the caller owns or staffs. */
  async mine(ctx: AuthedContext): Promise<Store[]> {
    const staffed = (await ctx.em.find(StoreStaff, { user: ctx.user.id })).map((s) => s.store.id);
    return ctx.em.find(Store, { $or: [{ owner: ctx.user.id }, { id: { $in: staffed } }] }, { orderBy: { name: 'asc' } });
  }

  /** The store's ACTIVE products, featured first. */
  products(em: EntityManager, store: Store, first: number): Promise<Listing[]> {
    return em.find(Listing, { store: store.id, status: ListingStatus.ACTIVE, kind: ListingKind.SALE }, { orderBy: { featured: 'desc', createdAt: 'desc' }, limit: Math.min(Math.max(first, 1), 100) });
  }

  /** Staff: the order desk, newest first, optionally one status. */
  async orders(ctx: AuthedContext, storeId: string, status: OrderStatus | null | undefined, first: number): Promise<Order[]> {
    const store = await this.staffed(ctx, storeId);
    return ctx.em.find(Order, { store: store.id, ...(status ? { status } : {}) }, { orderBy: { createdAt: 'desc' }, limit: Math.min(Math.max(first, 1), 100) });
  }

  /** Staff: products at or below their low-stock threshold. */
  async lowStock(ctx: AuthedContext, storeId: string): Promise<Listing[]> {
    const store = await this.staffed(ctx, storeId);
    const rows = await ctx.em.getConnection().execute<{ id: string }[]>(
      `select id from listings where store_id = ? and kind = 'SALE' and status in ('ACTIVE', 'DRAFT') and low_stock_threshold is not null and stock <= low_stock_threshold order by stock, title`,
      [store.id],
    );
    return ctx.em.find(Listing, { id: { $in: rows.map((r) => r.id) } }, { orderBy: { stock: 'asc' } });
  }

  /** Staff and admins: today's and this month's sales (paid orders, Jakarta time) and best sellers this month. */
  async analytics(ctx: AuthedContext, storeId: string): Promise<StoreAnalytics> {
    const store = await this.staffed(ctx, storeId);
    const wib = `((o.created_at at time zone 'UTC') + interval '7 hours')`;
    const nowWib = `((now() at time zone 'UTC') + interval '7 hours')`;
    const paid = `o.status in ('PAID', 'PROCESSING', 'SHIPPED', 'DELIVERED', 'COMPLETED')`;
    const conn = ctx.em.getConnection();
    const [sums] = await conn.execute<Record<string, string>[]>(
      `select coalesce(sum(o.total) filter (where date_trunc('day', ${wib}) = date_trunc('day', ${nowWib})), 0) as today_sales,
              count(*) filter (where date_trunc('day', ${wib}) = date_trunc('day', ${nowWib})) as today_orders,
              coalesce(sum(o.total) filter (where date_trunc('month', ${wib}) = date_trunc('month', ${nowWib})), 0) as month_sales,
              count(*) filter (where date_trunc('month', ${wib}) = date_trunc('month', ${nowWib})) as month_orders
         from orders o where o.store_id = ? and ${paid}`, [store.id]);
    const best = await conn.execute<{ listing_id: string; title: string; quantity: string; revenue: string }[]>(
      `select i.listing_id, max(i.title) as title, sum(i.quantity) as quantity, sum(i.quantity * i.unit_price) as revenue
         from order_items i join orders o on o.id = i.order_id
        where o.store_id = ? and ${paid} and date_trunc('month', ${wib}) = date_trunc('month', ${nowWib})
        group by i.listing_id order by sum(i.quantity) desc, revenue desc limit 5`, [store.id]);
    return {
      todaySales: Number(sums.today_sales), todayOrders: Number(sums.today_orders),
      monthSales: Number(sums.month_sales), monthOrders: Number(sums.month_orders),
      bestSellers: best.map((b) => ({ listingId: b.listing_id, title: b.title, quantity: Number(b.quantity), revenue: Number(b.revenue) })),
    };
  }

  /** A customer's support conversation with a store (reused if open): the customer and the store's owner and staff. */
  async support(ctx: AuthedContext, storeId: string): Promise<Conversation> {
    const store = isUuid(storeId) ? await ctx.em.findOne(Store, storeId) : null;
    if (!store) throw notFound('Store');
    const existing = await ctx.em.getConnection().execute<{ id: string }[]>(
      `select c.id from conversations c join conversation_participants p on p.conversation_id = c.id and p.user_id = ? and p.role = 'CUSTOMER'
        where c.kind = 'SUPPORT' and c.subject_id = ? limit 1`, [ctx.user.id, store.id]);
    if (existing.length) return ctx.em.findOneOrFail(Conversation, existing[0].id);
    const staff = (await storeStaffIds(ctx.em, store)).filter((id) => id !== ctx.user.id);
    const conversation = await ctx.em.transactional(async (em) => {
      const c = this.chat.open(em, ConversationKind.SUPPORT, `Bantuan ${store.name}`, store.id, [
        { userId: ctx.user.id, role: 'CUSTOMER' }, ...staff.map((userId) => ({ userId, role: 'STAFF' })),
      ]);
      await em.flush();
      return c;
    });
    return ctx.em.findOneOrFail(Conversation, conversation.id);
  }


  /** A logo: a photo the caller uploaded that is not a listing's. BAD_USER_INPUT "logoPhotoId" otherwise. */
  private async logo(ctx: AuthedContext, photoId: string) {
    const photo = isUuid(photoId) ? await ctx.em.findOne(Photo, { id: photoId, owner: ctx.user.id, listing: null }) : null;
    if (!photo) throw badInput('Upload the logo first (a photo of yours not used by a listing).', 'logoPhotoId');
    return ctx.em.getReference(Photo, photo.id, { wrapped: true });
  }

  private async owned(ctx: AuthedContext, storeId: string): Promise<Store> {
    const store = isUuid(storeId) ? await ctx.em.findOne(Store, storeId) : null;
    if (!store) throw notFound('Store');
    if (store.owner.id !== ctx.user.id && ctx.user.role !== Role.ADMIN) throw forbidden('Only the store\'s owner can do that.');
    return store;
  }

  private async staffed(ctx: AuthedContext, storeId: string): Promise<Store> {
    const store = isUuid(storeId) ? await ctx.em.findOne(Store, storeId) : null;
    if (!store) throw notFound('Store');
    if (ctx.user.role !== Role.ADMIN && !(await storeStaffIds(ctx.em, store)).includes(ctx.user.id)) throw forbidden('Only the store\'s staff can see this.');
    return store;
  }

  private validate(input: StoreFields) {
    const name = input.name.trim();
    const slug = input.slug.trim().toLowerCase();
    const address = input.address.trim();
    if (name.length < 3 || name.length > 80) throw badInput('The store name must be 3–80 characters.', 'name');
    if (!SLUG.test(slug)) throw badInput('Use 3–40 lower-case letters, digits and dashes.', 'slug');
    if (address.length < 8) throw badInput('Enter the full address.', 'address');
    if (!this.reference.city(input.cityCode)) throw badInput('Unknown city code.', 'cityCode');
    if (input.color && !/^#[0-9a-f]{6}$/i.test(input.color)) throw badInput('Use a hex colour like #b91c1c.', 'color');
    return { name, slug, address, cityCode: input.cityCode, phone: input.phone?.trim() || undefined, hours: input.hours?.trim() || undefined, color: input.color || undefined };
  }
}

