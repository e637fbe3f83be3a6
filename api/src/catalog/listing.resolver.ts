import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { AuthedContext, Context } from '../core/context.js';
import { MoneyScalar } from '../core/graphql/scalars.js';
import { User } from '../identity/user.entity.js';
import { Category } from './category.entity.js';
import { City } from './city.entity.js';
import { Listing } from './listing.entity.js';
import { ListingKind } from './listing.enums.js';
import {
  BarterValuation, CreateListingInput, ListingConnection, ListingsArgs, MyListingsArgs, PointsBreakdown, UpdateListingInput,
} from './listing.types.js';
import { Photo } from './photo.entity.js';

/** Listings and search (PRODUCT §2). Thin: each root field is one ListingService call. */
@Resolver(() => Listing)
export class ListingResolver {
  @Query(() => Listing, { description: 'One listing. NOT_FOUND when missing, or DRAFT/REMOVED and not yours.' })
  listing(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Listing> {
    return ctx.services.listings.get(ctx, id);
  }

  @Query(() => ListingConnection, {
    description: 'Search ACTIVE listings: full text (Indonesian), filters, sorts, cursor pagination. BAD_USER_INPUT for a bad filter, first outside 1–100 or a foreign cursor.',
  })
  listings(@Args(() => ListingsArgs) args: ListingsArgs, @Ctx() ctx: Context) {
    return ctx.services.listings.search(ctx, args);
  }

  @Authorized()
  @Query(() => ListingConnection, { description: 'Your listings in every status (or one), newest first.' })
  myListings(@Args(() => MyListingsArgs) args: MyListingsArgs, @Ctx() ctx: AuthedContext) {
    return ctx.services.listings.mine(ctx, args);
  }

  @Authorized()
  @Mutation(() => Listing, {
    description: 'Creates a listing with 1–5 uploaded photos. Errors: BAD_USER_INPUT (extensions.field), UNAUTHENTICATED, FORBIDDEN (suspended).',
  })
  createListing(@Arg('input', () => CreateListingInput) input: CreateListingInput, @Ctx() ctx: AuthedContext): Promise<Listing> {
    return ctx.services.listings.create(ctx, input);
  }

  @Authorized()
  @Mutation(() => Listing, {
    description: 'Changes your listing. Errors: NOT_FOUND, FORBIDDEN (not yours), BAD_USER_INPUT, INVALID_STATE (status move not allowed, or RESERVED/REMOVED), CONFLICT (changed concurrently).',
  })
  updateListing(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateListingInput) input: UpdateListingInput,
    @Ctx() ctx: AuthedContext,
  ): Promise<Listing> {
    return ctx.services.listings.update(ctx, id, input);
  }

  @FieldResolver(() => User)
  seller(@Root() listing: Listing): Promise<User> {
    return listing.seller.load() as Promise<User>;
  }

  @FieldResolver(() => Category)
  category(@Root() listing: Listing): Promise<Category> {
    return listing.category.load() as Promise<Category>;
  }

  @FieldResolver(() => City)
  city(@Root() listing: Listing, @Ctx() ctx: Context): City {
    return ctx.services.reference.city(listing.city.unwrap().code)!;
  }

  @FieldResolver(() => [Photo], { description: 'Photos in display order (1–5).' })
  async photos(@Root() listing: Listing): Promise<Photo[]> {
    return (await listing.photos.load()).getItems().sort((a, b) => (a.position ?? 0) - (b.position ?? 0));
  }

  @FieldResolver(() => Photo, { nullable: true, description: 'The cover photo (the first).' })
  async thumbnail(@Root() listing: Listing): Promise<Photo | null> {
    return listing.cover ? ((await listing.cover.load()) ?? null) : null;
  }

  @FieldResolver(() => MoneyScalar, { nullable: true, description: 'SALE: price in whole rupiah.' })
  price(@Root() listing: Listing): number | null {
    return listing.kind === ListingKind.SALE ? listing.price ?? null : null;
  }

  @FieldResolver(() => MoneyScalar, { nullable: true, description: 'SERVICE: rate per hour in whole rupiah.' })
  hourlyRate(@Root() listing: Listing): number | null {
    return listing.kind === ListingKind.SERVICE ? listing.hourlyRate ?? null : null;
  }

  @FieldResolver(() => BarterValuation, { nullable: true, description: 'BARTER: the four factors, each 1–5.' })
  valuation(@Root() l: Listing): BarterValuation | null {
    return l.kind === ListingKind.BARTER
      ? { utility: l.utility!, scarcity: l.scarcity!, durability: l.durability!, portability: l.portability! }
      : null;
  }

  @FieldResolver(() => PointsBreakdown, { nullable: true, description: 'BARTER: how the points were computed when last valued.' })
  pointsBreakdown(@Root() l: Listing): PointsBreakdown | null {
    return l.kind === ListingKind.BARTER ? l.pointsBreakdown ?? null : null;
  }
}

/** ListingConnection.totalCount: counted only when asked for. */
@Resolver(() => ListingConnection)
export class ListingConnectionResolver {
  @FieldResolver(() => Int, { description: 'All matches, ignoring the cursor (one COUNT, only when selected).' })
  totalCount(@Root() connection: ListingConnection): Promise<number> {
    return connection.countTotal();
  }
}

/** Photo URLs from the storage in use. */
@Resolver(() => Photo)
export class PhotoResolver {
  @FieldResolver(() => String, { description: 'The full image (WebP, at most 1600 px).' })
  url(@Root() photo: Photo, @Ctx() ctx: Context): string {
    return ctx.services.photos.url(photo);
  }

  @FieldResolver(() => String, { description: 'A 480 px square thumbnail (WebP).' })
  thumbnailUrl(@Root() photo: Photo, @Ctx() ctx: Context): string {
    return ctx.services.photos.thumbnailUrl(photo);
  }
}
