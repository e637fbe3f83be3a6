import { createRouter, createWebHistory, type RouteRecordRaw, type RouterHistory } from 'vue-router';
import HomePage from '@/pages/HomePage.vue';
import { useSessionStore } from '@/stores/session';

declare module 'vue-router' {
  interface RouteMeta {
    /** only for logged-in members: guests go to /login?redirect=… */
    requiresAuth?: boolean;
    /** login/register: a logged-in member goes on to ?redirect or home */
    guestOnly?: boolean;
    /** admins only (implies requiresAuth): others see the not-found page */
    requiresAdmin?: boolean;
  }
}

export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: HomePage },
  {
    path: '/listings/new',
    name: 'listing-new',
    component: () => import('@/pages/ListingFormPage.vue'),
    meta: { requiresAuth: true },
  },
  { path: '/listings/:id', name: 'listing', component: () => import('@/pages/ListingPage.vue') },
  {
    path: '/listings/:id/edit',
    name: 'listing-edit',
    component: () => import('@/pages/ListingFormPage.vue'),
    meta: { requiresAuth: true },
  },
  {
    path: '/listings/:id/offer',
    name: 'make-offer',
    component: () => import('@/pages/MakeOfferPage.vue'),
    meta: { requiresAuth: true },
  },
  { path: '/offers/:id', name: 'offer', component: () => import('@/pages/OfferPage.vue'), meta: { requiresAuth: true } },
  { path: '/deals/:id', name: 'deal', component: () => import('@/pages/DealPage.vue'), meta: { requiresAuth: true } },
  { path: '/inbox/:conversationId?', name: 'inbox', component: () => import('@/pages/InboxPage.vue'), meta: { requiresAuth: true } },
  { path: '/trades', name: 'trades', component: () => import('@/pages/TradesPage.vue'), meta: { requiresAuth: true } },
  { path: '/rekber', name: 'escrow-list', component: () => import('@/pages/EscrowListPage.vue'), meta: { requiresAuth: true } },
  { path: '/rekber/new', name: 'escrow-new', component: () => import('@/pages/EscrowNewPage.vue'), meta: { requiresAuth: true } },
  { path: '/rekber/join/:code', name: 'escrow-join', component: () => import('@/pages/EscrowJoinPage.vue'), meta: { requiresAuth: true } },
  { path: '/rekber/:id', name: 'escrow-room', component: () => import('@/pages/EscrowRoomPage.vue'), meta: { requiresAuth: true } },
  {
    path: '/admin/rekber',
    name: 'admin-escrow',
    component: () => import('@/pages/AdminEscrowPage.vue'),
    meta: { requiresAuth: true, requiresAdmin: true },
  },
  {
    path: '/admin/dashboard',
    name: 'admin-dashboard',
    component: () => import('@/pages/AdminDashboardPage.vue'),
    meta: { requiresAuth: true, requiresAdmin: true },
  },
  {
    path: '/admin/pengiriman',
    name: 'admin-shipping',
    component: () => import('@/pages/AdminShippingPage.vue'),
    meta: { requiresAuth: true, requiresAdmin: true },
  },
  {
    path: '/admin/disputes',
    name: 'admin-disputes',
    component: () => import('@/pages/AdminDisputesPage.vue'),
    meta: { requiresAuth: true, requiresAdmin: true },
  },
  {
    path: '/admin/deals/:id',
    name: 'admin-deal',
    component: () => import('@/pages/DealPage.vue'),
    meta: { requiresAuth: true, requiresAdmin: true },
  },
  {
    path: '/me/listings',
    name: 'my-listings',
    component: () => import('@/pages/MyListingsPage.vue'),
    meta: { requiresAuth: true },
  },
  { path: '/toko/:slug', name: 'store', component: () => import('@/pages/StorePage.vue') },
  { path: '/keranjang', name: 'cart', component: () => import('@/pages/CartPage.vue'), meta: { requiresAuth: true } },
  { path: '/checkout/:storeId', name: 'checkout', component: () => import('@/pages/CheckoutPage.vue'), meta: { requiresAuth: true } },
  { path: '/pesanan', name: 'my-orders', component: () => import('@/pages/MyOrdersPage.vue'), meta: { requiresAuth: true } },
  { path: '/pesanan/:id', name: 'order', component: () => import('@/pages/OrderPage.vue'), meta: { requiresAuth: true } },
  { path: '/toko-saya', name: 'store-desk', component: () => import('@/pages/StoreDeskPage.vue'), meta: { requiresAuth: true } },
  { path: '/toko-saya/buka', name: 'store-open', component: () => import('@/pages/StoreOpenPage.vue'), meta: { requiresAuth: true } },
  { path: '/toko-saya/produk', name: 'store-products', component: () => import('@/pages/StoreProductsPage.vue'), meta: { requiresAuth: true } },
  { path: '/toko-saya/restok', name: 'store-restock', component: () => import('@/pages/StoreRestockPage.vue'), meta: { requiresAuth: true } },
  { path: '/toko-saya/staf', name: 'store-staff', component: () => import('@/pages/StoreStaffPage.vue'), meta: { requiresAuth: true } },
  { path: '/toko-saya/profil', name: 'store-profile', component: () => import('@/pages/StoreProfilePage.vue'), meta: { requiresAuth: true } },
  // The API's LOW_STOCK notifications link here.
  { path: '/store/:slug/stock', redirect: (to) => ({ name: 'store-products', query: { toko: String(to.params.slug) } }) },
  { path: '/login', name: 'login', component: () => import('@/pages/LoginPage.vue'), meta: { guestOnly: true } },
  { path: '/register', name: 'register', component: () => import('@/pages/RegisterPage.vue'), meta: { guestOnly: true } },
  { path: '/terms', name: 'terms', component: () => import('@/pages/TermsPage.vue') },
  { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('@/pages/NotFoundPage.vue') },
];

/** Only same-app paths are followed after login (no open redirects). */
export function safeRedirect(value: unknown): string | null {
  const s = Array.isArray(value) ? value[0] : value;
  return typeof s === 'string' && s.startsWith('/') && !s.startsWith('//') && !s.startsWith('/\\') ? s : null;
}

export function createPasarRouter(history: RouterHistory = createWebHistory(import.meta.env.BASE_URL)) {
  const router = createRouter({
    history,
    routes,
    scrollBehavior(to, from, saved) {
      if (saved) return saved;
      if (to.hash) return { el: to.hash };
      if (to.name === from.name && to.name === 'home') return false;
      return { top: 0 };
    },
  });

  router.beforeEach(async (to) => {
    const session = useSessionStore();
    if (to.meta.requiresAuth || to.meta.guestOnly) await session.restore();
    if (to.meta.requiresAuth && !session.isLoggedIn) {
      return { name: 'login', query: { redirect: to.fullPath } };
    }
    if (to.meta.requiresAdmin && !session.isAdmin) {
      return { name: 'not-found', params: { pathMatch: to.path.slice(1).split('/') }, query: to.query, hash: to.hash };
    }
    if (to.meta.guestOnly && session.isLoggedIn) {
      return safeRedirect(to.query.redirect) ?? { name: 'home' };
    }
    return true;
  });

  return router;
}
