import { describe, expect, it } from 'vitest';
import { mountWithApp } from '@/test/mountWithApp';
import ShipmentForm from './ShipmentForm.vue';

async function form(locale: 'id' | 'en' = 'id') {
  const { wrapper } = await mountWithApp(ShipmentForm, { props: { recipientName: 'Budi' }, locale });
  const submit = async () => {
    await wrapper.get('form').trigger('submit');
  };
  return { wrapper, submit };
}

describe('ShipmentForm', () => {
  it('lists every courier by name in a native select', async () => {
    const { wrapper } = await form();
    const options = wrapper.findAll('[data-testid="ship-courier"] option').map((o) => o.text());
    expect(options).toEqual(['Pilih kurir', 'JNE', 'J&T Express', 'SiCepat', 'AnterAja', 'POS Indonesia', 'Ninja Xpress', 'ID Express', 'Lion Parcel', 'Lainnya']);
  });

  it('asks for a courier and a tracking number before sending', async () => {
    const { wrapper, submit } = await form();
    await submit();
    expect(wrapper.get('#ship-courier-error').text()).toBe('Pilih kurir');
    expect(wrapper.get('#ship-tracking-error').text()).toBe('Masukkan nomor resi');
    expect(wrapper.get('#ship-courier').attributes('aria-invalid')).toBe('true');
    expect(wrapper.emitted('submit')).toBeUndefined();
  });

  it('refuses other characters and a wrong length, as normaliseTrackingNumber does', async () => {
    const { wrapper, submit } = await form();
    await wrapper.get('[data-testid="ship-courier"]').setValue('JNE');
    await wrapper.get('[data-testid="ship-tracking"]').setValue('JP12#45678');
    await submit();
    expect(wrapper.get('#ship-tracking-error').text()).toBe('Nomor resi hanya berisi huruf dan angka');
    await wrapper.get('[data-testid="ship-tracking"]').setValue('JP-12 3');
    expect(wrapper.get('#ship-tracking-error').text()).toBe('Nomor resi harus 6–40 huruf dan angka');
    await wrapper.get('[data-testid="ship-tracking"]').setValue('A'.repeat(41));
    expect(wrapper.get('#ship-tracking-error').text()).toBe('Nomor resi harus 6–40 huruf dan angka');
    expect(wrapper.emitted('submit')).toBeUndefined();
  });

  it('sends the courier and the normalised tracking number, showing how it is saved', async () => {
    const { wrapper, submit } = await form();
    await wrapper.get('[data-testid="ship-courier"]').setValue('JNT');
    await wrapper.get('[data-testid="ship-tracking"]').setValue(' jp 1234-5678 90 ');
    expect(wrapper.get('[data-testid="ship-normalised"]').text()).toBe('Disimpan sebagai JP1234567890');
    await submit();
    expect(wrapper.find('.field-error').exists()).toBe(false);
    expect(wrapper.emitted('submit')).toEqual([[{ courier: 'JNT', trackingNumber: 'JP1234567890' }]]);
  });

  it('words its errors in English', async () => {
    const { wrapper, submit } = await form('en');
    await submit();
    expect(wrapper.get('#ship-courier-error').text()).toBe('Choose a courier');
    expect(wrapper.get('#ship-tracking-error').text()).toBe('Enter the tracking number');
  });
});
