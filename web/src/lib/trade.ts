import { OFFER_RULES } from '@pasar/domain';
import type { DealStatus, OfferStatus, TradeParty } from '@/gql/graphql';

/** SYSTEM message codes (Message.systemEvent) the app words in both languages. */
export const SYSTEM_EVENTS = [
  'OFFER_MADE',
  'OFFER_COUNTERED',
  'OFFER_ACCEPTED',
  'OFFER_REJECTED',
  'OFFER_WITHDRAWN',
  'OFFER_EXPIRED',
  'OFFER_CANCELLED',
  'SHIPMENT_SUBMITTED',
  'DEAL_SHIPPED',
  'RECEIPT_CONFIRMED',
  'DEAL_COMPLETED',
  'DEAL_AUTO_COMPLETED',
  'DEAL_CANCELLED_NOT_SHIPPED',
  'DISPUTE_OPENED',
  'DISPUTE_RESOLVED_COMPLETE',
  'DISPUTE_RESOLVED_CANCEL',
  'ESCROW_CREATED',
  'ESCROW_JOINED',
  'ESCROW_FUNDED',
  'ESCROW_SHIPPED',
  'ESCROW_RECEIVED',
  'ESCROW_AUTO_COMPLETED',
  'ESCROW_RELEASED',
  'ESCROW_CANCELLED',
  'ESCROW_RESOLVED_RELEASE',
  'ESCROW_RESOLVED_REFUND',
  'ESCROW_RESOLVED_SPLIT',
] as const;
export type SystemEvent = (typeof SYSTEM_EVENTS)[number];

/** Notification.kind codes the app words in both languages. */
export const NOTIFICATION_KINDS = [
  'OFFER_RECEIVED',
  'OFFER_COUNTERED',
  'OFFER_ACCEPTED',
  'OFFER_REJECTED',
  'OFFER_WITHDRAWN',
  'OFFER_EXPIRED',
  'OFFER_CANCELLED',
  'SHIPMENT_SUBMITTED',
  'RECEIPT_CONFIRMED',
  'DEAL_COMPLETED',
  'DEAL_CANCELLED',
  'DISPUTE_OPENED',
  'DISPUTE_RESOLVED',
  'ESCROW_INVITED',
  'ESCROW_JOINED',
  'ESCROW_FUNDED',
  'ESCROW_SHIPPED',
  'ESCROW_RELEASED',
  'PAYMENT_PROOF',
  'PAYMENT_AMOUNT_MISMATCH',
  'PAYMENT_UNMATCHED',
  'LOW_STOCK',
] as const;

/** The i18n key of a SYSTEM message (an unknown future code gets a neutral wording). */
export function systemEventKey(code: string | null | undefined): string {
  return code && (SYSTEM_EVENTS as readonly string[]).includes(code) ? `systemEvent.${code}` : 'systemEvent.UNKNOWN';
}

/** The i18n key of a notification's title, or null for a kind this app does not know (show its text). */
export function notificationKindKey(kind: string): string | null {
  return (NOTIFICATION_KINDS as readonly string[]).includes(kind) ? `notifications.kind.${kind}` : null;
}

/** Accepts only app paths from the API (e.g. "/offers/…"), never another origin. */
export function appLink(link: string | null | undefined): string | null {
  return typeof link === 'string' && link.startsWith('/') && !link.startsWith('//') && !link.startsWith('/\\') ? link : null;
}

export const otherParty = (p: TradeParty): TradeParty => (p === 'BUYER' ? 'SELLER' : 'BUYER');

export interface OfferActionState {
  status: OfferStatus;
  myTurn: boolean;
  myRole: TradeParty | null | undefined;
  awaiting: TradeParty;
  round: number;
}

/** What the viewer may do with an offer now (mirrors OFFER_TRANSITIONS; the server decides). */
export function offerActions(o: OfferActionState) {
  const pending = o.status === 'PENDING';
  const party = !!o.myRole;
  const answering = pending && party && o.myTurn;
  return {
    accept: answering,
    reject: answering,
    counter: answering && o.round < OFFER_RULES.maxRounds,
    /** The proposer of the current terms, while the other party has not answered. */
    withdraw: pending && party && !o.myTurn && o.myRole !== o.awaiting,
    lastRound: answering && o.round >= OFFER_RULES.maxRounds,
  };
}

interface ShipmentLike {
  sender: { id: string };
  recipient: { id: string };
  receivedAt?: string | null;
}

export type DealStep = 'SHIP' | 'WAIT_SHIPMENT' | 'CONFIRM' | 'WAIT_RECEIPT' | 'NONE';

/** The viewer's next step in a deal: ship, wait for the other parcel, confirm receipt, wait for the other receipt. */
export function dealStep(deal: { status: DealStatus; myRole?: TradeParty | null; shipments: ShipmentLike[] }, myId: string | null | undefined): DealStep {
  if (!deal.myRole || !myId) return 'NONE';
  if (deal.status === 'AWAITING_SHIPMENT') {
    return deal.shipments.some((s) => s.sender.id === myId) ? 'WAIT_SHIPMENT' : 'SHIP';
  }
  if (deal.status === 'SHIPPED') {
    const mine = deal.shipments.find((s) => s.recipient.id === myId);
    return mine && !mine.receivedAt ? 'CONFIRM' : 'WAIT_RECEIPT';
  }
  return 'NONE';
}

/** A dispute may be opened by a party before completion (AWAITING_SHIPMENT or SHIPPED). */
export function canOpenDispute(deal: { status: DealStatus; myRole?: TradeParty | null }): boolean {
  return !!deal.myRole && (deal.status === 'AWAITING_SHIPMENT' || deal.status === 'SHIPPED');
}

export const DISPUTE_REASON = { min: 10, max: 2000 } as const;
export const RESOLUTION_NOTE = { min: 5, max: 2000 } as const;
