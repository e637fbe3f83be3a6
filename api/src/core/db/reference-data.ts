import type { EntityManager } from '@mikro-orm/postgresql';
import { DEFAULT_BARTER_CONFIG } from '@pasar/domain';
import { Category } from '../../catalog/category.entity.js';
import { DEFAULT_CATEGORIES } from '../../catalog/default-categories.js';
import { readCities } from '../../catalog/reference.service.js';
import { Setting } from './setting.entity.js';

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
  await em.flush();
}
