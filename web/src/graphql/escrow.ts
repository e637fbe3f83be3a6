import { graphql } from '@/gql';

/** A room as lists show it (my rooms, the admin queue). */
export const EscrowRoomSummaryFragment = graphql(`
  fragment EscrowRoomSummaryFields on EscrowRoom {
    id
    title
    status
    amount
    fee
    total
    myRole
    createdAt
    updatedAt
    buyer {
      id
      displayName
    }
    seller {
      id
      displayName
    }
  }
`);

/** The latest payment attempt of a room; `proof` (a manual transfer's receipt) only for the payer and admins. */
export const EscrowPaymentFragment = graphql(`
  fragment EscrowPaymentFields on Payment {
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

/** A room with everything its page shows (the room page and escrowRoomUpdated). */
export const EscrowRoomDetailFragment = graphql(`
  fragment EscrowRoomDetailFields on EscrowRoom {
    ...EscrowRoomSummaryFields
    description
    feeScheduleVersion
    inviteCode
    inspectionEndsAt
    fundedAt
    shippedAt
    releasedAt
    closedAt
    conversation {
      id
    }
    payment {
      ...EscrowPaymentFields
    }
    shipment {
      ...ShipmentFields
    }
    dispute {
      ...DisputeFields
    }
    timeline {
      ...TimelineMessageFields
    }
  }
`);
