import { useMutation, useQuery, useSubscription } from '@vue/apollo-composable';
import { computed, type Ref } from 'vue';
import { graphql } from '@/gql';
import { useBusy, useQueryError } from './useBusy';
import type { OfferDetailFieldsFragment, OfferTermsInput } from '@/gql/graphql';

export const OfferDocument = graphql(`
  query Offer($id: ID!) {
    offer(id: $id) {
      ...OfferDetailFields
    }
  }
`);

export const OfferUpdatedDocument = graphql(`
  subscription OfferUpdated {
    offerUpdated {
      ...OfferDetailFields
    }
  }
`);

export const MakeOfferDocument = graphql(`
  mutation MakeOffer($input: OfferTermsInput!) {
    makeOffer(input: $input) {
      ...OfferDetailFields
    }
  }
`);

export const CounterOfferDocument = graphql(`
  mutation CounterOffer($offerId: ID!, $input: OfferTermsInput!) {
    counterOffer(offerId: $offerId, input: $input) {
      ...OfferDetailFields
    }
  }
`);

export const AcceptOfferDocument = graphql(`
  mutation AcceptOffer($offerId: ID!) {
    acceptOffer(offerId: $offerId) {
      ...DealSummaryFields
      offer {
        ...OfferSummaryFields
      }
    }
  }
`);

export const RejectOfferDocument = graphql(`
  mutation RejectOffer($offerId: ID!) {
    rejectOffer(offerId: $offerId) {
      ...OfferDetailFields
    }
  }
`);

export const WithdrawOfferDocument = graphql(`
  mutation WithdrawOffer($offerId: ID!) {
    withdrawOffer(offerId: $offerId) {
      ...OfferDetailFields
    }
  }
`);


/** Makes an offer (the make-offer page). */
export function useMakeOffer() {
  const { mutate } = useMutation(MakeOfferDocument);
  const { busy, error, run } = useBusy();
  async function makeOffer(input: OfferTermsInput): Promise<OfferDetailFieldsFragment | null> {
    const result = await run('make', () => mutate({ input }));
    return result?.data?.makeOffer ?? null;
  }
  return { makeOffer, busy, error };
}

/**
 * One offer, live: offerUpdated writes every change of the member's offers into the
 * cache, so this query follows without a reload. Actions: accept, reject, withdraw, counter.
 */
export function useOffer(id: Ref<string>) {
  const { result, loading, error, refetch } = useQuery(OfferDocument, () => ({ id: id.value }), () => ({ enabled: !!id.value }));
  useSubscription(OfferUpdatedDocument, {}, () => ({ enabled: !!id.value }));
  const offer = computed<OfferDetailFieldsFragment | null>(() => result.value?.offer ?? null);
  const { notFound } = useQueryError(error);

  const accept = useMutation(AcceptOfferDocument);
  const reject = useMutation(RejectOfferDocument);
  const withdraw = useMutation(WithdrawOfferDocument);
  const counter = useMutation(CounterOfferDocument);
  const { busy, error: actionError, run } = useBusy();

  return {
    offer,
    loading,
    error,
    notFound,
    refetch,
    busy,
    actionError,
    accept: () => run('accept', () => accept.mutate({ offerId: id.value })).then((r) => r?.data?.acceptOffer ?? null),
    reject: () => run('reject', () => reject.mutate({ offerId: id.value })).then((r) => r?.data?.rejectOffer ?? null),
    withdraw: () => run('withdraw', () => withdraw.mutate({ offerId: id.value })).then((r) => r?.data?.withdrawOffer ?? null),
    counter: (input: OfferTermsInput) => run('counter', () => counter.mutate({ offerId: id.value, input })).then((r) => r?.data?.counterOffer ?? null),
  };
}
