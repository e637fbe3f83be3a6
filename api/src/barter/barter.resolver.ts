import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { Listing } from '../catalog/listing.entity.js';
import { Conversation } from '../chat/conversation.entity.js';
import { Message, MessageKind } from '../chat/message.entity.js';
import { batched, groupBy, memo, type AuthedContext, type Context } from '../core/context.js';
import { always, ownTopic, subscribeChecked } from '../core/graphql/subscriptions.js';
import type { Topics } from '../core/pubsub.js';
import { Role, User } from '../identity/user.entity.js';
import { Dispute } from '../trade/dispute.entity.js';
import { Shipment } from '../trade/shipment.entity.js';
import { latestDispute, systemTimeline } from '../trade/trade.loaders.js';
import { BarterQuote, DisputeOutcome, OfferBalanceView, OfferLine, OfferRound, OfferTermsInput, ShipmentInput } from './barter.types.js';
import { Deal, DealStatus } from './deal.entity.js';
import { Offer, OfferItem, OfferSide, OfferStatus, TradeParty } from './offer.entity.js';

const tolerance = (ctx: Context) => memo(ctx, 'barterConfig', () => ctx.services.reference.barterConfig(ctx.em)).then((c) => c.balanceTolerance);

async function lines(items: OfferItem[], side: OfferSide): Promise<OfferLine[]> {
  return Promise.all(items.filter((i) => i.side === side).map(async (i) => ({ listing: (await i.listing.load()) as Listing, points: i.points })));
}

async function roundItems(offer: Offer): Promise<OfferItem[]> {
  return (await offer.items.load()).getItems();
}

/** Offers and counter-offers (PRODUCT §3). Thin: each root field is one BarterService call. */
@Resolver(() => Offer)
export class OfferResolver {
  @Authorized()
  @Query(() => BarterQuote, { description: 'Balance of proposed terms and, when short, the "add items" suggestion from the offering party\'s other listings (yours when you offer; the buyer\'s when you counter as seller). BAD_USER_INPUT for unknown listings.' })
  barterQuote(
    @Arg('wantedListingIds', () => [ID]) wanted: string[],
    @Arg('offeredListingIds', () => [ID]) offered: string[],
    @Ctx() ctx: AuthedContext,
  ): Promise<BarterQuote> {
    return ctx.services.barter.quote(ctx, wanted, offered);
  }

  @Authorized()
  @Query(() => Offer, { description: 'An offer you are party to (admins: any). NOT_FOUND, FORBIDDEN.' })
  offer(@Arg('id', () => ID) id: string, @Ctx() ctx: AuthedContext): Promise<Offer> {
    return ctx.services.barter.offer(ctx, id);
  }

  @Authorized()
  @Query(() => [Offer], { description: 'Your offers, made and received, latest activity first.' })
  myOffers(
    @Ctx() ctx: AuthedContext,
    @Arg('status', () => OfferStatus, { nullable: true }) status?: OfferStatus | null,
    @Arg('first', () => Int, { defaultValue: 30 }) first = 30,
  ): Promise<Offer[]> {
    return ctx.services.barter.myOffers(ctx, status, first);
  }

  @Authorized()
  @Mutation(() => Offer, { description: 'Offers your barter listings for another member\'s. BAD_USER_INPUT (extensions.field), INVALID_STATE (an item is reserved or not active).' })
  makeOffer(@Arg('input', () => OfferTermsInput) input: OfferTermsInput, @Ctx() ctx: AuthedContext): Promise<Offer> {
    return ctx.services.barter.makeOffer(ctx, input);
  }

  @Authorized()
  @Mutation(() => Offer, { description: 'Counters with other terms when it is your turn (at most 5 rounds). INVALID_STATE otherwise.' })
  counterOffer(@Arg('offerId', () => ID) offerId: string, @Arg('input', () => OfferTermsInput) input: OfferTermsInput, @Ctx() ctx: AuthedContext): Promise<Offer> {
    return ctx.services.barter.counterOffer(ctx, offerId, input);
  }

  @Authorized()
  @Mutation(() => Deal, { description: 'Accepts the offer when it is your turn: reserves every listing and cancels other offers on them. CONFLICT when an item went elsewhere.' })
  acceptOffer(@Arg('offerId', () => ID) offerId: string, @Ctx() ctx: AuthedContext): Promise<Deal> {
    return ctx.services.barter.acceptOffer(ctx, offerId);
  }

  @Authorized()
  @Mutation(() => Offer, { description: 'Rejects the offer when it is your turn.' })
  rejectOffer(@Arg('offerId', () => ID) offerId: string, @Ctx() ctx: AuthedContext): Promise<Offer> {
    return ctx.services.barter.closeOffer(ctx, offerId, 'REJECT');
  }

  @Authorized()
  @Mutation(() => Offer, { description: 'Withdraws the terms you proposed while the other party has not answered.' })
  withdrawOffer(@Arg('offerId', () => ID) offerId: string, @Ctx() ctx: AuthedContext): Promise<Offer> {
    return ctx.services.barter.closeOffer(ctx, offerId, 'WITHDRAW');
  }

  @Authorized()
  @Subscription(() => Offer, { description: 'Every change of any offer you are party to.', subscribe: subscribeChecked('OFFER', ownTopic, always) })
  offerUpdated(@Root() payload: Topics['OFFER'][1], @Ctx() ctx: Context): Promise<Offer> {
    return ctx.em.fork().findOneOrFail(Offer, payload.offerId);
  }

  @FieldResolver(() => User)
  buyer(@Root() offer: Offer): Promise<User> {
    return offer.buyer.load() as Promise<User>;
  }

  @FieldResolver(() => User)
  seller(@Root() offer: Offer): Promise<User> {
    return offer.seller.load() as Promise<User>;
  }

  @FieldResolver(() => TradeParty, { nullable: true, description: 'The side you are on (null for admins).' })
  myRole(@Root() offer: Offer, @Ctx() ctx: Context): TradeParty | null {
    return ctx.user ? ctx.services.barter.partyOf(offer, ctx.user.id) : null;
  }

  @FieldResolver(() => Boolean, { description: 'True when the offer is PENDING and waiting for your answer.' })
  myTurn(@Root() offer: Offer, @Ctx() ctx: Context): boolean {
    return offer.status === OfferStatus.PENDING && !!ctx.user && ctx.services.barter.partyOf(offer, ctx.user.id) === offer.awaiting;
  }

  @FieldResolver(() => [OfferLine], { description: 'The seller\'s listings in the current terms, with snapshotted points.' })
  async wanted(@Root() offer: Offer): Promise<OfferLine[]> {
    return lines((await roundItems(offer)).filter((i) => i.round === offer.round), OfferSide.WANTED);
  }

  @FieldResolver(() => [OfferLine], { description: 'The buyer\'s listings in the current terms, with snapshotted points.' })
  async offered(@Root() offer: Offer): Promise<OfferLine[]> {
    return lines((await roundItems(offer)).filter((i) => i.round === offer.round), OfferSide.OFFERED);
  }

  @FieldResolver(() => OfferBalanceView, { description: 'Balance of the current terms.' })
  async balance(@Root() offer: Offer, @Ctx() ctx: Context): Promise<OfferBalanceView> {
    return ctx.services.barter.balanceOf((await roundItems(offer)).filter((i) => i.round === offer.round), await tolerance(ctx));
  }

  @FieldResolver(() => [OfferRound], { description: 'Every round so far, oldest first.' })
  async rounds(@Root() offer: Offer, @Ctx() ctx: Context): Promise<OfferRound[]> {
    const items = await roundItems(offer);
    const tol = await tolerance(ctx);
    const result: OfferRound[] = [];
    for (let round = 1; round <= offer.round; round++) {
      const inRound = items.filter((i) => i.round === round);
      // Round 1 is the buyer's; proposers alternate.
      const proposedBy = round % 2 === 1 ? TradeParty.BUYER : TradeParty.SELLER;
      result.push({ round, proposedBy, wanted: await lines(inRound, OfferSide.WANTED), offered: await lines(inRound, OfferSide.OFFERED), balance: ctx.services.barter.balanceOf(inRound, tol) });
    }
    return result;
  }

  @FieldResolver(() => Conversation)
  conversation(@Root() offer: Offer): Promise<Conversation> {
    return offer.conversation.load() as Promise<Conversation>;
  }

  @FieldResolver(() => Deal, { nullable: true, description: 'The deal, once accepted.' })
  deal(@Root() offer: Offer, @Ctx() ctx: Context): Promise<Deal | null> {
    return batched<Deal | null>(ctx, 'dealByOffer', offer.id, async (ids) =>
      new Map((await ctx.em.find(Deal, { offer: { $in: [...ids] } })).map((d) => [d.offer.id, d])), null);
  }
}

/** Deals: shipments, receipts, disputes (PRODUCT §3). */
@Resolver(() => Deal)
export class DealResolver {
  @Authorized()
  @Query(() => Deal, { description: 'A deal you are party to (admins: any). NOT_FOUND, FORBIDDEN.' })
  deal(@Arg('id', () => ID) id: string, @Ctx() ctx: AuthedContext): Promise<Deal> {
    return ctx.services.barter.deal(ctx, id);
  }

  @Authorized()
  @Query(() => [Deal], { description: 'Your deals, latest activity first.' })
  myDeals(
    @Ctx() ctx: AuthedContext,
    @Arg('status', () => DealStatus, { nullable: true }) status?: DealStatus | null,
    @Arg('first', () => Int, { defaultValue: 30 }) first = 30,
  ): Promise<Deal[]> {
    return ctx.services.barter.myDeals(ctx, status, first);
  }

  @Authorized(Role.ADMIN)
  @Query(() => [Deal], { description: 'Admins: deals with an open dispute, oldest first.' })
  disputedDeals(@Ctx() ctx: AuthedContext): Promise<Deal[]> {
    return ctx.services.barter.disputedDeals(ctx);
  }

  @Authorized()
  @Mutation(() => Deal, { description: 'Enters your courier and tracking number (resi). INVALID_STATE if already shipped or not awaiting shipment.' })
  submitShipment(@Arg('dealId', () => ID) dealId: string, @Arg('input', () => ShipmentInput) input: ShipmentInput, @Ctx() ctx: AuthedContext): Promise<Deal> {
    return ctx.services.barter.submitShipment(ctx, dealId, input);
  }

  @Authorized()
  @Mutation(() => Deal, { description: 'Confirms you received the other party\'s parcel. INVALID_STATE before both shipped or twice.' })
  confirmReceipt(@Arg('dealId', () => ID) dealId: string, @Ctx() ctx: AuthedContext): Promise<Deal> {
    return ctx.services.barter.confirmReceipt(ctx, dealId);
  }

  @Authorized()
  @Mutation(() => Deal, { description: 'Opens a dispute before completion (reason: 10–2000 characters). An admin mediates.' })
  openDispute(@Arg('dealId', () => ID) dealId: string, @Arg('reason') reason: string, @Ctx() ctx: AuthedContext): Promise<Deal> {
    return ctx.services.barter.openDispute(ctx, dealId, reason);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Deal, { description: 'Admins: decides a disputed deal (COMPLETE or CANCEL) with a note both parties see. Audited.' })
  resolveDispute(
    @Arg('dealId', () => ID) dealId: string,
    @Arg('outcome', () => DisputeOutcome) outcome: DisputeOutcome,
    @Arg('note') note: string,
    @Ctx() ctx: AuthedContext,
  ): Promise<Deal> {
    return ctx.services.barter.resolveDispute(ctx, dealId, outcome, note);
  }

  @Authorized()
  @Subscription(() => Deal, { description: 'Every change of any deal you are party to.', subscribe: subscribeChecked('DEAL', ownTopic, always) })
  dealUpdated(@Root() payload: Topics['DEAL'][1], @Ctx() ctx: Context): Promise<Deal> {
    return ctx.em.fork().findOneOrFail(Deal, payload.dealId);
  }

  @FieldResolver(() => User)
  buyer(@Root() deal: Deal): Promise<User> {
    return deal.buyer.load() as Promise<User>;
  }

  @FieldResolver(() => User)
  seller(@Root() deal: Deal): Promise<User> {
    return deal.seller.load() as Promise<User>;
  }

  @FieldResolver(() => TradeParty, { nullable: true, description: 'The side you are on (null for admins).' })
  myRole(@Root() deal: Deal, @Ctx() ctx: Context): TradeParty | null {
    return ctx.user ? ctx.services.barter.partyOf(deal, ctx.user.id) : null;
  }

  @FieldResolver(() => Offer)
  offer(@Root() deal: Deal): Promise<Offer> {
    return deal.offer.load() as Promise<Offer>;
  }

  @FieldResolver(() => [Shipment], { description: 'Up to two parcels, one per party.' })
  shipments(@Root() deal: Deal, @Ctx() ctx: Context): Promise<Shipment[]> {
    return batched<Shipment[]>(ctx, 'dealShipments', deal.id, async (ids) =>
      groupBy(await ctx.em.find(Shipment, { tradeType: 'BARTER_DEAL', tradeId: { $in: [...ids] } }, { orderBy: { shippedAt: 'asc' } }), (s) => s.tradeId), []);
  }

  @FieldResolver(() => Dispute, { nullable: true, description: 'The latest dispute, if any.' })
  dispute(@Root() deal: Deal, @Ctx() ctx: Context): Promise<Dispute | null> {
    return latestDispute(ctx, 'BARTER_DEAL', deal.id);
  }

  @FieldResolver(() => Conversation)
  conversation(@Root() deal: Deal): Promise<Conversation> {
    return deal.conversation.load() as Promise<Conversation>;
  }

  @FieldResolver(() => [Message], { description: 'The trade\'s state changes (SYSTEM messages), oldest first: the timeline.' })
  timeline(@Root() deal: Deal, @Ctx() ctx: Context): Promise<Message[]> {
    return systemTimeline(ctx, deal.conversation.id);
  }
}

/** Shipment and dispute fields shared by every trade kind. */
@Resolver(() => Shipment)
export class ShipmentResolver {
  @FieldResolver(() => User)
  sender(@Root() s: Shipment): Promise<User> {
    return s.sender.load() as Promise<User>;
  }

  @FieldResolver(() => User)
  recipient(@Root() s: Shipment): Promise<User> {
    return s.recipient.load() as Promise<User>;
  }
}

@Resolver(() => Dispute)
export class DisputeResolver {
  @FieldResolver(() => User)
  openedBy(@Root() d: Dispute): Promise<User> {
    return d.openedBy.load() as Promise<User>;
  }
}

/** Links a conversation to its barter trade (for the inbox). */
@Resolver(() => Conversation)
export class ConversationTradeResolver {
  @FieldResolver(() => Offer, { nullable: true, description: 'BARTER: the offer this conversation belongs to.' })
  offer(@Root() conversation: Conversation, @Ctx() ctx: Context): Promise<Offer | null> {
    return ctx.em.findOne(Offer, { conversation: conversation.id });
  }

  @FieldResolver(() => Deal, { nullable: true, description: 'BARTER: the deal, once the offer was accepted.' })
  deal(@Root() conversation: Conversation, @Ctx() ctx: Context): Promise<Deal | null> {
    return ctx.em.findOne(Deal, { conversation: conversation.id });
  }
}

