import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_UPLOAD_BYTES, validateImageFile } from '@/composables/useUpload';
import { mountWithApp, settle } from '@/test/mountWithApp';
import ListingPhotoUploader from './ListingPhotoUploader.vue';

function fileOf(name: string, type: string, size: number): File {
  const file = new File([new Uint8Array(Math.min(size, 16))], name, { type });
  Object.defineProperty(file, 'size', { value: size });
  return file;
}

async function choose(wrapper: Awaited<ReturnType<typeof mountWithApp>>['wrapper'], files: File[]) {
  const input = wrapper.get('[data-testid="lf-photo-input"]');
  Object.defineProperty(input.element, 'files', { value: files, configurable: true });
  await input.trigger('change');
}

/** A stand-in XMLHttpRequest that answers 201 like POST /uploads. */
class FakeXhr {
  static sent: { url: string; headers: Record<string, string> }[] = [];
  status = 0;
  response: unknown = null;
  responseType = '';
  upload = { onprogress: null as ((e: { lengthComputable: boolean; loaded: number; total: number }) => void) | null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  private url = '';
  private headers: Record<string, string> = {};
  open(_method: string, url: string) {
    this.url = url;
  }
  setRequestHeader(k: string, v: string) {
    this.headers[k] = v;
  }
  send() {
    FakeXhr.sent.push({ url: this.url, headers: this.headers });
    setTimeout(() => {
      this.upload.onprogress?.({ lengthComputable: true, loaded: 50, total: 100 });
      const n = FakeXhr.sent.length;
      this.status = 201;
      this.response = { id: `ph${n}`, url: `/media/ph${n}.webp`, thumbnailUrl: `/media/ph${n}-t.webp`, width: 10, height: 10 };
      this.onload?.();
    }, 0);
  }
}

afterEach(() => {
  vi.unstubAllGlobals();
  FakeXhr.sent = [];
});

describe('validateImageFile', () => {
  it('accepts JPEG/PNG/WebP up to 8 MB and nothing else', () => {
    expect(validateImageFile({ type: 'image/png', size: 1000 })).toBeNull();
    expect(validateImageFile({ type: 'image/webp', size: MAX_UPLOAD_BYTES })).toBeNull();
    expect(validateImageFile({ type: 'image/jpeg', size: MAX_UPLOAD_BYTES + 1 })).toBe('tooLarge');
    expect(validateImageFile({ type: 'image/gif', size: 10 })).toBe('badType');
    expect(validateImageFile({ type: 'application/pdf', size: 10 })).toBe('badType');
    expect(validateImageFile({ type: 'image/png', size: 0 })).toBe('empty');
  });
});

describe('ListingPhotoUploader', () => {
  it('rejects a non-image before sending anything', async () => {
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    const { wrapper } = await mountWithApp(ListingPhotoUploader, { props: { modelValue: [] } });
    await choose(wrapper, [fileOf('catatan.txt', 'text/plain', 120)]);
    await settle();
    expect(FakeXhr.sent).toHaveLength(0);
    expect(wrapper.get('[data-testid="upload-error"]').text()).toContain('catatan.txt: hanya JPEG, PNG, atau WebP yang diterima');
    expect(wrapper.emitted('update:modelValue')).toBeUndefined();
  });

  it('rejects an image over 8 MB before sending anything', async () => {
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    const { wrapper } = await mountWithApp(ListingPhotoUploader, { props: { modelValue: [] } });
    await choose(wrapper, [fileOf('besar.jpg', 'image/jpeg', MAX_UPLOAD_BYTES + 1)]);
    await settle();
    expect(FakeXhr.sent).toHaveLength(0);
    expect(wrapper.get('[data-testid="upload-error"]').text()).toContain('besar.jpg: ukurannya 8.0 MB, lebih dari batas 8 MB');
  });

  it('uploads a valid image with the bearer token and emits the photo; the bad one beside it is refused', async () => {
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    const { wrapper } = await mountWithApp(ListingPhotoUploader, { props: { modelValue: [] } });
    await choose(wrapper, [fileOf('ok.png', 'image/png', 2048), fileOf('x.gif', 'image/gif', 10)]);
    await settle(5);
    expect(FakeXhr.sent).toEqual([{ url: '/uploads', headers: {} }]);
    const emitted = wrapper.emitted('update:modelValue') as unknown[][];
    expect(emitted.at(-1)?.[0]).toEqual([{ id: 'ph1', url: '/media/ph1.webp', thumbnailUrl: '/media/ph1-t.webp', width: 10, height: 10 }]);
    expect(wrapper.findAll('[data-testid="upload-error"]')).toHaveLength(1);
  });

  it('reorders and removes photos, and stops at five', async () => {
    const photos = [1, 2, 3, 4, 5].map((n) => ({ id: `p${n}`, url: `/m/${n}`, thumbnailUrl: `/m/${n}t`, width: 1, height: 1 }));
    const { wrapper } = await mountWithApp(ListingPhotoUploader, { props: { modelValue: photos } });
    expect(wrapper.findAll('[data-testid="lf-photo-thumb"]')).toHaveLength(5);
    expect(wrapper.find('[data-testid="lf-photo-input"]').exists()).toBe(false);
    await wrapper.findAll('[data-testid="lf-photo-right"]')[0].trigger('click');
    expect((wrapper.emitted('update:modelValue') as unknown[][])[0][0]).toMatchObject([{ id: 'p2' }, { id: 'p1' }, { id: 'p3' }, { id: 'p4' }, { id: 'p5' }]);
    await wrapper.findAll('[data-testid="lf-photo-remove"]')[4].trigger('click');
    expect((wrapper.emitted('update:modelValue') as unknown[][])[1][0]).toHaveLength(4);
    expect(wrapper.find('[data-testid="lf-photo-input"]').exists()).toBe(true);
  });
});
