import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { User } from '../identity/user.entity.js';
import { Message } from './message.entity.js';

@InputType({ description: 'Exactly one of text (1–4000 characters), photoId (an image you uploaded with POST /uploads) or listingId (a listing card).' })
export class SendMessageInput {
  @Field(() => String, { nullable: true }) text?: string | null;
  @Field(() => ID, { nullable: true }) photoId?: string | null;
  @Field(() => ID, { nullable: true }) listingId?: string | null;
}

@ObjectType({ description: 'A participant and how far they have read (read receipts).' })
export class ConversationParticipantView {
  @Field(() => User) user!: User;
  @Field({ description: 'BUYER, SELLER, STAFF or ADMIN.' }) role!: string;
  @Field(() => Date, { nullable: true, description: 'Every message up to this instant has been read.' }) lastReadAt!: Date | null;
}

@ObjectType()
export class MessageEdge {
  @Field() cursor!: string;
  @Field(() => Message) node!: Message;
}

@ObjectType()
export class MessagePageInfo {
  @Field({ description: 'Older messages exist.' }) hasNextPage!: boolean;
  @Field(() => String, { nullable: true, description: 'Pass as `before` for older messages.' }) endCursor!: string | null;
}

@ObjectType({ description: 'Messages, newest first.' })
export class MessageConnection {
  @Field(() => [MessageEdge]) edges!: MessageEdge[];
  @Field(() => MessagePageInfo) pageInfo!: MessagePageInfo;
}

export enum ActivityKind {
  TYPING = 'TYPING',
  READ = 'READ',
}
registerEnumType(ActivityKind, { name: 'ConversationActivityKind', description: 'TYPING (for a few seconds) or READ (read receipt).' });

@ObjectType({ description: 'Someone in the conversation is typing, or has read up to readAt.' })
export class ConversationActivity {
  @Field(() => ID) conversationId!: string;
  @Field(() => User) user!: User;
  @Field(() => ActivityKind) kind!: ActivityKind;
  @Field(() => Date, { nullable: true }) readAt!: Date | null;
}

@ObjectType({ description: 'Counts for badges.' })
export class UnreadCounts {
  @Field(() => Int, { description: 'Unread messages over all your conversations.' }) messages!: number;
  @Field(() => Int, { description: 'Unread notifications.' }) notifications!: number;
}
