import type { EntityManager } from '@mikro-orm/postgresql';
import { Category } from '../../../catalog/category.entity.js';
import { City } from '../../../catalog/city.entity.js';
import { Listing } from '../../../catalog/listing.entity.js';
import { applyBarterPoints } from '../../../catalog/listing.service.js';
import { ListingKind } from '../../../catalog/listing.enums.js';
import { Photo } from '../../../catalog/photo.entity.js';
import { photoFiles } from '../../../catalog/photo.service.js';
import type { ReferenceService } from '../../../catalog/reference.service.js';
import { hashPassword } from '../../../identity/password.js';
import { Role, User } from '../../../identity/user.entity.js';
import type { Storage } from '../../storage.js';
import { Supplier } from '../../../commerce/restock.entity.js';
import { Store } from '../../../commerce/store.entity.js';
import { buildDemoData, DEMO_MUSIC_STORE_EMAIL, DEMO_PASSWORD } from './demo-data.js';
import sharp from 'sharp';
import { buildDemoPhotoSvg } from './demo-photos.js';

/** Summary of what the demo seed wrote. */
export interface DemoSeedResult {
  users: number;
  listings: number;
  photos: number;
  accounts: { email: string; role: string }[];
}

/**
 * Loads the demo data (issue 2, item 8) into an empty database: users with the demo
 * password, listings over three kinds with photos rendered locally (no network), barter
 * points computed by packages/domain. Runs in one transaction.
 */
export async function seedDemo(em: EntityManager, storage: Storage, reference: ReferenceService): Promise<DemoSeedResult> {
  const data = buildDemoData();
  const listings = data.listings.map((l, i) => ({ ...l, photoKeys: l.photos.map((_, p) => `${String(i).padStart(3, '0')}-${p}`) }));
  // Render the pictures first, four at a time (outside the transaction): full WebP + thumbnail.
  const rendered: number[][] = [];
  const jobs = listings.flatMap((l, i) => l.photos.map((spec, p) => ({ i, p, spec, key: `demo/${l.photoKeys[p]}` })));
  for (let at = 0; at < jobs.length; at += 4) {
    await Promise.all(jobs.slice(at, at + 4).map(async (job) => {
      const files = photoFiles(job.key);
      const [full, thumb] = await Promise.all([
        sharp(Buffer.from(buildDemoPhotoSvg(job.spec, 800))).webp({ quality: 80 }).toBuffer(),
        sharp(Buffer.from(buildDemoPhotoSvg(job.spec, 480))).webp({ quality: 75 }).toBuffer(),
      ]);
      await Promise.all([storage.put(files.full, full, 'image/webp'), storage.put(files.thumb, thumb, 'image/webp')]);
      (rendered[job.i] ??= [])[job.p] = full.length;
    }));
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const now = Date.now();
  let photoCount = 0;
  await em.transactional(async (tx) => {
    const categories = new Map((await tx.find(Category, {})).map((c) => [c.slug, c]));
    const config = await reference.barterConfig(tx);
    const users = new Map<string, User>();
    for (const u of data.users) {
      const user = new User({ email: u.email, passwordHash, displayName: u.displayName, phone: u.phone, termsVersion: 'demo', role: u.role as Role, cityCode: u.cityCode });
      user.createdAt = new Date(now - 90 * 86_400_000);
      users.set(u.email, user);
      tx.persist(user);
    }
    for (const [i, d] of listings.entries()) {
      const category = categories.get(d.categorySlug);
      if (!category) throw new Error(`Demo category ${d.categorySlug} is missing`);
      const listing = new Listing({
        seller: tx.getReference(User, users.get(d.sellerEmail)!.id, { wrapped: true }),
        kind: d.kind as ListingKind, title: d.title, description: d.description,
        category: tx.getReference(Category, category.id, { wrapped: true }),
        condition: d.condition as Listing['condition'],
        city: tx.getReference(City, d.cityCode, { wrapped: true }),
      });
      // Spread over the last days; whole milliseconds keep keyset cursors exact.
      listing.createdAt = new Date(now - d.ageDays * 86_400_000 - i * 61_000);
      listing.updatedAt = listing.createdAt;
      if (d.sale) Object.assign(listing, d.sale);
      if (d.service) listing.hourlyRate = d.service.hourlyRate;
      if (d.barter) {
        Object.assign(listing, d.barter);
        applyBarterPoints(listing, category, config, reference.seasonalMultiplier(config, category));
      }
      tx.persist(listing);
      const owner = tx.getReference(User, users.get(d.sellerEmail)!.id, { wrapped: true });
      for (const [position, bytes] of (rendered[i] ?? []).entries()) {
        const photo = new Photo(owner, `demo/${d.photoKeys[position]}`, 800, 800, bytes);
        photo.listing = tx.getReference(Listing, listing.id, { wrapped: true });
        photo.position = position;
        tx.persist(photo);
        if (position === 0) listing.cover = tx.getReference(Photo, photo.id, { wrapped: true });
        photoCount++;
      }
    }
  });
  // The music store (PRODUCT §6, seed 003): its SALE listings become the store's products.
  await em.transactional(async (tx) => {
    const owner = await tx.findOneOrFail(User, { email: DEMO_MUSIC_STORE_EMAIL });
    const store = new Store({
      owner: tx.getReference(User, owner.id, { wrapped: true }), slug: 'harmoni-bandung', name: 'Toko Musik Harmoni Bandung',
      address: 'Jl. Braga No. 45, Sumur Bandung, Kota Bandung', city: tx.getReference(City, '32.73', { wrapped: true }),
      phone: '+6222 4201 777', hours: 'Senin–Sabtu 10.00–20.00', color: '#b91c1c',
    });
    tx.persist(store);
    await tx.flush();
    await tx.execute(`update listings set store_id = ?, low_stock_threshold = 2, featured = (random() < 0.3) where seller_id = ? and kind = 'SALE'`, [store.id, owner.id]);
    // Its suppliers (fictional distributors); each product is restocked from one of them.
    const storeRef = tx.getReference(Store, store.id, { wrapped: true });
    const [yamaha, general, drums] = [
      new Supplier(storeRef, 'PT Nada Distribusi Nusantara', '+6221 5790 1200', 'order@nadadistribusi.example'),
      new Supplier(storeRef, 'CV Sumber Irama Jakarta', '+6221 6231 4455'),
      new Supplier(storeRef, 'UD Ritme Perkusi Surabaya', '+6231 532 8080', 'sales@ritmeperkusi.example'),
    ];
    tx.persist([yamaha, general, drums]);
    await tx.flush();
    await tx.execute(
      `update listings set supplier_id = case when brand ilike 'yamaha' then ?::uuid when title ~* 'drum|cymbal|simbal|stik|snare|cajon' then ?::uuid else ?::uuid end
        where store_id = ?`,
      [yamaha.id, drums.id, general.id, store.id],
    );
  });
  return {
    users: data.users.length,
    listings: listings.length,
    photos: photoCount,
    accounts: data.users.filter((u) => u.role !== 'MEMBER').concat(data.users.filter((u) => u.role === 'MEMBER').slice(0, 2))
      .map((u): { email: string; role: string } => ({ email: u.email, role: u.role }))
      .concat([{ email: DEMO_MUSIC_STORE_EMAIL, role: 'STORE' }]),
  };
}
