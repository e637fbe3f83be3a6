/**
 * The two SQL statements of `checkout` (PRODUCT §6). Kept as plain SQL because checkout is the
 * one hot write path of the store: a hot product's row lock is held only while the single
 * write statement runs, and the whole checkout is two round trips (see checkout.ts).
 * Both run as named prepared statements (core/db/prepared.ts): PostgreSQL plans them once per
 * connection. Parameters are `$n`; JSON parameters carry lists.
 */

/**
 * Everything checkout needs to know, in one read, outside any transaction: the store (city,
 * owner and staff ids), the shipping service if active, and the caller's cart lines of that
 * store in listing-id order. Parameters: storeId, shippingServiceId, userId, storeId.
 */
export const CHECKOUT_READ = `
select
  (select json_build_object('id', s.id, 'slug', s.slug, 'cityCode', s.city_code,
            'staff', (select json_agg(x.id) from (select s.owner_id as id union select st.user_id from store_staff st where st.store_id = s.id) x))
     from stores s where s.id = $1::uuid) as store,
  (select json_build_object('id', v.id, 'base', v.base, 'perKg', v.per_kg, 'perKm', v.per_km, 'volumeFactor', v.volume_factor)
     from shipping_services v where v.id = $2::uuid and v.active) as service,
  coalesce((select json_agg(json_build_object('listingId', l.id, 'quantity', c.quantity, 'title', l.title, 'price', l.price,
            'weightGrams', l.weight_grams, 'lengthCm', l.length_cm, 'widthCm', l.width_cm, 'heightCm', l.height_cm) order by l.id)
     from cart_items c join listings l on l.id = c.listing_id
    where c.user_id = $3::uuid and l.store_id = $1::uuid), '[]'::json) as lines`;

/**
 * The write, one statement and so one transaction: locks the wanted listings in id order
 * (no deadlock between multi-line checkouts), decides on the locked — latest — rows whether
 * EVERY line can be served (ACTIVE SALE product of this store, not the buyer's own, price
 * unchanged since the read, stock ≥ quantity, the cart line — locked too — still there with that
 * quantity),
 * and only then takes the stock, inserts the order and its lines, removes the cart lines and
 * notifies staff of a product that just fell to its low-stock threshold. When any line fails
 * nothing is written and `ok` is false; `locked` then says why.
 *
 * Parameters: $1 the wanted lines as JSON [{listingId, itemId, quantity, unitPrice, title}],
 * $2 storeId, $3 userId (the buyer), $4 order id, $5 order number, $6 subtotal and
 * $7 shipping cost (rupiah), $8 shipping service id, $9 chargeable kg, $10 distance km,
 * $11 ship-to JSON, $12 destination city code, $13 expires at, $14 the notification link,
 * $15 the store's staff ids as JSON.
 */
export const CHECKOUT_WRITE = `
with wanted as (
  select * from jsonb_to_recordset($1::jsonb) as w("listingId" uuid, "itemId" uuid, quantity int, "unitPrice" bigint, title text)
), locked as materialized (
  select l.id, l.title, l.stock, l.price, l.status, l.kind, l.store_id, l.seller_id
    from listings l where l.id in (select "listingId" from wanted) order by l.id for update of l
), cart as materialized (
  -- The buyer's cart lines, locked AFTER every listing (reading "locked" first makes it run
  -- first): a second submit of the same cart, or a quantity changed meanwhile, sees them gone
  -- or different on these fresh rows and is refused.
  select c.listing_id, c.quantity from cart_items c
   where c.user_id = $3::uuid and c.listing_id in (select "listingId" from wanted) and (select count(*) from locked) >= 0
   order by c.listing_id for update of c
), verdict as materialized (
  select count(k.id) = count(*)
     and coalesce(bool_and(k.status = 'ACTIVE' and k.kind = 'SALE' and k.store_id = $2::uuid and k.seller_id <> $3::uuid
                           and k.price = w."unitPrice" and k.stock >= w.quantity
                           and exists (select 1 from cart c where c.listing_id = w."listingId" and c.quantity = w.quantity)), false) as ok
    from wanted w left join locked k on k.id = w."listingId"
), taken as (
  -- The new stock comes from the locked (newest) row, never from this statement's snapshot: a
  -- snapshot row whose stock was too low would be skipped silently although stock came back
  -- (a cancellation, expiry or restock committed while this statement waited for the lock).
  update listings l set stock = k.stock - w.quantity, version = l.version + 1, updated_at = now()
    from wanted w, verdict v, locked k
   where v.ok and l.id = w."listingId" and k.id = l.id
  returning l.id, l.title, l.stock, l.low_stock_threshold, w.quantity
), placed as (
  insert into orders (id, number, buyer_id, store_id, status, subtotal, shipping_cost, total, shipping_service_id,
                      chargeable_kg, distance_km, ship_to, destination_city_code, expires_at, created_at, updated_at, version)
  select $4::uuid, $5, $3::uuid, $2::uuid, 'PENDING_PAYMENT', $6::bigint, $7::bigint, $6::bigint + $7::bigint, $8::uuid,
         $9::int, $10::int, $11::jsonb, $12, $13::timestamptz, now(), now(), 1 from verdict where ok
  returning *
), lines as (
  insert into order_items (id, order_id, listing_id, title, unit_price, quantity)
  select w."itemId", $4::uuid, w."listingId", w.title, w."unitPrice", w.quantity from wanted w, verdict v where v.ok
), emptied as (
  delete from cart_items c using wanted w, verdict v where v.ok and c.user_id = $3::uuid and c.listing_id = w."listingId"
), alerts as (
  insert into notifications (id, user_id, kind, text, link, created_at)
  select gen_random_uuid(), s.id::uuid, 'LOW_STOCK', 'Stok "' || t.title || '" tinggal ' || t.stock || '.', $14, now()
    from taken t cross join jsonb_array_elements_text($15::jsonb) as s(id)
   where t.low_stock_threshold is not null and t.stock <= t.low_stock_threshold and t.stock + t.quantity > t.low_stock_threshold
  returning id, user_id
)
select (select ok from verdict) as ok,
       (select row_to_json(p) from placed p) as placed,
       (select json_agg(k) from locked k) as locked,
       coalesce((select json_agg(json_build_object('id', a.id, 'userId', a.user_id)) from alerts a), '[]'::json) as alerts`;
