import type { EntityManager } from '@mikro-orm/postgresql';
import { canMoveListing, computeBarterPoints, isPubliclyVisible, validateListingInput, type BarterConfig, type Valuation } from '@pasar/domain';
import type { AuthedContext, Context } from '../core/context.js';
import { badInput, conflict, forbidden, invalidState, notFound } from '../core/graphql/errors.js';
import { User, Role } from '../identity/user.entity.js';
import { Category } from './category.entity.js';
import { City } from './city.entity.js';
import { Listing } from './listing.entity.js';
import { ListingKind, ListingStatus } from './listing.enums.js';
import type { CreateListingInput, ListingFilter, ListingsArgs, MyListingsArgs, SaleDetailsInput, UpdateListingInput } from './listing.types.js';
import { searchListings, type ListingPage } from './listing-search.js';
import { Photo } from './photo.entity.js';

/** SALE details once the stock is settled (SaleDetailsInput with stock defaulted or kept). */
type SaleFields = Omit<SaleDetailsInput, 'stock'> & { stock: number };
import type { ReferenceService } from './reference.service.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** True when `id` is a UUID (ids are UUIDs; anything else cannot exist). */
export const isUuid = (id: string) => UUID.test(id);

/** Maps a domain problem field to the GraphQL input field it came from. */
const inputField = (field: string) => (field === 'photoCount' ? 'photoIds' : field);

const isAdmin = (user: User) => user.role === Role.ADMIN;

/**
 * Listings (PRODUCT §2, §3): create and update with validation from packages/domain, barter
 * points computed and stored with their breakdown, photos attached in order, visibility
 * rules, and search.
 */
export class ListingService {
  constructor(private readonly reference: ReferenceService) {}

  /**
   * Creates a listing owned by the caller. BAD_USER_INPUT (with `field`) for invalid
   * fields, an unknown category or city, or photos that are not the caller's unattached uploads.
   */
  async create(ctx: AuthedContext, input: CreateListingInput): Promise<Listing> {
    const title = input.title.trim();
    const description = input.description.trim();
    const sale = input.sale ? { ...input.sale, stock: input.sale.stock ?? 1 } : input.sale;
    this.validate(input.kind, { title, description, photoIds: input.photoIds, sale, barter: input.barter, service: input.service });
    return ctx.em.transactional(async (em) => {
      const category = await this.category(em, input.categoryId);
      const city = this.city(em, input.cityCode);
      const listing = new Listing({
        seller: em.getReference(User, ctx.user.id, { wrapped: true }),
        kind: input.kind, title, description,
        category: em.getReference(Category, category.id, { wrapped: true }),
        condition: input.condition, city,
      });
      listing.status = input.publish ? ListingStatus.ACTIVE : ListingStatus.DRAFT;
      this.applyDetails(listing, { ...input, sale });
      if (listing.kind === ListingKind.BARTER) await this.price(em, listing, category);
      em.persist(listing);
      await this.attachPhotos(em, ctx.user, listing, input.photoIds);
      await em.flush();
      return listing;
    });
  }

  /**
   * Updates a listing (owner or admin). INVALID_STATE when the listing is RESERVED or
   * REMOVED for its owner, or the status move is not in the listing status table;
   * CONFLICT when someone changed it concurrently (optimistic lock).
   */
  async update(ctx: AuthedContext, id: string, input: UpdateListingInput): Promise<Listing> {
    return ctx.em.transactional(async (em) => {
      const listing = await this.find(em, id, true);
      const owner = listing.seller.id === ctx.user.id;
      if (!owner && !isAdmin(ctx.user)) throw forbidden('Only the seller can change this listing.');
      if (!isAdmin(ctx.user) && (listing.status === ListingStatus.RESERVED || listing.status === ListingStatus.REMOVED)) {
        throw invalidState(`A ${listing.status} listing cannot be changed.`);
      }
      for (const [block, kind] of [['sale', ListingKind.SALE], ['barter', ListingKind.BARTER], ['service', ListingKind.SERVICE]] as const) {
        if (input[block] && listing.kind !== kind) throw badInput(`A ${listing.kind} listing has no ${block} details.`, block);
      }
      const title = input.title?.trim() ?? listing.title;
      const description = input.description?.trim() ?? listing.description;
      const photoIds = input.photoIds ?? listing.photos.getItems().map((p) => p.id);
      // Stock moves with every order and restock: a form's value only replaces it when typed, and
      // then only if the stock is still what the form showed (never undoing a sale meanwhile).
      const typedStock = input.sale?.stock ?? null;
      if (typedStock != null && input.stockSeen != null && listing.stock !== input.stockSeen) {
        throw conflict(`The stock changed to ${listing.stock} meanwhile (orders or restocks); check it and save again.`, 'stock');
      }
      const merged = {
        title, description, photoIds,
        sale: listing.kind === ListingKind.SALE ? { price: listing.price!, weightGrams: listing.weightGrams, lengthCm: listing.lengthCm, widthCm: listing.widthCm, heightCm: listing.heightCm, brand: listing.brand, model: listing.model, ...input.sale, stock: typedStock ?? listing.stock! } : null,
        barter: listing.kind === ListingKind.BARTER ? input.barter ?? valuationOf(listing) : null,
        service: listing.kind === ListingKind.SERVICE ? input.service ?? { hourlyRate: listing.hourlyRate! } : null,
      };
      this.validate(listing.kind, merged);
      if (input.status && !canMoveListing(listing.status, input.status, 'owner')) {
        throw invalidState(`A listing cannot move from ${listing.status} to ${input.status}.`);
      }
      listing.title = title;
      listing.description = description;
      if (input.condition) listing.condition = input.condition;
      if (input.cityCode) listing.city = this.city(em, input.cityCode);
      const category = input.categoryId ? await this.category(em, input.categoryId) : await listing.category.loadOrFail();
      listing.category = em.getReference(Category, category.id, { wrapped: true });
      this.applyDetails(listing, merged);
      if (listing.kind === ListingKind.BARTER) await this.price(em, listing, category);
      if (input.status) listing.status = input.status;
      if (input.photoIds) await this.attachPhotos(em, listing.seller.getEntity(), listing, input.photoIds);
      await em.flush();
      return listing;
    });
  }

  /** A listing by id. NOT_FOUND when missing, or DRAFT/REMOVED and the caller is neither owner nor admin. */
  async get(ctx: Context, id: string): Promise<Listing> {
    const listing = await this.find(ctx.em, id, false);
    const mine = ctx.user && (ctx.user.id === listing.seller.id || isAdmin(ctx.user));
    if (!isPubliclyVisible(listing.status) && !mine) throw notFound('Listing');
    return listing;
  }

  /** Public search: ACTIVE listings only (PRODUCT §2). */
  search(ctx: Context, args: ListingsArgs): Promise<ListingPage> {
    this.checkFilter(args.filter ?? {});
    return searchListings(ctx.em, { ...args, statuses: [ListingStatus.ACTIVE] });
  }

  /** The caller's own listings in every status (or one), newest first. */
  mine(ctx: AuthedContext, args: MyListingsArgs): Promise<ListingPage> {
    const statuses = args.status ? [args.status] : Object.values(ListingStatus);
    return searchListings(ctx.em, { filter: { sellerId: ctx.user.id }, sort: undefined, first: args.first, after: args.after, statuses });
  }

  private checkFilter(filter: ListingFilter): void {
    for (const key of ['categoryId', 'sellerId'] as const) {
      const v = filter[key];
      if (v != null && !isUuid(v)) throw badInput(`${key} is not a valid id.`, `filter.${key}`);
    }
    if (filter.cityCode != null && !this.reference.city(filter.cityCode)) throw badInput('Unknown city code.', 'filter.cityCode');
    for (const [min, max] of [['minPrice', 'maxPrice'], ['minPoints', 'maxPoints']] as const) {
      const lo = filter[min];
      const hi = filter[max];
      if (lo != null && lo < 0) throw badInput(`${min} cannot be negative.`, `filter.${min}`);
      if (lo != null && hi != null && lo > hi) throw badInput(`${min} is greater than ${max}.`, `filter.${min}`);
    }
  }

  private validate(kind: ListingKind, fields: {
    title: string; description: string; photoIds: string[];
    sale?: SaleFields | null; barter?: Valuation | null; service?: { hourlyRate: number } | null;
  }): void {
    if (new Set(fields.photoIds).size !== fields.photoIds.length) throw badInput('A photo appears twice.', 'photoIds');
    const problems = validateListingInput(kind, {
      title: fields.title, description: fields.description, photoCount: fields.photoIds.length,
      sale: fields.sale, barter: fields.barter, service: fields.service,
    });
    if (problems.length) throw badInput(problems[0].message, inputField(problems[0].field));
  }

  private async find(em: EntityManager, id: string, forUpdate: boolean): Promise<Listing> {
    if (!isUuid(id)) throw notFound('Listing');
    const listing = await em.findOne(Listing, id, {
      populate: forUpdate ? ['photos', 'seller'] : ['seller', 'category', 'cover'],
    });
    if (!listing) throw notFound('Listing');
    return listing;
  }

  private async category(em: EntityManager, id: string): Promise<Category> {
    const category = isUuid(id) ? await em.findOne(Category, id) : null;
    if (!category) throw badInput('Unknown category.', 'categoryId');
    return category;
  }

  private city(em: EntityManager, code: string) {
    if (!this.reference.city(code)) throw badInput('Unknown city code.', 'cityCode');
    return em.getReference(City, code, { wrapped: true });
  }

  private applyDetails(listing: Listing, input: {
    sale?: SaleFields | null; service?: { hourlyRate: number } | null; barter?: Valuation | null;
  }): void {
    if (listing.kind === ListingKind.SALE && input.sale) {
      const s = input.sale;
      Object.assign(listing, {
        price: s.price, stock: s.stock, weightGrams: s.weightGrams ?? undefined, lengthCm: s.lengthCm ?? undefined,
        widthCm: s.widthCm ?? undefined, heightCm: s.heightCm ?? undefined,
        brand: s.brand?.trim() || undefined, model: s.model?.trim() || undefined,
      });
    }
    if (listing.kind === ListingKind.SERVICE && input.service) listing.hourlyRate = input.service.hourlyRate;
    if (listing.kind === ListingKind.BARTER && input.barter) Object.assign(listing, input.barter);
  }

  /** Computes and stores the barter points with their breakdown (PRODUCT §3). */
  private async price(em: EntityManager, listing: Listing, category: Category): Promise<void> {
    const config = await this.reference.barterConfig(em);
    applyBarterPoints(listing, category, config, this.reference.seasonalMultiplier(config, category));
  }

  /** Attaches `photoIds` in order (0 = cover) and detaches the listing's other photos. */
  private async attachPhotos(em: EntityManager, owner: User, listing: Listing, photoIds: string[]): Promise<void> {
    if (!photoIds.every(isUuid)) throw badInput('A photo id is not valid.', 'photoIds');
    const photos = await em.find(Photo, { id: { $in: photoIds } });
    const byId = new Map(photos.map((p) => [p.id, p]));
    for (const id of photoIds) {
      const photo = byId.get(id);
      if (!photo || photo.owner.id !== owner.id || (photo.listing && photo.listing.id !== listing.id)) {
        throw badInput('Use photos you uploaded that are not on another listing.', 'photoIds');
      }
    }
    if (listing.photos.isInitialized()) {
      for (const old of listing.photos.getItems()) {
        if (byId.has(old.id)) continue;
        listing.photos.remove(old);
        old.position = undefined;
      }
    }
    photoIds.forEach((id, position) => {
      const photo = byId.get(id)!;
      photo.position = position;
      if (listing.photos.isInitialized()) listing.photos.add(photo);
      else photo.listing = em.getReference(Listing, listing.id, { wrapped: true });
    });
    listing.cover = em.getReference(Photo, photoIds[0], { wrapped: true });
  }
}

/** Sets a barter listing's points and breakdown from its factors, condition and category (PRODUCT §3). */
export function applyBarterPoints(listing: Listing, category: Category, config: BarterConfig, seasonalMultiplier: number): void {
  const breakdown = computeBarterPoints(
    { basePoints: category.basePoints, valuation: valuationOf(listing), condition: listing.condition, seasonalMultiplier },
    config,
  );
  listing.points = breakdown.points;
  listing.pointsBreakdown = breakdown;
}

/** The valuation factors stored on a barter listing. */
function valuationOf(listing: Listing): Valuation {
  return { utility: listing.utility!, scarcity: listing.scarcity!, durability: listing.durability!, portability: listing.portability! };
}

