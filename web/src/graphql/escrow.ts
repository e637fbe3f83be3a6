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
      ...PaymentFields
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
