import { useMutation, useQuery, useSubscription } from '@vue/apollo-composable';
import { computed, onBeforeUnmount, ref, watch, type Ref } from 'vue';
import { graphql } from '@/gql';
import type {
  CreateEscrowRoomInput,
  EscrowRoomDetailFieldsFragment,
  EscrowShipmentInput,
  EscrowStatus,
  PaymentProvider,
  ResolveEscrowDisputeInput,
} from '@/gql/graphql';
import { localFeePreview, toFeeSchedule, type FeePreview } from '@/lib/escrow';
import { useBusy, useQueryError } from './useBusy';

export const EscrowFeeScheduleDocument = graphql(`
  query EscrowFeeSchedule {
    escrowFeeSchedule {
      version
      min
      tiers {
        upTo
        fixed
        basisPoints
      }
    }
  }
`);

export const EscrowFeeQuoteDocument = graphql(`
  query EscrowFeeQuote($amount: Money!) {
    escrowFeeQuote(amount: $amount) {
      amount
      fee
      total
      scheduleVersion
    }
  }
`);

export const EscrowRoomDocument = graphql(`
  query EscrowRoom($id: ID!) {
    escrowRoom(id: $id) {
      ...EscrowRoomDetailFields
    }
  }
`);

export const EscrowRoomByInviteDocument = graphql(`
  query EscrowRoomByInvite($code: String!) {
    escrowRoomByInvite(code: $code) {
      ...EscrowRoomSummaryFields
      description
    }
  }
`);

export const MyEscrowRoomsDocument = graphql(`
  query MyEscrowRooms($first: Int!, $status: EscrowStatus) {
    myEscrowRooms(first: $first, status: $status) {
      ...EscrowRoomSummaryFields
    }
  }
`);

export const EscrowRoomUpdatedDocument = graphql(`
  subscription EscrowRoomUpdated {
    escrowRoomUpdated {
      ...EscrowRoomDetailFields
    }
  }
`);

export const CreateEscrowRoomDocument = graphql(`
  mutation CreateEscrowRoom($input: CreateEscrowRoomInput!) {
    createEscrowRoom(input: $input) {
      ...EscrowRoomDetailFields
    }
  }
`);

export const JoinEscrowRoomDocument = graphql(`
  mutation JoinEscrowRoom($inviteCode: String!) {
    joinEscrowRoom(inviteCode: $inviteCode) {
      ...EscrowRoomDetailFields
    }
  }
`);

export const PayEscrowRoomDocument = graphql(`
  mutation PayEscrowRoom($roomId: ID!, $provider: PaymentProvider!) {
    payEscrowRoom(roomId: $roomId, provider: $provider) {
      ...PaymentFields
    }
  }
`);

/** The receipt upload is shared with store orders (usePaymentProof); re-exported for existing imports. */
export { SubmitPaymentProofDocument } from '@/graphql/payment';

export const ShipEscrowRoomDocument = graphql(`
  mutation ShipEscrowRoom($roomId: ID!, $input: EscrowShipmentInput!) {
    shipEscrowRoom(roomId: $roomId, input: $input) {
      ...EscrowRoomDetailFields
    }
  }
`);

export const ConfirmEscrowReceivedDocument = graphql(`
  mutation ConfirmEscrowReceived($roomId: ID!) {
    confirmEscrowReceived(roomId: $roomId) {
      ...EscrowRoomDetailFields
    }
  }
`);

export const CancelEscrowRoomDocument = graphql(`
  mutation CancelEscrowRoom($roomId: ID!) {
    cancelEscrowRoom(roomId: $roomId) {
      ...EscrowRoomDetailFields
    }
  }
`);

export const OpenEscrowDisputeDocument = graphql(`
  mutation OpenEscrowDispute($roomId: ID!, $reason: String!) {
    openEscrowDispute(roomId: $roomId, reason: $reason) {
      ...EscrowRoomDetailFields
    }
  }
`);

export const ConfirmEscrowPaymentDocument = graphql(`
  mutation ConfirmEscrowPayment($roomId: ID!) {
    confirmEscrowPayment(roomId: $roomId) {
      ...EscrowRoomDetailFields
    }
  }
`);

export const ResolveEscrowDisputeDocument = graphql(`
  mutation ResolveEscrowDispute($roomId: ID!, $input: ResolveEscrowDisputeInput!) {
    resolveEscrowDispute(roomId: $roomId, input: $input) {
      ...EscrowRoomDetailFields
    }
  }
`);

export const EscrowRoomsNeedingAttentionDocument = graphql(`
  query EscrowRoomsNeedingAttention {
    escrowRoomsNeedingAttention {
      ...EscrowRoomSummaryFields
      payment {
        ...PaymentFields
      }
      dispute {
        ...DisputeFields
      }
    }
  }
`);

export const AdminDashboardDocument = graphql(`
  query AdminDashboard {
    adminDashboard {
      feeIncomeTotal
      heldNow
      pendingRooms
      problemRooms
      totalUsers
      newUsers
      feeIncomeByDay {
        period
        amount
      }
      feeIncomeByMonth {
        period
        amount
      }
      successfulByDay {
        period
        count
      }
      activeUsersByDay {
        period
        count
      }
    }
  }
`);

export const FEE_QUOTE_DEBOUNCE_MS = 250;

/**
 * The live fee preview of a typed amount: at once from the schedule in force (the server's
 * once loaded, the launch schedule before), then confirmed by escrowFeeQuote (debounced);
 * the server quote wins once it arrives for the current amount.
 */
export function useEscrowFeePreview(amount: Ref<number | null>) {
  const scheduleQuery = useQuery(EscrowFeeScheduleDocument, null, { fetchPolicy: 'cache-first' });
  const schedule = computed(() => {
    const view = scheduleQuery.result.value?.escrowFeeSchedule;
    if (!view) return undefined;
    try {
      return toFeeSchedule(view);
    } catch {
      return undefined;
    }
  });
  const local = computed<FeePreview>(() => localFeePreview(amount.value, schedule.value));

  const debounced = ref<number | null>(null);
  let timer: ReturnType<typeof setTimeout> | undefined;
  watch(
    () => (local.value.state === 'ok' ? local.value.amount : null),
    (n) => {
      clearTimeout(timer);
      if (n === null) debounced.value = null;
      else timer = setTimeout(() => (debounced.value = n), FEE_QUOTE_DEBOUNCE_MS);
    },
    { immediate: true },
  );
  onBeforeUnmount(() => clearTimeout(timer));

  const quoteQuery = useQuery(EscrowFeeQuoteDocument, () => ({ amount: debounced.value ?? 0 }), () => ({ enabled: debounced.value !== null, fetchPolicy: 'cache-first' }));
  const server = computed(() => {
    const q = quoteQuery.result.value?.escrowFeeQuote;
    return q && q.amount === amount.value ? q : null;
  });
  const preview = computed<FeePreview>(() => {
    const s = server.value;
    if (s) return { state: 'ok', amount: s.amount, fee: s.fee, total: s.total, scheduleVersion: s.scheduleVersion };
    return local.value;
  });
  return { preview, confirmed: computed(() => !!server.value), schedule };
}

/** Opens a room (the /rekber/new page). */
export function useCreateEscrowRoom() {
  const { mutate } = useMutation(CreateEscrowRoomDocument);
  const { busy, error, run } = useBusy();
  const create = (input: CreateEscrowRoomInput) => run('create', () => mutate({ input })).then((r) => r?.data?.createEscrowRoom ?? null);
  return { create, busy, error };
}

/**
 * One room, live (escrowRoomUpdated writes every change into the normalised cache), with
 * the actions of its parties and of admins.
 */
export function useEscrowRoom(id: Ref<string>) {
  const { result, loading, error, refetch } = useQuery(EscrowRoomDocument, () => ({ id: id.value }), () => ({ enabled: !!id.value, fetchPolicy: 'cache-and-network' }));
  useSubscription(EscrowRoomUpdatedDocument, {}, () => ({ enabled: !!id.value }));
  const room = computed<EscrowRoomDetailFieldsFragment | null>(() => result.value?.escrowRoom ?? null);
  const { notFound } = useQueryError(error, ['NOT_FOUND', 'FORBIDDEN', 'BAD_USER_INPUT']);

  // payEscrowRoom and submitPaymentProof are followed by escrowRoomUpdated (no refetch). The
  // new payment is also written into the room at once, so the pay panel never waits on the
  // socket (a subscription still being acknowledged would otherwise leave the old panel up);
  // a proof (usePaymentProof, shared with orders) lands on the room's (same) Payment through
  // the normalised cache.
  const pay = useMutation(PayEscrowRoomDocument, {
    update: (cache, { data }, { variables }) => {
      const payment = data?.payEscrowRoom;
      if (!payment || !variables?.roomId) return;
      cache.modify({ id: cache.identify({ __typename: 'EscrowRoom', id: variables.roomId }), fields: { payment: (_, { toReference }) => toReference({ __typename: 'Payment', id: payment.id }) ?? null } });
    },
  });
  const ship = useMutation(ShipEscrowRoomDocument);
  const receive = useMutation(ConfirmEscrowReceivedDocument);
  const cancel = useMutation(CancelEscrowRoomDocument);
  const dispute = useMutation(OpenEscrowDisputeDocument);
  const confirmPayment = useMutation(ConfirmEscrowPaymentDocument);
  const resolve = useMutation(ResolveEscrowDisputeDocument);
  const { busy, error: actionError, run } = useBusy();
  const refresh = () => refetch()?.catch(() => undefined);

  return {
    room,
    loading,
    error,
    notFound,
    refetch: refresh,
    busy,
    actionError,
    pay: (provider: PaymentProvider) => run('pay', () => pay.mutate({ roomId: id.value, provider })).then((r) => r?.data?.payEscrowRoom ?? null),
    ship: (input: EscrowShipmentInput) => run('ship', () => ship.mutate({ roomId: id.value, input })).then((r) => r?.data?.shipEscrowRoom ?? null),
    confirmReceived: () => run('receive', () => receive.mutate({ roomId: id.value })).then((r) => r?.data?.confirmEscrowReceived ?? null),
    cancel: () => run('cancel', () => cancel.mutate({ roomId: id.value })).then((r) => r?.data?.cancelEscrowRoom ?? null),
    openDispute: (reason: string) => run('dispute', () => dispute.mutate({ roomId: id.value, reason })).then((r) => r?.data?.openEscrowDispute ?? null),
    confirmPayment: () => run('confirmPayment', () => confirmPayment.mutate({ roomId: id.value })).then((r) => r?.data?.confirmEscrowPayment ?? null),
    resolveDispute: (input: ResolveEscrowDisputeInput) => run('resolve', () => resolve.mutate({ roomId: id.value, input })).then((r) => r?.data?.resolveEscrowDispute ?? null),
  };
}

/** A room by its invite code (the join page) and joining it. */
export function useEscrowInvite(code: Ref<string>) {
  const { result, loading, error, refetch } = useQuery(EscrowRoomByInviteDocument, () => ({ code: code.value }), () => ({ enabled: !!code.value, fetchPolicy: 'network-only' }));
  const room = computed(() => result.value?.escrowRoomByInvite ?? null);
  const { notFound } = useQueryError(error, ['NOT_FOUND']);
  const { mutate } = useMutation(JoinEscrowRoomDocument);
  const { busy, error: joinError, run } = useBusy();
  const join = () => run('join', () => mutate({ inviteCode: code.value })).then((r) => r?.data?.joinEscrowRoom ?? null);
  return { room, loading, error, notFound, refetch, join, busy, joinError };
}

export const MY_ROOMS_SIZE = 50;

/** My rooms (latest activity first), optionally of one status; follows escrowRoomUpdated. */
export function useMyEscrowRooms(status: Ref<EscrowStatus | null>) {
  const { result, loading, error, refetch } = useQuery(MyEscrowRoomsDocument, () => ({ first: MY_ROOMS_SIZE, status: status.value }), { fetchPolicy: 'cache-and-network' });
  const sub = useSubscription(EscrowRoomUpdatedDocument);
  sub.onResult((r) => {
    const room = r.data?.escrowRoomUpdated;
    if (room && !rooms.value.some((x) => x.id === room.id)) void refetch()?.catch(() => undefined);
  });
  const rooms = computed(() => result.value?.myEscrowRooms ?? []);
  return { rooms, initialLoading: computed(() => loading.value && !result.value), error, refetch };
}

/**
 * Admins: rooms with a transfer proof to confirm and disputed rooms. Refetched whenever an
 * escrowRoomUpdated arrives (admins get one for every submitted proof and dispute), so the
 * queue is live. After an admin action the queue is still refetched by hand: a confirmed
 * (funded) room's update goes to its parties only.
 */
export function useAdminEscrowRooms() {
  const { result, loading, error, refetch } = useQuery(EscrowRoomsNeedingAttentionDocument, null, { fetchPolicy: 'cache-and-network' });
  const sub = useSubscription(EscrowRoomUpdatedDocument);
  sub.onResult(() => void refetch()?.catch(() => undefined));
  const rooms = computed(() => result.value?.escrowRoomsNeedingAttention ?? []);
  const confirm = useMutation(ConfirmEscrowPaymentDocument);
  const resolve = useMutation(ResolveEscrowDisputeDocument);
  const { busy, error: actionError, run } = useBusy();
  const after = async <T>(r: T) => {
    await refetch()?.catch(() => undefined);
    return r;
  };
  return {
    rooms,
    initialLoading: computed(() => loading.value && !result.value),
    error,
    refetch,
    busy,
    actionError,
    confirmPayment: (roomId: string) => run(`confirm:${roomId}`, () => confirm.mutate({ roomId }).then(after)).then((r) => r?.data?.confirmEscrowPayment ?? null),
    resolveDispute: (roomId: string, input: ResolveEscrowDisputeInput) =>
      run(`resolve:${roomId}`, () => resolve.mutate({ roomId, input }).then(after)).then((r) => r?.data?.resolveEscrowDispute ?? null),
  };
}

/** Admins: the dashboard numbers and series. */
export function useAdminDashboard() {
  const { result, loading, error, refetch } = useQuery(AdminDashboardDocument, null, { fetchPolicy: 'network-only' });
  return { dashboard: computed(() => result.value?.adminDashboard ?? null), initialLoading: computed(() => loading.value && !result.value), error, refetch };
}
