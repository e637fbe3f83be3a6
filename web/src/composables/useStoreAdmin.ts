import { useMutation, useQuery } from '@vue/apollo-composable';
import { computed, type Ref } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { graphql } from '@/gql';
import type { OwnerProductFieldsFragment, ReceivedLineInput, RestockLineInput, StoreInput, SupplierInput } from '@/gql/graphql';
import { useSessionStore } from '@/stores/session';
import { useBusy, useQueryError } from './useBusy';
import { MyStoresDocument, StoreLowStockDocument } from './useShop';

/*
 * The store owner's and staff's pages under /toko-saya (PRODUCT §6): opening a store and its
 * profile, its products (in the store, featured, low-stock threshold), staff, suppliers and
 * restock orders. The order desk itself is useStoreDesk in useShop.
 */

export const CreateStoreDocument = graphql(`
  mutation CreateStore($input: StoreInput!) {
    createStore(input: $input) {
      ...StoreProfileFields
    }
  }
`);

export const UpdateStoreDocument = graphql(`
  mutation UpdateStore($storeId: ID!, $input: StoreInput!) {
    updateStore(storeId: $storeId, input: $input) {
      ...StoreProfileFields
    }
  }
`);

/** The owner, then the staff by name (`Store.staff`, seen by the store's staff and admins). */
export const StoreStaffDocument = graphql(`
  query StoreStaff($slug: String!) {
    store(slug: $slug) {
      id
      staff {
        id
        displayName
      }
    }
  }
`);

/** Returns the store's new staff list, which replaces the cached one (Store:id). */
export const AddStoreStaffDocument = graphql(`
  mutation AddStoreStaff($storeId: ID!, $email: String!) {
    addStoreStaff(storeId: $storeId, email: $email) {
      id
      staff {
        id
        displayName
      }
    }
  }
`);

/** A product on the owner's products page: the store fields and its supplier (staff only). */
export const OwnerProductFragment = graphql(`
  fragment OwnerProductFields on Listing {
    ...StoreProductFields
    supplier {
      id
      name
    }
  }
`);

export const OwnerProductsDocument = graphql(`
  query OwnerProducts($first: Int!) {
    myListings(first: $first) {
      edges {
        node {
          ...OwnerProductFields
        }
      }
    }
  }
`);

/**
 * Sets ALL of a listing's store settings: an omitted or null supplierId clears the supplier,
 * so every call sends the supplier the product keeps.
 */
export const SetStoreProductDocument = graphql(`
  mutation SetStoreProduct($listingId: ID!, $storeId: ID, $featured: Boolean!, $lowStockThreshold: Int, $supplierId: ID) {
    setStoreProduct(listingId: $listingId, storeId: $storeId, featured: $featured, lowStockThreshold: $lowStockThreshold, supplierId: $supplierId) {
      ...OwnerProductFields
    }
  }
`);

export const StoreProductOptionsDocument = graphql(`
  query StoreProductOptions($slug: String!, $first: Int!) {
    store(slug: $slug) {
      id
      products(first: $first) {
        id
        title
        stock
        supplier {
          id
        }
      }
    }
  }
`);

export const SupplierFragment = graphql(`
  fragment SupplierFields on Supplier {
    id
    name
    phone
    email
  }
`);

export const RestockOrderFragment = graphql(`
  fragment RestockOrderFields on RestockOrder {
    id
    status
    createdAt
    receivedAt
    supplier {
      id
      name
    }
    items {
      id
      quantityOrdered
      quantityReceived
      listing {
        id
        title
        stock
      }
    }
  }
`);

export const SuppliersDocument = graphql(`
  query Suppliers($storeId: ID!) {
    suppliers(storeId: $storeId) {
      ...SupplierFields
    }
  }
`);

export const AddSupplierDocument = graphql(`
  mutation AddSupplier($storeId: ID!, $input: SupplierInput!) {
    addSupplier(storeId: $storeId, input: $input) {
      ...SupplierFields
    }
  }
`);

export const RestockOrdersDocument = graphql(`
  query RestockOrders($storeId: ID!) {
    restockOrders(storeId: $storeId) {
      ...RestockOrderFields
    }
  }
`);

export const CreateRestockOrderDocument = graphql(`
  mutation CreateRestockOrder($storeId: ID!, $supplierId: ID!, $lines: [RestockLineInput!]!) {
    createRestockOrder(storeId: $storeId, supplierId: $supplierId, lines: $lines) {
      ...RestockOrderFields
    }
  }
`);

export const ReceiveRestockOrderDocument = graphql(`
  mutation ReceiveRestockOrder($restockId: ID!, $received: [ReceivedLineInput!]) {
    receiveRestockOrder(restockId: $restockId, received: $received) {
      ...RestockOrderFields
    }
  }
`);

export const CancelRestockOrderDocument = graphql(`
  mutation CancelRestockOrder($restockId: ID!) {
    cancelRestockOrder(restockId: $restockId) {
      ...RestockOrderFields
    }
  }
`);

/** How many of the owner's listings and of a store's products the pages load (the API's maximum). */
export const STORE_ADMIN_PAGE_SIZE = 100;

/**
 * The stores the member owns or staffs, and the one these pages work on: `?toko=<slug>`, else
 * the first. `isOwner`: profile, staff and products are the owner's; orders and restock any
 * staff member's.
 */
export function useCurrentStore() {
  const route = useRoute();
  const router = useRouter();
  const session = useSessionStore();
  const q = useQuery(MyStoresDocument);
  const { appError } = useQueryError(q.error);
  const stores = computed(() => q.result.value?.myStores ?? []);
  const slug = computed(() => (typeof route.query.toko === 'string' ? route.query.toko : null));
  const store = computed(() => stores.value.find((s) => s.slug === slug.value) ?? stores.value[0] ?? null);
  const ownerOf = (s: { owner: { id: string } } | null) => !!s && s.owner.id === session.user?.id;
  return {
    stores,
    store,
    storeId: computed(() => store.value?.id ?? null),
    isOwner: computed(() => ownerOf(store.value)),
    ownsAStore: computed(() => stores.value.some(ownerOf)),
    loading: computed(() => q.loading.value && !q.result.value),
    error: appError,
    refetch: () => q.refetch()?.catch(() => undefined),
    select: (next: string) => router.replace({ query: { ...route.query, toko: next } }),
  };
}

/** Opens a store (createStore) or changes its profile (updateStore); myStores is reloaded after opening. */
export function useStoreProfile() {
  const create = useMutation(CreateStoreDocument, { refetchQueries: [{ query: MyStoresDocument }], awaitRefetchQueries: true });
  const update = useMutation(UpdateStoreDocument);
  const { busy, error, run } = useBusy();
  return {
    busy,
    error,
    create: (input: StoreInput) => run('save', () => create.mutate({ input })).then((r) => r?.data?.createStore ?? null),
    update: (storeId: string, input: StoreInput) => run('save', () => update.mutate({ storeId, input })).then((r) => r?.data?.updateStore ?? null),
  };
}

/**
 * The store's people (`Store.staff`: the owner, then the staff by name) and the owner adding a
 * member by email; the mutation returns the new list, which replaces the cached one.
 */
export function useStoreStaff(storeId: Ref<string | null>, storeSlug: Ref<string | null>) {
  const q = useQuery(StoreStaffDocument, () => ({ slug: storeSlug.value ?? '' }), () => ({ enabled: !!storeSlug.value, fetchPolicy: 'cache-and-network' }));
  const { appError } = useQueryError(q.error);
  const { mutate } = useMutation(AddStoreStaffDocument);
  const { busy, error, run } = useBusy();
  async function add(email: string): Promise<boolean> {
    if (!storeId.value) return false;
    const id = storeId.value;
    return !!(await run('add', () => mutate({ storeId: id, email })));
  }
  return {
    people: computed(() => q.result.value?.store.staff ?? null),
    loading: computed(() => q.loading.value && !q.result.value),
    error: appError,
    refetch: () => q.refetch()?.catch(() => undefined),
    add,
    busy,
    actionError: error,
  };
}

export interface StoreProductSettings {
  inStore: boolean;
  featured: boolean;
  lowStockThreshold: number | null;
  /** the supplier it is restocked from; only a product in the store has one */
  supplierId: string | null;
}

/**
 * The owner's SALE listings (not removed) and, for each, whether it is in the store, featured,
 * its low-stock threshold and its supplier (setStoreProduct, which sets them all at once). The
 * low-stock list follows each change.
 */
export function useOwnerProducts(storeId: Ref<string | null>, enabled: Ref<boolean>) {
  const q = useQuery(OwnerProductsDocument, { first: STORE_ADMIN_PAGE_SIZE }, () => ({ enabled: enabled.value, fetchPolicy: 'cache-and-network' }));
  const { appError } = useQueryError(q.error);
  const products = computed<OwnerProductFieldsFragment[]>(() =>
    (q.result.value?.myListings.edges ?? []).map((e) => e.node).filter((l) => l.kind === 'SALE' && l.status !== 'REMOVED'),
  );
  const { mutate } = useMutation(SetStoreProductDocument, () => ({
    refetchQueries: storeId.value ? [{ query: StoreLowStockDocument, variables: { storeId: storeId.value } }] : [],
  }));
  const { busy, error, run } = useBusy();
  async function save(listingId: string, s: StoreProductSettings): Promise<boolean> {
    const inStore = s.inStore && !!storeId.value;
    const r = await run(listingId, () =>
      mutate({
        listingId,
        storeId: inStore ? storeId.value : null,
        featured: inStore && s.featured,
        lowStockThreshold: s.lowStockThreshold,
        // The API clears the supplier when none is sent; one outside a store is refused.
        supplierId: inStore ? s.supplierId : null,
      }),
    );
    return !!r?.data;
  }
  return {
    products,
    loading: computed(() => q.loading.value && !q.result.value),
    error: appError,
    refetch: () => q.refetch()?.catch(() => undefined),
    save,
    busy,
    actionError: error,
  };
}

/** A store's suppliers, and adding one (appended to the cached list, kept in name order). */
export function useSuppliers(storeId: Ref<string | null>) {
  const q = useQuery(SuppliersDocument, () => ({ storeId: storeId.value ?? '' }), () => ({ enabled: !!storeId.value }));
  const { appError } = useQueryError(q.error);
  const { mutate } = useMutation(AddSupplierDocument, {
    update(cache, { data }, { variables }) {
      const added = data?.addSupplier;
      if (!added || !variables) return;
      cache.updateQuery({ query: SuppliersDocument, variables: { storeId: variables.storeId } }, (prev) =>
        prev ? { suppliers: [...prev.suppliers.filter((s) => s.id !== added.id), added].sort((a, b) => a.name.localeCompare(b.name)) } : prev,
      );
    },
  });
  const { busy, error, run } = useBusy();
  async function add(input: SupplierInput): Promise<boolean> {
    if (!storeId.value) return false;
    const id = storeId.value;
    return !!(await run('add', () => mutate({ storeId: id, input })));
  }
  return {
    suppliers: computed(() => q.result.value?.suppliers ?? []),
    loading: computed(() => q.loading.value && !q.result.value),
    error: appError,
    refetch: () => q.refetch()?.catch(() => undefined),
    add,
    busy,
    actionError: error,
  };
}

/**
 * Restock orders of a store: ordering from a supplier (prepended to the cached list),
 * receiving (short deliveries allowed: stock rises by what arrived) and cancelling. The
 * low-stock list is reloaded after a delivery.
 */
export function useRestock(storeId: Ref<string | null>, storeSlug: Ref<string | null>) {
  const q = useQuery(RestockOrdersDocument, () => ({ storeId: storeId.value ?? '' }), () => ({ enabled: !!storeId.value, fetchPolicy: 'cache-and-network' }));
  const { appError } = useQueryError(q.error);
  const options = useQuery(StoreProductOptionsDocument, () => ({ slug: storeSlug.value ?? '', first: STORE_ADMIN_PAGE_SIZE }), () => ({ enabled: !!storeSlug.value }));
  const create = useMutation(CreateRestockOrderDocument, {
    update(cache, { data }, { variables }) {
      const added = data?.createRestockOrder;
      if (!added || !variables) return;
      cache.updateQuery({ query: RestockOrdersDocument, variables: { storeId: variables.storeId } }, (prev) => (prev ? { restockOrders: [added, ...prev.restockOrders] } : prev));
    },
  });
  const lowStockRefetch = () => (storeId.value ? [{ query: StoreLowStockDocument, variables: { storeId: storeId.value } }] : []);
  const receive = useMutation(ReceiveRestockOrderDocument, () => ({ refetchQueries: lowStockRefetch() }));
  const cancel = useMutation(CancelRestockOrderDocument);
  const { busy, error, run } = useBusy();
  return {
    orders: computed(() => q.result.value?.restockOrders ?? []),
    products: computed(() => options.result.value?.store.products ?? []),
    loading: computed(() => q.loading.value && !q.result.value),
    error: appError,
    refetch: () => q.refetch()?.catch(() => undefined),
    busy,
    actionError: error,
    create: async (supplierId: string, lines: RestockLineInput[]): Promise<boolean> => {
      if (!storeId.value) return false;
      const id = storeId.value;
      return !!(await run('create', () => create.mutate({ storeId: id, supplierId, lines })));
    },
    receive: async (restockId: string, received: ReceivedLineInput[]): Promise<boolean> => !!(await run(`receive-${restockId}`, () => receive.mutate({ restockId, received }))),
    cancel: async (restockId: string): Promise<boolean> => !!(await run(`cancel-${restockId}`, () => cancel.mutate({ restockId }))),
  };
}
