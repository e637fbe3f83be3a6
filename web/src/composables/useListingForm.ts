import {
  LISTING_RULES,
  validateListingInput,
  type ItemCondition,
  type ListingInputFields,
  type Valuation,
} from '@pasar/domain';
import { useMutation } from '@vue/apollo-composable';
import { computed, reactive, ref, watch, type Ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { formatMoney } from '@/composables/useFormat';
import { graphql } from '@/gql';
import type {
  CreateListingInput,
  ListingDetailFieldsFragment,
  ListingKind,
  ListingStatus,
  UpdateListingInput,
} from '@/gql/graphql';
import { mapFieldErrors, toAppError, type AppError } from '@/lib/errors';
import type { UploadedPhoto } from './useUpload';

export const CreateListingDocument = graphql(`
  mutation CreateListing($input: CreateListingInput!) {
    createListing(input: $input) {
      ...ListingDetailFields
    }
  }
`);

export const UpdateListingDocument = graphql(`
  mutation UpdateListing($id: ID!, $input: UpdateListingInput!) {
    updateListing(id: $id, input: $input) {
      ...ListingDetailFields
    }
  }
`);

/** A number input's model: a number, or '' while empty. */
export type NumberField = number | '';

export interface FormCity {
  code: string;
  name: string;
  province?: string;
}

export interface ListingFormState {
  kind: ListingKind;
  title: string;
  description: string;
  categoryId: string;
  condition: ItemCondition | '';
  city: FormCity | null;
  photos: UploadedPhoto[];
  price: NumberField;
  stock: NumberField;
  weightGrams: NumberField;
  lengthCm: NumberField;
  widthCm: NumberField;
  heightCm: NumberField;
  brand: string;
  model: string;
  hourlyRate: NumberField;
  valuation: Valuation;
}

export type FormField =
  | 'title'
  | 'description'
  | 'categoryId'
  | 'condition'
  | 'city'
  | 'photos'
  | 'price'
  | 'stock'
  | 'weightGrams'
  | 'lengthCm'
  | 'widthCm'
  | 'heightCm'
  | 'brand'
  | 'model'
  | 'hourlyRate'
  | keyof Valuation;

const SERVER_FIELD_ALIASES: Record<string, string> = {
  photoIds: 'photos',
  photoCount: 'photos',
  cityCode: 'city',
  category: 'categoryId',
};

export function emptyFormState(): ListingFormState {
  return {
    kind: 'SALE',
    title: '',
    description: '',
    categoryId: '',
    condition: '',
    city: null,
    photos: [],
    price: '',
    stock: 1,
    weightGrams: '',
    lengthCm: '',
    widthCm: '',
    heightCm: '',
    brand: '',
    model: '',
    hourlyRate: '',
    valuation: { utility: 3, scarcity: 3, durability: 3, portability: 3 },
  };
}

/** '' / null → null; anything else → a number (possibly NaN, which validation rejects). */
function num(v: NumberField | null | undefined): number | null {
  if (v === '' || v === null || v === undefined) return null;
  return typeof v === 'number' ? v : Number(v);
}

const text = (v: string) => (v.trim() ? v.trim() : null);

/** Fills the form from an existing listing (edit mode). */
export function stateFromListing(l: ListingDetailFieldsFragment): ListingFormState {
  const s = emptyFormState();
  return {
    ...s,
    kind: l.kind,
    title: l.title,
    description: l.description,
    categoryId: l.category.id,
    condition: l.condition,
    city: { code: l.city.code, name: l.city.name, province: l.city.province },
    photos: l.photos.map((p) => ({ id: p.id, url: p.url, thumbnailUrl: p.thumbnailUrl, width: p.width, height: p.height })),
    price: l.price ?? '',
    stock: l.stock ?? 1,
    weightGrams: l.weightGrams ?? '',
    lengthCm: l.lengthCm ?? '',
    widthCm: l.widthCm ?? '',
    heightCm: l.heightCm ?? '',
    brand: l.brand ?? '',
    model: l.model ?? '',
    hourlyRate: l.hourlyRate ?? '',
    valuation: l.valuation
      ? {
          utility: l.valuation.utility,
          scarcity: l.valuation.scarcity,
          durability: l.valuation.durability,
          portability: l.valuation.portability,
        }
      : s.valuation,
  };
}

/** The fields @pasar/domain validates, for the current kind only. */
export function domainFields(s: ListingFormState): ListingInputFields {
  return {
    title: s.title,
    description: s.description,
    photoCount: s.photos.length,
    sale:
      s.kind === 'SALE'
        ? {
            price: num(s.price) as number,
            stock: num(s.stock) as number,
            weightGrams: num(s.weightGrams),
            lengthCm: num(s.lengthCm),
            widthCm: num(s.widthCm),
            heightCm: num(s.heightCm),
          }
        : null,
    barter: s.kind === 'BARTER' ? { ...s.valuation } : null,
    service: s.kind === 'SERVICE' ? { hourlyRate: num(s.hourlyRate) as number } : null,
  };
}

function saleInput(s: ListingFormState, keepStock = false) {
  return {
    price: num(s.price) as number,
    ...(keepStock ? {} : { stock: num(s.stock) ?? 1 }),
    weightGrams: num(s.weightGrams),
    lengthCm: num(s.lengthCm),
    widthCm: num(s.widthCm),
    heightCm: num(s.heightCm),
    brand: text(s.brand),
    model: text(s.model),
  };
}

export function toCreateInput(s: ListingFormState, publish: boolean): CreateListingInput {
  return {
    kind: s.kind,
    title: s.title.trim(),
    description: s.description.trim(),
    categoryId: s.categoryId,
    condition: s.condition as ItemCondition,
    cityCode: s.city?.code ?? '',
    photoIds: s.photos.map((p) => p.id),
    publish,
    sale: s.kind === 'SALE' ? saleInput(s) : null,
    barter: s.kind === 'BARTER' ? { ...s.valuation } : null,
    service: s.kind === 'SERVICE' ? { hourlyRate: num(s.hourlyRate) as number } : null,
  };
}

/**
 * The update of an edited listing. `stockSeen` is the stock the form loaded: the stock is sent
 * only when the seller changed it, with `stockSeen`, so the server refuses it (CONFLICT on
 * "stock") if orders or restocks moved the stock meanwhile instead of undoing them.
 */
export function toUpdateInput(s: ListingFormState, status: ListingStatus | null, stockSeen: number | null = null): UpdateListingInput {
  const stockTyped = s.kind === 'SALE' && num(s.stock) !== stockSeen;
  return {
    title: s.title.trim(),
    description: s.description.trim(),
    categoryId: s.categoryId,
    condition: s.condition as ItemCondition,
    cityCode: s.city?.code,
    photoIds: s.photos.map((p) => p.id),
    ...(status ? { status } : {}),
    ...(s.kind === 'SALE' ? { sale: saleInput(s, !stockTyped) } : {}),
    ...(stockTyped && stockSeen != null ? { stockSeen } : {}),
    ...(s.kind === 'BARTER' ? { barter: { ...s.valuation } } : {}),
    ...(s.kind === 'SERVICE' ? { service: { hourlyRate: num(s.hourlyRate) as number } } : {}),
  };
}

/**
 * State, validation (LISTING_RULES via @pasar/domain, messages in the current locale) and
 * submission of the create/edit listing form. Server BAD_USER_INPUT errors that name a
 * field land in `errors` next to that field.
 */
export function useListingForm(existing: Ref<ListingDetailFieldsFragment | null> = ref(null)) {
  const { t } = useI18n();
  const state = reactive<ListingFormState>(emptyFormState());
  const errors = ref<Partial<Record<FormField, string>>>({});
  const serverError = ref<AppError | null>(null);
  const submitting = ref(false);
  const attempted = ref(false);
  const isEdit = computed(() => !!existing.value);
  const loadedId = ref<string | null>(null);

  watch(
    existing,
    (l) => {
      if (l && loadedId.value !== l.id) {
        Object.assign(state, stateFromListing(l));
        loadedId.value = l.id;
      }
    },
    { immediate: true },
  );

  function messageFor(field: string): string {
    const R = LISTING_RULES;
    switch (field) {
      case 'title':
      case 'description': {
        const rule = R[field];
        return t('validation.textLength', { min: rule.min, max: rule.max, n: [...state[field].trim()].length });
      }
      case 'photoCount':
        return t('validation.photos', { min: R.photos.min, max: R.photos.max });
      case 'sale.price':
        return t('validation.moneyRange', { min: formatMoney(R.price.min), max: formatMoney(R.price.max) });
      case 'sale.stock':
        return t('validation.intRange', { min: R.stock.min, max: R.stock.max });
      case 'service.hourlyRate':
        return t('validation.moneyRange', { min: formatMoney(R.hourlyRate.min), max: formatMoney(R.hourlyRate.max) });
      default:
        if (field.startsWith('barter.')) return t('validation.factor');
        if (field.startsWith('sale.')) return t('validation.positiveInt');
        return t('validation.required');
    }
  }

  function validate(): boolean {
    const found: Partial<Record<FormField, string>> = {};
    for (const p of validateListingInput(state.kind, domainFields(state))) {
      const key = (SERVER_FIELD_ALIASES[p.field] ?? p.field.split('.').pop() ?? p.field) as FormField;
      found[key] ??= messageFor(p.field);
    }
    if (!state.categoryId) found.categoryId = t('validation.category');
    if (!state.condition) found.condition = t('validation.condition');
    if (!state.city) found.city = t('validation.city');
    errors.value = found;
    return Object.keys(found).length === 0;
  }

  // After the first attempt, re-validate as the member types.
  watch(
    state,
    () => {
      if (attempted.value) validate();
    },
    { deep: true },
  );

  const evictLists = {
    update: (cache: { evict(o: { fieldName: string }): boolean; gc(): string[] }) => {
      cache.evict({ fieldName: 'listings' });
      cache.evict({ fieldName: 'myListings' });
      cache.gc();
    },
  };
  const { mutate: createMutation } = useMutation(CreateListingDocument, evictLists);
  const { mutate: updateMutation } = useMutation(UpdateListingDocument, evictLists);

  /**
   * Validates and saves. `publish` true publishes (create) or makes a draft ACTIVE (edit);
   * false saves as DRAFT. Resolves with the saved listing's id, or null.
   */
  async function submit(publish: boolean): Promise<string | null> {
    attempted.value = true;
    serverError.value = null;
    if (!validate()) return null;
    submitting.value = true;
    try {
      if (existing.value) {
        const current = existing.value.status;
        const status: ListingStatus | null = !publish ? 'DRAFT' : current === 'DRAFT' ? 'ACTIVE' : null;
        const result = await updateMutation({ id: existing.value.id, input: toUpdateInput(state, status, existing.value.stock ?? null) });
        return result?.data?.updateListing.id ?? null;
      }
      const result = await createMutation({ input: toCreateInput(state, publish) });
      return result?.data?.createListing.id ?? null;
    } catch (e) {
      const appError = toAppError(e);
      serverError.value = appError;
      const fieldErrors = mapFieldErrors(appError.fields, SERVER_FIELD_ALIASES);
      if (Object.keys(fieldErrors).length) errors.value = { ...errors.value, ...fieldErrors };
      return null;
    } finally {
      submitting.value = false;
    }
  }

  return { state, errors, serverError, submitting, isEdit, validate, submit };
}
