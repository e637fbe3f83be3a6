import { cartTotals } from '@pasar/domain';
import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { City } from '../catalog/city.entity.js';
import { Photo } from '../catalog/photo.entity.js';
import { Listing } from '../catalog/listing.entity.js';
import type { AuthedContext, Context } from '../core/context.js';
import { always, ownTopic, subscribeChecked } from '../core/graphql/subscriptions.js';
import { notFound } from '../core/graphql/errors.js';
import type { Topics } from '../core/pubsub.js';
import { Role, User } from '../identity/user.entity.js';
import type { CartLine } from './commerce.service.js';
import { Conversation } from '../chat/conversation.entity.js';
import { latestPayment } from '../payments/payment.loaders.js';
import { Payment, PaymentProviderName } from '../payments/payment.entity.js';
import { Cart, CheckoutInput, OrderAction, ShippingQuoteView, StoreAnalyticsView, StoreInput } from './commerce.types.js';
import { Order, OrderItem, OrderStatus } from './order.entity.js';
import { ShippingService } from './shipping-service.entity.js';
import { Supplier } from './restock.entity.js';
import { Store, StoreStaff } from './store.entity.js';

const toCart = (lines: CartLine[]): Cart => ({ lines, ...cartTotals(lines.map((l) => ({ unitPrice: l.listing.price ?? 0, quantity: l.quantity }))) });

/** Store orders (PRODUCT §6). Thin: each root field is one CommerceService call. */
@Resolver(() => Order)
export class CommerceResolver {
  @Authorized()
  @Query(() => Cart, { description: 'Your cart.' })
  async cart(@Ctx() ctx: AuthedContext): Promise<Cart> {
    return toCart(await ctx.services.commerce.cart(ctx));
  }

  @Query(() => [ShippingService], { description: 'Active shipping services.' })
  shippingServices(@Ctx() ctx: Context): Promise<ShippingService[]> {
    return ctx.services.commerce.services(ctx.em);
  }

  @Authorized()
  @Query(() => ShippingQuoteView, { description: 'Shipping cost of your cart lines from a store to a city with a service. BAD_USER_INPUT for unknown ids or an empty cart.' })
  shippingQuote(
    @Arg('storeId', () => ID) storeId: string,
    @Arg('cityCode', () => ID) cityCode: string,
    @Arg('shippingServiceId', () => ID) serviceId: string,
    @Ctx() ctx: AuthedContext,
  ): Promise<ShippingQuoteView> {
    return ctx.services.commerce.quote(ctx, storeId, cityCode, serviceId);
  }

  @Authorized()
  @Query(() => Order, { description: 'An order: its buyer, its store\'s staff and admins. NOT_FOUND, FORBIDDEN.' })
  order(@Arg('id', () => ID) id: string, @Ctx() ctx: AuthedContext): Promise<Order> {
    return ctx.services.commerce.get(ctx, id);
  }

  @Authorized()
  @Query(() => [Order], { description: 'Your orders, newest first.' })
  myOrders(@Ctx() ctx: AuthedContext, @Arg('first', () => Int, { defaultValue: 30 }) first: number): Promise<Order[]> {
    return ctx.services.commerce.mine(ctx, first);
  }

  @Authorized()
  @Mutation(() => Cart, { description: 'Adds a store product (1–99 in all; not more than in stock).' })
  async addToCart(@Arg('listingId', () => ID) listingId: string, @Ctx() ctx: AuthedContext, @Arg('quantity', () => Int, { defaultValue: 1 }) quantity: number): Promise<Cart> {
    return toCart(await ctx.services.commerce.add(ctx, listingId, quantity));
  }

  @Authorized()
  @Mutation(() => Cart, { description: 'Sets a cart line\'s quantity; 0 removes it.' })
  async updateCartItem(@Arg('listingId', () => ID) listingId: string, @Arg('quantity', () => Int) quantity: number, @Ctx() ctx: AuthedContext): Promise<Cart> {
    return toCart(await ctx.services.commerce.setQuantity(ctx, listingId, quantity));
  }

  @Authorized()
  @Mutation(() => Order, { description: 'Orders your cart lines of one store: stock is reserved atomically (CONFLICT when a line cannot be served); pay within 30 minutes.' })
  checkout(@Arg('input', () => CheckoutInput) input: CheckoutInput, @Ctx() ctx: AuthedContext): Promise<Order> {
    return ctx.services.commerce.checkout(ctx, input);
  }

  @Authorized()
  @Mutation(() => Order, { description: 'Moves an order along (see OrderAction). INVALID_STATE for a move the order table does not allow.' })
  updateOrder(
    @Arg('orderId', () => ID) orderId: string,
    @Arg('action', () => OrderAction) action: OrderAction,
    @Ctx() ctx: AuthedContext,
    @Arg('trackingNumber', () => String, { nullable: true }) trackingNumber?: string | null,
  ): Promise<Order> {
    return ctx.services.commerce.act(ctx, orderId, action, trackingNumber);
  }

  @Authorized()
  @Mutation(() => Payment, { description: 'The buyer pays a PENDING_PAYMENT order: bank instructions (MANUAL_TRANSFER, confirmed by staff), a Snap page (MIDTRANS) or a PaymentIntent (STRIPE); a verified provider webhook marks it PAID.' })
  payOrder(
    @Arg('orderId', () => ID) orderId: string,
    @Ctx() ctx: AuthedContext,
    @Arg('provider', () => PaymentProviderName, { defaultValue: 'MANUAL_TRANSFER' }) provider: PaymentProviderName,
  ): Promise<Payment> {
    return ctx.services.commerce.pay(ctx, orderId, provider);
  }

  @Authorized()
  @Mutation(() => Order, { description: 'Store staff or admins: the manual transfer arrived; the order is PAID.' })
  confirmOrderPayment(@Arg('orderId', () => ID) orderId: string, @Ctx() ctx: AuthedContext): Promise<Order> {
    return ctx.services.commerce.confirmPayment(ctx, orderId);
  }

  @Authorized()
  @Subscription(() => Order, { description: 'Every change of your orders (and, for staff, of their store\'s orders).', subscribe: subscribeChecked('ORDER', ownTopic, always) })
  orderUpdated(@Root() payload: Topics['ORDER'][1], @Ctx() ctx: Context): Promise<Order> {
    return ctx.em.fork().findOneOrFail(Order, payload.orderId);
  }

  @FieldResolver(() => [OrderItem])
  async items(@Root() order: Order): Promise<OrderItem[]> {
    return (await order.items.load()).getItems();
  }

  @FieldResolver(() => User)
  buyer(@Root() order: Order): Promise<User> {
    return order.buyer.load() as Promise<User>;
  }

  @FieldResolver(() => Store)
  store(@Root() order: Order): Promise<Store> {
    return order.store.load() as Promise<Store>;
  }

  @FieldResolver(() => ShippingService)
  shippingService(@Root() order: Order): Promise<ShippingService> {
    return order.shippingService.load() as Promise<ShippingService>;
  }

  @FieldResolver(() => City)
  destination(@Root() order: Order, @Ctx() ctx: Context): City {
    return ctx.services.reference.city(order.destination.unwrap().code)!;
  }

  @FieldResolver(() => Date, { nullable: true, description: 'SHIPPED: when the order counts as delivered (by a job) if neither the store nor courier tracking says so first: shippedAt + ORDER_DELIVERED_AFTER_SECONDS (14 days). Null in any other status.' })
  deliveredBy(@Root() order: Order, @Ctx() ctx: Context): Date | null {
    return order.status === 'SHIPPED' && order.shippedAt ? new Date(order.shippedAt.getTime() + ctx.services.commerce.deliveredAfterSeconds * 1000) : null;
  }

  @FieldResolver(() => Payment, { nullable: true, description: 'The latest payment attempt (payOrder), so a page can resume it: redirect URL, client secret, bank details.' })
  payment(@Root() order: Order, @Ctx() ctx: Context): Promise<Payment | null> {
    return latestPayment(ctx, 'ORDER', order.id);
  }

  @Query(() => [PaymentProviderName], { description: 'The payment providers this server is configured with, in the order to offer them (MANUAL_TRANSFER always).' })
  paymentProviders(@Ctx() ctx: Context): PaymentProviderName[] {
    return [...ctx.services.providers.keys()];
  }
}

@Resolver(() => OrderItem)
export class OrderItemResolver {
  @FieldResolver(() => Listing)
  listing(@Root() item: OrderItem): Promise<Listing> {
    return item.listing.load() as Promise<Listing>;
  }
}

@Resolver(() => Store)
export class StoreResolver {
  @Query(() => Store, { description: 'A store by its slug. NOT_FOUND.' })
  async store(@Arg('slug') slug: string, @Ctx() ctx: Context): Promise<Store> {
    const store = await ctx.em.findOne(Store, { slug });
    if (!store) throw notFound('Store');
    return store;
  }

  @Authorized()
  @Query(() => [Store], { description: 'Stores you own or work in.' })
  myStores(@Ctx() ctx: AuthedContext): Promise<Store[]> {
    return ctx.services.stores.mine(ctx);
  }

  @Authorized()
  @Query(() => [Order], { description: 'Staff: the store\'s order desk, newest first.' })
  storeOrders(
    @Arg('storeId', () => ID) storeId: string,
    @Ctx() ctx: AuthedContext,
    @Arg('status', () => OrderStatus, { nullable: true }) status?: OrderStatus | null,
    @Arg('first', () => Int, { defaultValue: 50 }) first = 50,
  ): Promise<Order[]> {
    return ctx.services.stores.orders(ctx, storeId, status, first);
  }

  @Authorized()
  @Query(() => [Listing], { description: 'Staff: products at or below their low-stock threshold.' })
  storeLowStock(@Arg('storeId', () => ID) storeId: string, @Ctx() ctx: AuthedContext): Promise<Listing[]> {
    return ctx.services.stores.lowStock(ctx, storeId);
  }

  @Authorized()
  @Query(() => StoreAnalyticsView, { description: 'Staff and admins: today\'s and this month\'s sales, best sellers.' })
  storeAnalytics(@Arg('storeId', () => ID) storeId: string, @Ctx() ctx: AuthedContext): Promise<StoreAnalyticsView> {
    return ctx.services.stores.analytics(ctx, storeId);
  }

  @Authorized()
  @Mutation(() => Store, { description: 'Opens your store (one per member). CONFLICT when you have one or the slug is taken.' })
  createStore(@Arg('input', () => StoreInput) input: StoreInput, @Ctx() ctx: AuthedContext): Promise<Store> {
    return ctx.services.stores.create(ctx, input);
  }

  @Authorized()
  @Mutation(() => Store, { description: 'Changes your store\'s profile.' })
  updateStore(@Arg('storeId', () => ID) storeId: string, @Arg('input', () => StoreInput) input: StoreInput, @Ctx() ctx: AuthedContext): Promise<Store> {
    return ctx.services.stores.update(ctx, storeId, input);
  }

  @Authorized()
  @Mutation(() => Store, { description: 'Adds a member (by email) to your store\'s staff.' })
  addStoreStaff(@Arg('storeId', () => ID) storeId: string, @Arg('email') email: string, @Ctx() ctx: AuthedContext): Promise<Store> {
    return ctx.services.stores.addStaff(ctx, storeId, email);
  }

  @Authorized()
  @Mutation(() => Listing, {
    description: 'Puts one of your SALE listings in your store (storeId null takes it out) and sets ALL its store settings: low-stock threshold, featured flag and supplier (omitted = none). '
      + 'NOT_FOUND for a listing that is not yours; BAD_USER_INPUT "listingId" (not SALE), "lowStockThreshold" (whole number ≥ 0), "supplierId" (not a supplier of that store).',
  })
  setStoreProduct(
    @Arg('listingId', () => ID) listingId: string,
    @Arg('storeId', () => ID, { nullable: true }) storeId: string | null,
    @Ctx() ctx: AuthedContext,
    @Arg('lowStockThreshold', () => Int, { nullable: true }) lowStockThreshold?: number | null,
    @Arg('featured', () => Boolean, { defaultValue: false }) featured = false,
    @Arg('supplierId', () => ID, { nullable: true }) supplierId?: string | null,
  ): Promise<Listing> {
    return ctx.services.stores.setProduct(ctx, listingId, storeId, lowStockThreshold ?? null, featured, supplierId ?? null);
  }

  @Authorized()
  @Mutation(() => Conversation, { description: 'Opens (or reopens) your support chat with a store; messages may carry listing cards.' })
  openSupportConversation(@Arg('storeId', () => ID) storeId: string, @Ctx() ctx: AuthedContext): Promise<Conversation> {
    return ctx.services.stores.support(ctx, storeId);
  }

  @FieldResolver(() => City)
  city(@Root() store: Store, @Ctx() ctx: Context): City {
    return ctx.services.reference.city(store.city.unwrap().code)!;
  }

  @FieldResolver(() => Photo, { nullable: true, description: 'The store\'s logo.' })
  async logo(@Root() store: Store): Promise<Photo | null> {
    return store.logo ? ((await store.logo.load()) as Photo) ?? null : null;
  }

  @FieldResolver(() => [User], { nullable: true, description: 'The owner, then the staff (by name). Only the store\'s staff and admins see it (null for everyone else).' })
  async staff(@Root() store: Store, @Ctx() ctx: Context): Promise<User[] | null> {
    if (!ctx.user || (ctx.user.role !== Role.ADMIN && !(await ctx.services.stores.staffedStoreIds(ctx)).has(store.id))) return null;
    const staff = await ctx.em.find(StoreStaff, { store: store.id }, { populate: ['user'] });
    const owner = (await store.owner.load()) as User;
    return [owner, ...staff.map((s) => s.user.getEntity()).sort((a, b) => a.displayName.localeCompare(b.displayName, 'id'))];
  }

  @FieldResolver(() => User)
  owner(@Root() store: Store): Promise<User> {
    return store.owner.load() as Promise<User>;
  }

  @FieldResolver(() => [Listing], { description: 'ACTIVE products, featured first.' })
  products(@Root() store: Store, @Ctx() ctx: Context, @Arg('first', () => Int, { defaultValue: 50 }) first: number): Promise<Listing[]> {
    return ctx.services.stores.products(ctx.em, store, first);
  }
}

/** Listing.store for SALE listings in a store. */
@Resolver(() => Listing)
export class ListingStoreResolver {
  @FieldResolver(() => Store, { nullable: true, description: 'SALE: the store selling it.' })
  async store(@Root() listing: Listing): Promise<Store | null> {
    return listing.store ? ((await listing.store.load()) as Store) ?? null : null;
  }

  @FieldResolver(() => Supplier, { nullable: true, description: 'SALE in a store: the supplier it is restocked from. Only the store\'s staff and admins see it (null for everyone else).' })
  async supplier(@Root() listing: Listing, @Ctx() ctx: Context): Promise<Supplier | null> {
    if (!listing.supplier || !listing.store || !ctx.user) return null;
    if (ctx.user.role !== Role.ADMIN && !(await ctx.services.stores.staffedStoreIds(ctx)).has(listing.store.id)) return null;
    return ((await listing.supplier.load()) as Supplier) ?? null;
  }
}
