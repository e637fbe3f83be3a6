import { describe, expect, it } from 'vitest';
import { LISTING_RULES, validateListingInput, type ListingInputFields, type ListingKind } from './listing.js';

const base = { title: 'Sepeda lipat', description: 'Sepeda lipat bekas, mulus.', photoCount: 3 };
const sale = { price: 1_250_000, stock: 1 };
const barter = { utility: 3, scarcity: 3, durability: 3, portability: 3 };
const service = { hourlyRate: 50_000 };

const saleInput = (over: Partial<ListingInputFields> = {}, saleOver: object = {}): ListingInputFields => ({
  ...base,
  sale: { ...sale, ...saleOver },
  ...over,
});
const fields = (problems: { field: string }[]) => problems.map((p) => p.field);

describe('LISTING_RULES', () => {
  it('has the agreed bounds', () => {
    expect(LISTING_RULES).toEqual({
      title: { min: 5, max: 120 },
      description: { min: 10, max: 5000 },
      photos: { min: 1, max: 5 },
      price: { min: 1000, max: 10_000_000_000 },
      stock: { min: 0, max: 100000 },
      hourlyRate: { min: 10000, max: 100_000_000 },
    });
  });
});

describe('validateListingInput: valid listings', () => {
  it.each<[ListingKind, ListingInputFields]>([
    ['SALE', { ...base, sale }],
    ['SALE', { ...base, sale: { ...sale, weightGrams: 1200, lengthCm: 30, widthCm: 20, heightCm: 10 } }],
    ['SALE', { ...base, sale: { ...sale, weightGrams: null, lengthCm: null }, barter: null, service: null }],
    ['BARTER', { ...base, barter }],
    ['SERVICE', { ...base, service }],
  ])('%s %o', (kind, input) => {
    expect(validateListingInput(kind, input)).toEqual([]);
  });
});

describe('validateListingInput: common fields', () => {
  const x = (n: number) => 'x'.repeat(n);
  it.each<[string, Partial<ListingInputFields>, string | null]>([
    ['title of 4 chars', { title: x(4) }, 'title'],
    ['title of 5 chars', { title: x(5) }, null],
    ['title of 120 chars', { title: x(120) }, null],
    ['title of 121 chars', { title: x(121) }, 'title'],
    ['title of 4 chars padded with spaces', { title: `   ${x(4)}   ` }, 'title'],
    ['title of 5 emoji (one character each)', { title: '🚲🚲🚲🚲🚲' }, null],
    ['missing title', { title: undefined as unknown as string }, 'title'],
    ['description of 9 chars', { description: x(9) }, 'description'],
    ['description of 10 chars', { description: x(10) }, null],
    ['description of 5000 chars', { description: x(5000) }, null],
    ['description of 5001 chars', { description: x(5001) }, 'description'],
    ['0 photos', { photoCount: 0 }, 'photoCount'],
    ['1 photo', { photoCount: 1 }, null],
    ['5 photos', { photoCount: 5 }, null],
    ['6 photos', { photoCount: 6 }, 'photoCount'],
    ['1.5 photos', { photoCount: 1.5 }, 'photoCount'],
  ])('%s', (_name, over, field) => {
    expect(fields(validateListingInput('SALE', saleInput(over)))).toEqual(field ? [field] : []);
  });

  it('names the field and the range in the message', () => {
    expect(validateListingInput('SALE', saleInput({ title: 'abc' }))).toEqual([
      { field: 'title', message: 'title must be 5 to 120 characters long, got 3' },
    ]);
    expect(validateListingInput('SALE', saleInput({ photoCount: 6 }))).toEqual([
      { field: 'photoCount', message: 'photoCount must be an integer from 1 to 5, got 6' },
    ]);
  });
});

describe('validateListingInput: SALE', () => {
  it.each<[string, object, string | null]>([
    ['price 999', { price: 999 }, 'sale.price'],
    ['price 1000', { price: 1000 }, null],
    ['price 10,000,000,000', { price: 10_000_000_000 }, null],
    ['price 10,000,000,001', { price: 10_000_000_001 }, 'sale.price'],
    ['price 1500.5', { price: 1500.5 }, 'sale.price'],
    ['price missing', { price: undefined }, 'sale.price'],
    ['stock -1', { stock: -1 }, 'sale.stock'],
    ['stock 0', { stock: 0 }, null],
    ['stock 100,000', { stock: 100_000 }, null],
    ['stock 100,001', { stock: 100_001 }, 'sale.stock'],
    ['stock 2.5', { stock: 2.5 }, 'sale.stock'],
    ['weightGrams 0', { weightGrams: 0 }, 'sale.weightGrams'],
    ['weightGrams 1', { weightGrams: 1 }, null],
    ['weightGrams 1.5', { weightGrams: 1.5 }, 'sale.weightGrams'],
    ['lengthCm -3', { lengthCm: -3 }, 'sale.lengthCm'],
    ['widthCm 0', { widthCm: 0 }, 'sale.widthCm'],
    ['heightCm 0', { heightCm: 0 }, 'sale.heightCm'],
  ])('%s', (_name, saleOver, field) => {
    expect(fields(validateListingInput('SALE', saleInput({}, saleOver)))).toEqual(field ? [field] : []);
  });

  it('explains a bad price', () => {
    expect(validateListingInput('SALE', saleInput({}, { price: 999 }))).toEqual([
      { field: 'sale.price', message: 'sale.price must be an integer from 1000 to 10000000000 rupiah, got 999' },
    ]);
  });
});

describe('validateListingInput: BARTER', () => {
  it.each<[string, object, string[]]>([
    ['utility 0', { utility: 0 }, ['barter.utility']],
    ['utility 1', { utility: 1 }, []],
    ['scarcity 5', { scarcity: 5 }, []],
    ['scarcity 6', { scarcity: 6 }, ['barter.scarcity']],
    ['durability 2.5', { durability: 2.5 }, ['barter.durability']],
    ['portability missing', { portability: undefined }, ['barter.portability']],
    ['two bad factors', { utility: 0, portability: 6 }, ['barter.utility', 'barter.portability']],
  ])('%s', (_name, over, want) => {
    expect(fields(validateListingInput('BARTER', { ...base, barter: { ...barter, ...over } }))).toEqual(want);
  });

  it('explains a bad factor', () => {
    expect(validateListingInput('BARTER', { ...base, barter: { ...barter, scarcity: 6 } })).toEqual([
      { field: 'barter.scarcity', message: 'barter.scarcity must be an integer from 1 to 5, got 6' },
    ]);
  });
});

describe('validateListingInput: SERVICE', () => {
  it.each<[number, boolean]>([
    [9_999, false],
    [10_000, true],
    [100_000_000, true],
    [100_000_001, false],
    [15_000.5, false],
  ])('hourlyRate %d → valid %s', (hourlyRate, ok) => {
    expect(fields(validateListingInput('SERVICE', { ...base, service: { hourlyRate } }))).toEqual(
      ok ? [] : ['service.hourlyRate'],
    );
  });
});

describe('validateListingInput: kind blocks', () => {
  it.each<[ListingKind, Partial<ListingInputFields>, string[]]>([
    ['SALE', {}, ['sale']],
    ['BARTER', {}, ['barter']],
    ['SERVICE', {}, ['service']],
    ['SALE', { sale, barter }, ['barter']],
    ['SALE', { sale, service }, ['service']],
    ['BARTER', { barter, sale }, ['sale']],
    ['BARTER', { barter, service }, ['service']],
    ['SERVICE', { service, sale, barter }, ['sale', 'barter']],
    ['SERVICE', { sale }, ['sale', 'service']],
  ])('%s with %o → %o', (kind, blocks, want) => {
    expect(fields(validateListingInput(kind, { ...base, ...blocks }))).toEqual(want);
  });

  it('explains required and forbidden blocks', () => {
    expect(validateListingInput('BARTER', { ...base, sale })).toEqual([
      { field: 'sale', message: 'sale details must not be given for a BARTER listing' },
      { field: 'barter', message: 'barter details are required for a BARTER listing' },
    ]);
  });

  it('reports every problem at once', () => {
    const problems = validateListingInput('SALE', { title: 'abc', description: 'short', photoCount: 0, sale: { price: 1, stock: -1 } });
    expect(fields(problems)).toEqual(['title', 'description', 'photoCount', 'sale.price', 'sale.stock']);
  });

  it('rejects an unknown kind', () => {
    expect(fields(validateListingInput('AUCTION' as ListingKind, saleInput()))).toEqual(['kind']);
  });
});
