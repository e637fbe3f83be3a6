import { createPinia, setActivePinia } from 'pinia';
import { describe, expect, it } from 'vitest';
import { nextTick } from 'vue';
import AppThemeSwitch from '@/components/app/AppThemeSwitch.vue';
import { mountWithApp } from '@/test/mountWithApp';
import { useThemeStore } from './theme';

describe('theme store', () => {
  it('cycles light → dark → system, persists the choice and sets data-theme on <html>', async () => {
    setActivePinia(createPinia());
    const theme = useThemeStore();
    expect(theme.mode).toBe('system');
    theme.setMode('light');
    await nextTick();
    expect(document.documentElement.dataset.theme).toBe('light');
    theme.cycle();
    await nextTick();
    expect(theme.mode).toBe('dark');
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(localStorage.getItem('pasar.theme')).toBe('dark');
    theme.cycle();
    expect(theme.mode).toBe('system');
  });

  it('restores the saved mode; the header button switches it', async () => {
    localStorage.setItem('pasar.theme', 'dark');
    const { wrapper } = await mountWithApp(AppThemeSwitch);
    await nextTick();
    expect(document.documentElement.dataset.theme).toBe('dark');
    const button = wrapper.get('[data-testid="theme-switch"]');
    expect(button.attributes('aria-label')).toBe('Tema: Gelap. Klik untuk mengganti.');
    await button.trigger('click');
    expect(button.attributes('data-mode')).toBe('system');
  });
});
