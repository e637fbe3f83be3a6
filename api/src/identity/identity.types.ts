import { Field, InputType, ObjectType } from 'type-graphql';
import { User } from './user.entity.js';

/** register(input) (PRODUCT §1). */
@InputType({ description: 'A new account. acceptTerms must be true; its time and the terms version are stored.' })
export class RegisterInput {
  @Field({ description: 'Unique email; stored lower-cased.' })
  email!: string;

  @Field({ description: 'At least 8 and at most 256 characters.' })
  password!: string;

  @Field({ description: 'Public name, 2–60 characters.' })
  displayName!: string;

  @Field(() => String, { nullable: true, description: 'Indonesian mobile number, e.g. "0812 3456 7890" or "+6281234567890".' })
  phone?: string | null;

  @Field({ description: 'Acceptance of the terms and privacy policy; must be true.' })
  acceptTerms!: boolean;
}

/** login(input). */
@InputType()
export class LoginInput {
  @Field()
  email!: string;

  @Field()
  password!: string;
}

/** Tokens and the user after register, login or refreshToken. */
@ObjectType({ description: 'A session: a short-lived access token (Bearer) and a rotating refresh token.' })
export class AuthPayload {
  @Field({ description: 'JWT for "Authorization: Bearer …" and graphql-ws connectionParams.authorization.' })
  accessToken!: string;

  @Field({ description: 'When the access token expires (UTC).' })
  accessTokenExpiresAt!: Date;

  @Field({ description: 'Single-use: exchange it with refreshToken for a new pair. Reusing one revokes the session.' })
  refreshToken!: string;

  @Field(() => User)
  user!: User;
}
