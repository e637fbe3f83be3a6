import type { PaymentFieldsFragment } from '@/gql/graphql';
import type { AppError } from '@/lib/errors';

/** What a payment step shows: the total, the pending attempt (if any), the page's busy action and last failure. */
export interface PaymentPanelProps {
  total: number;
  payment: PaymentFieldsFragment | null | undefined;
  busy?: string | null;
  error?: AppError | null;
}
