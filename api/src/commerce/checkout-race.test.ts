import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, createListing, startTestApi, type GqlResult, type Session, type TestApi } from '../test/harness.js';

// Adversarial concurrency around checkout (checkout.ts, checkout.sql.ts), over real HTTP: ~120
// checkouts of three products of one store race with staff cancelling freshly placed orders,
// the expiry job racing a staff cancel on the same order, the seller changing prices and
// pausing a product (updateListing), a restock receipt, and buyers changing their cart while
// their own checkout runs. Nothing is asserted about who wins (timing); everything asserted is
// an invariant the code guarantees whatever the interleaving:
// - stock: initial + received + stock the seller set − units of live orders = current, never < 0;
//   and each kind of writer moved exactly what the orders say (see `writers`);
// - an order line's unit price is the listing's price at the write (and the product ACTIVE);
// - totals add up; one order per buyer per cart; refusals keep the cart as it was;
// - every answer is a result or a documented error code, never INTERNAL_SERVER_ERROR (a
//   deadlock, SQLSTATE 40P01, would surface as one), and every HTTP status is 200;
// - LOW_STOCK alerts: one per staff member per checkout that crossed the threshold.
// Triggers installed in this file's own database record what the API cannot show: every change
// of a listing's stock, price or status (with its transaction), the listing's price and status
// as the checkout write saw them when it inserted each order line, and which transactions
// cancelled an order or received a restock order.

let api: TestApi;
let owner: Session; // owns the stores and sells the products (the listings' seller)
let staff: Session; // a staff member of every store: cancels orders, receives the restock
let buyers: Session[];
let serviceId: string;

const BUYERS = 120;
const SHIP_TO = { recipient: 'Rina Kartika', phone: '081234567890', address: 'Jl. Kaliurang KM 5 No. 12', cityCode: '34.71' };
const CHECKOUT = `mutation C($input: CheckoutInput!) { checkout(input: $input) { id } }`;
const UPDATE_LISTING = `mutation U($id: ID!, $input: UpdateListingInput!) { updateListing(id: $id, input: $input) { id price stock status } }`;
const UPDATE_CART = `mutation Q($id: ID!, $q: Int!) { updateCartItem(listingId: $id, quantity: $q) { items } }`;
const CANCEL = `mutation X($id: ID!) { updateOrder(orderId: $id, action: CANCEL) { status } }`;
const RECEIVE = `mutation R($id: ID!) { receiveRestockOrder(restockId: $id) { status } }`;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A small deterministic PRNG (mulberry32): the same carts every run. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Writer = 'checkout' | 'return' | 'restock' | 'seller' | 'unknown';

/**
 * Who changed a listing row, from the transaction that did it: the one that placed order lines
 * (checkout), cancelled an order (cancel or expiry: returnStock), received a restock order, or
 * else the ORM's UPDATE of updateListing. Anything else is a writer this test does not know.
 */
async function writers(): Promise<(e: { tx: string; query: string }) => Writer> {
  const byTx = new Map<string, Writer>();
  for (const r of await api.sql(`select distinct tx::text as tx from race_item_log`)) byTx.set(r.tx, 'checkout');
  for (const r of await api.sql(`select tx::text as tx, what from race_tx_log`)) {
    if (r.what === 'order CANCELLED') byTx.set(r.tx, 'return');
    if (r.what === 'restock RECEIVED') byTx.set(r.tx, 'restock');
  }
  return (e) => byTx.get(String(e.tx)) ?? (/^\s*update "listings" set/.test(e.query) ? 'seller' : 'unknown');
}

const INSTRUMENT = `
create table race_listing_log (seq bigserial primary key, tx bigint not null default txid_current(), listing_id uuid not null, old_stock int, new_stock int,
  old_price bigint, new_price bigint, old_status text, new_status text, query text not null);
create function race_listing_log() returns trigger language plpgsql as $$
begin
  if new.stock is distinct from old.stock or new.price is distinct from old.price or new.status is distinct from old.status then
    insert into race_listing_log (listing_id, old_stock, new_stock, old_price, new_price, old_status, new_status, query)
    values (new.id, old.stock, new.stock, old.price, new.price, old.status::text, new.status::text, current_query());
  end if;
  return null;
end $$;
create trigger race_listing_log after update on listings for each row execute function race_listing_log();
create table race_item_log (item_id uuid primary key, price bigint, status text, kind text, tx bigint not null default txid_current());
create function race_item_log() returns trigger language plpgsql as $$
begin
  -- Runs inside the checkout write, which holds the listing's row lock: no one else can have
  -- changed the price or status between the write's check and this read.
  insert into race_item_log (item_id, price, status, kind) select new.id, l.price, l.status::text, l.kind::text from listings l where l.id = new.listing_id;
  return null;
end $$;
create trigger race_item_log after insert on order_items for each row execute function race_item_log();
create table race_tx_log (tx bigint not null default txid_current(), what text not null);
create function race_tx_log() returns trigger language plpgsql as $$
begin
  if new.status is distinct from old.status then
    insert into race_tx_log (what) values (tg_argv[0] || ' ' || new.status);
  end if;
  return null;
end $$;
create trigger race_tx_log after update on orders for each row execute function race_tx_log('order');
create trigger race_tx_log after update on restock_orders for each row execute function race_tx_log('restock');`;

beforeAll(async () => {
  api = await startTestApi();
  await api.sql(INSTRUMENT);
  owner = await api.register({ displayName: 'Toko Balapan' });
  staff = await api.register({ displayName: 'Kasir Balapan' });
  buyers = [];
  for (let i = 0; i < BUYERS; i += 20) buyers.push(...(await Promise.all(Array.from({ length: 20 }, () => api.register()))));
  serviceId = (await api.sql(`select id from shipping_services where code = 'JNE-REG'`))[0].id;
}, 120_000);
afterAll(() => api?.close());

/** Retries a seller's mutation while it is refused with CONFLICT (optimistic lock: a checkout changed the row meanwhile); returns every answer. */
async function untilNotConflict(run: () => Promise<GqlResult>): Promise<GqlResult[]> {
  const answers: GqlResult[] = [];
  const until = Date.now() + 60_000;
  for (;;) {
    const res = await run();
    answers.push(res);
    if (codeOf(res) !== 'CONFLICT' || Date.now() > until) return answers;
    await sleep(5);
  }
}

/**
 * Makes the planner see listings and order_items as never analyzed, as on a fresh or small
 * database (PostgreSQL 18; elsewhere a no-op): autovacuum may analyze them in the middle of
 * this file, and the plan decides the order in which returnStock locks rows (see the deadlock
 * test at the end).
 */
const freshStats = () => api.sql(`do $$ begin
  if exists (select from pg_proc where proname = 'pg_clear_relation_stats') then
    perform pg_clear_relation_stats('public', 'listings');
    perform pg_clear_relation_stats('public', 'order_items');
  end if;
end $$`);

interface Line { listing: number; quantity: number }

async function scenario(round: number) {
  // ---------------------------------------------------------------- setup
  const storeId = randomUUID();
  await api.sql(`insert into stores (id, owner_id, slug, name, address, city_code, created_at) values ($1, $2, $3, 'Toko Balapan', 'Jl. Braga 1', '32.73', now())`,
    [storeId, owner.id, `balap-${round}-${storeId.slice(0, 8)}`]);
  await api.sql(`insert into store_staff (store_id, user_id) values ($1, $2)`, [storeId, staff.id]);
  const initial = [20, 15, 10];
  const thresholds = [5, 4, 3];
  const prices = [200_000, 150_000, 90_000];
  const titles = [`Senar gitar balapan ${round} A`, `Pick gitar balapan ${round} B`, `Capo gitar balapan ${round} C`];
  const ids: string[] = [];
  for (const k of [0, 1, 2]) {
    const l = await createListing(api, owner, { kind: 'SALE', barter: null, title: titles[k], sale: { price: prices[k], stock: initial[k], weightGrams: 800 } });
    await api.sql(`update listings set store_id = $1, low_stock_threshold = $2 where id = $3`, [storeId, thresholds[k], l.id]);
    ids.push(l.id);
  }
  const supplier = (await api.gql(`mutation S($s: ID!) { addSupplier(storeId: $s, input: { name: "CV Balapan" }) { id } }`, { s: storeId }, owner.accessToken)).data!.addSupplier.id;
  const RESTOCK = 7;
  const restock = (await api.gql(`mutation R($s: ID!, $p: ID!, $l: [RestockLineInput!]!) { createRestockOrder(storeId: $s, supplierId: $p, lines: $l) { id } }`,
    { s: storeId, p: supplier, l: [{ listingId: ids[1], quantity: RESTOCK }] }, owner.accessToken)).data!.createRestockOrder.id;

  // Carts: 1–3 lines of 1–3 units, products in a shuffled insertion order (so the cart order and
  // the id order the write locks in disagree for many carts).
  const rand = prng(0xc0ffee + round);
  const carts: Line[][] = buyers.map(() => {
    const order = [0, 1, 2].sort(() => rand() - 0.5);
    const n = rand() < 0.45 ? 3 : rand() < 0.6 ? 2 : 1;
    return order.slice(0, n).map((listing) => ({ listing, quantity: 1 + Math.floor(rand() * 3) }));
  });
  const rows = carts.flatMap((lines, b) => lines.map((l, k) => ({ u: buyers[b].id, l: ids[l.listing], q: l.quantity, k: b * 10 + k })));
  await api.sql(`insert into cart_items (user_id, listing_id, quantity, added_at)
                 select u, l, q, now() + make_interval(secs => k / 1000.0) from jsonb_to_recordset($1::jsonb) as x(u uuid, l uuid, q int, k int)`, [JSON.stringify(rows)]);
  // Buyers who change a line's quantity while their checkout runs: the line and the new quantity.
  const changes = new Map<number, Line>();
  for (let b = 1; b < BUYERS; b += 6) {
    const line = carts[b][0];
    changes.set(b, { listing: line.listing, quantity: line.quantity === 1 ? 2 : line.quantity - 1 });
  }

  await freshStats();

  // ---------------------------------------------------------------- the race
  let done = 0;
  const gates: { n: number; open: () => void }[] = [];
  /** Resolves once `n` checkouts have answered: "mid-way" by progress, not by the clock. */
  const after = (n: number) => new Promise<void>((open) => (done >= n ? open() : gates.push({ n, open })));
  const answered = () => {
    done++;
    for (const g of gates.filter((x) => x.n <= done)) {
      gates.splice(gates.indexOf(g), 1);
      g.open();
    }
  };

  const cancels: Promise<{ kind: 'cancel' | 'raced'; orderId: string; cancel: GqlResult; expire?: unknown }>[] = [];
  const checkoutAnswers: GqlResult[] = new Array(BUYERS);
  const cartAnswers = new Map<number, GqlResult>();
  const checkouts = buyers.map(async (buyer, b) => {
    // Four waves of 30, each let go once the previous one has started answering, so that
    // cancellations, the expiry job and the restock of earlier orders meet later checkouts.
    await after(Math.floor(b / 30) * 10);
    const change = changes.get(b);
    const racing = change
      ? sleep(b % 4).then(async () => cartAnswers.set(b, await api.gql(UPDATE_CART, { id: ids[change.listing], q: change.quantity }, buyer.accessToken)))
      : null;
    const res = await api.gql(CHECKOUT, { input: { storeId, shippingServiceId: serviceId, shipTo: SHIP_TO } }, buyer.accessToken);
    checkoutAnswers[b] = res;
    answered();
    const orderId: string | undefined = res.data?.checkout?.id;
    if (orderId && b % 3 === 0) {
      // Staff cancel a freshly placed order: its stock comes back.
      cancels.push(api.gql(CANCEL, { id: orderId }, staff.accessToken).then((cancel) => ({ kind: 'cancel' as const, orderId, cancel })));
    } else if (orderId && b % 3 === 1) {
      // The payment window "ran out": the expiry job and a staff cancel race on the same order;
      // exactly one of them cancels it and returns its stock.
      cancels.push((async () => {
        await api.sql(`update orders set expires_at = now() - interval '1 second' where id = $1`, [orderId]);
        const [expire, cancel] = await Promise.all([
          api.services.commerce.expire(api.orm.em.fork(), orderId).then(() => 'ok', (e: unknown) => e),
          api.gql(CANCEL, { id: orderId }, staff.accessToken),
        ]);
        return { kind: 'raced' as const, orderId, cancel, expire };
      })());
    }
    await racing;
    return res;
  });

  const sellerAnswers: Record<string, GqlResult[]> = {};
  /** The seller edits a product's price the way the listing form does: the whole sale block, with the stock as just read and stockSeen. */
  const reprice = async (k: number, price: number) =>
    untilNotConflict(async () => {
      const { stock } = (await api.gql(`query L($id: ID!) { listing(id: $id) { stock } }`, { id: ids[k] }, owner.accessToken)).data!.listing;
      return api.gql(UPDATE_LISTING, { id: ids[k], input: { sale: { price, stock, weightGrams: 800 }, stockSeen: stock } }, owner.accessToken);
    });
  const setStatus = (k: number, status: string) => untilNotConflict(() => api.gql(UPDATE_LISTING, { id: ids[k], input: { status } }, owner.accessToken));
  const side = [
    after(1).then(async () => (sellerAnswers.priceA = await reprice(0, 230_000))),
    after(12).then(async () => (sellerAnswers.receive = [await api.gql(RECEIVE, { id: restock }, staff.accessToken)])),
    after(20).then(async () => {
      sellerAnswers.pauseC = await setStatus(2, 'DRAFT');
      await after(60);
      sellerAnswers.resumeC = await setStatus(2, 'ACTIVE');
    }),
    after(8).then(async () => (sellerAnswers.priceB = await reprice(1, 135_000))),
  ];
  await Promise.all(checkouts);
  await Promise.all(side);
  const cancelled = await Promise.all(cancels);

  // ---------------------------------------------------------------- every answer
  // Soft assertions: one run reports every broken invariant, not only the first.
  const problems = (label: string, list: unknown[]) => expect.soft(list, label).toEqual([]);
  const everyAnswer = [...checkoutAnswers, ...cartAnswers.values(), ...Object.values(sellerAnswers).flat(), ...cancelled.map((c) => c.cancel)];
  problems('HTTP 200 and no INTERNAL_SERVER_ERROR (a deadlock would be one)', everyAnswer.filter((r) => r.status !== 200 || codeOf(r) === 'INTERNAL_SERVER_ERROR').map((r) => [r.status, r.errors?.[0]?.path, r.errors?.[0]?.extensions?.requestId]));
  problems('the expiry job never fails', cancelled.filter((c) => c.expire !== undefined && c.expire !== 'ok').map((c) => String(c.expire)));
  const refusals = checkoutAnswers.filter((r) => !r.data?.checkout).map((r) => codeOf(r) ?? '?');
  problems('checkout refusals are CONFLICT or BAD_USER_INPUT', refusals.filter((c) => c !== 'CONFLICT' && c !== 'BAD_USER_INPUT'));
  problems('cart edits answer the cart, NOT_FOUND or BAD_USER_INPUT', [...cartAnswers.values()].map(codeOf).filter((c) => c !== undefined && c !== 'NOT_FOUND' && c !== 'BAD_USER_INPUT'));
  // Each seller/staff action got through in the end; on the way only the optimistic lock refused.
  problems('seller and staff actions succeed (after CONFLICT retries)', Object.entries(sellerAnswers).flatMap(([name, answers]) =>
    [...(codeOf(answers.at(-1)!) ? [`${name}: ${codeOf(answers.at(-1)!)}`] : []), ...answers.slice(0, -1).map(codeOf).filter((c) => c !== 'CONFLICT').map((c) => `${name}: ${c}`)]));
  // A plain staff cancel of a fresh PENDING order always succeeds; when it races the expiry
  // job, it either cancels first or finds the order already CANCELLED (INVALID_STATE).
  const cancelOutcome = (c: (typeof cancelled)[number]) => codeOf(c.cancel) ?? c.cancel.data!.updateOrder.status;
  problems('staff cancels succeed', cancelled.filter((c) => c.kind === 'cancel' && cancelOutcome(c) !== 'CANCELLED').map(cancelOutcome));
  problems('a cancel racing the expiry job cancels or finds it CANCELLED', cancelled.filter((c) => c.kind === 'raced' && !['CANCELLED', 'INVALID_STATE'].includes(cancelOutcome(c))).map(cancelOutcome));

  // ---------------------------------------------------------------- orders
  const placed = new Map<string, number>(); // order id -> buyer index
  checkoutAnswers.forEach((r, b) => r.data?.checkout && placed.set(r.data.checkout.id, b));
  const orders = await api.sql(`select id, buyer_id, status, subtotal::bigint as subtotal, shipping_cost::bigint as shipping, total::bigint as total from orders where store_id = $1`, [storeId]);
  problems('the orders in the database are exactly the orders answered', [...orders.map((o) => o.id).filter((id) => !placed.has(id)), ...[...placed.keys()].filter((id) => !orders.some((o) => o.id === id))]);
  // One order per buyer: each buyer has one cart of this store and checked out once.
  problems('one order per buyer', orders.filter((o, i) => orders.findIndex((x) => x.buyer_id === o.buyer_id) !== i).map((o) => o.buyer_id));
  const toCancel = new Set(cancelled.map((c) => c.orderId));
  problems('cancelled orders are CANCELLED, the others PENDING_PAYMENT', orders.filter((o) => o.status !== (toCancel.has(o.id) ? 'CANCELLED' : 'PENDING_PAYMENT')).map((o) => [o.id, o.status]));

  const items = await api.sql(`select i.id, i.order_id, i.listing_id, i.quantity, i.unit_price::bigint as unit_price, g.price::bigint as price_at_write, g.status, g.kind, g.tx::text as tx
                                 from order_items i join orders o on o.id = i.order_id left join race_item_log g on g.item_id = i.id where o.store_id = $1`, [storeId]);
  // The price charged is the listing's price at the write (checkouts that read an older price
  // were refused); the product was an ACTIVE SALE listing then.
  problems('unit price = listing price at the write; listing ACTIVE', items.filter((i) => Number(i.unit_price) !== Number(i.price_at_write) || i.status !== 'ACTIVE' || i.kind !== 'SALE')
    .map((i) => ({ item: i.id, unitPrice: Number(i.unit_price), priceAtWrite: Number(i.price_at_write), status: i.status })));
  const orderProblems: unknown[] = [];
  for (const o of orders) {
    const lines = items.filter((i) => i.order_id === o.id);
    const subtotal = lines.reduce((s, i) => s + Number(i.unit_price) * i.quantity, 0);
    if (Number(o.subtotal) !== subtotal || Number(o.total) !== Number(o.subtotal) + Number(o.shipping)) orderProblems.push({ order: o.id, subtotal: Number(o.subtotal), lines: subtotal, total: Number(o.total), shipping: Number(o.shipping) });
    // The order is the buyer's whole cart of the store, at the quantities the cart had (before
    // or after the buyer's own change).
    const b = placed.get(o.id);
    if (b === undefined) continue;
    const change = changes.get(b);
    const want = carts[b].map((l) => ({ listing: ids[l.listing], quantities: [l.quantity, ...(change?.listing === l.listing ? [change.quantity] : [])] }));
    const wrong = lines.length !== want.length || lines.some((i) => !want.find((w) => w.listing === i.listing_id)?.quantities.includes(i.quantity));
    if (wrong) orderProblems.push({ order: o.id, lines: lines.map((i) => [i.listing_id, i.quantity]), cart: want });
  }
  problems('subtotal = Σ unit price × quantity, total = subtotal + shipping, lines = the cart', orderProblems);

  // ---------------------------------------------------------------- carts
  const left = await api.sql(`select user_id, listing_id, quantity from cart_items where listing_id = any($1::uuid[])`, [ids]);
  const cartProblems: unknown[] = [];
  buyers.forEach((buyer, b) => {
    const mine = left.filter((c) => c.user_id === buyer.id);
    if (checkoutAnswers[b].data?.checkout) {
      if (mine.length) cartProblems.push({ buyer: b, ordered: true, left: mine });
      return;
    }
    // A refused checkout wrote nothing: the cart is as the buyer left it.
    const change = changes.get(b);
    const ok = mine.length === carts[b].length && carts[b].every((l) => {
      const c = mine.find((x) => x.listing_id === ids[l.listing]);
      return c && [l.quantity, ...(change?.listing === l.listing ? [change.quantity] : [])].includes(c.quantity);
    });
    if (!ok) cartProblems.push({ buyer: b, ordered: false, left: mine, cart: carts[b] });
  });
  problems('an order empties its cart lines, a refusal keeps them', cartProblems);

  // ---------------------------------------------------------------- stock
  const log = await api.sql(`select tx::text as tx, listing_id, old_stock, new_stock, query from race_listing_log where listing_id = any($1::uuid[]) order by seq`, [ids]);
  const writerOf = await writers();
  problems('only checkout, cancel/expiry, restock and updateListing change stock, price or status', log.filter((e) => writerOf(e) === 'unknown').map((e) => e.query.slice(0, 200)));
  problems('stock never negative', log.filter((e) => e.new_stock < 0));
  // Each order took, in the transaction that placed it, exactly its lines' units from stock.
  const taken = new Map<string, number>();
  for (const e of log.filter((x) => writerOf(x) === 'checkout')) taken.set(`${e.tx}/${e.listing_id}`, (taken.get(`${e.tx}/${e.listing_id}`) ?? 0) + e.old_stock - e.new_stock);
  problems('each order line took its units from stock in the same transaction', [
    ...items.filter((i) => taken.get(`${i.tx}/${i.listing_id}`) !== i.quantity)
      .map((i) => `order ${i.order_id}: sold ${i.quantity} of ${titles[ids.indexOf(i.listing_id)]}, took ${taken.get(`${i.tx}/${i.listing_id}`) ?? 0} from stock`),
    ...[...taken.keys()].filter((k) => !items.some((i) => `${i.tx}/${i.listing_id}` === k)).map((k) => `stock taken without an order line: ${k}`),
  ]);
  const finals = await api.sql(`select id, stock, price::bigint as price, status from listings where id = any($1::uuid[])`, [ids]);
  const delta = (k: number, writer: Writer) =>
    log.filter((e) => e.listing_id === ids[k] && writerOf(e) === writer).reduce((s, e) => s + e.new_stock - e.old_stock, 0);
  const units = (k: number, which: (status: string) => boolean) =>
    items.filter((i) => i.listing_id === ids[k] && which(orders.find((o) => o.id === i.order_id)?.status)).reduce((s, i) => s + i.quantity, 0);
  const summary: Record<string, number | string>[] = [];
  for (const k of [0, 1, 2]) {
    const current = Number(finals.find((f) => f.id === ids[k])!.stock);
    const received = delta(k, 'restock');
    // updateListing's sale block may carry the stock read a moment earlier: with stockSeen it is
    // refused (CONFLICT, retried) once a sale moved the stock, so the seller never moves it here.
    const setBySeller = delta(k, 'seller');
    const live = units(k, (s) => s !== 'CANCELLED' && s !== 'REFUNDED');
    summary.push({ product: titles[k], initial: initial[k], received, setBySeller, live, expected: initial[k] + received + setBySeller - live, current,
      returned: delta(k, 'return'), cancelledUnits: units(k, (s) => s === 'CANCELLED') });
  }
  problems('stock: initial + received − units of live orders = current (and ≥ 0), the seller\'s price edits moved no stock; cancellations returned their units once; the restock once',
    summary.filter((x, k) => x.expected !== x.current || (x.current as number) < 0 || x.returned !== x.cancelledUnits || x.received !== (k === 1 ? RESTOCK : 0) || x.setBySeller !== 0));
  problems('final prices and statuses', finals.filter((f) => {
    const k = ids.indexOf(f.id);
    return Number(f.price) !== [230_000, 135_000, prices[2]][k] || f.status !== 'ACTIVE';
  }).map((f) => [f.id, Number(f.price), f.status]));

  // ---------------------------------------------------------------- low-stock alerts
  const alertProblems: unknown[] = [];
  for (const k of [0, 1, 2]) {
    const crossings = log.filter((e) => e.listing_id === ids[k] && writerOf(e) === 'checkout' && e.new_stock <= thresholds[k] && e.old_stock > thresholds[k]).length;
    for (const member of [owner, staff]) {
      const [{ n }] = await api.sql(`select count(*)::int as n from notifications where user_id = $1 and kind = 'LOW_STOCK' and text like $2`, [member.id, `Stok "${titles[k]}" %`]);
      if (n !== crossings) alertProblems.push({ product: titles[k], member: member.id, alerts: n, crossings });
    }
  }
  problems('one LOW_STOCK alert per staff member per checkout that crossed the threshold', alertProblems);

  return {
    orders: orders.length,
    cancelled: orders.filter((o) => o.status === 'CANCELLED').length,
    refusals: refusals.reduce<Record<string, number>>((m, c) => ({ ...m, [c]: (m[c] ?? 0) + 1 }), {}),
    priceConflicts: checkoutAnswers.filter((r) => /price of/.test(r.errors?.[0]?.message ?? '')).length,
    listingRetries: Object.fromEntries(Object.entries(sellerAnswers).map(([n, a]) => [n, a.length])),
    summary,
  };
}

describe('checkout under concurrent cancels, expiry, price and status changes, restock and cart edits', () => {
  for (const round of [1, 2, 3]) {
    it(`round ${round}: stock, prices, totals and carts stay consistent; no deadlock, no 500`, async () => {
      const out = await scenario(round);
      if (process.env.RACE_VERBOSE) console.log(JSON.stringify(out));
    }, 180_000);
  }
});

// The same hazards, one at a time and deterministically: a connection of the test holds a
// listing's row lock (as a concurrent checkout, cancel or edit would for a moment) so that the
// API's statements queue up in the order that breaks them; then it lets go.
describe('checkout interleavings, forced with a held row lock', () => {
  let storeId: string;
  const checkoutAs = (s: Session) => api.gql(CHECKOUT, { input: { storeId, shippingServiceId: serviceId, shipTo: SHIP_TO } }, s.accessToken);
  const putInCart = (s: Session, listingId: string, quantity: number) =>
    api.sql(`insert into cart_items (user_id, listing_id, quantity, added_at) values ($1, $2, $3, clock_timestamp())`, [s.id, listingId, quantity]);
  const stockOf = async (id: string) => Number((await api.sql(`select stock from listings where id = $1`, [id]))[0].stock);
  /** Units of `id` in orders that still hold stock. */
  const liveUnits = async (id: string) =>
    Number((await api.sql(`select coalesce(sum(i.quantity), 0)::int as n from order_items i join orders o on o.id = i.order_id where i.listing_id = $1 and o.status not in ('CANCELLED', 'REFUNDED')`, [id]))[0].n);
  async function product(stock: number, title: string) {
    const l = await createListing(api, owner, { kind: 'SALE', barter: null, title, sale: { price: 120_000, stock, weightGrams: 500 } });
    await api.sql(`update listings set store_id = $1 where id = $2`, [storeId, l.id]);
    return l.id;
  }
  /** Three products, by ascending id: a checkout locks them in this order. */
  const threeProducts = async (title: string) => (await Promise.all([1, 2, 3].map((n) => product(20, `${title} ${n}`)))).sort();
  const held: pg.Client[] = [];
  /** Holds the row locks of `ids` on a connection of its own until `release()` (or the end of the test). */
  async function hold(ids: string[]) {
    const client = new pg.Client({ connectionString: api.databaseUrl });
    await client.connect();
    held.push(client);
    await client.query('begin');
    await client.query(`select 1 from listings where id = any($1::uuid[]) for update`, [ids]);
    return { release: () => release(client) };
  }
  async function release(client: pg.Client) {
    if (!held.includes(client)) return;
    held.splice(held.indexOf(client), 1);
    await client.query('commit');
    await client.end();
  }
  afterEach(async () => {
    for (const client of [...held]) await release(client);
  });
  /** Waits until `n` statements of this database wait for a lock. */
  async function lockWaiters(n: number) {
    for (let i = 0; i < 400; i++) {
      const [{ c }] = await api.sql(`select count(*)::int as c from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`);
      if (c >= n) return;
      await sleep(25);
    }
    throw new Error(`fewer than ${n} statements ever waited for a lock`);
  }

  beforeAll(async () => {
    storeId = randomUUID();
    await api.sql(`insert into stores (id, owner_id, slug, name, address, city_code, created_at) values ($1, $2, $3, 'Toko Antre', 'Jl. Braga 2', '32.73', now())`, [storeId, owner.id, `antre-${storeId.slice(0, 8)}`]);
    await api.sql(`insert into store_staff (store_id, user_id) values ($1, $2)`, [storeId, staff.id]);
  });

  it('stock returned by a cancellation while a checkout waits for the row: the checkout takes what it sells (no oversell)', async () => {
    const id = await product(1, 'Kabel jack antre');
    const [first, second] = buyers.slice(0, 2);
    await putInCart(first, id, 1);
    const o1 = (await checkoutAs(first)).data!.checkout.id;
    await putInCart(second, id, 1);
    expect(await stockOf(id)).toBe(0);
    const lock = await hold([id]);
    const cancel = api.gql(CANCEL, { id: o1 }, staff.accessToken); // returnStock waits for the row
    await lockWaiters(1);
    const checkout = checkoutAs(second); // its write starts while the stock is still 0, then waits
    await lockWaiters(2);
    await lock.release();
    const [c, res] = await Promise.all([cancel, checkout]);
    expect(c.data?.updateOrder.status).toBe('CANCELLED');
    expect(res.errors).toBeUndefined(); // the stock was back when the write got the row
    // Each unit is in stock or in a live order, never both: 1 = stock + live units.
    expect({ stock: await stockOf(id), live: await liveUnits(id) }).toEqual({ stock: 0, live: 1 });
  });

  it('a staff cancel returning a multi-line order\'s stock does not deadlock with a checkout of the same products', async () => {
    const [lo, mid, hi] = await threeProducts('Senar antre batal');
    const [first, second] = buyers.slice(2, 4);
    for (const id of [lo, mid, hi]) await putInCart(first, id, 1);
    const order = (await checkoutAs(first)).data!.checkout.id;
    // Lay the table out by descending id (hi, mid, lo), and let the planner see the tables as
    // never analyzed (as on a fresh or small database): returnStock's update then hashes the
    // order's items and scans listings sequentially, locking the rows in that physical order,
    // against the id order checkout locks in. (With other statistics the planner drives the
    // join from order_items, whose rows happen to be in id order; nothing enforces either.)
    await api.sql(`create index race_listings_id_desc on listings (id desc); cluster listings using race_listings_id_desc; drop index race_listings_id_desc`);
    await freshStats();
    const laid = (await api.sql(`select id from listings where id = any($1::uuid[]) order by ctid`, [[lo, mid, hi]])).map((r) => r.id);
    expect(laid).toEqual([hi, mid, lo]);
    for (const id of [lo, hi]) await putInCart(second, id, 1);
    const lock = await hold([mid]);
    const cancel = api.gql(CANCEL, { id: order }, staff.accessToken); // locks hi, waits for mid
    await lockWaiters(1);
    const checkout = checkoutAs(second); // locks lo, waits for hi
    await lockWaiters(2);
    await lock.release(); // the cancel takes mid, then wants lo
    const [c, res] = await Promise.all([cancel, checkout]);
    expect([codeOf(c), codeOf(res)]).toEqual([undefined, undefined]);
    expect(await Promise.all([lo, mid, hi].map(stockOf))).toEqual([19, 20, 19]);
  });

  it('receiving a multi-product restock does not deadlock with a checkout of the same products', async () => {
    const [lo, mid, hi] = await threeProducts('Pick antre pasok');
    const buyer = buyers[4];
    for (const id of [lo, hi]) await putInCart(buyer, id, 1);
    const supplier = (await api.gql(`mutation S($s: ID!) { addSupplier(storeId: $s, input: { name: "CV Antre" }) { id } }`, { s: storeId }, owner.accessToken)).data!.addSupplier.id;
    // The restock's lines in the order the staff typed them, not in id order.
    const restock = (await api.gql(`mutation R($s: ID!, $p: ID!, $l: [RestockLineInput!]!) { createRestockOrder(storeId: $s, supplierId: $p, lines: $l) { id } }`,
      { s: storeId, p: supplier, l: [hi, mid, lo].map((listingId) => ({ listingId, quantity: 5 })) }, owner.accessToken)).data!.createRestockOrder.id;
    const lock = await hold([mid]);
    const receive = api.gql(RECEIVE, { id: restock }, staff.accessToken); // raises hi, waits for mid
    await lockWaiters(1);
    const checkout = checkoutAs(buyer); // locks lo, waits for hi
    await lockWaiters(2);
    await lock.release(); // the receipt raises mid, then wants lo
    const [r, res] = await Promise.all([receive, checkout]);
    expect([codeOf(r), codeOf(res)]).toEqual([undefined, undefined]);
    expect(await Promise.all([lo, mid, hi].map(stockOf))).toEqual([24, 25, 24]);
  });

  it('a price change or a pause committed while the checkout write waits: CONFLICT, nothing written', async () => {
    for (const [title, input, message, buyer] of [
      ['Strap antre harga', { sale: { price: 125_000, stock: 10, weightGrams: 500 } }, /price of "Strap antre harga" has changed/, buyers[7]],
      ['Strap antre jeda', { status: 'DRAFT' }, /"Strap antre jeda" is no longer available/, buyers[8]],
    ] as const) {
      const id = await product(10, title);
      await putInCart(buyer, id, 2);
      const lock = await hold([id]);
      const edit = api.gql(UPDATE_LISTING, { id, input }, owner.accessToken); // waits for the row first
      await lockWaiters(1);
      const checkout = checkoutAs(buyer); // read the old listing; its write waits behind the edit
      await lockWaiters(2);
      await lock.release();
      const [e, res] = await Promise.all([edit, checkout]);
      expect(codeOf(e)).toBeUndefined();
      expect([codeOf(res), res.errors?.[0]?.message]).toEqual(['CONFLICT', expect.stringMatching(message)]);
      expect({ stock: await stockOf(id), live: await liveUnits(id), cart: (await api.sql(`select quantity from cart_items where user_id = $1 and listing_id = $2`, [buyer.id, id])).map((r) => r.quantity) })
        .toEqual({ stock: 10, live: 0, cart: [2] });
    }
  });

  it('a checkout submitted twice places one order', async () => {
    const id = await product(10, 'Capo antre ganda');
    const buyer = buyers[5];
    await putInCart(buyer, id, 2);
    const lock = await hold([id]);
    const twice = [checkoutAs(buyer), checkoutAs(buyer)];
    await lockWaiters(2);
    await lock.release();
    const answers = await Promise.all(twice);
    expect(answers.filter((r) => r.data?.checkout)).toHaveLength(1);
    expect(answers.map(codeOf).filter(Boolean)).toEqual(['CONFLICT']);
    expect({ stock: await stockOf(id), live: await liveUnits(id) }).toEqual({ stock: 8, live: 2 });
  });

  it('a cart quantity changed while the checkout write waits is not ordered at the old quantity', async () => {
    const id = await product(10, 'Tuner antre ubah');
    const buyer = buyers[6];
    await putInCart(buyer, id, 2);
    const lock = await hold([id]);
    const checkout = checkoutAs(buyer);
    await lockWaiters(1);
    const edit = await api.gql(UPDATE_CART, { id, q: 5 }, buyer.accessToken);
    await lock.release();
    expect(codeOf(edit)).toBeUndefined(); // the cart said 5, committed, before the write got the row
    const res = await checkout;
    // Either refused (the cart changed) and the line of 5 kept, or an order of what the cart says.
    const ordered = (await api.sql(`select i.quantity from order_items i join orders o on o.id = i.order_id where o.buyer_id = $1 and i.listing_id = $2`, [buyer.id, id])).map((r) => r.quantity);
    const cart = (await api.sql(`select quantity from cart_items where user_id = $1 and listing_id = $2`, [buyer.id, id])).map((r) => r.quantity);
    expect(res.data?.checkout ? { ordered, cart } : { code: codeOf(res), ordered, cart }).toEqual(res.data?.checkout ? { ordered: [5], cart: [] } : { code: 'CONFLICT', ordered: [], cart: [5] });
  });

  it('omitted stock is kept; a stock typed on a stale form is refused (CONFLICT on "stock"); a fresh one is applied', async () => {
    const id = await product(10, 'Pedal efek antre stok');
    const sold = buyers[9];
    await putInCart(sold, id, 3);
    expect(codeOf(await checkoutAs(sold))).toBeUndefined();
    const priceOnly = await api.gql(UPDATE_LISTING, { id, input: { sale: { price: 310_000 } } }, owner.accessToken);
    expect(priceOnly.data!.updateListing).toMatchObject({ price: 310_000, stock: 7 });
    const stale = await api.gql(UPDATE_LISTING, { id, input: { sale: { price: 320_000, stock: 10 }, stockSeen: 10 } }, owner.accessToken);
    expect([codeOf(stale), stale.errors![0].extensions!.field]).toEqual(['CONFLICT', 'stock']);
    expect(await stockOf(id)).toBe(7);
    const fresh = await api.gql(UPDATE_LISTING, { id, input: { sale: { price: 320_000, stock: 12 }, stockSeen: 7 } }, owner.accessToken);
    expect(fresh.data!.updateListing).toMatchObject({ price: 320_000, stock: 12 });
  });
});
