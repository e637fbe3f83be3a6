import { useMutation } from '@vue/apollo-composable';
import { storeToRefs } from 'pinia';
import { ref } from 'vue';
import type { LoginInput, RegisterInput } from '@/gql/graphql';
import { LoginDocument, RegisterDocument } from '@/graphql/auth';
import { toAppError, type AppError } from '@/lib/errors';
import { useSessionStore } from '@/stores/session';

export const PASSWORD_MIN_LENGTH = 8;
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE_RE = /^\+?[0-9][0-9 .-]{6,18}[0-9]$/;

export const isEmail = (v: string) => EMAIL_RE.test(v.trim());
export const isPhone = (v: string) => PHONE_RE.test(v.trim());

/** Register, log in, log out. On success the session store holds the tokens and user. */
export function useAuth() {
  const session = useSessionStore();
  const { user, isLoggedIn, restoring } = storeToRefs(session);
  const error = ref<AppError | null>(null);
  const submitting = ref(false);
  const { mutate: registerMutation } = useMutation(RegisterDocument);
  const { mutate: loginMutation } = useMutation(LoginDocument);

  async function run<T>(fn: () => Promise<T>): Promise<T | null> {
    error.value = null;
    submitting.value = true;
    try {
      return await fn();
    } catch (e) {
      error.value = toAppError(e);
      return null;
    } finally {
      submitting.value = false;
    }
  }

  async function register(input: RegisterInput): Promise<boolean> {
    const result = await run(() => registerMutation({ input }));
    const payload = result?.data?.register;
    if (payload) session.login(payload);
    return !!payload;
  }

  async function login(input: LoginInput): Promise<boolean> {
    const result = await run(() => loginMutation({ input }));
    const payload = result?.data?.login;
    if (payload) session.login(payload);
    return !!payload;
  }

  function logout(): Promise<void> {
    return session.logout();
  }

  return { user, isLoggedIn, restoring, error, submitting, register, login, logout };
}
