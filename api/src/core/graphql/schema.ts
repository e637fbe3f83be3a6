import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { createPubSub } from '@graphql-yoga/subscription';
import { DateTimeResolver } from 'graphql-scalars';
import { buildSchema } from 'type-graphql';
import { ListingConnectionResolver, ListingResolver, PhotoResolver } from '../../catalog/listing.resolver.js';
import { ReferenceResolver } from '../../catalog/reference.resolver.js';
import { ConversationTradeResolver, DealResolver, DisputeResolver, OfferResolver, ShipmentResolver } from '../../barter/barter.resolver.js';
import { ConversationResolver, MessageResolver } from '../../chat/chat.resolver.js';
import { CommerceResolver, ListingStoreResolver, OrderItemResolver, StoreResolver } from '../../commerce/commerce.resolver.js';
import { RestockItemResolver, RestockResolver } from '../../commerce/restock.resolver.js';
import { ShippingAdminResolver } from '../../commerce/shipping-admin.resolver.js';
import { EscrowResolver, PaymentResolver } from '../../escrow/escrow.resolver.js';
import { NotificationResolver } from '../../notify/notification.resolver.js';
import { IdentityResolver } from '../../identity/identity.resolver.js';
import { authChecker } from './auth-checker.js';

/** Every resolver class of the API. */
export const RESOLVERS = [
  IdentityResolver, ReferenceResolver, ListingResolver, ListingConnectionResolver, PhotoResolver,
  ConversationResolver, MessageResolver, NotificationResolver,
  OfferResolver, DealResolver, ShipmentResolver, DisputeResolver, ConversationTradeResolver,
  EscrowResolver, PaymentResolver, CommerceResolver, OrderItemResolver, StoreResolver, ListingStoreResolver, RestockResolver, RestockItemResolver,
  ShippingAdminResolver,
] as const;

/** Builds the executable schema from the type-graphql classes. */
export function buildAppSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [...RESOLVERS],
    authChecker,
    scalarsMap: [{ type: Date, scalar: DateTimeResolver }],
    validate: false,
    emitSchemaFile: false,
    // Every @Subscription has its own `subscribe` (subscriptions.ts, the app's pub/sub with
    // access checks); type-graphql still insists on a pubSub, which is never used.
    pubSub: createPubSub(),
  });
}

/** The SDL as committed in /schema.graphql: sorted, so diffs show real changes only. */
export function printAppSchema(schema: GraphQLSchema): string {
  return printSchema(lexicographicSortSchema(schema)) + '\n';
}
