import { ListingService } from '../catalog/listing.service.js';
import { PhotoService } from '../catalog/photo.service.js';
import { ReferenceService } from '../catalog/reference.service.js';
import { AuthService } from '../identity/auth.service.js';
import type { Config } from './config.js';
import type { Storage } from './storage.js';

/** Every service of the API, built once at boot and shared by HTTP, WebSocket and jobs. */
export interface Services {
  auth: AuthService;
  reference: ReferenceService;
  listings: ListingService;
  photos: PhotoService;
}

export function createServices(config: Config, storage: Storage): Services {
  const reference = new ReferenceService();
  return {
    auth: new AuthService(config),
    reference,
    listings: new ListingService(reference),
    photos: new PhotoService(storage),
  };
}
