import type { EntityManager } from '@mikro-orm/postgresql';
import { DEFAULT_BARTER_CONFIG } from '@pasar/domain';
import { Category } from '../../catalog/category.entity.js';
import { DEFAULT_CATEGORIES } from '../../catalog/default-categories.js';
import { readCities } from '../../catalog/reference.service.js';
import { ShippingService } from '../../commerce/shipping-service.entity.js';
import { Setting } from './setting.entity.js';

/**
 * Real Indonesian courier services with plausible (not official) rates, rupiah: the starting
 * set admins edit (PRODUCT §6). Volume factor 6000 cm³/kg, the couriers' usual divisor.
 */
export const DEFAULT_SHIPPING_SERVICES = [
  { code: 'JNE-REG', courier: 'JNE', name: 'JNE Reguler', base: 9000, perKg: 7000, perKm: 15, volumeFactor: 6000, eta: '2–3 hari' },
  { code: 'JNE-YES', courier: 'JNE', name: 'JNE YES (Yakin Esok Sampai)', base: 18000, perKg: 12000, perKm: 25, volumeFactor: 6000, eta: '1 hari' },
  { code: 'JNT-EZ', courier: 'JNT', name: 'J&T EZ', base: 8000, perKg: 7500, perKm: 14, volumeFactor: 6000, eta: '2–3 hari' },
  { code: 'SICEPAT-REG', courier: 'SICEPAT', name: 'SiCepat REG', base: 8500, perKg: 6500, perKm: 14, volumeFactor: 6000, eta: '2–3 hari' },
  { code: 'ANTERAJA-REG', courier: 'ANTERAJA', name: 'AnterAja Reguler', base: 8000, perKg: 7000, perKm: 13, volumeFactor: 6000, eta: '2–4 hari' },
  { code: 'POS-KILAT', courier: 'POS', name: 'POS Kilat Khusus', base: 7500, perKg: 6000, perKm: 12, volumeFactor: 6000, eta: '2–4 hari' },
  { code: 'NINJA-STD', courier: 'NINJA', name: 'Ninja Xpress Standard', base: 8000, perKg: 6800, perKm: 13, volumeFactor: 6000, eta: '2–4 hari' },
  { code: 'LION-REGPACK', courier: 'LION', name: 'Lion Parcel REGPACK', base: 10000, perKg: 5000, perKm: 10, volumeFactor: 6000, eta: '3–5 hari' },
];

/**
 * Loads reference data that every database needs, idempotently (runs at every boot after
 * migrations): the 514 cities, the default categories (only into an empty table: admins own
 * them afterwards) and the default barter configuration.
 */
export async function syncReferenceData(em: EntityManager): Promise<void> {
  const cities = readCities();
  const conn = em.getConnection();
  const values = cities.map(() => '(?, ?, ?, ?, ?)').join(', ');
  await conn.execute(
    `insert into cities (code, name, province, latitude, longitude) values ${values}
     on conflict (code) do update set name = excluded.name, province = excluded.province,
       latitude = excluded.latitude, longitude = excluded.longitude`,
    cities.flatMap((c) => [c.code, c.name, c.province, c.latitude, c.longitude]),
  );
  if ((await em.count(Category)) === 0) {
    DEFAULT_CATEGORIES.forEach((c, i) => em.persist(new Category(c.slug, c.name, c.nameEn, c.basePoints, i)));
  }
  if (!(await em.findOne(Setting, { key: 'barter' }))) em.persist(new Setting('barter', DEFAULT_BARTER_CONFIG));
  if ((await em.count(ShippingService)) === 0) for (const s of DEFAULT_SHIPPING_SERVICES) em.persist(new ShippingService(s));
  await em.flush();
}
