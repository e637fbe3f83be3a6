import { describe, expect, it, vi } from 'vitest';
import { MyStoresDocument } from '@/composables/useShop';
import { AddStoreStaffDocument } from '@/composables/useStoreAdmin';
import { useSessionStore } from '@/stores/session';
import { storeFixture, userB } from '@/test/fixtures';
import { authPayload, mountWithApp, settle } from '@/test/mountWithApp';
import StoreStaffPage from './StoreStaffPage.vue';

const stores = { request: { query: MyStoresDocument }, result: { data: { myStores: [storeFixture()] } } };
const added = (email: string) => ({ request: { query: AddStoreStaffDocument, variables: { storeId: 's1', email } }, result: { data: { addStoreStaff: { __typename: 'Store' as const, id: 's1' } } } });

describe('StoreStaffPage', () => {
  it('adds a member by email (trimmed, lower-case) and lists them under the owner', async () => {
    const { wrapper } = await mountWithApp(StoreStaffPage, {
      route: '/toko-saya/staf',
      before: () => useSessionStore().login(authPayload()),
      mocks: [stores, added('budi@pasar.test')],
    });
    await settle(8);
    expect(wrapper.get('[data-testid="staff-list"]').text()).toContain('Siti Aminah');
    expect(wrapper.get('[data-testid="staff-list"]').text()).toContain('Pemilik');
    await wrapper.get('[data-testid="staff-email"]').setValue('budi');
    await wrapper.get('[data-testid="staff-form"]').trigger('submit');
    expect(wrapper.text()).toContain('Masukkan alamat email yang benar.');
    await wrapper.get('[data-testid="staff-email"]').setValue('  Budi@Pasar.test ');
    await wrapper.get('[data-testid="staff-form"]').trigger('submit');
    await settle(5);
    expect(wrapper.get('[data-testid="staff-done"]').text()).toBe('budi@pasar.test sekarang staf toko ini.');
    expect(wrapper.get('[data-testid="staff-added"]').text()).toContain('budi@pasar.test');
    expect((wrapper.get('[data-testid="staff-email"]').element as HTMLInputElement).value).toBe('');
  });

  it('says so when no account has the email', async () => {
    const { wrapper } = await mountWithApp(StoreStaffPage, {
      route: '/toko-saya/staf',
      before: () => useSessionStore().login(authPayload()),
      mocks: [
        stores,
        {
          request: { query: AddStoreStaffDocument, variables: { storeId: 's1', email: 'nobody@pasar.test' } },
          result: { errors: [{ message: 'No member has this email.', extensions: { code: 'BAD_USER_INPUT', field: 'email' } }] },
        },
      ],
    });
    await settle(8);
    await wrapper.get('[data-testid="staff-email"]').setValue('nobody@pasar.test');
    await wrapper.get('[data-testid="staff-form"]').trigger('submit');
    await settle(5);
    expect(wrapper.text()).toContain('Tidak ada akun Pasar dengan email ini.');
    expect(wrapper.find('[data-testid="staff-added"]').exists()).toBe(false);
  });

  it('is the owner’s: staff see a note and no form', async () => {
    const send = vi.fn();
    const { wrapper } = await mountWithApp(StoreStaffPage, {
      route: '/toko-saya/staf',
      before: () => useSessionStore().login(authPayload({ id: userB.id, displayName: userB.displayName })),
      mocks: [stores, { request: { query: AddStoreStaffDocument }, variableMatcher: () => true, result: send }],
    });
    await settle(8);
    expect(wrapper.get('[data-testid="store-owner-only"]').text()).toBe('Hanya pemilik Harmoni Bandung yang dapat membuka bagian ini.');
    expect(wrapper.find('[data-testid="staff-form"]').exists()).toBe(false);
  });
});
