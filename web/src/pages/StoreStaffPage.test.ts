import { describe, expect, it, vi } from 'vitest';
import { MyStoresDocument } from '@/composables/useShop';
import { AddStoreStaffDocument, StoreStaffDocument } from '@/composables/useStoreAdmin';
import { useSessionStore } from '@/stores/session';
import { storeFixture, userA, userB } from '@/test/fixtures';
import { authPayload, mountWithApp, settle } from '@/test/mountWithApp';
import StoreStaffPage from './StoreStaffPage.vue';

const stores = { request: { query: MyStoresDocument }, result: { data: { myStores: [storeFixture()] } } };
const person = (id: string, displayName: string) => ({ __typename: 'User' as const, id, displayName });
const dewi = person('u3', 'Dewi Lestari');
const staffList = (people: ReturnType<typeof person>[]) => ({
  request: { query: StoreStaffDocument, variables: { slug: 'harmoni-bandung' } },
  result: { data: { store: { __typename: 'Store' as const, id: 's1', staff: people } } },
});
const added = (email: string, people: ReturnType<typeof person>[]) => ({
  request: { query: AddStoreStaffDocument, variables: { storeId: 's1', email } },
  result: { data: { addStoreStaff: { __typename: 'Store' as const, id: 's1', staff: people } } },
});
const rows = (wrapper: Awaited<ReturnType<typeof mountWithApp>>['wrapper']) =>
  wrapper.findAll('[data-testid="staff-person"]').map((li) => `${li.attributes('data-role')}:${li.text()}`);

describe('StoreStaffPage', () => {
  it('scrolls the current tab ("Staf") into view in the sideways-scrolling tab bar', async () => {
    const scrolled: { el: Element; options: unknown }[] = [];
    vi.spyOn(Element.prototype, 'scrollIntoView').mockImplementation(function (this: Element, options?: unknown) {
      scrolled.push({ el: this, options });
    });
    const { wrapper } = await mountWithApp(StoreStaffPage, {
      route: '/toko-saya/staf',
      before: () => useSessionStore().login(authPayload()),
      mocks: [stores, staffList([person(userA.id, userA.displayName)])],
    });
    await settle(8);
    const tab = wrapper.get('[data-testid="store-tab-store-staff"]');
    expect(tab.attributes('aria-current')).toBe('page');
    expect(scrolled.length).toBeGreaterThan(0);
    expect(scrolled.every((s) => s.el === tab.element)).toBe(true);
    expect(scrolled[0].options).toEqual({ inline: 'nearest', block: 'nearest' });
  });

  it('lists the owner first, then the staff, as the API returns them', async () => {
    const { wrapper } = await mountWithApp(StoreStaffPage, {
      route: '/toko-saya/staf',
      before: () => useSessionStore().login(authPayload()),
      mocks: [stores, staffList([person(userA.id, userA.displayName), person(userB.id, userB.displayName), dewi])],
    });
    await settle(8);
    expect(rows(wrapper)).toEqual(['OWNER:Siti AminahPemilik', 'STAFF:Budi SantosoStaf', 'STAFF:Dewi LestariStaf']);
    expect(wrapper.find('[data-testid="staff-none"]').exists()).toBe(false);
    expect(wrapper.text()).not.toContain('belum bisa ditampilkan');
  });

  it('adds a member by email (trimmed, lower-case): the list becomes the API’s new one', async () => {
    const { wrapper } = await mountWithApp(StoreStaffPage, {
      route: '/toko-saya/staf',
      before: () => useSessionStore().login(authPayload()),
      mocks: [stores, staffList([person(userA.id, userA.displayName)]), added('budi@pasar.test', [person(userA.id, userA.displayName), person(userB.id, userB.displayName)])],
    });
    await settle(8);
    expect(rows(wrapper)).toEqual(['OWNER:Siti AminahPemilik']);
    expect(wrapper.get('[data-testid="staff-none"]').text()).toBe('Belum ada staf selain pemilik.');
    await wrapper.get('[data-testid="staff-email"]').setValue('budi');
    await wrapper.get('[data-testid="staff-form"]').trigger('submit');
    expect(wrapper.text()).toContain('Masukkan alamat email yang benar.');
    await wrapper.get('[data-testid="staff-email"]').setValue('  Budi@Pasar.test ');
    await wrapper.get('[data-testid="staff-form"]').trigger('submit');
    await settle(5);
    expect(wrapper.get('[data-testid="staff-done"]').text()).toBe('budi@pasar.test sekarang staf toko ini.');
    expect(rows(wrapper)).toEqual(['OWNER:Siti AminahPemilik', 'STAFF:Budi SantosoStaf']);
    expect(wrapper.find('[data-testid="staff-none"]').exists()).toBe(false);
    expect((wrapper.get('[data-testid="staff-email"]').element as HTMLInputElement).value).toBe('');
  });

  it('shows a failed list with a retry, and still lets the owner add staff', async () => {
    const { wrapper } = await mountWithApp(StoreStaffPage, {
      route: '/toko-saya/staf',
      before: () => useSessionStore().login(authPayload()),
      mocks: [stores, { request: { query: StoreStaffDocument, variables: { slug: 'harmoni-bandung' } }, error: new Error('offline') }, staffList([person(userA.id, userA.displayName), dewi])],
    });
    await settle(8);
    expect(wrapper.get('[data-testid="error-state"]').text()).toContain('Coba lagi');
    expect(wrapper.find('[data-testid="staff-list"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="staff-form"]').exists()).toBe(true);
    await wrapper.get('[data-testid="error-state"] button').trigger('click');
    await settle(8);
    expect(rows(wrapper)).toEqual(['OWNER:Siti AminahPemilik', 'STAFF:Dewi LestariStaf']);
  });

  it('says so when no account has the email', async () => {
    const { wrapper } = await mountWithApp(StoreStaffPage, {
      route: '/toko-saya/staf',
      before: () => useSessionStore().login(authPayload()),
      mocks: [
        stores,
        staffList([person(userA.id, userA.displayName)]),
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
    expect(wrapper.find('[data-testid="staff-done"]').exists()).toBe(false);
    expect(rows(wrapper)).toEqual(['OWNER:Siti AminahPemilik']);
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
