import { computed, ref, type Ref } from 'vue';
import { toAppError, type AppError, type ErrorCode } from '@/lib/errors';

/**
 * One action at a time for a page: `run(name, fn)` sets `busy` to `name` while `fn` runs,
 * ignores a second call meanwhile, and keeps the failure as an AppError (code, message, fields).
 */
export function useBusy() {
  const busy = ref<string | null>(null);
  const error = ref<AppError | null>(null);
  async function run<T>(name: string, fn: () => Promise<T>): Promise<T | null> {
    if (busy.value) return null;
    busy.value = name;
    error.value = null;
    try {
      return await fn();
    } catch (e) {
      error.value = toAppError(e);
      return null;
    } finally {
      busy.value = null;
    }
  }
  return { busy, error, run };
}

/**
 * A query's error as an AppError, and whether it means "there is nothing here for you"
 * (by default NOT_FOUND or FORBIDDEN), so pages show one not-found state.
 */
export function useQueryError(error: Ref<unknown>, missing: readonly ErrorCode[] = ['NOT_FOUND', 'FORBIDDEN']) {
  const appError = computed(() => (error.value ? toAppError(error.value) : null));
  const notFound = computed(() => !!appError.value && missing.includes(appError.value.code));
  return { appError, notFound };
}
