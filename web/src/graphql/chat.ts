import { graphql } from '@/gql';

export const MessageFragment = graphql(`
  fragment MessageFields on Message {
    id
    conversationId
    kind
    createdAt
    text
    systemEvent
    sender {
      id
      displayName
    }
    photo {
      id
      url
      thumbnailUrl
      width
      height
    }
    listing {
      id
      title
      kind
      points
      price
      hourlyRate
      thumbnail {
        id
        thumbnailUrl
      }
    }
  }
`);

export const ParticipantFragment = graphql(`
  fragment ParticipantFields on ConversationParticipantView {
    role
    lastReadAt
    user {
      id
      displayName
    }
  }
`);

/** A conversation as the inbox lists it. */
export const ConversationSummaryFragment = graphql(`
  fragment ConversationSummaryFields on Conversation {
    id
    kind
    title
    createdAt
    lastMessageAt
    unreadCount
    lastMessage {
      ...MessageFields
    }
    participants {
      ...ParticipantFields
    }
  }
`);

export const NotificationFragment = graphql(`
  fragment NotificationFields on Notification {
    id
    kind
    text
    link
    createdAt
    readAt
  }
`);
