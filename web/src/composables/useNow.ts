import { onBeforeUnmount, onMounted, ref } from 'vue';

/** The current time, refreshed every `ms` while the component is mounted (for "in 2 hours"). */
export function useNow(ms = 30_000) {
  const now = ref(Date.now());
  let timer: ReturnType<typeof setInterval> | null = null;
  onMounted(() => {
    timer = setInterval(() => (now.value = Date.now()), ms);
  });
  onBeforeUnmount(() => {
    if (timer) clearInterval(timer);
  });
  return now;
}
