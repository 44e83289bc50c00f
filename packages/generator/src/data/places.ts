import type { CountryCode } from '@cargorisk/manifest';

/*
 * Ports (UN/LOCODE) and airports (IATA), with the country and city each stands in. Codes are
 * public facts. `role` says how the generator uses a place: ordinary origins, the arrival
 * ports a manifest is built for, transshipment hubs, and the source ports that only the cocaine
 * profile loads at (base traffic never touches them, nor Paranagua, Colon or Balboa, which the
 * cocaine rule pack also lists, so a rule keyed on them fires only on what was planted).
 */

export interface Place {
  readonly code: string;
  readonly country: CountryCode;
  readonly city: string;
}

const places = (spec: string): readonly Place[] =>
  spec
    .trim()
    .split('\n')
    .map((line) => {
      const [code, city] = line.trim().split(/\s+(.*)/s) as [string, string];
      const country = (code.length === 5 ? code.slice(0, 2) : (AIRPORT_COUNTRY[code] ?? 'ZZ')) as CountryCode;
      return { code, country, city };
    });

const AIRPORT_COUNTRY: Record<string, string> = {
  PVG: 'CN',
  CAN: 'CN',
  HKG: 'HK',
  ICN: 'KR',
  NRT: 'JP',
  TPE: 'TW',
  SIN: 'SG',
  BKK: 'TH',
  SGN: 'VN',
  DEL: 'IN',
  BOM: 'IN',
  DAC: 'BD',
  KHI: 'PK',
  CMB: 'LK',
  DXB: 'AE',
  DWC: 'AE',
  DOH: 'QA',
  IST: 'TR',
  CAI: 'EG',
  NBO: 'KE',
  ADD: 'ET',
  JNB: 'ZA',
  LOS: 'NG',
  GRU: 'BR',
  EZE: 'AR',
  SCL: 'CL',
  MEX: 'MX',
  BOG: 'CO',
  UIO: 'EC',
  GYE: 'EC',
  LIM: 'PE',
  JFK: 'US',
  ORD: 'US',
  MIA: 'US',
  LAX: 'US',
  YYZ: 'CA',
  FRA: 'DE',
  LHR: 'GB',
  EMA: 'GB',
  AMS: 'NL',
  CDG: 'FR',
  LGG: 'BE',
  BRU: 'BE',
  MXP: 'IT',
  MAD: 'ES',
  LUX: 'LU',
  WAW: 'PL',
  KUL: 'MY',
  CGK: 'ID',
  MEL: 'AU',
  AKL: 'NZ',
  TLV: 'IL',
  EBB: 'UG',
  ACC: 'GH',
};

/** Sea ports that ordinary cargo loads at. */
export const SEA_ORIGINS = places(`
  CNSHA SHANGHAI
  CNNGB NINGBO
  CNYTN SHENZHEN
  CNTAO QINGDAO
  CNXMN XIAMEN
  CNTXG TIANJIN
  HKHKG HONG KONG
  KRPUS BUSAN
  JPYOK YOKOHAMA
  TWKHH KAOHSIUNG
  VNSGN HO CHI MINH CITY
  VNHPH HAIPHONG
  THLCH LAEM CHABANG
  MYPKG PORT KLANG
  SGSIN SINGAPORE
  IDTPP JAKARTA
  INNSA NHAVA SHEVA
  INMUN MUNDRA
  INMAA CHENNAI
  BDCGP CHITTAGONG
  PKKHI KARACHI
  LKCMB COLOMBO
  AEJEA JEBEL ALI
  SAJED JEDDAH
  TRMER MERSIN
  TRAMR ISTANBUL
  EGALY ALEXANDRIA
  MAPTM TANGER MED
  ZADUR DURBAN
  ZACPT CAPE TOWN
  KEMBA MOMBASA
  NGAPP LAGOS
  BRRIG RIO GRANDE
  BRITJ ITAJAI
  ARBUE BUENOS AIRES
  CLSAI SAN ANTONIO
  UYMVD MONTEVIDEO
  MXZLO MANZANILLO
  USSAV SAVANNAH
  USHOU HOUSTON
  CAVAN VANCOUVER
  NZTRG TAURANGA
  AUMEL MELBOURNE
  ESVLC VALENCIA
  ITGOA GENOA
  FRFOS FOS-SUR-MER
  PLGDN GDANSK
  SEGOT GOTHENBURG
  FIHEL HELSINKI
  PTSIN SINES
  GRPIR PIRAEUS
  NOOSL OSLO
  IEDUB DUBLIN
  CIABJ ABIDJAN
  HNPCR PUERTO CORTES
  CDMAT MATADI
  DJJIB DJIBOUTI
  TZDAR DAR ES SALAAM
  KHPNH PHNOM PENH
`);

/** Ports a generated sea manifest arrives at. */
export const SEA_DESTINATIONS = places(`
  GBFXT FELIXSTOWE
  GBLGP LONDON GATEWAY
  GBSOU SOUTHAMPTON
  NLRTM ROTTERDAM
  BEANR ANTWERP
  DEHAM HAMBURG
  DEBRV BREMERHAVEN
  FRLEH LE HAVRE
  ESALG ALGECIRAS
  ITSPE LA SPEZIA
  USNYC NEW YORK
  USLAX LOS ANGELES
`);

/** Transshipment hubs for ordinary cargo. */
export const SEA_HUBS = places(`
  SGSIN SINGAPORE
  MYTPP TANJUNG PELEPAS
  LKCMB COLOMBO
  AEJEA JEBEL ALI
  ESALG ALGECIRAS
  MAPTM TANGER MED
  GRPIR PIRAEUS
`);

/** Ports the cocaine profile loads at (never used by ordinary cargo). */
export const COCAINE_SOURCE_PORTS = places(`
  ECGYE GUAYAQUIL
  COBUN BUENAVENTURA
  COCTG CARTAGENA
  PAONX MANZANILLO
  PECLL CALLAO
  BRSSZ SANTOS
`);

/** Free zones the Pegasus profile routes through. */
export const FREE_ZONE_PORTS = places(`
  AEJEA JEBEL ALI
`);

/** Airports that ordinary air cargo leaves from. */
export const AIR_ORIGINS = places(`
  PVG SHANGHAI
  CAN GUANGZHOU
  HKG HONG KONG
  ICN SEOUL
  NRT TOKYO
  TPE TAIPEI
  SIN SINGAPORE
  BKK BANGKOK
  SGN HO CHI MINH CITY
  DEL DELHI
  BOM MUMBAI
  DAC DHAKA
  KHI KARACHI
  CMB COLOMBO
  DXB DUBAI
  IST ISTANBUL
  CAI CAIRO
  NBO NAIROBI
  ADD ADDIS ABABA
  JNB JOHANNESBURG
  GRU SAO PAULO
  EZE BUENOS AIRES
  SCL SANTIAGO
  MEX MEXICO CITY
  YYZ TORONTO
  KUL KUALA LUMPUR
  CGK JAKARTA
  MEL MELBOURNE
  AKL AUCKLAND
  TLV TEL AVIV
  ACC ACCRA
`);

/** Airports a generated air manifest (a flight) arrives at. */
export const AIR_DESTINATIONS = places(`
  LHR LONDON
  EMA EAST MIDLANDS
  FRA FRANKFURT
  AMS AMSTERDAM
  CDG PARIS
  LGG LIEGE
  BRU BRUSSELS
  MXP MILAN
  MAD MADRID
  LUX LUXEMBOURG
  WAW WARSAW
  JFK NEW YORK
  ORD CHICAGO
  MIA MIAMI
  LAX LOS ANGELES
`);

/** Air transit hubs. */
export const AIR_HUBS = places(`
  DXB DUBAI
  DOH DOHA
  IST ISTANBUL
  ICN SEOUL
  ADD ADDIS ABABA
`);

/** Airports the cocaine profile's air variant leaves from. */
export const COCAINE_SOURCE_AIRPORTS = places(`
  BOG BOGOTA
  UIO QUITO
  GYE GUAYAQUIL
  LIM LIMA
`);

/** Free-zone airport the Pegasus profile's air variant routes through. */
export const FREE_ZONE_AIRPORTS = places(`
  DWC DUBAI WORLD CENTRAL
`);

/** Country of an IATA airport code this module knows, for route countries. */
export function airportCountry(code: string): CountryCode | undefined {
  return AIRPORT_COUNTRY[code] as CountryCode | undefined;
}
