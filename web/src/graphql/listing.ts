import { graphql } from '@/gql';

export const ListingCardFragment = graphql(`
  fragment ListingCardFields on Listing {
    id
    kind
    status
    title
    condition
    price
    hourlyRate
    points
    stock
    createdAt
    city {
      code
      name
    }
    category {
      id
      name
      nameEn
    }
    thumbnail {
      id
      url
      thumbnailUrl
      width
      height
    }
  }
`);

export const PointsBreakdownFragment = graphql(`
  fragment PointsBreakdownFields on PointsBreakdown {
    basePoints
    weights {
      utility
      scarcity
      durability
      portability
    }
    score
    conditionMultiplier
    seasonalMultiplier
    raw
    points
  }
`);

export const ListingDetailFragment = graphql(`
  fragment ListingDetailFields on Listing {
    ...ListingCardFields
    description
    updatedAt
    weightGrams
    lengthCm
    widthCm
    heightCm
    brand
    model
    category {
      id
      slug
      name
      nameEn
      basePoints
      seasonalMultiplier
    }
    city {
      code
      name
      province
    }
    photos {
      id
      url
      thumbnailUrl
      width
      height
    }
    valuation {
      utility
      scarcity
      durability
      portability
    }
    pointsBreakdown {
      ...PointsBreakdownFields
    }
    seller {
      id
      displayName
      createdAt
      city {
        code
        name
      }
    }
  }
`);
