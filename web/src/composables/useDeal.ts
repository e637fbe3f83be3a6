import { useMutation, useQuery, useSubscription } from '@vue/apollo-composable';
import { computed, type Ref } from 'vue';
import { graphql } from '@/gql';
import type { DealDetailFieldsFragment, DisputeOutcome, ShipmentInput } from '@/gql/graphql';
import { useBusy, useQueryError } from './useBusy';

export const DealDocument = graphql(`
  query Deal($id: ID!) {
    deal(id: $id) {
      ...DealDetailFields
    }
  }
`);

export const DealUpdatedDocument = graphql(`
  subscription DealUpdated {
    dealUpdated {
      ...DealDetailFields
    }
  }
`);

export const SubmitShipmentDocument = graphql(`
  mutation SubmitShipment($dealId: ID!, $input: ShipmentInput!) {
    submitShipment(dealId: $dealId, input: $input) {
      ...DealDetailFields
    }
  }
`);

export const ConfirmReceiptDocument = graphql(`
  mutation ConfirmReceipt($dealId: ID!) {
    confirmReceipt(dealId: $dealId) {
      ...DealDetailFields
    }
  }
`);

export const OpenDisputeDocument = graphql(`
  mutation OpenDispute($dealId: ID!, $reason: String!) {
    openDispute(dealId: $dealId, reason: $reason) {
      ...DealDetailFields
    }
  }
`);

export const ResolveDisputeDocument = graphql(`
  mutation ResolveDispute($dealId: ID!, $outcome: DisputeOutcome!, $note: String!) {
    resolveDispute(dealId: $dealId, outcome: $outcome, note: $note) {
      ...DealDetailFields
    }
  }
`);

/**
 * One deal, live (dealUpdated writes every change of the member's deals into the cache;
 * admins receive it for disputed deals, when a dispute is opened and when it is resolved).
 * Actions: ship, confirm receipt, open a dispute; admins resolve one.
 */
export function useDeal(id: Ref<string>) {
  const { result, loading, error, refetch } = useQuery(DealDocument, () => ({ id: id.value }), () => ({ enabled: !!id.value }));
  useSubscription(DealUpdatedDocument, {}, () => ({ enabled: !!id.value }));
  const deal = computed<DealDetailFieldsFragment | null>(() => result.value?.deal ?? null);
  const { notFound } = useQueryError(error);

  const ship = useMutation(SubmitShipmentDocument);
  const receipt = useMutation(ConfirmReceiptDocument);
  const dispute = useMutation(OpenDisputeDocument);
  const resolve = useMutation(ResolveDisputeDocument);
  const { busy, error: actionError, run } = useBusy();

  return {
    deal,
    loading,
    error,
    notFound,
    refetch,
    busy,
    actionError,
    submitShipment: (input: ShipmentInput) => run('ship', () => ship.mutate({ dealId: id.value, input })).then((r) => r?.data?.submitShipment ?? null),
    confirmReceipt: () => run('receipt', () => receipt.mutate({ dealId: id.value })).then((r) => r?.data?.confirmReceipt ?? null),
    openDispute: (reason: string) => run('dispute', () => dispute.mutate({ dealId: id.value, reason })).then((r) => r?.data?.openDispute ?? null),
    resolveDispute: (outcome: DisputeOutcome, note: string) =>
      run('resolve', () => resolve.mutate({ dealId: id.value, outcome, note })).then((r) => r?.data?.resolveDispute ?? null),
  };
}
