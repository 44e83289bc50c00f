/** What a fact holds: a `party` is a `Party` object (reach into it with `path`). */
export type FactType = 'string' | 'number' | 'string[]' | 'party';

/** Where a fact is available: `item` facts only in item-scope rules; `consignment` facts everywhere. */
export type FactScope = 'item' | 'consignment';

export interface FactInfo {
  readonly scope: FactScope;
  readonly type: FactType;
  readonly description: string;
}

const item = (type: FactType, description: string): FactInfo => Object.freeze({ scope: 'item', type, description });
const consignment = (type: FactType, description: string): FactInfo =>
  Object.freeze({ scope: 'consignment', type, description });

/**
 * Every fact a rule may name, with its scope and type (docs/rule-sets.md, "Facts"). Unknown names are
 * refused at load; item facts are refused in consignment-scope rules.
 *
 * @example
 * FACTS.hsCode // { scope: 'item', type: 'string', description: 'GoodsItem.hsCode' }
 */
export const FACTS: Readonly<Record<string, FactInfo>> = Object.freeze({
  hsCode: item('string', 'GoodsItem.hsCode'),
  description: item('string', 'GoodsItem.description'),
  itemPackages: item('number', 'GoodsItem.packages'),
  itemGrossKg: item('number', 'GoodsItem.grossKg'),
  origin: item('string', 'GoodsItem.origin'),
  itemValue: item('number', 'GoodsItem.value.amount'),
  itemCurrency: item('string', 'GoodsItem.value.currency'),
  dangerousGoods: item('string', 'GoodsItem.dangerousGoods (UN number)'),
  itemSeq: item('number', 'GoodsItem.seq'),

  consignmentId: consignment('string', 'the consignment id'),
  masterId: consignment('string', 'the master consignment id'),
  kind: consignment('string', 'master, house or direct'),
  transportMode: consignment('string', 'the manifest transport mode'),
  carrier: consignment('string', "the manifest's carrier, else the consignment's carrier party name"),
  format: consignment('string', 'source.format'),
  consignor: consignment('party', 'parties.consignor'),
  consignee: consignment('party', 'parties.consignee'),
  notify: consignment('party', 'parties.notify'),
  forwarder: consignment('party', 'parties.forwarder'),
  consignorName: consignment('string', 'parties.consignor.name'),
  consigneeName: consignment('string', 'parties.consignee.name'),
  notifyName: consignment('string', 'parties.notify.name'),
  forwarderName: consignment('string', 'parties.forwarder.name'),
  consignorCountry: consignment('string', 'parties.consignor.address.country'),
  consigneeCountry: consignment('string', 'parties.consignee.address.country'),
  notifyCountry: consignment('string', 'parties.notify.address.country'),
  consigneeAddress: consignment('string', "the consignee's address lines, city and postcode joined with ', '"),
  loading: consignment('string', 'route.loading'),
  discharge: consignment('string', 'route.discharge'),
  delivery: consignment('string', 'route.delivery'),
  transshipments: consignment('string[]', 'route.transshipments'),
  routeLocations: consignment('string[]', 'loading, transshipments, discharge, delivery'),
  routeCountries: consignment('string[]', 'route.countries'),
  hsCodes: consignment('string[]', "every goods item's HS code"),
  descriptions: consignment('string[]', "every goods item's description"),
  origins: consignment('string[]', "every goods item's origin"),
  itemCount: consignment('number', 'number of goods items'),
  containerNumbers: consignment('string[]', 'containers[].number'),
  containerCount: consignment('number', 'number of containers'),
  invalidContainerCount: consignment('number', 'containers whose number fails ISO 6346'),
  unknownHsCodeCount: consignment('number', 'goods items whose HS code is not in HS 2022 at its first six digits'),
  unsealedContainerCount: consignment('number', 'containers with no seal'),
  containerSizeTypes: consignment('string[]', 'containers[].sizeType, where given (ISO 6346 size and type code)'),
  reeferCount: consignment('number', 'containers whose ISO 6346 type code is of the R group (reefer), e.g. 45R1'),
  totalPackages: consignment('number', 'totals.packages, or the sum over goods items'),
  totalGrossKg: consignment('number', 'totals.grossKg, or the sum over goods items'),
  totalVolumeM3: consignment('number', 'totals.volumeM3'),
  declaredValue: consignment('number', 'declaredValue.amount, or the sum of item values in one currency'),
  declaredCurrency: consignment('string', 'the declared value currency'),
  valuePerKg: consignment('number', 'declaredValue / totalGrossKg'),
} as Record<string, FactInfo>);

/** Whether `name` is a known fact (own property only: `constructor` is not a fact). */
export function isFact(name: string): boolean {
  return Object.hasOwn(FACTS, name);
}
