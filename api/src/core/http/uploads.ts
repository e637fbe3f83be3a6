import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import multer from 'multer';
import type { Config } from '../config.js';
import type { Context } from '../context.js';
import { AppError } from '../graphql/errors.js';
import type { Logger } from '../logger.js';

type ContextFactory = (req: Request) => Promise<Context>;

const STATUS: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, BAD_USER_INPUT: 400, RATE_LIMITED: 429 };

/** Sends `{ error: { code, message } }` with a matching HTTP status. */
function sendError(res: Response, status: number, code: string, message: string) {
  res.status(status).json({ error: { code, message } });
}

/**
 * POST /uploads (PRODUCT §2): multipart field "file", one JPEG, PNG or WebP image of at
 * most MAX_UPLOAD_BYTES (8 MB), with "Authorization: Bearer <token>". Answers 201
 * `{ id, url, thumbnailUrl, width, height }`; 400 BAD_USER_INPUT, 401 UNAUTHENTICATED,
 * 403 FORBIDDEN (suspended), 413 too large.
 */
export function uploadsRouter(config: Config, log: Logger, contextFor: ContextFactory): Router {
  const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: config.maxUploadBytes, files: 1, fields: 5 } });
  const router = express.Router();
  router.post(
    '/uploads',
    async (req: Request, res: Response, next: NextFunction) => {
      // Authenticate before reading the body: nobody may make us buffer 8 MB for nothing.
      try {
        const ctx = await contextFor(req);
        if (!ctx.user) return sendError(res, 401, 'UNAUTHENTICATED', 'You must be logged in to upload.');
        if (ctx.user.status !== 'ACTIVE') return sendError(res, 403, 'FORBIDDEN', 'Your account cannot upload now.');
        res.locals.ctx = ctx;
        next();
      } catch (e) {
        if (e instanceof AppError) return sendError(res, STATUS[String(e.extensions.code)] ?? 400, String(e.extensions.code), e.message);
        next(e);
      }
    },
    (req, res, next) => {
      upload.single('file')(req, res, (err: unknown) => {
        if (err instanceof multer.MulterError) {
          if (err.code === 'LIMIT_FILE_SIZE') return sendError(res, 413, 'BAD_USER_INPUT', `The file is larger than ${Math.round(config.maxUploadBytes / 1048576)} MB.`);
          return sendError(res, 400, 'BAD_USER_INPUT', `Upload refused: ${err.message}.`);
        }
        if (err) return next(err);
        next();
      });
    },
    async (req, res, next) => {
      if (!req.file) return sendError(res, 400, 'BAD_USER_INPUT', 'Send the image in the multipart field "file".');
      const ctx = res.locals.ctx as Context & { user: NonNullable<Context['user']> };
      try {
        const photo = await ctx.services.photos.ingest(ctx, req.file.buffer);
        res.status(201).json({
          id: photo.id,
          url: ctx.services.photos.url(photo),
          thumbnailUrl: ctx.services.photos.thumbnailUrl(photo),
          width: photo.width,
          height: photo.height,
        });
      } catch (e) {
        if (e instanceof AppError) return sendError(res, STATUS[String(e.extensions.code)] ?? 400, String(e.extensions.code), e.message);
        log.error({ err: e, requestId: ctx.requestId }, 'upload failed');
        next(e);
      }
    },
  );
  return router;
}
