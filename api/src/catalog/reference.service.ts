import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EntityManager } from '@mikro-orm/postgresql';
import { DEFAULT_BARTER_CONFIG, jakartaDate, seasonalMultiplierFor, validateBarterConfig, type BarterConfig } from '@pasar/domain';
import { API_ROOT } from '../core/paths.js';
import { Setting } from '../core/db/setting.entity.js';
import { Category } from './category.entity.js';
import { City } from './city.entity.js';

/** Path of the bundled city table (cahyadsn/wilayah_boundaries, MIT; see its README). */
export const CITIES_CSV = join(API_ROOT, 'src', 'core', 'data', 'id-cities.csv');

/** Parses id-cities.csv (code,name,province,latitude,longitude; no quoted commas in this file). */
export function readCities(path = CITIES_CSV): City[] {
  const [header, ...rows] = readFileSync(path, 'utf8').trim().split(/\r?\n/);
  if (header !== 'code,name,province,latitude,longitude') throw new Error(`Unexpected header in ${path}`);
  return rows.map((row) => {
    const [code, name, province, lat, lon] = row.split(',');
    return new City(code, name, province, Number(lat), Number(lon));
  });
}

/** Strips "Kota", "Kabupaten", "Administrasi" so "bandung" finds both Kota and Kabupaten Bandung. */
const bare = (name: string) => name.toLowerCase().replace(/^(kota|kabupaten)\s+(administrasi\s+)?/, '');

/**
 * Read-mostly reference data: the 514 cities (kept in memory: no SQL to show a listing's
 * city), categories, and the barter configuration in force.
 */
export class ReferenceService {
  private readonly cities: Map<string, City>;

  constructor(cities: City[] = readCities()) {
    this.cities = new Map(cities.map((c) => [c.code, c]));
  }

  /** The city with Kemendagri `code`, or undefined. */
  city(code: string): City | undefined {
    return this.cities.get(code);
  }

  /** Cities whose name contains `search` (without the Kota/Kabupaten prefix first), Kota before Kabupaten. */
  searchCities(search: string | null | undefined, first: number): City[] {
    const q = (search ?? '').trim().toLowerCase();
    const all = [...this.cities.values()];
    const scored = all
      .map((c) => ({ c, at: q ? bare(c.name).indexOf(q) : 0, full: q ? c.name.toLowerCase().indexOf(q) : 0 }))
      .filter((x) => x.at >= 0 || x.full >= 0)
      .sort((a, b) =>
        (a.at < 0 ? 1e6 : a.at) - (b.at < 0 ? 1e6 : b.at) ||
        Number(b.c.name.startsWith('Kota')) - Number(a.c.name.startsWith('Kota')) ||
        a.c.name.localeCompare(b.c.name));
    return scored.slice(0, Math.min(Math.max(first, 1), 100)).map((x) => x.c);
  }

  /** All categories in display order. */
  categories(em: EntityManager): Promise<Category[]> {
    return em.find(Category, {}, { orderBy: { position: 'asc', name: 'asc' } });
  }

  /** The barter configuration in force (settings key "barter"), or the default. */
  async barterConfig(em: EntityManager): Promise<BarterConfig> {
    const row = await em.findOne(Setting, { key: 'barter' });
    if (!row) return DEFAULT_BARTER_CONFIG;
    const config = row.value as BarterConfig;
    validateBarterConfig(config);
    return config;
  }

  /** The seasonal multiplier of a category for the Jakarta month of `at` (default now). */
  seasonalMultiplier(config: BarterConfig, category: Category, at = new Date()): number {
    return seasonalMultiplierFor(config, category.slug, jakartaDate(at).month);
  }
}
