import { Category } from '../../catalog/category.entity.js';
import { City } from '../../catalog/city.entity.js';
import { Listing } from '../../catalog/listing.entity.js';
import { Photo } from '../../catalog/photo.entity.js';
import { RefreshToken } from '../../identity/refresh-token.entity.js';
import { User } from '../../identity/user.entity.js';
import { Setting } from './setting.entity.js';

/** Every MikroORM entity, listed explicitly (no folder discovery). */
export const ENTITIES = [User, RefreshToken, City, Category, Photo, Listing, Setting];
