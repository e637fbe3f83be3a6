import { describe, expect, it } from 'vitest';
import { emptyFormState, toUpdateInput } from './useListingForm';

describe('toUpdateInput', () => {
  const sale = () => ({ ...emptyFormState(), kind: 'SALE' as const, title: 'Gitar Yamaha F310', description: 'Gitar akustik, senar baru.', categoryId: 'c1', condition: 'GOOD' as const, price: 1_500_000, stock: 10 });

  it('leaves the stock out when the seller did not change it, so sales made meanwhile stay', () => {
    const input = toUpdateInput({ ...sale(), price: 1_400_000 }, null, 10);
    expect(input.sale).toMatchObject({ price: 1_400_000 });
    expect(input.sale).not.toHaveProperty('stock');
    expect(input).not.toHaveProperty('stockSeen');
  });

  it('sends a changed stock with the stock the form loaded (stockSeen), for the server to refuse if it moved', () => {
    const input = toUpdateInput({ ...sale(), stock: 12 }, null, 10);
    expect(input.sale).toMatchObject({ stock: 12 });
    expect(input.stockSeen).toBe(10);
  });
});
