import { describe, expect, it } from 'vitest';
import AppHeader from '@/components/app/AppHeader.vue';
import { mountWithApp } from '@/test/mountWithApp';
import en from './en';
import id from './id';
import { createPasarI18n, initialLocale } from './index';

function keys(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

describe('i18n', () => {
  it('has the same keys in Indonesian and English, none empty', () => {
    expect(keys(en).sort()).toEqual(keys(id).sort());
    for (const k of keys(id)) {
      const path = k.split('.');
      const get = (o: unknown) => path.reduce((acc, p) => (acc as Record<string, unknown>)[p], o) as string;
      expect(get(id).trim(), k).not.toBe('');
      expect(get(en).trim(), k).not.toBe('');
    }
  });

  it('compiles every message in both locales', () => {
    const i18n = createPasarI18n('id');
    for (const locale of ['id', 'en'] as const) {
      i18n.global.locale.value = locale;
      for (const k of keys(id)) expect(() => i18n.global.t(k, { n: 1, name: 'x' }), `${locale}:${k}`).not.toThrow();
    }
  });

  it('defaults to Indonesian and restores the saved locale', () => {
    expect(initialLocale()).toBe('id');
    localStorage.setItem('pasar.locale', 'en');
    expect(initialLocale()).toBe('en');
    localStorage.setItem('pasar.locale', 'fr');
    expect(initialLocale()).toBe('id');
  });

  it('switches ID ⇄ EN from the header, persists it and sets <html lang>', async () => {
    const { wrapper } = await mountWithApp(AppHeader);
    expect(document.documentElement.lang).toBe('id');
    expect(wrapper.get('[data-testid="nav-new-listing"]').text()).toBe('Pasang iklan');
    expect(wrapper.get('[data-testid="nav-login"]').text()).toBe('Masuk');

    await wrapper.get('[data-testid="lang-switch"]').trigger('click');
    expect(wrapper.get('[data-testid="nav-new-listing"]').text()).toBe('Post a listing');
    expect(wrapper.get('[data-testid="nav-login"]').text()).toBe('Log in');
    expect(wrapper.get('[data-testid="lang-switch"]').text()).toBe('EN');
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem('pasar.locale')).toBe('en');

    await wrapper.get('[data-testid="lang-switch"]').trigger('click');
    expect(wrapper.get('[data-testid="nav-login"]').text()).toBe('Masuk');
    expect(document.documentElement.lang).toBe('id');
  });
});
