import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createListing, startTestApi, subscribe, type TestApi } from '../test/harness.js';
import { loadConfig } from './config.js';
import { startServer, type RunningServer } from './server.js';

// Two API servers on one database, each with its own Redis connections: a subscriber on one
// receives what the other publishes (issue "Barter trades", item 2). Runs when REDIS_URL is set
// (.ci/run sets it when 127.0.0.1:6379 answers).
const redisUrl = process.env.REDIS_URL;

describe.skipIf(!redisUrl)('live updates across two API processes (Redis pub/sub)', () => {
  let one: TestApi;
  let two: RunningServer;
  // Replicas share the message keys (MESSAGE_KEYS), or one could not read the other's messages.
  const keys = `k1:${Buffer.alloc(32, 7).toString('base64')}`;
  beforeAll(async () => {
    one = await startTestApi({ REDIS_URL: redisUrl!, MESSAGE_KEYS: keys });
    two = await startServer(loadConfig({
      NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', DATABASE_URL: one.databaseUrl, DATA_DIR: mkdtempSync(join(tmpdir(), 'pasar-two-')),
      JWT_SECRET: 'test-secret-that-is-long-enough-0123456789', SEED_DEMO: 'false', LOG_LEVEL: 'silent', REDIS_URL: redisUrl!, MESSAGE_KEYS: keys,
    }));
  });
  afterAll(async () => {
    await two?.close();
    await one?.close();
  });

  it('a message sent through server two reaches a subscriber of server one', async () => {
    const [a, b] = [await one.register(), await one.register()];
    const [la, lb] = [await createListing(one, a), await createListing(one, b)];
    const made = await one.gql(`mutation M($input: OfferTermsInput!) { makeOffer(input: $input) { conversation { id } } }`,
      { input: { wantedListingIds: [la.id], offeredListingIds: [lb.id] } }, b.accessToken);
    const conversationId = made.data!.makeOffer.conversation.id;
    const watch = await subscribe(one, a.accessToken, `subscription W($id: ID!) { messageAdded(conversationId: $id) { text } }`, { id: conversationId });
    const res = await fetch(`${two.url}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true', authorization: `Bearer ${b.accessToken}` },
      body: JSON.stringify({ query: `mutation S($id: ID!) { sendMessage(conversationId: $id, input: { text: "lewat server dua" }) { id } }`, variables: { id: conversationId } }),
    });
    expect((await res.json()).errors).toBeUndefined();
    expect((await watch.next(1)).data.messageAdded.text).toBe('lewat server dua');
    await watch.close();
  });
});
