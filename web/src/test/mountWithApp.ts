import { ApolloClient, InMemoryCache } from '@apollo/client/core';
import { MockLink, type MockedResponse } from '@apollo/client/testing/core';
import { DefaultApolloClient } from '@vue/apollo-composable';
import { mount, type ComponentMountingOptions } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { createMemoryHistory } from 'vue-router';
import type { Component } from 'vue';
import { createCache } from '@/apollo';
import { createPasarI18n, type Locale } from '@/i18n';
import { createPasarRouter } from '@/router';

export function createMockApollo(mocks: readonly MockedResponse[] = []): ApolloClient<unknown> {
  return new ApolloClient({
    link: new MockLink(mocks, true, { showWarnings: false }),
    cache: createCache() as InMemoryCache,
  }) as ApolloClient<unknown>;
}

export interface AppMountOptions<C extends Component> {
  props?: ComponentMountingOptions<C>['props'];
  slots?: ComponentMountingOptions<C>['slots'];
  mocks?: readonly MockedResponse[];
  /** a ready client (e.g. createLiveApollo's); `mocks` is ignored then */
  client?: ApolloClient<unknown>;
  route?: string;
  locale?: Locale;
  attachTo?: HTMLElement | string;
  /** runs after Pinia is active and before the first navigation (e.g. to log a member in) */
  before?: () => void;
}

/** Mounts a component with the app's plugins: Pinia, vue-i18n, the router (memory history) and a mocked Apollo client. */
export async function mountWithApp<C extends Component>(component: C, options: AppMountOptions<C> = {}) {
  const pinia = createPinia();
  setActivePinia(pinia);
  options.before?.();
  const i18n = createPasarI18n(options.locale ?? 'id');
  const router = createPasarRouter(createMemoryHistory());
  await router.push(options.route ?? '/terms');
  await router.isReady();
  const client = options.client ?? createMockApollo(options.mocks);
  const wrapper = mount(component as Component, {
    props: options.props as Record<string, unknown>,
    slots: options.slots as Record<string, unknown>,
    attachTo: options.attachTo,
    global: {
      plugins: [pinia, i18n, router],
      provide: { [DefaultApolloClient]: client },
    },
  });
  return { wrapper, router, client, i18n, pinia };
}

/** Lets pending promises, Apollo's mock timers and Vue's scheduler settle. */
export async function settle(times = 3): Promise<void> {
  for (let i = 0; i < times; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

/** An AuthPayload for tests. */
export function authPayload(user: { id: string; displayName: string } = { id: 'u1', displayName: 'Siti Aminah' }) {
  return {
    __typename: 'AuthPayload' as const,
    accessToken: 'access-1',
    accessTokenExpiresAt: new Date(Date.now() + 15 * 60_000).toISOString(),
    refreshToken: 'refresh-1',
    user: {
      __typename: 'User' as const,
      id: user.id,
      displayName: user.displayName,
      email: 'siti@example.id',
      phone: null,
      role: 'MEMBER' as const,
      status: 'ACTIVE' as const,
      city: null,
      createdAt: '2025-01-05T03:00:00.000Z',
    },
  };
}
