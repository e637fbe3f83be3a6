import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { AuthedContext } from '../core/context.js';
import { Role } from '../identity/user.entity.js';
import { CreateShippingServiceInput, UpdateShippingServiceInput } from './shipping-admin.types.js';
import { ShippingService } from './shipping-service.entity.js';

/** Admins manage shipping services (PRODUCT §6, §9). Thin: each field is one ShippingAdminService call. */
@Resolver(() => ShippingService)
export class ShippingAdminResolver {
  @Authorized(Role.ADMIN)
  @Query(() => [ShippingService], {
    description: 'Admins: every shipping service, inactive ones included; active first, then by courier and name. UNAUTHENTICATED without a token, FORBIDDEN for non-admins.',
  })
  adminShippingServices(@Ctx() ctx: AuthedContext): Promise<ShippingService[]> {
    return ctx.services.shippingAdmin.list(ctx);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => ShippingService, {
    description: 'Admins: adds a shipping service (rates in whole rupiah, volume factor in cm³ per kg); it is offered to buyers at once unless active is false. Audited. BAD_USER_INPUT with extensions.field for an invalid field; CONFLICT (field "code") for a taken code; FORBIDDEN for non-admins.',
  })
  createShippingService(@Arg('input', () => CreateShippingServiceInput) input: CreateShippingServiceInput, @Ctx() ctx: AuthedContext): Promise<ShippingService> {
    return ctx.services.shippingAdmin.create(ctx, input);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => ShippingService, {
    description: 'Admins: changes a shipping service\'s courier, name, delivery time, rates or active flag (services are deactivated, never deleted: orders keep theirs). New rates apply to later quotes and checkouts; placed orders keep their shipping cost. Audited. NOT_FOUND for an unknown id; BAD_USER_INPUT with extensions.field; INVALID_STATE when deactivating the last active service; FORBIDDEN for non-admins.',
  })
  updateShippingService(
    @Arg('id', () => ID, { description: 'The service\'s id.' }) id: string,
    @Arg('input', () => UpdateShippingServiceInput) input: UpdateShippingServiceInput,
    @Ctx() ctx: AuthedContext,
  ): Promise<ShippingService> {
    return ctx.services.shippingAdmin.update(ctx, id, { ...input });
  }
}
