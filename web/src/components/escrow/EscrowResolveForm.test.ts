import { describe, expect, it } from 'vitest';
import { mountWithApp, settle } from '@/test/mountWithApp';
import EscrowResolveForm from './EscrowResolveForm.vue';

describe('EscrowResolveForm', () => {
  it('checks the split live and sends it only when the parts add up to the amount', async () => {
    const { wrapper } = await mountWithApp(EscrowResolveForm, { props: { amount: 250_000 }, attachTo: document.body });
    await wrapper.get('[data-testid="escrow-resolve-SPLIT"]').setValue(true);
    const seller = wrapper.get('[data-testid="escrow-split-seller"]');
    const buyer = wrapper.get('[data-testid="escrow-split-buyer"]');
    await seller.setValue('150000');
    expect((seller.element as HTMLInputElement).value).toBe('150.000');
    const sum = () => wrapper.get('[data-testid="escrow-split-sum"]');
    expect(sum().attributes('data-ok')).toBe('false');
    expect(sum().text()).toContain('Isi kedua bagian');

    await buyer.setValue('90000');
    expect(sum().attributes('data-ok')).toBe('false');
    expect(sum().text()).toContain('Jumlah Rp\u00a0240.000 dari Rp\u00a0250.000');
    expect(sum().text()).toContain('selisih Rp\u00a010.000');
    expect(wrapper.get('[data-testid="escrow-resolve-submit"]').attributes('disabled')).toBeDefined();

    await buyer.setValue('100000');
    expect(sum().attributes('data-ok')).toBe('true');
    expect(sum().text()).toContain('Pas: Rp\u00a0250.000');
    expect(wrapper.get('[data-testid="escrow-resolve-submit"]').attributes('disabled')).toBeUndefined();

    await wrapper.get('[data-testid="escrow-resolve-note"]').setValue('Barang rusak sebagian; dibagi dua pihak.');
    await wrapper.get('[data-testid="escrow-resolve-form"]').trigger('submit');
    await settle();
    await wrapper.get('[data-testid="escrow-resolve-confirm"]').trigger('click');
    expect(wrapper.emitted('resolve')).toEqual([[{ outcome: 'SPLIT', note: 'Barang rusak sebagian; dibagi dua pihak.', toSeller: 150_000, toBuyer: 100_000 }]]);
    wrapper.unmount();
  });

  it('sends RELEASE without split parts, and asks for an outcome and a note first', async () => {
    const { wrapper } = await mountWithApp(EscrowResolveForm, { props: { amount: 250_000 }, attachTo: document.body });
    await wrapper.get('[data-testid="escrow-resolve-form"]').trigger('submit');
    expect(wrapper.text()).toContain('Pilih keputusan');
    expect(wrapper.find('[data-testid="escrow-resolve-dialog"]').exists()).toBe(false);
    await wrapper.get('[data-testid="escrow-resolve-RELEASE"]').setValue(true);
    expect(wrapper.find('[data-testid="escrow-split"]').exists()).toBe(false);
    await wrapper.get('[data-testid="escrow-resolve-note"]').setValue('Barang sesuai.');
    await wrapper.get('[data-testid="escrow-resolve-form"]').trigger('submit');
    await settle();
    await wrapper.get('[data-testid="escrow-resolve-confirm"]').trigger('click');
    expect(wrapper.emitted('resolve')).toEqual([[{ outcome: 'RELEASE', note: 'Barang sesuai.' }]]);
    wrapper.unmount();
  });
});
