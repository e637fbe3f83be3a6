import { describe, expect, it, vi } from 'vitest';
import { MarkNotificationsReadDocument, NotificationsDocument } from '@/composables/useNotifications';
import { useSessionStore } from '@/stores/session';
import { createLiveApollo } from '@/test/liveApollo';
import { authPayload, mountWithApp, settle } from '@/test/mountWithApp';
import AppNotificationsBell from './AppNotificationsBell.vue';

const notification = (id: string, kind = 'OFFER_RECEIVED') => ({
  __typename: 'Notification' as const,
  id,
  kind,
  text: 'Budi menawarkan barter untuk Sepeda lipat.',
  link: `/offers/o-${id}`,
  createdAt: new Date().toISOString(),
  readAt: null,
});

describe('AppNotificationsBell', () => {
  it('counts a live notification once however often it arrives, and opens its link as read', async () => {
    const live = createLiveApollo([
      { request: { query: NotificationsDocument, variables: { first: 20 } }, result: { data: { notifications: [], unreadNotificationCount: 0 } } },
      { request: { query: MarkNotificationsReadDocument, variables: { ids: ['n1'] } }, result: { data: { markNotificationsRead: 1 } } },
    ]);
    const { wrapper, router } = await mountWithApp(AppNotificationsBell, {
      client: live.client,
      before: () => useSessionStore().login(authPayload()),
    });
    await settle(5);
    expect(wrapper.find('[data-testid="nav-notifications-badge"]').exists()).toBe(false);

    live.emit('NotificationAdded', { notificationAdded: notification('n1') });
    live.emit('NotificationAdded', { notificationAdded: notification('n1') });
    await settle();
    expect(wrapper.get('[data-testid="nav-notifications-badge"]').text()).toBe('1');
    expect(wrapper.emitted('added')).toHaveLength(2);

    await wrapper.get('[data-testid="nav-notifications"]').trigger('click');
    const items = wrapper.findAll('[data-testid="notification-item"]');
    expect(items).toHaveLength(1);
    expect(items[0].text()).toContain('Tawaran barter baru');
    await items[0].trigger('click');
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/offers/o-n1'), { timeout: 5000 });
    expect(wrapper.find('[data-testid="nav-notifications-badge"]').exists()).toBe(false);
  });

  it('titles a payment the API could not apply (PAYMENT_UNMATCHED) and a low-stock alert in words', async () => {
    const live = createLiveApollo([
      {
        request: { query: NotificationsDocument, variables: { first: 20 } },
        result: {
          data: {
            notifications: [
              { ...notification('n2', 'PAYMENT_UNMATCHED'), text: 'Pembayaran Rp 325.000 Anda diterima, tetapi pesanan PSR-1 sudah CANCELLED.', link: '/pesanan/o1' },
              { ...notification('n3', 'LOW_STOCK'), text: 'Stok "Senar gitar" tinggal 1.', link: '/store/harmoni-bandung/stock' },
            ],
            unreadNotificationCount: 2,
          },
        },
      },
    ]);
    const { wrapper } = await mountWithApp(AppNotificationsBell, { client: live.client, before: () => useSessionStore().login(authPayload()) });
    await settle(5);
    await wrapper.get('[data-testid="nav-notifications"]').trigger('click');
    const titles = wrapper.findAll('[data-testid="notification-item"] .title').map((t) => t.text());
    expect(titles).toEqual(['Pembayaran tak terpakai, dana dikembalikan', 'Stok menipis']);
    expect(wrapper.get('[data-kind="PAYMENT_UNMATCHED"]').text()).toContain('pesanan PSR-1 sudah CANCELLED');
  });
});
