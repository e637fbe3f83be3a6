import { graphql } from '@/gql';

/** A payment attempt (an escrow room's or a store order's); `proof` (a manual transfer's receipt) only for the payer and admins. */
export const PaymentFragment = graphql(`
  fragment PaymentFields on Payment {
    id
    provider
    amount
    status
    redirectUrl
    createdAt
    paidAt
    proof {
      id
      url
      thumbnailUrl
      width
      height
    }
  }
`);

/** The providers this server is configured with, in the order to offer them (MANUAL_TRANSFER always). */
export const PaymentProvidersDocument = graphql(`
  query PaymentProviders {
    paymentProviders
  }
`);

/**
 * A manual transfer's receipt (an image from POST /uploads) for whoever confirms it: admins for
 * an escrow room, the store's staff for an order. The answer is the same Payment with `proof`,
 * so the room or order showing it updates through the normalised cache.
 */
export const SubmitPaymentProofDocument = graphql(`
  mutation SubmitPaymentProof($paymentId: ID!, $photoId: ID!) {
    submitPaymentProof(paymentId: $paymentId, photoId: $photoId) {
      ...PaymentFields
    }
  }
`);
