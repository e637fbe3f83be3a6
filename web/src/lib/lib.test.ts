import { ApolloError } from '@apollo/client/core';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { safeRedirect } from '@/router';
import { mapFieldErrors, toAppError } from './errors';
import { countActiveFilters, queryFromSearch, searchFromQuery } from './listingFilter';

describe('listing search in the URL', () => {
  it('round-trips filters and sort, defaulting the sort by the presence of words', () => {
    const state = searchFromQuery({ q: ' sepeda ', kind: 'BARTER', category: 'c1', city: '3273', cityName: 'Kota Bandung', minPoints: '10', maxPoints: 'x' });
    expect(state).toEqual({
      filter: { query: 'sepeda', kind: 'BARTER', categoryId: 'c1', cityCode: '3273', minPoints: 10 },
      sort: 'RELEVANCE',
      cityName: 'Kota Bandung',
    });
    expect(queryFromSearch(state)).toEqual({ q: 'sepeda', kind: 'BARTER', category: 'c1', city: '3273', cityName: 'Kota Bandung', minPoints: '10' });
    expect(searchFromQuery({}).sort).toBe('NEWEST');
    expect(searchFromQuery({ kind: 'JUNK', sort: 'PRICE_ASC' })).toEqual({ filter: {}, sort: 'PRICE_ASC', cityName: null });
    expect(countActiveFilters(state.filter)).toBe(4);
  });
});

describe('errors', () => {
  it('reads the code and the named field of a BAD_USER_INPUT', () => {
    const error = new ApolloError({
      graphQLErrors: [new GraphQLError('price too low', { extensions: { code: 'BAD_USER_INPUT', field: 'input.sale.price' } })],
    });
    const app = toAppError(error);
    expect(app.code).toBe('BAD_USER_INPUT');
    expect(mapFieldErrors(app.fields)).toEqual({ price: 'price too low' });
    expect(mapFieldErrors({ photoIds: 'need one' }, { photoIds: 'photos' })).toEqual({ photos: 'need one' });
  });

  it('calls a failed fetch a network error', () => {
    expect(toAppError(new ApolloError({ networkError: new TypeError('Failed to fetch') })).code).toBe('NETWORK');
  });

  it('follows only same-app redirects', () => {
    expect(safeRedirect('/listings/new')).toBe('/listings/new');
    expect(safeRedirect('//evil.example')).toBeNull();
    expect(safeRedirect('https://evil.example')).toBeNull();
  });
});
