import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/postgresql';
import { normalizeShippingServiceCode, validateShippingService, type ShippingServiceFields } from '@pasar/domain';
import { AuditLog } from '../admin/audit-log.entity.js';
import { isUuid } from '../catalog/listing.service.js';
import type { AuthedContext } from '../core/context.js';
import { badInput, conflict, forbidden, invalidState, notFound } from '../core/graphql/errors.js';
import { Role, User } from '../identity/user.entity.js';
import { ShippingService } from './shipping-service.entity.js';

/** Advisory lock serialising changes of the active set (the "last active service" rule). */
const ACTIVE_SET_LOCK = 4_200_611;

export type CreateShippingService = Omit<ShippingServiceFields, 'eta' | 'active'> & { code: string; eta?: string | null; active?: boolean | null };
export type UpdateShippingService = { [K in keyof ShippingServiceFields]?: ShippingServiceFields[K] | null };

/**
 * Admins manage the courier services buyers choose at checkout (PRODUCT §6, §9): create,
 * change rates, names and the active flag. Services are never deleted (orders reference
 * them); a deactivated one disappears from `shippingServices`, quotes and checkout. The field
 * rules are the domain's (`validateShippingService`, `normalizeShippingServiceCode` in
 * packages/domain/src/shipping-service.ts). Every change is written to the audit log in the
 * same transaction.
 */
export class ShippingAdminService {
  /** Every service, active first, then by courier and name. FORBIDDEN for non-admins. */
  list(ctx: AuthedContext): Promise<ShippingService[]> {
    this.requireAdmin(ctx);
    return ctx.em.find(ShippingService, {}, { orderBy: { active: 'desc', courier: 'asc', name: 'asc', code: 'asc' } });
  }

  /** createShippingService. BAD_USER_INPUT (field), CONFLICT (field "code") for a taken code. */
  async create(ctx: AuthedContext, input: CreateShippingService): Promise<ShippingService> {
    this.requireAdmin(ctx);
    const code = normalizeShippingServiceCode(input.code);
    const fields = validateShippingService({ ...input, eta: input.eta ?? null, active: input.active ?? true });
    try {
      return await ctx.em.transactional(async (em) => {
        if (await em.count(ShippingService, { code })) throw conflict(`A shipping service with code ${code} already exists.`, 'code');
        const service = new ShippingService({ code, ...fields, eta: fields.eta ?? undefined });
        service.active = fields.active;
        em.persist(service);
        em.persist(this.audit(em, ctx, 'SHIPPING_SERVICE_CREATED', service.id, { code, ...fields }));
        return service;
      });
    } catch (e) {
      // Two admins creating the same code at the same instant: the unique index decides.
      if (e instanceof UniqueConstraintViolationException) throw conflict(`A shipping service with code ${code} already exists.`, 'code');
      throw e;
    }
  }

  /**
   * updateShippingService: applies the given fields. NOT_FOUND for an unknown id,
   * BAD_USER_INPUT (field), INVALID_STATE when it would deactivate the last active service.
   * Nothing changes (and nothing is audited) when every given value equals the current one.
   */
  async update(ctx: AuthedContext, id: string, patch: UpdateShippingService): Promise<ShippingService> {
    this.requireAdmin(ctx);
    for (const key of ['courier', 'name', 'base', 'perKg', 'perKm', 'volumeFactor', 'active'] as const) {
      if (patch[key] === null) throw badInput(`${key} cannot be null; omit it to keep the current value.`, key);
    }
    if (!isUuid(id)) throw notFound('Shipping service');
    return ctx.em.transactional(async (em) => {
      if (patch.active === false) await em.execute('select pg_advisory_xact_lock(?)', [ACTIVE_SET_LOCK]);
      const service = await em.findOne(ShippingService, id);
      if (!service) throw notFound('Shipping service');
      const current: ShippingServiceFields = {
        courier: service.courier, name: service.name, eta: service.eta ?? null, base: service.base, perKg: service.perKg,
        perKm: service.perKm, volumeFactor: service.volumeFactor, active: service.active,
      };
      const given = Object.fromEntries(Object.entries(patch).filter(([k, v]) => k in current && v !== undefined));
      const next = validateShippingService({ ...current, ...given } as ShippingServiceFields);
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      for (const key of Object.keys(current) as (keyof ShippingServiceFields)[]) {
        if (next[key] !== current[key]) changes[key] = { from: current[key], to: next[key] };
      }
      if (!Object.keys(changes).length) return service;
      if (changes.active && !next.active && (await em.count(ShippingService, { active: true, id: { $ne: service.id } })) === 0) {
        throw invalidState('This is the last active shipping service: buyers could not check out. Activate another one first.');
      }
      Object.assign(service, { ...next, eta: next.eta ?? null });
      em.persist(this.audit(em, ctx, 'SHIPPING_SERVICE_UPDATED', service.id, { code: service.code, changes }));
      return service;
    });
  }

  private requireAdmin(ctx: AuthedContext): void {
    if (ctx.user.role !== Role.ADMIN) throw forbidden('Only admins manage shipping services.');
  }

  private audit(em: EntityManager, ctx: AuthedContext, action: string, id: string, details: Record<string, unknown>): AuditLog {
    return new AuditLog(em.getReference(User, ctx.user.id, { wrapped: true }), action, 'shipping_service', id, details);
  }
}
