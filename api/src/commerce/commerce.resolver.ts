import { cartTotals } from '@pasar/domain';
import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { City } from '../catalog/city.entity.js';
import { Listing } from '../catalog/listing.entity.js';
import type { AuthedContext, Context } from '../core/context.js';
import { always, ownTopic, subscribeChecked } from '../core/graphql/subscriptions.js';
import { notFound } from '../core/graphql/errors.js';
import type { Topics } from '../core/pubsub.js';
import { User } from '../identity/user.entity.js';
import type { CartLine } from './commerce.service.js';
import { Cart, CheckoutInput, OrderAction, ShippingQuoteView } from './commerce.types.js';
import { Order, OrderItem } from './order.entity.js';
import { ShippingService } from './shipping-service.entity.js';
import { Store } from './store.entity.js';

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

  @FieldResolver(() => City)
  city(@Root() store: Store, @Ctx() ctx: Context): City {
    return ctx.services.reference.city(store.city.unwrap().code)!;
  }
}
