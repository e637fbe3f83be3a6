import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { adminDashboard } from '../admin/dashboard.service.js';
import { Conversation } from '../chat/conversation.entity.js';
import { Message, MessageKind } from '../chat/message.entity.js';
import { batched, type AuthedContext, type Context } from '../core/context.js';
import { latestDispute, systemTimeline } from '../trade/trade.loaders.js';
import { MoneyScalar } from '../core/graphql/scalars.js';
import { always, ownTopic, subscribeChecked } from '../core/graphql/subscriptions.js';
import type { Topics } from '../core/pubsub.js';
import { Role, User } from '../identity/user.entity.js';
import { Photo } from '../catalog/photo.entity.js';
import { Payment, PaymentProviderName } from '../payments/payment.entity.js';
import { Dispute } from '../trade/dispute.entity.js';
import { Shipment } from '../trade/shipment.entity.js';
import { EscrowRole, EscrowRoom, EscrowStatus } from './escrow-room.entity.js';
import { latestPayment } from '../payments/payment.loaders.js';
import {
  AdminDashboard, CreateEscrowRoomInput, EscrowFeeQuote, EscrowShipmentInput, FeeScheduleView, FeeTierInput, ResolveEscrowDisputeInput,
} from './escrow.types.js';

/** Escrow rooms — rekber (PRODUCT §4). Thin: each root field is one EscrowService call. */
@Resolver(() => EscrowRoom)
export class EscrowResolver {
  @Query(() => EscrowFeeQuote, { description: 'Fee for an amount (whole rupiah). BAD_USER_INPUT outside the schedule\'s range (default 10.000–20.000.000), naming the range.' })
  async escrowFeeQuote(@Arg('amount', () => MoneyScalar) amount: number, @Ctx() ctx: Context): Promise<EscrowFeeQuote> {
    return ctx.services.escrow.quote(ctx.em, amount);
  }

  @Query(() => FeeScheduleView, { description: 'The fee schedule in force.' })
  async escrowFeeSchedule(@Ctx() ctx: Context): Promise<FeeScheduleView> {
    const s = await ctx.services.escrow.schedule(ctx.em);
    return { version: s.version, min: s.min, tiers: s.tiers.map((t) => ({ upTo: t.upTo, fixed: t.fixed ?? null, basisPoints: t.basisPoints ?? null })) };
  }

  @Authorized()
  @Query(() => EscrowRoom, { description: 'A room you are party to (admins: any). NOT_FOUND, FORBIDDEN.' })
  escrowRoom(@Arg('id', () => ID) id: string, @Ctx() ctx: AuthedContext): Promise<EscrowRoom> {
    return ctx.services.escrow.get(ctx, id);
  }

  @Authorized()
  @Query(() => EscrowRoom, { description: 'A room by its invite code, to review before joining.' })
  escrowRoomByInvite(@Arg('code') code: string, @Ctx() ctx: AuthedContext): Promise<EscrowRoom> {
    return ctx.services.escrow.byInvite(ctx, code);
  }

  @Authorized()
  @Query(() => [EscrowRoom], { description: 'Your rooms, latest activity first.' })
  myEscrowRooms(
    @Ctx() ctx: AuthedContext,
    @Arg('status', () => EscrowStatus, { nullable: true }) status?: EscrowStatus | null,
    @Arg('first', () => Int, { defaultValue: 30 }) first = 30,
  ): Promise<EscrowRoom[]> {
    return ctx.services.escrow.mine(ctx, status, first);
  }

  @Authorized(Role.ADMIN)
  @Query(() => [EscrowRoom], { description: 'Admins: rooms with a transfer proof to confirm, and disputed rooms.' })
  escrowRoomsNeedingAttention(@Ctx() ctx: AuthedContext): Promise<EscrowRoom[]> {
    return ctx.services.escrow.needingAttention(ctx);
  }

  @Authorized(Role.ADMIN)
  @Query(() => AdminDashboard, { description: 'Admins: fee income per day and month, successful transactions per day, daily active users, pending and problem rooms (Jakarta days).' })
  adminDashboard(@Ctx() ctx: AuthedContext): Promise<AdminDashboard> {
    return adminDashboard(ctx.em);
  }

  @Authorized()
  @Mutation(() => EscrowRoom, { description: 'Opens a room (amount + fee = total, paid by the buyer) with its chat. BAD_USER_INPUT (extensions.field).' })
  createEscrowRoom(@Arg('input', () => CreateEscrowRoomInput) input: CreateEscrowRoomInput, @Ctx() ctx: AuthedContext): Promise<EscrowRoom> {
    return ctx.services.escrow.create(ctx, input);
  }

  @Authorized()
  @Mutation(() => EscrowRoom, { description: 'Joins a room through its invite code as the missing party. CONFLICT when full; INVALID_STATE after payment.' })
  joinEscrowRoom(@Arg('inviteCode') inviteCode: string, @Ctx() ctx: AuthedContext): Promise<EscrowRoom> {
    return ctx.services.escrow.join(ctx, inviteCode);
  }

  @Authorized()
  @Mutation(() => Payment, { description: 'The buyer starts paying the total: bank instructions (MANUAL_TRANSFER), a Snap page (MIDTRANS) or a PaymentIntent (STRIPE).' })
  payEscrowRoom(
    @Arg('roomId', () => ID) roomId: string,
    @Ctx() ctx: AuthedContext,
    @Arg('provider', () => PaymentProviderName, { defaultValue: 'MANUAL_TRANSFER' }) provider: PaymentProviderName,
  ): Promise<Payment> {
    return ctx.services.escrow.pay(ctx, roomId, provider);
  }

  @Authorized()
  @Mutation(() => Payment, { description: 'MANUAL_TRANSFER (escrow rooms and store orders): attaches the transfer receipt (an image from POST /uploads) for whoever confirms it — admins for a room, the store\'s staff for an order — who are notified. NOT_FOUND, INVALID_STATE, BAD_USER_INPUT "photoId".' })
  submitPaymentProof(@Arg('paymentId', () => ID) paymentId: string, @Arg('photoId', () => ID) photoId: string, @Ctx() ctx: AuthedContext): Promise<Payment> {
    return ctx.services.payments.submitProof(ctx, paymentId, photoId);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => EscrowRoom, { description: 'Admins: the manual transfer arrived; the room is FUNDED (booked once in the ledger). Audited.' })
  confirmEscrowPayment(@Arg('roomId', () => ID) roomId: string, @Ctx() ctx: AuthedContext): Promise<EscrowRoom> {
    return ctx.services.escrow.confirmManualPayment(ctx, roomId);
  }

  @Authorized()
  @Mutation(() => EscrowRoom, { description: 'The seller ships (courier and resi); the buyer\'s inspection period starts.' })
  shipEscrowRoom(@Arg('roomId', () => ID) roomId: string, @Arg('input', () => EscrowShipmentInput) input: EscrowShipmentInput, @Ctx() ctx: AuthedContext): Promise<EscrowRoom> {
    return ctx.services.escrow.ship(ctx, roomId, input);
  }

  @Authorized()
  @Mutation(() => EscrowRoom, { description: 'The buyer confirms receipt: the amount is RELEASED to the seller and the fee booked as income, exactly once.' })
  confirmEscrowReceived(@Arg('roomId', () => ID) roomId: string, @Ctx() ctx: AuthedContext): Promise<EscrowRoom> {
    return ctx.services.escrow.confirmReceived(ctx, roomId);
  }

  @Authorized()
  @Mutation(() => EscrowRoom, { description: 'Cancels a room before it is funded.' })
  cancelEscrowRoom(@Arg('roomId', () => ID) roomId: string, @Ctx() ctx: AuthedContext): Promise<EscrowRoom> {
    return ctx.services.escrow.cancel(ctx, roomId);
  }

  @Authorized()
  @Mutation(() => EscrowRoom, { description: 'Either party, after funding and before release (reason: 10–2000 characters).' })
  openEscrowDispute(@Arg('roomId', () => ID) roomId: string, @Arg('reason') reason: string, @Ctx() ctx: AuthedContext): Promise<EscrowRoom> {
    return ctx.services.escrow.openDispute(ctx, roomId, reason);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => EscrowRoom, { description: 'Admins: RELEASE, REFUND or SPLIT a disputed room. Audited.' })
  resolveEscrowDispute(@Arg('roomId', () => ID) roomId: string, @Arg('input', () => ResolveEscrowDisputeInput) input: ResolveEscrowDisputeInput, @Ctx() ctx: AuthedContext): Promise<EscrowRoom> {
    return ctx.services.escrow.resolveDispute(ctx, roomId, input);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => FeeScheduleView, { description: 'Admins: replaces the fee schedule with a new version (rooms keep the version they were quoted with).' })
  async replaceEscrowFeeSchedule(
    @Arg('min', () => MoneyScalar) min: number,
    @Arg('tiers', () => [FeeTierInput]) tiers: FeeTierInput[],
    @Ctx() ctx: AuthedContext,
  ): Promise<FeeScheduleView> {
    const s = await ctx.services.escrow.replaceSchedule(ctx, { min, tiers: tiers.map((t) => ({ upTo: t.upTo, ...(t.fixed != null ? { fixed: t.fixed } : {}), ...(t.basisPoints != null ? { basisPoints: t.basisPoints } : {}) })) });
    return { version: s.version, min: s.min, tiers: s.tiers.map((t) => ({ upTo: t.upTo, fixed: t.fixed ?? null, basisPoints: t.basisPoints ?? null })) };
  }

  @Authorized()
  @Subscription(() => EscrowRoom, { description: 'Every change of a room you are party to (admins: disputed rooms).', subscribe: subscribeChecked('ESCROW', ownTopic, always) })
  escrowRoomUpdated(@Root() payload: Topics['ESCROW'][1], @Ctx() ctx: Context): Promise<EscrowRoom> {
    return ctx.em.fork().findOneOrFail(EscrowRoom, payload.roomId);
  }

  @FieldResolver(() => User, { nullable: true })
  async buyer(@Root() room: EscrowRoom): Promise<User | null> {
    return room.buyer ? ((await room.buyer.load()) ?? null) : null;
  }

  @FieldResolver(() => User, { nullable: true })
  async seller(@Root() room: EscrowRoom): Promise<User | null> {
    return room.seller ? ((await room.seller.load()) ?? null) : null;
  }

  @FieldResolver(() => EscrowRole, { nullable: true, description: 'Your side (null for admins).' })
  myRole(@Root() room: EscrowRoom, @Ctx() ctx: Context): EscrowRole | null {
    if (!ctx.user) return null;
    return room.buyer?.id === ctx.user.id ? 'BUYER' : room.seller?.id === ctx.user.id ? 'SELLER' : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Share /rekber/join/<code> with the counterparty (parties only).' })
  inviteCode(@Root() room: EscrowRoom, @Ctx() ctx: Context): string | null {
    return ctx.user && (room.buyer?.id === ctx.user.id || room.seller?.id === ctx.user.id) ? room.inviteCode : null;
  }

  @FieldResolver(() => Conversation, { nullable: true, description: 'The room\'s chat: parties and admins only (null for someone viewing by invite code).' })
  async conversation(@Root() room: EscrowRoom, @Ctx() ctx: Context): Promise<Conversation | null> {
    const allowed = ctx.user && (ctx.user.role === Role.ADMIN || room.buyer?.id === ctx.user.id || room.seller?.id === ctx.user.id);
    return allowed ? ((await room.conversation.load()) ?? null) : null;
  }

  @FieldResolver(() => Payment, { nullable: true, description: 'The latest payment attempt.' })
  payment(@Root() room: EscrowRoom, @Ctx() ctx: Context): Promise<Payment | null> {
    return latestPayment(ctx, 'ESCROW_ROOM', room.id);
  }

  @FieldResolver(() => Shipment, { nullable: true })
  shipment(@Root() room: EscrowRoom, @Ctx() ctx: Context): Promise<Shipment | null> {
    return batched<Shipment | null>(ctx, 'roomShipment', room.id, async (ids) =>
      new Map((await ctx.em.find(Shipment, { tradeType: 'ESCROW_ROOM', tradeId: { $in: [...ids] } })).map((s) => [s.tradeId, s])), null);
  }

  @FieldResolver(() => Dispute, { nullable: true })
  dispute(@Root() room: EscrowRoom, @Ctx() ctx: Context): Promise<Dispute | null> {
    return latestDispute(ctx, 'ESCROW_ROOM', room.id);
  }

  @FieldResolver(() => [Message], { description: 'State changes (SYSTEM messages), oldest first.' })
  timeline(@Root() room: EscrowRoom, @Ctx() ctx: Context): Promise<Message[]> {
    return systemTimeline(ctx, room.conversation.id);
  }
}

/** Payment fields with restricted visibility. */
@Resolver(() => Payment)
export class PaymentResolver {
  @FieldResolver(() => Photo, { nullable: true, description: 'MANUAL_TRANSFER: the transfer receipt (the payer, admins, and for an order its store\'s staff; null for everyone else).' })
  async proof(@Root() payment: Payment, @Ctx() ctx: Context): Promise<Photo | null> {
    if (!payment.proof || !(await ctx.services.payments.maySeeProof(ctx, payment))) return null;
    return (await payment.proof.load()) ?? null;
  }
}
