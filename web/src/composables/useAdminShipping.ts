import { useMutation, useQuery } from '@vue/apollo-composable';
import { computed } from 'vue';
import { graphql } from '@/gql';
import type { CreateShippingServiceInput, UpdateShippingServiceInput } from '@/gql/graphql';
import { useBusy } from './useBusy';

/** A shipping service as the admin page shows and edits it. */
export const AdminShippingServiceFragment = graphql(`
  fragment AdminShippingServiceFields on ShippingService {
    id
    code
    courier
    name
    eta
    base
    perKg
    perKm
    volumeFactor
    active
  }
`);

export const AdminShippingServicesDocument = graphql(`
  query AdminShippingServices {
    adminShippingServices {
      ...AdminShippingServiceFields
    }
  }
`);

export const CreateShippingServiceDocument = graphql(`
  mutation CreateShippingService($input: CreateShippingServiceInput!) {
    createShippingService(input: $input) {
      ...AdminShippingServiceFields
    }
  }
`);

export const UpdateShippingServiceDocument = graphql(`
  mutation UpdateShippingService($id: ID!, $input: UpdateShippingServiceInput!) {
    updateShippingService(id: $id, input: $input) {
      ...AdminShippingServiceFields
    }
  }
`);

/**
 * Admins: every shipping service (inactive ones included), and creating and changing them.
 * `create` / `update` resolve to the saved service, or null with the failure in `actionError`
 * (an AppError whose `fields` name the offending inputs). After a save the list is refetched
 * (its order depends on the active flag and names).
 */
export function useAdminShipping() {
  const { result, loading, error, refetch } = useQuery(AdminShippingServicesDocument, null, { fetchPolicy: 'cache-and-network' });
  const services = computed(() => result.value?.adminShippingServices ?? []);
  const createM = useMutation(CreateShippingServiceDocument, { refetchQueries: ['AdminShippingServices'], awaitRefetchQueries: true });
  const updateM = useMutation(UpdateShippingServiceDocument, { refetchQueries: ['AdminShippingServices'], awaitRefetchQueries: true });
  const { busy, error: actionError, run } = useBusy();
  return {
    services,
    initialLoading: computed(() => loading.value && !result.value),
    error,
    refetch,
    busy,
    actionError,
    clearActionError: () => (actionError.value = null),
    create: (input: CreateShippingServiceInput) =>
      run('create', () => createM.mutate({ input })).then((r) => r?.data?.createShippingService ?? null),
    update: (id: string, input: UpdateShippingServiceInput) =>
      run(`update:${id}`, () => updateM.mutate({ id, input })).then((r) => r?.data?.updateShippingService ?? null),
  };
}
