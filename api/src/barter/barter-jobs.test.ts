import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createListing, startTestApi, type TestApi } from '../test/harness.js';

// Short deadlines so the pg-boss jobs fire during the test (PRODUCT §3 timeouts).
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ OFFER_TTL_SECONDS: '2', DEAL_SHIP_WITHIN_SECONDS: '3', DEAL_CONFIRM_WITHIN_SECONDS: '2', JOB_POLL_SECONDS: '0.5', ACCESS_TOKEN_TTL: '10' });
});
afterAll(() => api?.close());

const waitFor = async <T>(read: () => Promise<T>, ok: (v: T) => boolean, ms = 20_000): Promise<T> => {
  const until = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > until) throw new Error(`still ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
};
const row = async (table: string, id: string) => (await api.sql(`select status from ${table} where id = $1`, [id]))[0].status as string;
const events = async (conversationId: string) => (await api.sql(`select system_event from messages where conversation_id = $1 and kind = 'SYSTEM' order by created_at`, [conversationId])).map((r) => r.system_event);

async function setup() {
  const [a, b] = [await api.register(), await api.register()];
  const [la, lb] = [await createListing(api, a), await createListing(api, b)];
  const o = (await api.gql(`mutation M($input: OfferTermsInput!) { makeOffer(input: $input) { id conversation { id } } }`,
    { input: { wantedListingIds: [la.id], offeredListingIds: [lb.id] } }, b.accessToken)).data!.makeOffer;
  return { a, b, la, lb, offerId: o.id as string, conversationId: o.conversation.id as string };
}

describe('a WebSocket outlives its access token', () => {
  it('new operations on an open socket keep working after the token expired; a ban still applies at once', async () => {
    const { createClient } = await import('graphql-ws');
    const { default: WebSocket } = await import('ws');
    const s = await api.register();
    const client = createClient({ url: api.url.replace('http', 'ws') + '/graphql', webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${s.accessToken}` }, retryAttempts: 0, lazy: false });
    const run = (query: string) => new Promise<any>((resolve) => {
      let out: unknown;
      client.subscribe({ query }, { next: (v) => (out = v), error: (e) => resolve({ errors: e }), complete: () => resolve(out) });
    });
    expect((await run('{ me { id } }')).data.me.id).toBe(s.id);
    await new Promise((r) => setTimeout(r, 11_000));
    expect(codeOfHttp(await api.gql('{ me { id } }', {}, s.accessToken))).toBe('UNAUTHENTICATED');
    expect((await run('{ me { id } }')).data.me.id).toBe(s.id);
    await api.sql(`update users set status = 'BANNED' where id = $1`, [s.id]);
    expect(JSON.stringify(await run('{ me { id } }'))).toContain('UNAUTHENTICATED');
    await client.dispose();
  }, 30_000);
});

const codeOfHttp = (res: { errors?: { extensions?: Record<string, unknown> }[] }) => res.errors?.[0]?.extensions?.code;

describe('scheduled jobs', () => {
  it('expires an unanswered offer, once', async () => {
    const { a, b, offerId, conversationId } = await setup();
    await waitFor(() => row('offers', offerId), (s) => s === 'EXPIRED');
    expect(await events(conversationId)).toEqual(['OFFER_MADE', 'OFFER_EXPIRED']);
    const kinds = await api.sql(`select user_id, kind from notifications where kind = 'OFFER_EXPIRED' and user_id = any($1)`, [[a.id, b.id]]);
    expect(kinds).toHaveLength(2);
    // Running the job again (a retry, or the sweep) changes nothing.
    await api.services.barter.expireOffer(api.orm.em.fork(), offerId);
    await api.services.barter.sweep(api.orm.em.fork());
    expect(await events(conversationId)).toEqual(['OFFER_MADE', 'OFFER_EXPIRED']);
  });

  it('a counter-offer restarts the clock', async () => {
    const { a, la, lb, offerId } = await setup();
    await new Promise((r) => setTimeout(r, 1200));
    await api.gql(`mutation C($id: ID!, $input: OfferTermsInput!) { counterOffer(offerId: $id, input: $input) { id } }`,
      { id: offerId, input: { wantedListingIds: [la.id], offeredListingIds: [lb.id] } }, a.accessToken);
    await new Promise((r) => setTimeout(r, 1200));
    expect(await row('offers', offerId)).toBe('PENDING');
    await waitFor(() => row('offers', offerId), (s) => s === 'EXPIRED');
  });

  it('cancels a deal nobody shipped in time and frees the listings', async () => {
    const { a, la, lb, offerId, conversationId } = await setup();
    const deal = (await api.gql(`mutation A($id: ID!) { acceptOffer(offerId: $id) { id } }`, { id: offerId }, a.accessToken)).data!.acceptOffer;
    await waitFor(() => row('deals', deal.id), (s) => s === 'CANCELLED');
    expect([await row('listings', la.id), await row('listings', lb.id)]).toEqual(['ACTIVE', 'ACTIVE']);
    expect((await events(conversationId)).at(-1)).toBe('DEAL_CANCELLED_NOT_SHIPPED');
    await api.services.barter.shipTimeout(api.orm.em.fork(), deal.id);
    expect((await events(conversationId)).filter((e) => e === 'DEAL_CANCELLED_NOT_SHIPPED')).toHaveLength(1);
  });

  it('auto-confirms receipt after both shipped and the period passed', async () => {
    const { a, b, la, lb, offerId, conversationId } = await setup();
    const deal = (await api.gql(`mutation A($id: ID!) { acceptOffer(offerId: $id) { id } }`, { id: offerId }, a.accessToken)).data!.acceptOffer;
    const ship = `mutation S($id: ID!, $input: ShipmentInput!) { submitShipment(dealId: $id, input: $input) { status } }`;
    await api.gql(ship, { id: deal.id, input: { courier: 'JNE', trackingNumber: 'JNE000111222' } }, a.accessToken);
    expect((await api.gql(ship, { id: deal.id, input: { courier: 'LION', trackingNumber: 'LP0000111222' } }, b.accessToken)).data!.submitShipment.status).toBe('SHIPPED');
    await waitFor(() => row('deals', deal.id), (s) => s === 'COMPLETED');
    expect([await row('listings', la.id), await row('listings', lb.id)]).toEqual(['CLOSED', 'CLOSED']);
    const received = await api.sql(`select received_at from shipments where trade_id = $1`, [deal.id]);
    expect(received.every((r) => r.received_at)).toBe(true);
    expect((await events(conversationId)).at(-1)).toBe('DEAL_AUTO_COMPLETED');
  });
});
