/*
 * The CSV manifest layout: one row per goods item, rows of one consignment consecutive and
 * sharing its `consignment_id`. Header names are case-insensitive; columns may come in any
 * order and any may be left out except `consignment_id`. Consignment and manifest columns are
 * read from the first row of each consignment (and of the file). Lists inside a cell are
 * separated by `|`; a container's several seals by `+` inside its `|` slot.
 *
 * manifest (first data row):  manifest_id, transport_mode, carrier, voyage, vessel,
 *                             departure, departure_date, arrival, arrival_date
 * consignment:                consignment_id, master_id, kind,
 *                             <party>_name, <party>_address (lines, `|`), <party>_city,
 *                             <party>_postcode, <party>_country, <party>_id
 *                               for party in consignor, consignee, notify, carrier, forwarder
 *                             loading, discharge, delivery, transshipments (`|`), route_countries (`|`),
 *                             container_numbers (`|`), container_seals (`|`, `+` within), container_size_types (`|`),
 *                             total_packages, total_gross_kg, total_volume_m3, declared_value, declared_currency
 * goods item (every row):     item_seq, hs_code, description, packages, gross_kg, origin, value, currency,
 *                             container_refs (`|`), dangerous_goods
 */

export const PARTY_ROLES = ['consignor', 'consignee', 'notify', 'carrier', 'forwarder'] as const;
export const PARTY_FIELDS = ['name', 'address', 'city', 'postcode', 'country', 'id'] as const;

export const MANIFEST_COLUMNS = [
  'manifest_id',
  'transport_mode',
  'carrier',
  'voyage',
  'vessel',
  'departure',
  'departure_date',
  'arrival',
  'arrival_date',
] as const;

export const CONSIGNMENT_COLUMNS = [
  'consignment_id',
  'master_id',
  'kind',
  ...PARTY_ROLES.flatMap((role) => PARTY_FIELDS.map((f) => `${role}_${f}` as const)),
  'loading',
  'discharge',
  'delivery',
  'transshipments',
  'route_countries',
  'container_numbers',
  'container_seals',
  'container_size_types',
  'total_packages',
  'total_gross_kg',
  'total_volume_m3',
  'declared_value',
  'declared_currency',
] as const;

export const ITEM_COLUMNS = [
  'item_seq',
  'hs_code',
  'description',
  'packages',
  'gross_kg',
  'origin',
  'value',
  'currency',
  'container_refs',
  'dangerous_goods',
] as const;

/** Every column the reader knows, in the order the serializer writes them. */
export const CSV_COLUMNS: readonly string[] = [...MANIFEST_COLUMNS, ...CONSIGNMENT_COLUMNS, ...ITEM_COLUMNS];

export const KNOWN_COLUMNS: ReadonlySet<string> = new Set(CSV_COLUMNS);

/** Splits a `|` list cell, dropping empty entries and surrounding spaces. */
export function splitList(cell: string, separator = '|'): string[] {
  if (cell === '') return [];
  const out: string[] = [];
  for (const part of cell.split(separator)) {
    const t = part.trim();
    if (t !== '') out.push(t);
  }
  return out;
}
