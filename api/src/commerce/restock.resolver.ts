import { Arg, Authorized, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Listing } from '../catalog/listing.entity.js';
import type { AuthedContext } from '../core/context.js';
import { RestockItem, RestockOrder, Supplier } from './restock.entity.js';

@InputType()
export class SupplierInput {
  @Field() name!: string;
  @Field(() => String, { nullable: true }) phone?: string | null;
  @Field(() => String, { nullable: true }) email?: string | null;
}

@InputType()
export class RestockLineInput {
  @Field(() => ID) listingId!: string;
  @Field(() => Int) quantity!: number;
}

@InputType({ description: 'What arrived for one line (0..ordered).' })
export class ReceivedLineInput {
  @Field(() => ID) itemId!: string;
  @Field(() => Int) quantity!: number;
}

/** Suppliers and restock orders for store staff (PRODUCT §6). */
@Resolver(() => RestockOrder)
export class RestockResolver {
  @Authorized()
  @Query(() => [Supplier], { description: 'Staff: the store\'s suppliers.' })
  suppliers(@Arg('storeId', () => ID) storeId: string, @Ctx() ctx: AuthedContext): Promise<Supplier[]> {
    return ctx.services.restock.suppliers(ctx, storeId);
  }

  @Authorized()
  @Query(() => [RestockOrder], { description: 'Staff: the store\'s restock orders, newest first.' })
  restockOrders(@Arg('storeId', () => ID) storeId: string, @Ctx() ctx: AuthedContext): Promise<RestockOrder[]> {
    return ctx.services.restock.list(ctx, storeId);
  }

  @Authorized()
  @Mutation(() => Supplier, { description: 'Staff: adds a supplier.' })
  addSupplier(@Arg('storeId', () => ID) storeId: string, @Arg('input', () => SupplierInput) input: SupplierInput, @Ctx() ctx: AuthedContext): Promise<Supplier> {
    return ctx.services.restock.addSupplier(ctx, storeId, input);
  }

  @Authorized()
  @Mutation(() => RestockOrder, { description: 'Staff: orders products from a supplier.' })
  createRestockOrder(
    @Arg('storeId', () => ID) storeId: string,
    @Arg('supplierId', () => ID) supplierId: string,
    @Arg('lines', () => [RestockLineInput]) lines: RestockLineInput[],
    @Ctx() ctx: AuthedContext,
  ): Promise<RestockOrder> {
    return ctx.services.restock.create(ctx, storeId, supplierId, lines);
  }

  @Authorized()
  @Mutation(() => RestockOrder, { description: 'Staff: the delivery arrived; stock rises by the received quantities (default: everything ordered). INVALID_STATE when not ORDERED.' })
  receiveRestockOrder(
    @Arg('restockId', () => ID) restockId: string,
    @Ctx() ctx: AuthedContext,
    @Arg('received', () => [ReceivedLineInput], { nullable: true }) received?: ReceivedLineInput[] | null,
  ): Promise<RestockOrder> {
    return ctx.services.restock.receive(ctx, restockId, received ?? null);
  }

  @Authorized()
  @Mutation(() => RestockOrder, { description: 'Staff: cancels an ORDERED restock order.' })
  cancelRestockOrder(@Arg('restockId', () => ID) restockId: string, @Ctx() ctx: AuthedContext): Promise<RestockOrder> {
    return ctx.services.restock.cancel(ctx, restockId);
  }

  @FieldResolver(() => Supplier)
  supplier(@Root() order: RestockOrder): Promise<Supplier> {
    return order.supplier.load() as Promise<Supplier>;
  }

  @FieldResolver(() => [RestockItem])
  async items(@Root() order: RestockOrder): Promise<RestockItem[]> {
    return (await order.items.load()).getItems();
  }
}

@Resolver(() => RestockItem)
export class RestockItemResolver {
  @FieldResolver(() => Listing)
  listing(@Root() item: RestockItem): Promise<Listing> {
    return item.listing.load() as Promise<Listing>;
  }
}
