import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, createListing, startTestApi, subscribe, testPng, type Session, type TestApi } from '../test/harness.js';

let api: TestApi;
let a: Session;
let b: Session;
let c: Session;
let conversationId: string;

const SEND = `mutation S($id: ID!, $input: SendMessageInput!) { sendMessage(conversationId: $id, input: $input) { id kind text sender { id } photo { id } listing { id } conversationId } }`;
const HISTORY = `query H($id: ID!, $first: Int!, $before: String) { conversation(id: $id) { unreadCount participants { user { id } lastReadAt }
  messages(first: $first, before: $before) { pageInfo { hasNextPage endCursor } edges { node { id text systemEvent } } } } }`;

beforeAll(async () => {
  api = await startTestApi();
  [a, b, c] = [await api.register(), await api.register(), await api.register()];
  const [la, lb] = [await createListing(api, a), await createListing(api, b)];
  const res = await api.gql(`mutation M($input: OfferTermsInput!) { makeOffer(input: $input) { conversation { id } } }`,
    { input: { wantedListingIds: [la.id], offeredListingIds: [lb.id] } }, b.accessToken);
  conversationId = res.data!.makeOffer.conversation.id;
});
afterAll(() => api?.close());

describe('messages', () => {
  it('stores text encrypted at rest (AES-256-GCM with a key id) and returns it decrypted', async () => {
    const secret = 'Alamat saya Jl. Rahasia No. 7, Bandung';
    const sent = await api.gql(SEND, { id: conversationId, input: { text: secret } }, a.accessToken);
    expect(sent.data!.sendMessage).toMatchObject({ kind: 'TEXT', text: secret, sender: { id: a.id }, conversationId });
    const [row] = await api.sql('select key_id, iv, tag, ciphertext from messages where id = $1', [sent.data!.sendMessage.id]);
    expect(row.key_id).toBe('dev');
    expect(row.iv).toHaveLength(12);
    expect(row.tag).toHaveLength(16);
    expect(Buffer.from(row.ciphertext).toString('utf8')).not.toContain('Rahasia');
    // A ciphertext moved to another message does not decrypt (the id is authenticated data).
    const other = await api.gql(SEND, { id: conversationId, input: { text: 'lain' } }, a.accessToken);
    await api.sql('update messages set ciphertext = $1, iv = $2, tag = $3 where id = $4', [row.ciphertext, row.iv, row.tag, other.data!.sendMessage.id]);
    const read = await api.gql(`query H($id: ID!) { conversation(id: $id) { messages(first: 1) { edges { node { text } } } } }`, { id: conversationId }, a.accessToken);
    expect(codeOf(read)).toBe('INTERNAL_SERVER_ERROR');
    await api.sql('delete from messages where id = $1', [other.data!.sendMessage.id]);
  });

  it('sends an image and a listing card; refuses zero or two kinds, foreign photos and bad ids', async () => {
    const up = await api.upload(a.accessToken, await testPng());
    expect((await api.gql(SEND, { id: conversationId, input: { photoId: up.json.id } }, a.accessToken)).data!.sendMessage).toMatchObject({ kind: 'IMAGE', photo: { id: up.json.id } });
    const l = await createListing(api, c);
    expect((await api.gql(SEND, { id: conversationId, input: { listingId: l.id } }, a.accessToken)).data!.sendMessage).toMatchObject({ kind: 'LISTING', listing: { id: l.id } });
    const theirs = await api.upload(b.accessToken, await testPng());
    for (const input of [{}, { text: 'x', listingId: l.id }, { photoId: theirs.json.id }, { listingId: 'nope' }, { text: 'x'.repeat(4001) }, { text: '   ' }]) {
      expect(codeOf(await api.gql(SEND, { id: conversationId, input }, a.accessToken))).toBe('BAD_USER_INPUT');
    }
  });

  it('pages history newest first with a cursor, and counts unread for the other party', async () => {
    for (let i = 1; i <= 5; i++) await api.gql(SEND, { id: conversationId, input: { text: `pesan ${i}` } }, a.accessToken);
    const first = await api.gql(HISTORY, { id: conversationId, first: 3 }, b.accessToken);
    const page1 = first.data!.conversation.messages;
    expect(page1.edges.map((e: any) => e.node.text)).toEqual(['pesan 5', 'pesan 4', 'pesan 3']);
    const page2 = (await api.gql(HISTORY, { id: conversationId, first: 3, before: page1.pageInfo.endCursor }, b.accessToken)).data!.conversation.messages;
    expect(page2.edges.map((e: any) => e.node.text)).toEqual(['pesan 2', 'pesan 1', null]);
    const unreadB = first.data!.conversation.unreadCount;
    expect(unreadB).toBeGreaterThanOrEqual(5);
    const list = await api.gql(`{ conversations { id unreadCount } }`, {}, b.accessToken);
    expect(list.data!.conversations).toContainEqual({ id: conversationId, unreadCount: unreadB });
    // A wrote everything since; sending marks one's own conversation read.
    expect((await api.gql(HISTORY, { id: conversationId, first: 1 }, a.accessToken)).data!.conversation.unreadCount).toBe(0);
  });

  it('read receipts: markConversationRead zeroes my unread count and tells the other party live', async () => {
    const watch = await subscribe(api, a.accessToken, `subscription W($id: ID!) { conversationActivity(conversationId: $id) { kind user { id } readAt } }`, { id: conversationId });
    const at = (await api.gql(`mutation R($id: ID!) { markConversationRead(conversationId: $id) }`, { id: conversationId }, b.accessToken)).data!.markConversationRead;
    expect((await api.gql(HISTORY, { id: conversationId, first: 1 }, b.accessToken)).data!.conversation.unreadCount).toBe(0);
    expect((await watch.next(1)).data.conversationActivity).toEqual({ kind: 'READ', user: { id: b.id }, readAt: at });
    await api.gql(`mutation T($id: ID!) { sendTyping(conversationId: $id) }`, { id: conversationId }, b.accessToken);
    expect((await watch.next(2)).data.conversationActivity).toMatchObject({ kind: 'TYPING', user: { id: b.id } });
    await watch.close();
  });
});

describe('live messages', () => {
  it('delivers a new message to both parties and never to others', async () => {
    const watchA = await subscribe(api, a.accessToken, `subscription W($id: ID!) { messageAdded(conversationId: $id) { text sender { id } } }`, { id: conversationId });
    const watchB = await subscribe(api, b.accessToken, `subscription W($id: ID!) { messageAdded(conversationId: $id) { text } }`, { id: conversationId });
    const outsider = await subscribe(api, c.accessToken, `subscription W($id: ID!) { messageAdded(conversationId: $id) { text } }`, { id: conversationId });
    await api.gql(SEND, { id: conversationId, input: { text: 'Sudah saya kirim ya' } }, b.accessToken);
    expect((await watchA.next(1)).data.messageAdded).toEqual({ text: 'Sudah saya kirim ya', sender: { id: b.id } });
    expect((await watchB.next(1)).data.messageAdded.text).toBe('Sudah saya kirim ya');
    await outsider.next(1).catch(() => undefined);
    expect(outsider.events).toHaveLength(0);
    expect(JSON.stringify(outsider.errors)).toContain('FORBIDDEN');
    const anon = await subscribe(api, undefined, `subscription W($id: ID!) { messageAdded(conversationId: $id) { text } }`, { id: conversationId });
    await anon.next(1).catch(() => undefined);
    expect(JSON.stringify(anon.errors)).toContain('UNAUTHENTICATED');
    await Promise.all([watchA.close(), watchB.close(), outsider.close(), anon.close()]);
  });

  it('shares one execution per event only within a user: the sender sees their own email, the other party does not', async () => {
    const q = `subscription W($id: ID!) { messageAdded(conversationId: $id) { text sender { email } } }`;
    const tabs = [
      await subscribe(api, a.accessToken, q, { id: conversationId }), await subscribe(api, a.accessToken, q, { id: conversationId }),
      await subscribe(api, b.accessToken, q, { id: conversationId }), await subscribe(api, b.accessToken, q, { id: conversationId }),
    ];
    await api.gql(SEND, { id: conversationId, input: { text: 'siapa saya?' } }, b.accessToken);
    const got = await Promise.all(tabs.map((t) => t.next(1)));
    expect(got.map((e) => e.data.messageAdded.sender.email)).toEqual([null, null, b.email, b.email]);
    await Promise.all(tabs.map((t) => t.close()));
  });

  it('notifies the seller live when an offer arrives (offerUpdated, notificationAdded)', async () => {
    const seller = await api.register();
    const buyer = await api.register();
    const [ls, lb] = [await createListing(api, seller), await createListing(api, buyer)];
    const offers = await subscribe(api, seller.accessToken, `subscription { offerUpdated { id status buyer { id } } }`);
    const notes = await subscribe(api, seller.accessToken, `subscription { notificationAdded { kind link } }`);
    const spy = await subscribe(api, c.accessToken, `subscription { offerUpdated { id } }`);
    const made = await api.gql(`mutation M($input: OfferTermsInput!) { makeOffer(input: $input) { id } }`, { input: { wantedListingIds: [ls.id], offeredListingIds: [lb.id] } }, buyer.accessToken);
    const id = made.data!.makeOffer.id;
    expect((await offers.next(1)).data.offerUpdated).toEqual({ id, status: 'PENDING', buyer: { id: buyer.id } });
    expect((await notes.next(1)).data.notificationAdded).toEqual({ kind: 'OFFER_RECEIVED', link: `/offers/${id}` });
    await new Promise((r) => setTimeout(r, 300));
    expect(spy.events).toHaveLength(0);
    await Promise.all([offers.close(), notes.close(), spy.close()]);
  });
});
