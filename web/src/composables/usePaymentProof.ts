import { useMutation } from '@vue/apollo-composable';
import { ref } from 'vue';
import type { PaymentFieldsFragment } from '@/gql/graphql';
import { SubmitPaymentProofDocument } from '@/graphql/payment';
import { useUpload } from './useUpload';

/** Why sending a receipt failed: the file and what went wrong (an UploadError or the mutation's error). */
export interface PaymentProofFailure {
  file: File;
  cause: unknown;
}

/**
 * A manual transfer's receipt, for an escrow room or a store order alike: the image goes up
 * through useUpload (POST /uploads, progress in `percent`), then submitPaymentProof attaches it.
 * The mutation answers with the same Payment (now with `proof`), which the normalised cache
 * writes into the room or order showing it: no refetch, no subscription needed.
 */
export function usePaymentProof() {
  const { upload } = useUpload();
  const { mutate } = useMutation(SubmitPaymentProofDocument);
  /** null when idle, else the upload's progress (0–100). */
  const percent = ref<number | null>(null);
  const failure = ref<PaymentProofFailure | null>(null);

  async function send(paymentId: string, file: File): Promise<PaymentFieldsFragment | null> {
    if (percent.value != null) return null;
    failure.value = null;
    percent.value = 0;
    try {
      const photo = await upload(file, (p) => (percent.value = p));
      const r = await mutate({ paymentId, photoId: photo.id });
      return r?.data?.submitPaymentProof ?? null;
    } catch (cause) {
      failure.value = { file, cause };
      return null;
    } finally {
      percent.value = null;
    }
  }

  return { send, percent, failure };
}
