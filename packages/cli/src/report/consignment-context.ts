import type { Consignment, Party } from '@cargorisk/manifest';

/** What an officer reads about a targeted consignment beside its hits: who, where, what. */
export interface ConsignmentContext {
  readonly consignor?: string;
  readonly consignee?: string;
  readonly route?: string;
  readonly goods: readonly { readonly hsCode?: string; readonly description: string }[];
}

const MAX_GOODS = 12;
const MAX_TEXT = 300;

function party(p: Party | undefined): string | undefined {
  if (p === undefined) return undefined;
  const country = p.address?.country;
  return country === undefined ? p.name : `${p.name} (${country})`;
}

function clipText(text: string): string {
  return text.length <= MAX_TEXT ? text : `${text.slice(0, MAX_TEXT - 1)}…`;
}

/**
 * The parts of a consignment the report shows, kept small: only targeted consignments are held,
 * and with at most a dozen goods items each.
 *
 * @example
 * tally.addAssessment(assessment, 'voyage.edi', consignmentContext(consignment));
 */
export function consignmentContext(c: Consignment): ConsignmentContext {
  const stops = [c.route.loading, ...c.route.transshipments, c.route.discharge, c.route.delivery].filter(
    (x): x is string => x !== undefined,
  );
  const consignor = party(c.parties.consignor);
  const consignee = party(c.parties.consignee);
  return {
    ...(consignor === undefined ? {} : { consignor: clipText(consignor) }),
    ...(consignee === undefined ? {} : { consignee: clipText(consignee) }),
    ...(stops.length === 0 ? {} : { route: stops.join(' → ') }),
    goods: c.goods.slice(0, MAX_GOODS).map((g) => ({
      ...(g.hsCode === undefined ? {} : { hsCode: g.hsCode }),
      description: clipText(g.description),
    })),
  };
}
