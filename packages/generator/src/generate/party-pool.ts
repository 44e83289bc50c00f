import type { CountryCode, Party } from '@cargorisk/manifest';
import {
  COUNTRY_PARTIES,
  type CountryParties,
  GENERIC_PARTIES,
  PERSON_SURNAMES,
  RESIDENTIAL_STREETS,
} from '../data/party-names.js';
import type { Prng } from '../random/prng.js';

/*
 * Each country has a small pool of companies, made once per seed, so the same shippers and
 * consignees come back across a manifest as they do in real trade (and a party rule has repeat
 * customers to find). Pools are filled on first use from their own random stream.
 */

interface PoolEntry {
  readonly base: string;
  readonly forms: readonly string[];
  readonly lines: readonly string[];
  readonly city: string;
  readonly postcode: string | undefined;
  readonly id: string | undefined;
}

const POOL_SIZE = 24;
const EORI_COUNTRIES = new Set(['GB', 'DE', 'NL', 'BE', 'FR', 'IT', 'ES', 'PL', 'SE', 'PT', 'IE', 'LU', 'FI', 'GR']);

function pattern(rng: Prng, shape: string): string {
  let out = '';
  for (const ch of shape) out += ch === '9' ? rng.digits(1) : ch === 'A' ? rng.letters(1) : ch;
  return out;
}

export class PartyPool {
  private readonly pools = new Map<string, PoolEntry[]>();

  constructor(private readonly rng: Prng) {}

  private pool(country: CountryCode): PoolEntry[] {
    let pool = this.pools.get(country);
    if (pool === undefined) {
      pool = [];
      const table: CountryParties = COUNTRY_PARTIES[country] ?? GENERIC_PARTIES;
      for (let i = 0; i < POOL_SIZE; i++) pool.push(this.entry(country, table));
      this.pools.set(country, pool);
    }
    return pool;
  }

  private entry(country: CountryCode, table: CountryParties): PoolEntry {
    const rng = this.rng;
    const city = rng.pick(table.cities);
    const stem = rng.pick(table.stems);
    const trade = rng.pick(table.trades);
    const base = table.cityInName && rng.chance(0.6) ? `${city} ${stem} ${trade}` : `${stem} ${trade}`;
    const forms = rng.pick(table.legalForms);
    const street = rng.pick(table.streets).replace('#', String(rng.int(1, 399)));
    const id = EORI_COUNTRIES.has(country) && rng.chance(0.8) ? `${country}${rng.digits(12)}` : undefined;
    return {
      base,
      forms,
      lines: [street],
      city,
      postcode: table.postcode === undefined ? undefined : pattern(rng, table.postcode),
      id,
    };
  }

  /**
   * A company of `country`. With `variant`, its legal form is written another way (`LTD` as
   * `LIMITED`), as a second keyer would; returns whether a different spelling was possible.
   */
  company(country: CountryCode, variant = false): { party: Party; varied: boolean } {
    const entry = this.rng.pick(this.pool(country));
    let form = entry.forms[0] ?? '';
    let varied = false;
    if (variant && entry.forms.length > 1) {
      form = entry.forms[this.rng.int(1, entry.forms.length - 1)] ?? form;
      varied = true;
    }
    const address: NonNullable<Party['address']> = { lines: [...entry.lines], city: entry.city };
    if (entry.postcode !== undefined) address.postcode = entry.postcode;
    address.country = country;
    const party: Party = { name: form === '' ? entry.base : `${entry.base} ${form}`, address };
    if (entry.id !== undefined) party.id = entry.id;
    return { party, varied };
  }

  /** A private person at a residential address (`FLAT 2`, `14 HIGH STREET`). */
  person(country: CountryCode): Party {
    const rng = this.rng;
    const table = COUNTRY_PARTIES[country] ?? GENERIC_PARTIES;
    const postcode = table.postcode === undefined ? undefined : pattern(rng, table.postcode);
    return {
      name: `${rng.letters(1)} ${rng.pick(PERSON_SURNAMES)}`,
      address: {
        lines: [`FLAT ${rng.int(1, 12)}`, `${rng.int(1, 180)} ${rng.pick(RESIDENTIAL_STREETS)}`],
        city: rng.pick(table.cities),
        ...(postcode === undefined ? {} : { postcode }),
        country,
      },
    };
  }
}
