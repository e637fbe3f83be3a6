import { randomUUID } from 'node:crypto';
import sharp, { type OutputInfo } from 'sharp';
import type { Storage } from '../core/storage.js';
import type { Context } from '../core/context.js';
import { badInput } from '../core/graphql/errors.js';
import { User } from '../identity/user.entity.js';
import { Photo } from './photo.entity.js';

/** Formats accepted on upload, recognised by content (not by name or declared type). */
const ACCEPTED = new Set(['jpeg', 'png', 'webp']);
/** Longest side of the stored image and the square thumbnail, pixels. */
export const FULL_SIZE = 1600;
export const THUMB_SIZE = 480;

/** Storage keys of a photo's two files. */
export const photoFiles = (storageKey: string) => ({ full: `${storageKey}.webp`, thumb: `${storageKey}-thumb.webp` });

/**
 * Photo intake (PRODUCT §2): decode, auto-rotate, strip metadata (GPS included), re-encode
 * to WebP at most 1600 px and a 480 px square thumbnail, store both, record a Photo owned by
 * the uploader and not yet attached to a listing.
 */
export class PhotoService {
  constructor(private readonly storage: Storage) {}

  /** BAD_USER_INPUT when `data` is not a JPEG, PNG or WebP image. */
  async ingest(ctx: Context & { user: User }, data: Buffer): Promise<Photo> {
    let format: string | undefined;
    try {
      format = (await sharp(data, { limitInputPixels: 60_000_000 }).metadata()).format;
    } catch {
      throw badInput('The file is not an image we can read. Use JPEG, PNG or WebP.', 'file');
    }
    if (!format || !ACCEPTED.has(format)) throw badInput('Only JPEG, PNG or WebP images are accepted.', 'file');

    const source = sharp(data, { limitInputPixels: 60_000_000 }).rotate();
    let full: { data: Buffer; info: OutputInfo };
    let thumb: Buffer;
    try {
      [full, thumb] = await Promise.all([
        source.clone().resize({ width: FULL_SIZE, height: FULL_SIZE, fit: 'inside', withoutEnlargement: true })
          .webp({ quality: 80 }).toBuffer({ resolveWithObject: true }),
        source.clone().resize({ width: THUMB_SIZE, height: THUMB_SIZE, fit: 'cover', position: 'attention' })
          .webp({ quality: 75 }).toBuffer(),
      ]);
    } catch {
      throw badInput('The image is damaged or too large to process.', 'file');
    }
    const now = new Date();
    const storageKey = `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}/${randomUUID()}`;
    const files = photoFiles(storageKey);
    await Promise.all([
      this.storage.put(files.full, full.data, 'image/webp'),
      this.storage.put(files.thumb, thumb, 'image/webp'),
    ]);
    const photo = new Photo(ctx.em.getReference(User, ctx.user.id, { wrapped: true }), storageKey, full.info.width, full.info.height, full.data.length);
    await ctx.em.persistAndFlush(photo);
    return photo;
  }

  /** URL of the full image. */
  url(photo: Photo): string {
    return this.storage.url(photoFiles(photo.storageKey).full);
  }

  /** URL of the thumbnail. */
  thumbnailUrl(photo: Photo): string {
    return this.storage.url(photoFiles(photo.storageKey).thumb);
  }
}
