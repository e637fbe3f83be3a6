import { ref } from 'vue';
import { useSessionStore } from '@/stores/session';

export const MAX_UPLOAD_BYTES = 8 * 1024 * 1024;
export const ACCEPTED_IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const UPLOAD_PATH = '/uploads';

export interface UploadedPhoto {
  id: string;
  url: string;
  thumbnailUrl: string;
  width: number;
  height: number;
}

export type FileProblem = 'badType' | 'tooLarge' | 'empty';

/** Client-side check before sending: JPEG/PNG/WebP and at most 8 MB. The server checks the content again. */
export function validateImageFile(file: Pick<File, 'type' | 'size'>): FileProblem | null {
  if (!(ACCEPTED_IMAGE_TYPES as readonly string[]).includes(file.type)) return 'badType';
  if (file.size > MAX_UPLOAD_BYTES) return 'tooLarge';
  if (file.size === 0) return 'empty';
  return null;
}

export class UploadError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'UploadError';
  }
}

function send(file: File, token: string | null, onProgress: (percent: number) => void): Promise<UploadedPhoto> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', UPLOAD_PATH);
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.responseType = 'json';
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onload = () => {
      const body = (xhr.response ?? {}) as Partial<UploadedPhoto> & { error?: { code?: string; message?: string } };
      if (xhr.status >= 200 && xhr.status < 300 && body.id) {
        onProgress(100);
        resolve(body as UploadedPhoto);
      } else {
        const code = body.error?.code ?? (xhr.status === 401 ? 'UNAUTHENTICATED' : xhr.status === 413 ? 'TOO_LARGE' : 'UNKNOWN');
        reject(new UploadError(code, body.error?.message ?? `HTTP ${xhr.status}`, xhr.status));
      }
    };
    xhr.onerror = () => reject(new UploadError('NETWORK', 'network error', 0));
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

/** POST /uploads with the access token, reporting progress; refreshes the token once on 401. */
export function useUpload() {
  const session = useSessionStore();
  const uploading = ref(0);

  async function upload(file: File, onProgress: (percent: number) => void = () => {}): Promise<UploadedPhoto> {
    const problem = validateImageFile(file);
    if (problem) throw new UploadError(problem, problem, 0);
    uploading.value++;
    try {
      const token = await session.getAccessToken();
      try {
        return await send(file, token, onProgress);
      } catch (e) {
        if (e instanceof UploadError && e.status === 401 && (await session.refresh())) {
          return await send(file, session.accessToken, onProgress);
        }
        throw e;
      }
    } finally {
      uploading.value--;
    }
  }

  return { upload, uploading, validateImageFile };
}
