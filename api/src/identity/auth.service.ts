import { randomUUID } from 'node:crypto';
import { ReferenceKind, UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../core/config.js';
import type { Context } from '../core/context.js';
import { runPrepared } from '../core/db/prepared.js';
import { AppError, badInput, conflict, forbidden, unauthenticated } from '../core/graphql/errors.js';
import { Limiter } from '../core/rate-limit.js';
import type { AuthPayload, LoginInput, RegisterInput } from './identity.types.js';
import { DUMMY_HASH, hashPassword, verifyPassword } from './password.js';
import { RefreshToken } from './refresh-token.entity.js';
import { hashRefreshToken, newRefreshToken, signAccessToken, verifyAccessToken } from './tokens.js';
import { User, UserStatus } from './user.entity.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Normalises an Indonesian mobile number to +62…; returns null when it is not one. */
export function normalisePhone(raw: string): string | null {
  const digits = raw.replace(/[\s().-]/g, '');
  const m = /^(?:\+?62|0)(8\d{7,12})$/.exec(digits);
  return m ? `+62${m[1]}` : null;
}

/**
 * Accounts and sessions (PRODUCT §1): register, login with a rate limit per IP and per
 * email, refresh-token rotation with reuse detection, logout, and resolving an access
 * token to a user whose sanction status is checked on every request.
 */
export class AuthService {
  private readonly byEmail: Limiter;
  private readonly byIp: Limiter;

  /** The terms version recorded at registration (TERMS_VERSION). */
  get termsVersion(): string {
    return this.config.termsVersion;
  }

  constructor(private readonly config: Config) {
    const { points, durationSeconds } = config.loginRateLimit;
    this.byEmail = new Limiter('login-email', points, durationSeconds);
    this.byIp = new Limiter('login-ip', points * 5, durationSeconds);
  }

  /** Creates an account and a session. BAD_USER_INPUT (field named) or CONFLICT on a taken email. */
  async register(ctx: Context, input: RegisterInput): Promise<AuthPayload> {
    const email = input.email.trim().toLowerCase();
    const displayName = input.displayName.trim().replace(/\s+/g, ' ');
    if (!EMAIL.test(email) || email.length > 254) throw badInput('Enter a valid email address.', 'email');
    if (input.password.length < 8) throw badInput('The password must be at least 8 characters.', 'password');
    if (input.password.length > 256) throw badInput('The password must be at most 256 characters.', 'password');
    if (displayName.length < 2 || displayName.length > 60) throw badInput('The display name must be 2–60 characters.', 'displayName');
    let phone: string | undefined;
    if (input.phone != null && input.phone.trim() !== '') {
      phone = normalisePhone(input.phone) ?? undefined;
      if (!phone) throw badInput('Enter an Indonesian mobile number such as 0812 3456 7890.', 'phone');
    }
    if (input.acceptTerms !== true) throw badInput('You must accept the terms and the privacy policy.', 'acceptTerms');

    const passwordHash = await hashPassword(input.password);
    try {
      return await ctx.em.transactional(async (em) => {
        if (await em.count(User, { email })) throw conflict('An account with this email already exists.', 'email');
        const user = new User({ email, passwordHash, displayName, phone, termsVersion: this.config.termsVersion });
        em.persist(user);
        return this.issue(em, user, randomUUID(), ctx);
      });
    } catch (e) {
      if (e instanceof UniqueConstraintViolationException) throw conflict('An account with this email already exists.', 'email');
      throw e;
    }
  }

  /** Logs in. RATE_LIMITED after too many failures for this email or IP; FORBIDDEN when banned. */
  async login(ctx: Context, input: LoginInput): Promise<AuthPayload> {
    const email = input.email.trim().toLowerCase();
    const emailKey = `${email}|${ctx.ip}`;
    await this.byIp.check(ctx.ip);
    await this.byEmail.check(emailKey);
    const user = await ctx.em.findOne(User, { email }, { populate: ['passwordHash'] });
    const ok = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, input.password);
    if (!user || !ok) {
      await Promise.all([this.byIp.consume(ctx.ip), this.byEmail.consume(emailKey)]);
      throw unauthenticated('Wrong email or password.');
    }
    await this.byEmail.reset(emailKey);
    if (user.status === UserStatus.BANNED) throw forbidden('This account is banned.');
    return ctx.em.transactional((em) => this.issue(em, user, randomUUID(), ctx));
  }

  /**
   * Exchanges a refresh token for a new pair (rotation). A token that was already used or
   * revoked revokes its whole family and answers UNAUTHENTICATED.
   */
  async refresh(ctx: Context, token: string): Promise<AuthPayload> {
    const tokenHash = hashRefreshToken(token);
    const outcome = await ctx.em.transactional(async (em) => {
      const row = await em.findOne(RefreshToken, { tokenHash }, { populate: ['user'] });
      if (!row) return { error: 'Unknown refresh token.' } as const;
      // Claim the token atomically: of two concurrent uses, only one sees affected = 1.
      const claimed = await em.nativeUpdate(
        RefreshToken,
        { id: row.id, usedAt: null, revokedAt: null, expiresAt: { $gt: new Date() } },
        { usedAt: new Date() },
      );
      if (claimed !== 1) {
        if (row.expiresAt <= new Date()) return { error: 'The refresh token has expired.' } as const;
        // Used or revoked before (possibly by a concurrent request): treat as theft.
        await em.nativeUpdate(RefreshToken, { familyId: row.familyId, revokedAt: null }, { revokedAt: new Date() });
        return { error: 'This refresh token was already used; the session has been ended.' } as const;
      }
      const user = row.user.getEntity();
      if (user.status === UserStatus.BANNED) return { error: 'This account is banned.' } as const;
      return { payload: await this.issue(em, user, row.familyId, ctx) } as const;
    });
    if ('error' in outcome) throw unauthenticated(outcome.error);
    return outcome.payload;
  }

  /** Ends the session the refresh token belongs to. Always true (does not reveal unknown tokens). */
  async logout(ctx: Context, token: string): Promise<boolean> {
    const row = await ctx.em.findOne(RefreshToken, { tokenHash: hashRefreshToken(token) });
    if (row) await ctx.em.nativeUpdate(RefreshToken, { familyId: row.familyId, revokedAt: null }, { revokedAt: new Date() });
    return true;
  }

  /**
   * Resolves an access token to its user for a request. No token → null. An invalid or
   * expired token, or a banned user, → UNAUTHENTICATED (HTTP 401) so the client refreshes.
   */
  async authenticate(em: EntityManager, token: string | undefined): Promise<User | null> {
    if (!token) return null;
    const claims = verifyAccessToken(token, this.config.jwtSecret);
    if (!claims) throw new AppError('UNAUTHENTICATED', 'The access token is invalid or has expired.');
    return this.userById(em, claims.sub);
  }

  /**
   * The user of an already authenticated session (a WebSocket whose token was checked at
   * connect), re-read for every operation so sanctions apply at once: banned → UNAUTHENTICATED.
   */
  async userById(em: EntityManager, userId: string): Promise<User> {
    const [row] = await runPrepared<Record<string, unknown>>(em, 'auth-user', userByIdSql(em), [userId]);
    const user = row ? em.map(User, row) : null;
    if (!user || user.status === UserStatus.BANNED) throw unauthenticated('This account is not available.');
    return user;
  }

  /** Stores a new refresh token of `familyId`, signs an access token; the operation now acts as `user`. */
  private async issue(em: EntityManager, user: User, familyId: string, ctx: Context): Promise<AuthPayload> {
    const refreshToken = newRefreshToken();
    em.persist(
      new RefreshToken(
        em.getReference(User, user.id, { wrapped: true }),
        familyId,
        hashRefreshToken(refreshToken),
        new Date(Date.now() + this.config.refreshTokenTtl * 1000),
      ),
    );
    await em.flush();
    const access = signAccessToken({ sub: user.id, role: user.role }, this.config.jwtSecret, this.config.accessTokenTtl);
    ctx.user = user;
    return { accessToken: access.token, accessTokenExpiresAt: access.expiresAt, refreshToken, user };
  }
}

let userSql: string | undefined;
/**
 * The one statement every authenticated request runs (the sanction check): the user's eager
 * columns by id, from the entity's metadata, as a prepared statement.
 */
function userByIdSql(em: EntityManager): string {
  if (!userSql) {
    const meta = em.getMetadata().get(User.name);
    const columns = meta.props.filter((p) => p.kind === ReferenceKind.SCALAR && !p.lazy && p.persist !== false).flatMap((p) => p.fieldNames);
    userSql = `select ${columns.map((c) => `"${c}"`).join(', ')} from "${meta.tableName}" where "id" = $1::uuid`;
  }
  return userSql;
}
