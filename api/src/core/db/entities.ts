import { Category } from '../../catalog/category.entity.js';
import { City } from '../../catalog/city.entity.js';
import { Listing } from '../../catalog/listing.entity.js';
import { Photo } from '../../catalog/photo.entity.js';
import { RefreshToken } from '../../identity/refresh-token.entity.js';
import { User } from '../../identity/user.entity.js';
import { AuditLog } from '../../admin/audit-log.entity.js';
import { Deal } from '../../barter/deal.entity.js';
import { Offer, OfferItem } from '../../barter/offer.entity.js';
import { Conversation, ConversationParticipant } from '../../chat/conversation.entity.js';
import { Message } from '../../chat/message.entity.js';
import { Notification } from '../../notify/notification.entity.js';
import { Dispute } from '../../trade/dispute.entity.js';
import { Shipment } from '../../trade/shipment.entity.js';
import { EscrowRoom } from '../../escrow/escrow-room.entity.js';
import { FeeScheduleVersion } from '../../escrow/fee-schedule.entity.js';
import { LedgerPosting, LedgerTransaction } from '../../ledger/ledger.entity.js';
import { Payment, PaymentEvent } from '../../payments/payment.entity.js';
import { CartItem } from '../../commerce/cart.entity.js';
import { Order, OrderItem } from '../../commerce/order.entity.js';
import { RestockItem, RestockOrder, Supplier } from '../../commerce/restock.entity.js';
import { ShippingService } from '../../commerce/shipping-service.entity.js';
import { Store, StoreStaff } from '../../commerce/store.entity.js';
import { Setting } from './setting.entity.js';

/** Every MikroORM entity, listed explicitly (no folder discovery). */
export const ENTITIES = [
  User, RefreshToken, City, Category, Photo, Listing, Setting,
  Conversation, ConversationParticipant, Message, Notification, AuditLog, Shipment, Dispute,
  Offer, OfferItem, Deal,
  EscrowRoom, FeeScheduleVersion, LedgerTransaction, LedgerPosting, Payment, PaymentEvent,
  Store, StoreStaff, ShippingService, CartItem, Order, OrderItem, Supplier, RestockOrder, RestockItem,
];
