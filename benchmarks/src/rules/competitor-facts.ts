import type { Consignment } from '@cargorisk/manifest';
import { foldText, normaliseParty } from './fold-text.js';

/**
 * The facts a zen-engine or json-logic-engine user would hand their engine for one consignment:
 * plain values, text already folded (and padded with spaces so a whole-word match is a substring
 * match), party names already normalised. Building them is part of every timed iteration, as it
 * would be in such a user's pipeline.
 */
export interface CompetitorFacts {
  consignorCountry: string | null;
  consigneeCountry: string | null;
  consignorName: string | null;
  consigneeName: string | null;
  items: { hsCode: string; text: string; origin: string | null }[];
}

export function competitorFacts(c: Consignment): CompetitorFacts {
  const { consignor, consignee } = c.parties;
  return {
    consignorCountry: consignor?.address?.country ?? null,
    consigneeCountry: consignee?.address?.country ?? null,
    consignorName: partyName(consignor?.name),
    consigneeName: partyName(consignee?.name),
    items: c.goods.map((g) => ({
      hsCode: g.hsCode ?? '',
      text: ` ${foldText(g.description)} `,
      origin: g.origin ?? null,
    })),
  };
}

// A name that normalises to nothing matches nothing, as in cargorisk.
function partyName(name: string | undefined): string | null {
  if (name === undefined) return null;
  const normalised = normaliseParty(name);
  return normalised === '' ? null : normalised;
}
