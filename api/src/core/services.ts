import { BarterService, BARTER_JOBS } from '../barter/barter.service.js';
import { ChatService } from '../chat/chat.service.js';
import { CommerceService, COMMERCE_JOBS } from '../commerce/commerce.service.js';
import { RestockService } from '../commerce/restock.service.js';
import { ShippingAdminService } from '../commerce/shipping-admin.service.js';
import { StoreService } from '../commerce/store.service.js';
import { EscrowService, ESCROW_JOBS } from '../escrow/escrow.service.js';
import { LedgerService } from '../ledger/ledger.service.js';
import { PaymentService } from '../payments/payment.service.js';
import { createProviders, type PaymentProvider, type ProviderName } from '../payments/provider.js';
import { ListingService } from '../catalog/listing.service.js';
import { NotificationService } from '../notify/notification.service.js';
import { PhotoService } from '../catalog/photo.service.js';
import { ReferenceService } from '../catalog/reference.service.js';
import { AuthService } from '../identity/auth.service.js';
import type { Config } from './config.js';
import { MessageCipher, parseMessageKeys } from './crypto.js';
import { Jobs } from './jobs.js';
import { Live } from './live.js';
import type { AppPubSub } from './pubsub.js';
import type { Storage } from './storage.js';

/** Every service of the API, built once at boot and shared by HTTP, WebSocket and jobs. */
export interface Services {
  auth: AuthService;
  reference: ReferenceService;
  listings: ListingService;
  photos: PhotoService;
  pubsub: AppPubSub;
  live: Live;
  chat: ChatService;
  notifications: NotificationService;
  jobs: Jobs;
  barter: BarterService;
  ledger: LedgerService;
  providers: Map<ProviderName, PaymentProvider>;
  escrow: EscrowService;
  commerce: CommerceService;
  stores: StoreService;
  restock: RestockService;
  shippingAdmin: ShippingAdminService;
  payments: PaymentService;
}

/** Registers every job handler (run with a fresh EntityManager each time). */
export function registerJobs(services: Services, em: () => import('@mikro-orm/postgresql').EntityManager): void {
  const { barter, jobs } = services;
  jobs.on(BARTER_JOBS.expireOffer, ({ id }) => barter.expireOffer(em(), id));
  jobs.on(BARTER_JOBS.shipTimeout, ({ id }) => barter.shipTimeout(em(), id));
  jobs.on(BARTER_JOBS.receiptTimeout, ({ id }) => barter.receiptTimeout(em(), id));
  jobs.on(ESCROW_JOBS.inspection, ({ id }) => services.escrow.inspectionTimeout(em(), id));
  jobs.on(COMMERCE_JOBS.expireOrder, ({ id }) => services.commerce.expire(em(), id));
  jobs.on(COMMERCE_JOBS.autoComplete, ({ id }) => services.commerce.autoComplete(em(), id));
  jobs.on(COMMERCE_JOBS.autoDeliver, ({ id }) => services.commerce.autoDeliver(em(), id));
}

export function createServices(config: Config, storage: Storage, pubsub: AppPubSub, jobs: Jobs): Services {
  const reference = new ReferenceService();
  const live = new Live(pubsub);
  const chat = new ChatService(new MessageCipher(parseMessageKeys(config.messageKeys)), live);
  const notifications = new NotificationService();
  const ledger = new LedgerService();
  const providers = createProviders(config.payments);
  const payments = new PaymentService(notifications, live, ledger);
  const escrow = new EscrowService(config, chat, notifications, ledger, providers, live, jobs);
  const commerce = new CommerceService(config, reference, notifications, live, jobs, providers, ledger);
  payments.register('ESCROW_ROOM', escrow.paymentHandler);
  payments.register('ORDER', commerce.paymentHandler);
  return {
    auth: new AuthService(config),
    reference,
    listings: new ListingService(reference),
    photos: new PhotoService(storage),
    pubsub,
    live,
    chat,
    notifications,
    jobs,
    barter: new BarterService(config, chat, notifications, live, jobs),
    ledger,
    providers,
    escrow,
    commerce,
    payments,
    stores: new StoreService(reference, chat),
    restock: new RestockService(),
    shippingAdmin: new ShippingAdminService(),
  };
}
