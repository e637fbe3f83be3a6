import { describe, expect, it } from 'vitest';
import { mountWithApp } from '@/test/mountWithApp';
import AppErrorState from './AppErrorState.vue';

describe('AppErrorState', () => {
  it('offers Retry by default and emits it; retryable=false hides it', async () => {
    const error = new Error('network down');
    const { wrapper } = await mountWithApp(AppErrorState, { props: { error } });
    const button = wrapper.find('button');
    expect(button.exists()).toBe(true);
    await button.trigger('click');
    expect(wrapper.emitted('retry')).toHaveLength(1);

    const quiet = await mountWithApp(AppErrorState, { props: { error, retryable: false } });
    expect(quiet.wrapper.find('button').exists()).toBe(false);
  });
});
