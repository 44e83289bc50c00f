import type { ManifestHeader } from '@cargorisk/manifest';
import { AIR_DESTINATIONS, AIR_HUBS, AIR_ORIGINS, SEA_DESTINATIONS, SEA_HUBS } from '../data/places.js';
import type { ResolvedOptions } from '../options.js';
import { hashSeed, Prng } from '../random/prng.js';

/** Carrier codes (SCAC for sea, IATA two-letter for air) and, for air, the airline's AWB prefix. */
const SEA_CARRIERS = ['MSCU', 'MAEU', 'CMDU', 'HLCU', 'COSU', 'ONEY', 'EGLV', 'OOLU', 'YMLU', 'ZIMU', 'HDMU'];
export const AIR_CARRIERS: Readonly<Record<string, { prefix: string; registration: string }>> = {
  EK: { prefix: '176', registration: 'A6-' },
  QR: { prefix: '157', registration: 'A7-' },
  LH: { prefix: '020', registration: 'D-A' },
  CX: { prefix: '160', registration: 'B-L' },
  SQ: { prefix: '618', registration: '9V-S' },
  TK: { prefix: '235', registration: 'TC-L' },
  KL: { prefix: '074', registration: 'PH-C' },
  AF: { prefix: '057', registration: 'F-G' },
  BA: { prefix: '125', registration: 'G-G' },
  CV: { prefix: '172', registration: 'LX-V' },
  ET: { prefix: '071', registration: 'ET-A' },
};
const VESSEL_FIRST = [
  'NORDIC',
  'PACIFIC',
  'ATLANTIC',
  'CORAL',
  'SILVER',
  'GOLDEN',
  'NORTHERN',
  'EASTERN',
  'AURORA',
  'CAPE',
];
const VESSEL_SECOND = [
  'STAR',
  'TRADER',
  'HARMONY',
  'PIONEER',
  'SPIRIT',
  'HORIZON',
  'VOYAGER',
  'FORTUNE',
  'EXPRESS',
  'BRIDGE',
];

const pad2 = (n: number) => String(n).padStart(2, '0');

/** A date `days` after 2026-01-01, as YYYY-MM-DD (calendar arithmetic in UTC, exact on any machine). */
function dateAfter(days: number): string {
  const d = new Date(Date.UTC(2026, 0, 1) + days * 86_400_000);
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

/** The manifest header for resolved options: the same one the consignment stream is built for. */
export function buildHeader(o: ResolvedOptions): ManifestHeader {
  const rng = new Prng(o.seed, 0);
  const id =
    o.manifestId ?? `GEN-${o.mode.toUpperCase()}-${hashSeed(o.seed).toString(16).toUpperCase().padStart(8, '0')}`;
  const day = rng.int(0, 300);
  if (o.mode === 'sea') {
    const arrival = rng.pick(SEA_DESTINATIONS);
    let departure = rng.pick(SEA_HUBS);
    while (departure.country === arrival.country) departure = rng.pick(SEA_HUBS);
    const carrier = rng.pick(SEA_CARRIERS);
    return {
      id,
      format: 'json',
      transport: {
        mode: 'sea',
        carrier,
        voyageOrFlight: `${rng.int(100, 999)}${rng.pick(['W', 'E', 'N', 'S'])}`,
        vesselOrAircraft: `${rng.pick(VESSEL_FIRST)} ${rng.pick(VESSEL_SECOND)}`,
        departure: { location: departure.code, date: dateAfter(day) },
        arrival: { location: arrival.code, date: dateAfter(day + rng.int(4, 30)) },
      },
    };
  }
  const arrival = rng.pick(AIR_DESTINATIONS);
  let departure = rng.pick([...AIR_HUBS, ...AIR_ORIGINS]);
  while (departure.country === arrival.country) departure = rng.pick(AIR_HUBS);
  const carrier = rng.pick(Object.keys(AIR_CARRIERS));
  const reg = AIR_CARRIERS[carrier]?.registration ?? 'N';
  const hour = rng.int(0, 23);
  const flightHours = rng.int(3, 14);
  const arrivalHour = (hour + flightHours) % 24;
  const arrivalDay = day + Math.floor((hour + flightHours) / 24);
  return {
    id,
    format: 'json',
    transport: {
      mode: 'air',
      carrier,
      voyageOrFlight: `${carrier}${rng.int(1, 9899)}`,
      vesselOrAircraft: `${reg}${rng.letters(Math.max(2, 6 - reg.length))}`,
      departure: { location: departure.code, date: `${dateAfter(day)}T${pad2(hour)}:${pad2(rng.int(0, 59))}Z` },
      arrival: {
        location: arrival.code,
        date: `${dateAfter(arrivalDay)}T${pad2(arrivalHour)}:${pad2(rng.int(0, 59))}Z`,
      },
    },
  };
}
