import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../core/context.js';
import { City } from '../catalog/city.entity.js';
import { AuthPayload, LoginInput, RegisterInput } from './identity.types.js';
import { Role, User } from './user.entity.js';

/** Accounts and sessions (PRODUCT §1). Thin: each field is one AuthService call. */
@Resolver(() => User)
export class IdentityResolver {
  @Query(() => User, { nullable: true, description: 'The logged-in user, or null without a token.' })
  me(@Ctx() ctx: Context): User | null {
    return ctx.user;
  }

  @Query(() => String, { description: 'Version of the terms and privacy policy a member accepts by registering (stored with the account).' })
  termsVersion(@Ctx() ctx: Context): string {
    return ctx.services.auth.termsVersion;
  }

  @Mutation(() => AuthPayload, {
    description: 'Creates an account and logs in. Errors: BAD_USER_INPUT (extensions.field), CONFLICT (email taken).',
  })
  register(@Arg('input', () => RegisterInput) input: RegisterInput, @Ctx() ctx: Context): Promise<AuthPayload> {
    return ctx.services.auth.register(ctx, input);
  }

  @Mutation(() => AuthPayload, {
    description: 'Logs in. Errors: UNAUTHENTICATED (wrong email or password), FORBIDDEN (banned), RATE_LIMITED (too many failures per IP or email; extensions.retryAfterSeconds).',
  })
  login(@Arg('input', () => LoginInput) input: LoginInput, @Ctx() ctx: Context): Promise<AuthPayload> {
    return ctx.services.auth.login(ctx, input);
  }

  @Mutation(() => AuthPayload, {
    description: 'Exchanges a refresh token for a new pair. Each refresh token works once; reusing one ends the whole session (UNAUTHENTICATED).',
  })
  refreshToken(@Arg('refreshToken') refreshToken: string, @Ctx() ctx: Context): Promise<AuthPayload> {
    return ctx.services.auth.refresh(ctx, refreshToken);
  }

  @Mutation(() => Boolean, { description: 'Ends the session of this refresh token. Always true.' })
  logout(@Arg('refreshToken') refreshToken: string, @Ctx() ctx: Context): Promise<boolean> {
    return ctx.services.auth.logout(ctx, refreshToken);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Visible to the user themself and to admins; null otherwise.' })
  email(@Root() user: User, @Ctx() ctx: Context): string | null {
    return canSeePrivate(ctx, user) ? user.email : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Visible to the user themself and to admins; null otherwise.' })
  phone(@Root() user: User, @Ctx() ctx: Context): string | null {
    return canSeePrivate(ctx, user) ? user.phone ?? null : null;
  }

  @FieldResolver(() => City, { nullable: true })
  city(@Root() user: User, @Ctx() ctx: Context): City | null {
    return user.cityCode ? ctx.services.reference.city(user.cityCode) ?? null : null;
  }
}

function canSeePrivate(ctx: Context, user: User): boolean {
  return !!ctx.user && (ctx.user.id === user.id || ctx.user.role === Role.ADMIN);
}
