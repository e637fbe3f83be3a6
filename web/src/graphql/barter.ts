import { graphql } from '@/gql';

/** A listing as an offer line shows it: small, with its cover thumbnail. */
export const TradeListingFragment = graphql(`
  fragment TradeListingFields on Listing {
    id
    title
    kind
    status
    points
    condition
    thumbnail {
      id
      thumbnailUrl
      width
      height
    }
  }
`);

export const BalanceFragment = graphql(`
  fragment BalanceFields on OfferBalanceView {
    offered
    wanted
    difference
    tolerancePoints
    balanced
  }
`);

export const OfferLineFragment = graphql(`
  fragment OfferLineFields on OfferLine {
    points
    listing {
      id
      title
      kind
      status
      points
      condition
      thumbnail {
        id
        thumbnailUrl
        width
        height
      }
    }
  }
`);

export const TradeUserFragment = graphql(`
  fragment TradeUserFields on User {
    id
    displayName
  }
`);

// Fragment spreads count towards the API's depth limit (10): the deep fragments inline
// their leaves instead of spreading further fragments.

/** An offer as the lists (my trades, inbox) show it. */
export const OfferSummaryFragment = graphql(`
  fragment OfferSummaryFields on Offer {
    id
    status
    round
    awaiting
    myTurn
    myRole
    expiresAt
    updatedAt
    buyer {
      id
      displayName
    }
    seller {
      id
      displayName
    }
    conversation {
      id
      title
    }
    deal {
      id
      status
    }
  }
`);

/** An offer with its current terms and every round (the offer page and offerUpdated). */
export const OfferDetailFragment = graphql(`
  fragment OfferDetailFields on Offer {
    ...OfferSummaryFields
    createdAt
    wanted {
      ...OfferLineFields
    }
    offered {
      ...OfferLineFields
    }
    balance {
      ...BalanceFields
    }
    rounds {
      round
      proposedBy
      wanted {
        points
        listing {
          id
          title
        }
      }
      offered {
        points
        listing {
          id
          title
        }
      }
      balance {
        ...BalanceFields
      }
    }
  }
`);

export const TimelineMessageFragment = graphql(`
  fragment TimelineMessageFields on Message {
    id
    kind
    systemEvent
    createdAt
  }
`);

export const ShipmentFragment = graphql(`
  fragment ShipmentFields on Shipment {
    id
    courier
    trackingNumber
    shippedAt
    receivedAt
    sender {
      id
      displayName
    }
    recipient {
      id
      displayName
    }
  }
`);

export const DisputeFragment = graphql(`
  fragment DisputeFields on Dispute {
    id
    status
    reason
    outcome
    resolutionNote
    createdAt
    resolvedAt
    openedBy {
      id
      displayName
    }
  }
`);

/** A deal as the lists show it. */
export const DealSummaryFragment = graphql(`
  fragment DealSummaryFields on Deal {
    id
    status
    myRole
    shipBy
    confirmBy
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
    conversation {
      id
      title
    }
  }
`);

/** A deal with shipments, dispute, timeline and the final terms (the deal page and dealUpdated). */
export const DealDetailFragment = graphql(`
  fragment DealDetailFields on Deal {
    ...DealSummaryFields
    completedAt
    cancelledAt
    shipments {
      ...ShipmentFields
    }
    dispute {
      ...DisputeFields
    }
    timeline {
      ...TimelineMessageFields
    }
    offer {
      id
      round
      wanted {
        ...OfferLineFields
      }
      offered {
        ...OfferLineFields
      }
      balance {
        ...BalanceFields
      }
    }
  }
`);
