import type { GoodsItem } from '@cargorisk/manifest';

/** How each item fact is read from a goods item. Internal: the compiled engine calls these directly. */
export const ITEM_FACT_GETTERS: Readonly<Record<string, (item: GoodsItem) => unknown>> = Object.freeze({
  hsCode: (i: GoodsItem) => i.hsCode,
  description: (i: GoodsItem) => i.description,
  itemPackages: (i: GoodsItem) => i.packages,
  itemGrossKg: (i: GoodsItem) => i.grossKg,
  origin: (i: GoodsItem) => i.origin,
  itemValue: (i: GoodsItem) => i.value?.amount,
  itemCurrency: (i: GoodsItem) => i.value?.currency,
  dangerousGoods: (i: GoodsItem) => i.dangerousGoods,
  itemSeq: (i: GoodsItem) => i.seq,
} as Record<string, (item: GoodsItem) => unknown>);

/**
 * The item facts of one goods item, as item-scope rules see them (absent values left out).
 *
 * @example
 * itemFacts({ seq: 1, hsCode: '310230', description: 'Ammonium nitrate', containerRefs: [] })
 * // { hsCode: '310230', description: 'Ammonium nitrate', itemSeq: 1 }
 */
export function itemFacts(item: GoodsItem): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of Object.keys(ITEM_FACT_GETTERS)) {
    const value = ITEM_FACT_GETTERS[name]?.(item);
    if (value !== undefined) out[name] = value;
  }
  return out;
}
