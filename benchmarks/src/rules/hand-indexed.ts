import type { Consignment } from '@cargorisk/manifest';
import { foldText, normaliseParty } from './fold-text.js';
import type { GeneratedRuleSet } from './generate-rule-set.js';

/*
 * A hand-indexed evaluator for the generated rule sets: what a team would write by hand for these five
 * kinds of rule, with no rule language at all. Each list becomes a Map from its (folded or normalised)
 * items to the conditions that name it; folded descriptions and normalised party names are remembered in
 * Maps; a consignment stamps the conditions its values hit, and only the rules of stamped conditions are
 * looked at. It returns the ids of the rules that fire and their total score, nothing else (no assessment,
 * no channel, no evidence), so it marks the speed of plain indexed code on the same data and machine: a
 * yardstick for the compiled engine, not a competitor a user would pick.
 */

interface Rule {
  id: string;
  score: number;
  all: boolean;
  item: boolean;
  conditions: number[];
}

/** Texts and names remembered at most, per Map (cleared when full). */
const MEMO_MAX = 50_000;

function push<K>(map: Map<K, number[]>, key: K, condition: number): void {
  const at = map.get(key);
  if (at === undefined) map.set(key, [condition]);
  else if (!at.includes(condition)) at.push(condition);
}

function remember<V>(memo: Map<string, V>, key: string, make: (k: string) => V): V {
  let v = memo.get(key);
  if (v === undefined) {
    if (memo.size >= MEMO_MAX) memo.clear();
    v = make(key);
    memo.set(key, v);
  }
  return v;
}

/** The fired rule ids (sorted) and their total score, for one consignment. */
export type HandIndexedRunner = (c: Consignment) => { ids: string[]; score: number };

export function buildHandIndexedRunner(ruleSet: GeneratedRuleSet): HandIndexedRunner {
  const rules: Rule[] = [];
  const ruleOf: number[] = [];
  const hs = new Map<string, number[]>();
  const hsLengths = new Set<number>();
  const keywords = new Map<string, number[]>();
  let longestKeyword = 1;
  const exact: Record<'origin' | 'consignorCountry' | 'consigneeCountry', Map<string, number[]>> = {
    origin: new Map(),
    consignorCountry: new Map(),
    consigneeCountry: new Map(),
  };
  const party: Record<'consignorName' | 'consigneeName', Map<string, number[]>> = {
    consignorName: new Map(),
    consigneeName: new Map(),
  };
  for (const r of ruleSet.rules) {
    const all = 'all' in r.conditions;
    const parts = 'all' in r.conditions ? r.conditions.all : r.conditions.any;
    const rule: Rule = {
      id: r.id,
      score: r.event.params.score,
      all,
      item: r.scope === 'item',
      conditions: [],
    };
    for (const cond of parts) {
      const condition = ruleOf.length;
      ruleOf.push(rules.length);
      rule.conditions.push(condition);
      const list = ruleSet.lists[cond.value.list];
      if (list === undefined) throw new Error(`list ${cond.value.list} is not defined`);
      const itemFact = cond.fact === 'hsCode' || cond.fact === 'description' || cond.fact === 'origin';
      if (itemFact !== rule.item) throw new Error(`rule ${r.id}: ${cond.fact} in a ${r.scope}-scope rule`);
      for (const value of list.items) {
        switch (cond.operator) {
          case 'hsIn':
            push(hs, value, condition);
            hsLengths.add(value.length);
            break;
          case 'mentions': {
            const folded = foldText(value);
            push(keywords, folded, condition);
            longestKeyword = Math.max(longestKeyword, folded.split(' ').length);
            break;
          }
          case 'inList':
            push(exact[cond.fact as keyof typeof exact], value, condition);
            break;
          case 'partyMatches':
            push(party[cond.fact as keyof typeof party], normaliseParty(value), condition);
            break;
        }
      }
    }
    rules.push(rule);
  }
  const prefixLengths = [...hsLengths].sort((a, b) => a - b);

  // Per description, the keyword conditions it hits: every run of up to `longestKeyword` folded words.
  const textMemo = new Map<string, number[]>();
  const keywordHits = (text: string): number[] => {
    const words = foldText(text).split(' ');
    const out: number[] = [];
    for (let i = 0; i < words.length; i++) {
      let phrase = '';
      for (let n = 0; n < longestKeyword && i + n < words.length; n++) {
        phrase = n === 0 ? (words[i] as string) : `${phrase} ${words[i + n]}`;
        const at = keywords.get(phrase);
        if (at !== undefined) for (const k of at) if (!out.includes(k)) out.push(k);
      }
    }
    return out;
  };
  const nameMemo = new Map<string, string>();

  // Per condition, the epoch it was last hit in; per rule, the epoch it was last touched in and fired on.
  const hitAt = new Int32Array(ruleOf.length);
  const touchedAt = new Int32Array(rules.length);
  const firedAt = new Int32Array(rules.length);
  const touched = new Int32Array(rules.length);
  const fired = new Int32Array(rules.length);
  let touchedCount = 0;
  let firedCount = 0;
  let epoch = 0;
  let consEpoch = 0;

  const stamp = (conditions: readonly number[] | undefined): void => {
    if (conditions === undefined) return;
    for (let i = 0; i < conditions.length; i++) {
      const k = conditions[i] as number;
      hitAt[k] = epoch;
      const r = ruleOf[k] as number;
      if (touchedAt[r] !== epoch) {
        touchedAt[r] = epoch;
        touched[touchedCount++] = r;
      }
    }
  };
  // The rules touched since the last check that hold now and have not fired on this consignment fire.
  const check = (itemEpoch: number): void => {
    for (let t = 0; t < touchedCount; t++) {
      const r = touched[t] as number;
      if (firedAt[r] === consEpoch) continue;
      const rule = rules[r] as Rule;
      const cs = rule.conditions;
      let holds = rule.all;
      for (let i = 0; i < cs.length; i++) {
        const at = hitAt[cs[i] as number];
        const hit = at === consEpoch || at === itemEpoch;
        if (hit !== rule.all) {
          holds = hit;
          break;
        }
      }
      if (holds) {
        firedAt[r] = consEpoch;
        fired[firedCount++] = r;
      }
    }
    touchedCount = 0;
  };

  return (c) => {
    consEpoch = ++epoch;
    touchedCount = 0;
    firedCount = 0;
    const { consignor, consignee } = c.parties;
    if (consignor !== undefined) {
      const country = consignor.address?.country;
      if (country !== undefined) stamp(exact.consignorCountry.get(country));
      stamp(party.consignorName.get(remember(nameMemo, consignor.name, normaliseParty)));
    }
    if (consignee !== undefined) {
      const country = consignee.address?.country;
      if (country !== undefined) stamp(exact.consigneeCountry.get(country));
      stamp(party.consigneeName.get(remember(nameMemo, consignee.name, normaliseParty)));
    }
    check(-1);
    const goods = c.goods;
    for (let gi = 0; gi < goods.length; gi++) {
      const g = goods[gi] as (typeof goods)[number];
      const itemEpoch = ++epoch;
      const code = g.hsCode;
      if (code !== undefined) {
        let digits = 0;
        while (digits < code.length && code.charCodeAt(digits) >= 48 && code.charCodeAt(digits) <= 57) digits++;
        for (let i = 0; i < prefixLengths.length; i++) {
          const n = prefixLengths[i] as number;
          if (n > digits) break;
          stamp(hs.get(code.slice(0, n)));
        }
      }
      if (g.origin !== undefined) stamp(exact.origin.get(g.origin));
      stamp(remember(textMemo, g.description, keywordHits));
      check(itemEpoch);
    }
    let score = 0;
    const ids: string[] = [];
    for (let i = 0; i < firedCount; i++) {
      const rule = rules[fired[i] as number] as Rule;
      score += rule.score;
      ids.push(rule.id);
    }
    return { ids: ids.sort(), score };
  };
}
