import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { LiveStatus } from '@/apollo';

/** The live (graphql-ws) connection's state, fed by main.ts from the Apollo module. */
export const useLiveStore = defineStore('live', () => {
  const status = ref<LiveStatus>('idle');
  const reconnecting = computed(() => status.value === 'reconnecting');
  function set(next: LiveStatus): void {
    status.value = next;
  }
  return { status, reconnecting, set };
});
