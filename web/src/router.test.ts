import { createPinia, setActivePinia } from 'pinia';
import { describe, expect, it } from 'vitest';
import { createMemoryHistory } from 'vue-router';
import { isLostConnection } from './apollo';
import { createPasarRouter } from './router';
import { useSessionStore } from './stores/session';
import { authPayload } from './test/mountWithApp';

async function visit(path: string, role: 'MEMBER' | 'ADMIN' | null) {
  setActivePinia(createPinia());
  if (role) {
    const payload = authPayload();
    useSessionStore().login({ ...payload, user: { ...payload.user, role } });
  }
  const router = createPasarRouter(createMemoryHistory());
  await router.push(path);
  return router.currentRoute.value;
}

describe('router guards for the trade pages', () => {
  it('sends guests to the login page first', async () => {
    for (const path of ['/offers/o1', '/deals/d1', '/inbox', '/trades', '/listings/l1/offer', '/admin/disputes']) {
      const route = await visit(path, null);
      expect(route.name, path).toBe('login');
      expect(route.query.redirect).toBe(path);
    }
  });

  it('opens the admin pages to admins only', async () => {
    expect((await visit('/admin/disputes', 'MEMBER')).name).toBe('not-found');
    expect((await visit('/admin/deals/d1', 'MEMBER')).name).toBe('not-found');
    expect((await visit('/admin/disputes', 'ADMIN')).name).toBe('admin-disputes');
    expect((await visit('/admin/deals/d1', 'ADMIN')).name).toBe('admin-deal');
    expect((await visit('/admin/pengiriman', 'MEMBER')).name).toBe('not-found');
    expect((await visit('/admin/pengiriman', 'ADMIN')).name).toBe('admin-shipping');
    expect((await visit('/inbox/c1', 'MEMBER')).params.conversationId).toBe('c1');
  });
});

describe('live connection state', () => {
  it('treats a normal or deliberate close as idle and anything else as a lost connection', () => {
    expect(isLostConnection({ code: 1000 })).toBe(false); // lazy close: nothing subscribed
    expect(isLostConnection({ code: 4499 })).toBe(false); // terminate() on login/logout
    expect(isLostConnection({ code: 1006 })).toBe(true);
    expect(isLostConnection({ code: 1001 })).toBe(true);
    expect(isLostConnection(new Error('socket error'))).toBe(true);
  });
});

describe('store pages', () => {
  it('sends the API’s low-stock notification link to the store’s products', async () => {
    const route = await visit('/store/harmoni-bandung/stock', 'MEMBER');
    expect(route.name).toBe('store-products');
    expect(route.query.toko).toBe('harmoni-bandung');
    for (const path of ['/toko-saya/produk', '/toko-saya/restok', '/toko-saya/staf', '/toko-saya/profil', '/toko-saya/buka']) {
      expect((await visit(path, null)).name, path).toBe('login');
    }
  });
});
