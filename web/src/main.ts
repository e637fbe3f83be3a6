import '@fontsource/inter/latin-400.css';
import '@fontsource/inter/latin-ext-400.css';
import '@fontsource/inter/latin-500.css';
import '@fontsource/inter/latin-ext-500.css';
import '@fontsource/inter/latin-600.css';
import '@fontsource/inter/latin-ext-600.css';
import '@fontsource/inter/latin-700.css';
import '@fontsource/inter/latin-ext-700.css';
import './styles/main.css';

import { DefaultApolloClient } from '@vue/apollo-composable';
import { createPinia } from 'pinia';
import { createApp, watch } from 'vue';
import { createApollo } from './apollo';
import App from './App.vue';
import { createPasarI18n } from './i18n';
import { createPasarRouter } from './router';
import { useLiveStore } from './stores/live';
import { useSessionStore } from './stores/session';
import { useThemeStore } from './stores/theme';

const app = createApp(App);
const pinia = createPinia();
app.use(pinia);
useThemeStore(pinia); // applies data-theme before the first paint
const session = useSessionStore(pinia);
const i18n = createPasarI18n();
app.use(i18n);
const router = createPasarRouter();

const apollo = createApollo({
  getAccessToken: () => session.getAccessToken(),
  refresh: () => session.refresh(),
  hasRefreshToken: () => !!session.refreshToken,
  onAuthLost: () => {
    session.expire();
    const current = router.currentRoute.value;
    if (current.meta.requiresAuth) {
      void router.push({ name: 'login', query: { redirect: current.fullPath, expired: '1' } });
    }
  },
});
app.provide(DefaultApolloClient, apollo.client);
const live = useLiveStore(pinia);
apollo.onLiveStatus((status) => live.set(status));

// Login or logout: the cache and the WebSocket must speak for the new member. Synchronously,
// inside login()/logout(), so that the next page's queries start after the reset, not before.
watch(
  () => session.authEpoch,
  () => {
    apollo.restartWebSocket();
    void apollo.client.resetStore().catch(() => undefined);
  },
  { flush: 'sync' },
);

app.use(router);
void session.restore();
void router.isReady().then(() => app.mount('#app'));
