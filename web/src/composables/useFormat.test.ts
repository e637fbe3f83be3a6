import { formatRupiah } from '@pasar/domain';
import { describe, expect, it } from 'vitest';
import { defineComponent, h } from 'vue';
import { mountWithApp } from '@/test/mountWithApp';
import { formatMoney, useFormat } from './useFormat';

describe('formatMoney', () => {
  it('joins "Rp" and the amount with a non-breaking space, so they never part at a line end', () => {
    expect(formatMoney(1_250_000)).toBe('Rp\u00a01.250.000');
    expect(formatMoney(0)).toBe('Rp\u00a00');
    expect(formatMoney(-5_000)).toBe('-Rp\u00a05.000');
    expect(formatMoney(1_250_000)).not.toMatch(/Rp /);
  });

  it('is empty for anything but a safe integer', () => {
    expect(formatMoney(null)).toBe('');
    expect(formatMoney(undefined)).toBe('');
    expect(formatMoney(12.5)).toBe('');
    expect(formatMoney(Number.MAX_SAFE_INTEGER + 1)).toBe('');
  });

  it('leaves the domain’s formatRupiah (used by the server’s messages) with a plain space', () => {
    expect(formatRupiah(325_000)).toBe('Rp 325.000');
  });

  it('is what useFormat().money renders', async () => {
    const Probe = defineComponent({
      setup() {
        const fmt = useFormat();
        return () => h('span', { 'data-testid': 'amount' }, fmt.money(325_000));
      },
    });
    const { wrapper } = await mountWithApp(Probe);
    expect(wrapper.get('[data-testid="amount"]').text()).toBe('Rp\u00a0325.000');
  });
});
