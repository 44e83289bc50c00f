/*
 * Parts for plausible company names and addresses, per country. The stems are invented or are
 * ordinary words and place names; they are combined at random, so a generated name is not meant
 * to be any real firm. Postcode patterns: `9` a digit, `A` a letter, anything else literal.
 */

export interface CountryParties {
  /** Distinctive first words of a company name. */
  readonly stems: readonly string[];
  /** What the company does, as its name says it. */
  readonly trades: readonly string[];
  /** Legal forms, with the variants a keyer writes for the same one (the first is the usual). */
  readonly legalForms: readonly (readonly string[])[];
  readonly cities: readonly string[];
  /** Street names; `#` is replaced by a house or unit number. */
  readonly streets: readonly string[];
  readonly postcode?: string;
  /** Whether the city comes first in the name (`NINGBO HUAXIN TEXTILE CO LTD`). */
  readonly cityInName?: boolean;
}

const s = (text: string): readonly string[] => text.split('|');
const forms = (text: string): readonly (readonly string[])[] => text.split('|').map((f) => f.split('/'));

const TRADES_GENERIC = s(
  'TRADING|INTERNATIONAL|INDUSTRIES|IMPORT EXPORT|MANUFACTURING|LOGISTICS|SUPPLY|DISTRIBUTION|ENTERPRISES|GLOBAL',
);

export const COUNTRY_PARTIES: Readonly<Record<string, CountryParties>> = {
  CN: {
    stems: s(
      'HUAXIN|ZHONGTAI|XINGDA|JINLONG|HENGYUAN|TIANRUI|MINGSHENG|HONGDA|YONGFENG|DONGFANG|KAIYUAN|SHENGLI|FUXING|HAITIAN',
    ),
    trades: s(
      'TEXTILE IMPORT AND EXPORT|INDUSTRIAL|ELECTRONICS TECHNOLOGY|HOUSEWARE|MACHINERY|CHEMICAL|LIGHTING|PLASTIC PRODUCTS|FURNITURE|TRADING',
    ),
    legalForms: forms('CO LTD/CO., LTD./COMPANY LIMITED/CO LIMITED|CO LTD/CO.,LTD/CO. LIMITED'),
    cities: s('NINGBO|SHANGHAI|SHENZHEN|GUANGZHOU|QINGDAO|XIAMEN|YIWU|TIANJIN|HANGZHOU|FOSHAN'),
    streets: s(
      'NO. # JIANGNAN ROAD|# XINGYE AVENUE|ROOM #, BUILDING 3, KEJI PARK|NO. # HUANCHENG NORTH ROAD|# GONGYE ROAD',
    ),
    postcode: '999999',
    cityInName: true,
  },
  HK: {
    stems: s('PEARL|HARBOUR VIEW|GOLDEN BAUHINIA|KOWLOON|ORIENT STAR|VICTORIA|JADE GATE|SUNRISE'),
    trades: TRADES_GENERIC,
    legalForms: forms('LIMITED/LTD/CO LTD|HOLDINGS LIMITED/HOLDINGS LTD'),
    cities: s('KOWLOON|KWUN TONG|TSUEN WAN|SHEUNG WAN'),
    streets: s('UNIT #, 12/F, HOI BUN ROAD|UNIT #, 8/F, CANTON ROAD|ROOM #, KWAI CHUNG PLAZA'),
  },
  KR: {
    stems: s('HANIL|DAESUNG|SEOHAE|HYOSAN|MIRAE|SAMJIN|DONGBANG|KUKJE'),
    trades: s('CORPORATION|INDUSTRIAL|CHEMICAL|TIRE|ELECTRONICS|PETROCHEMICAL'),
    legalForms: forms('CO LTD/CO., LTD./COMPANY LIMITED|CORP/CORPORATION'),
    cities: s('BUSAN|INCHEON|ULSAN|CHANGWON|SEOUL'),
    streets: s('# SINHANG-RO|# GONGDAN-RO|# TEHERAN-RO'),
    postcode: '99999',
  },
  JP: {
    stems: s('YAMATO|KAWASHIMA|TOYOKAWA|MINATO|SAKURA|NISHIKAZE|HOKUSEI'),
    trades: s('SHOJI|TRADING|INDUSTRIES|AUTO EXPORT|MACHINERY'),
    legalForms: forms('CO LTD/CO., LTD./KABUSHIKI KAISHA|CORPORATION/CORP'),
    cities: s('YOKOHAMA|OSAKA|NAGOYA|KOBE|TOKYO'),
    streets: s('#-2-1 KAIGAN DORI|3-#-5 MINATOMIRAI|#-1 HONCHO'),
    postcode: '999-9999',
  },
  TW: {
    stems: s('FORMOSA BRIGHT|CHIAHSIN|YUNGFU|TAIHO|HSINTAI'),
    trades: s('ENTERPRISE|INDUSTRIAL|FASTENER|BICYCLE|ELECTRONICS'),
    legalForms: forms('CO LTD/CO., LTD./COMPANY LIMITED|CORP/CORPORATION'),
    cities: s('KAOHSIUNG|TAICHUNG|TAINAN|TAIPEI'),
    streets: s('NO. #, ZHONGSHAN RD|NO. #, LANE 5, MINZU RD'),
    postcode: '999',
  },
  VN: {
    stems: s('THANH CONG|HOANG LONG|VIET HUNG|PHU THINH|TAN PHAT|MINH KHANG|AN PHU'),
    trades: s('GARMENT|FOOTWEAR|FURNITURE|AGRICULTURAL PRODUCTS|SEAFOOD|TRADING'),
    legalForms: forms('CO LTD/COMPANY LIMITED/CO., LTD.|JOINT STOCK COMPANY/JSC'),
    cities: s('HO CHI MINH CITY|HAIPHONG|BINH DUONG|DONG NAI|HANOI'),
    streets: s('LOT #, TAN BINH INDUSTRIAL PARK|# NGUYEN VAN LINH STREET|# VSIP II ROAD'),
  },
  TH: {
    stems: s('SIAM PRIME|CHAO PHRAYA|THAI ROYAL|BANGPOO|RATCHABURI|SUVARNA'),
    trades: s('RICE|FOODS|RUBBER|TRADING|INDUSTRY'),
    legalForms: forms('CO LTD/CO., LTD./COMPANY LIMITED|PUBLIC COMPANY LIMITED/PCL'),
    cities: s('BANGKOK|CHONBURI|SAMUT PRAKAN|RAYONG'),
    streets: s('# MOO 4, SUKHUMVIT ROAD|# SOI LADPRAO 71|# BANGNA-TRAD KM 23'),
    postcode: '99999',
  },
  MY: {
    stems: s('SRI MEGAH|PERMATA|KLANG VALLEY|BUKIT JAYA|SEBERANG'),
    trades: s('PALM OIL|WOOD INDUSTRIES|RUBBER PRODUCTS|TRADING|PLASTICS'),
    legalForms: forms('SDN BHD/SDN. BHD./SENDIRIAN BERHAD|BHD/BERHAD'),
    cities: s('PORT KLANG|SHAH ALAM|JOHOR BAHRU|PENANG'),
    streets: s('LOT #, JALAN PERUSAHAAN 2|NO. #, JALAN SUNGAI PUTERI'),
    postcode: '99999',
  },
  SG: {
    stems: s('LION GATE|STRAITS|MERLION BAY|KEPPEL HILL|JURONG'),
    trades: TRADES_GENERIC,
    legalForms: forms('PTE LTD/PTE. LTD./PRIVATE LIMITED'),
    cities: s('SINGAPORE'),
    streets: s('# TUAS AVENUE 8|# PIONEER ROAD|# CHANGI SOUTH LANE'),
    postcode: '999999',
  },
  ID: {
    stems: s('SINAR MAS JAYA|KARYA ABADI|MITRA SEJATI|CAHAYA BARU|TUNAS MUDA'),
    trades: s('INDUSTRI|PAPER MILLS|FOOTWEAR|TRADING'),
    legalForms: forms('PT/P.T.'),
    cities: s('JAKARTA|SURABAYA|BEKASI|TANGERANG'),
    streets: s('JL. RAYA CAKUNG NO. #|KAWASAN INDUSTRI PULOGADUNG BLOK #'),
    postcode: '99999',
  },
  IN: {
    stems: s('SHREE GANESH|VARDHMAN PRIME|KRISHNA|ANAND|MAHALAXMI|SURYA|BHARAT|NAVKAR|RAJHANS'),
    trades: s('EXPORTS|TEXTILES|SPINNING MILLS|OVERSEAS|AGRO FOODS|ENGINEERING|IMPEX'),
    legalForms: forms('PVT LTD/PRIVATE LIMITED/PVT. LTD.|LTD/LIMITED|LLP'),
    cities: s('MUMBAI|TIRUPUR|LUDHIANA|AHMEDABAD|CHENNAI|NEW DELHI|KOLKATA|SURAT'),
    streets: s('PLOT NO. #, MIDC INDUSTRIAL AREA|# GIDC ESTATE|SURVEY NO. #, NH 48'),
    postcode: '999999',
  },
  BD: {
    stems: s('RUPALI|MEGHNA|PADMA|SONAR BANGLA|JAMUNA'),
    trades: s('APPARELS|KNITWEAR|GARMENTS|FASHIONS|TEXTILES'),
    legalForms: forms('LTD/LIMITED|PVT LTD/PRIVATE LIMITED'),
    cities: s('DHAKA|CHITTAGONG|GAZIPUR|NARAYANGANJ'),
    streets: s('PLOT #, DEPZ|HOLDING #, TONGI INDUSTRIAL AREA'),
    postcode: '9999',
  },
  PK: {
    stems: s('AL NOOR|INDUS|CRESCENT STAR|RAVI|MEHRAN'),
    trades: s('TEXTILE MILLS|RICE MILLS|DENIM|HOME TEXTILES|EXPORTS'),
    legalForms: forms('PVT LTD/(PVT) LTD/PRIVATE LIMITED|LTD/LIMITED'),
    cities: s('KARACHI|FAISALABAD|LAHORE|SIALKOT'),
    streets: s('PLOT #, SITE AREA|# KORANGI INDUSTRIAL AREA'),
    postcode: '99999',
  },
  LK: {
    stems: s('LANKA HILLS|RUHUNA|KANDYAN|SERENDIB'),
    trades: s('TEA EXPORTERS|TEA TRADING|EXPORTS'),
    legalForms: forms('PVT LTD/(PVT) LTD/PRIVATE LIMITED'),
    cities: s('COLOMBO|KANDY|NEGOMBO'),
    streets: s('# GALLE ROAD|# BASELINE ROAD'),
    postcode: '99999',
  },
  AE: {
    stems: s('AL MANARA|GULF STAR|DESERT ROSE|AL BURJ|EMIRATES BRIDGE|AL SAHRA|OASIS LINK|CRESCENT BAY'),
    trades: s('GENERAL TRADING|INDUSTRIAL SUPPLIES|PETROLEUM PRODUCTS|TRADING|LOGISTICS'),
    legalForms: forms('LLC/L.L.C./LIMITED LIABILITY COMPANY|FZE/F.Z.E.|FZCO/F.Z.CO'),
    cities: s('DUBAI|JEBEL ALI FREE ZONE|SHARJAH|ABU DHABI'),
    streets: s('WAREHOUSE #, JAFZA SOUTH|OFFICE #, AL QUSAIS INDUSTRIAL AREA|PLOT #, DUBAI INVESTMENTS PARK'),
  },
  SA: {
    stems: s('AL RAJHI NOOR|ARABIAN SANDS|RED SEA|NAJD'),
    trades: s('PETROCHEMICAL|TRADING|INDUSTRIAL'),
    legalForms: forms('CO/COMPANY|LLC/L.L.C.'),
    cities: s('JEDDAH|JUBAIL|RIYADH|DAMMAM'),
    streets: s('# KING ABDULAZIZ ROAD|INDUSTRIAL CITY PHASE #'),
    postcode: '99999',
  },
  TR: {
    stems: s('ANADOLU|MARMARA|EGE YILDIZ|KARADENIZ|TOROS|BOGAZICI|ATLAS'),
    trades: s('TEKSTIL|GIDA|SERAMIK|ORMAN URUNLERI|DIS TICARET|BEYAZ ESYA'),
    legalForms: forms('A.S./AS/ANONIM SIRKETI|LTD STI/LTD. STI./LIMITED SIRKETI'),
    cities: s('ISTANBUL|IZMIR|BURSA|MERSIN|KAYSERI|GAZIANTEP'),
    streets: s('ORGANIZE SANAYI BOLGESI # CAD.|ATATURK BULVARI NO: #'),
    postcode: '99999',
  },
  EG: {
    stems: s('NILE DELTA|PHAROS|AL NASR|SINAI'),
    trades: s('AGRICULTURAL EXPORT|FOOD INDUSTRIES|TRADING'),
    legalForms: forms('SAE/S.A.E.|LLC'),
    cities: s('ALEXANDRIA|CAIRO|10TH OF RAMADAN'),
    streets: s('# INDUSTRIAL ZONE A|# EL HORREYA ROAD'),
    postcode: '99999',
  },
  ZA: {
    stems: s('CAPE VALLEY|KAROO|HIGHVELD|DRAKENSBERG|GOLDEN REEF'),
    trades: s('FRUIT EXPORTS|WINES|TRADING|AGRI'),
    legalForms: forms('(PTY) LTD/PTY LTD/PROPRIETARY LIMITED'),
    cities: s('CAPE TOWN|DURBAN|PAARL|JOHANNESBURG'),
    streets: s('# VOORTREKKER ROAD|UNIT #, DOCK ROAD'),
    postcode: '9999',
  },
  KE: {
    stems: s('NAIVASHA|RIFT VALLEY|KILIMA|MOMBASA COAST'),
    trades: s('FLOWERS|TEA BROKERS|EXPORTERS|TRADING'),
    legalForms: forms('LTD/LIMITED'),
    cities: s('NAIROBI|MOMBASA|NAIVASHA'),
    streets: s('# MOMBASA ROAD|PLOT #, ENTERPRISE ROAD'),
  },
  BR: {
    stems: s('SERRA AZUL|PARANA SUL|BOA VISTA|RIO VERDE|IPANEMA|SAO JORGE|NOVA ERA'),
    trades: s('ALIMENTOS|EXPORTADORA|AGRONEGOCIOS|CELULOSE|COMERCIO'),
    legalForms: forms('LTDA/LIMITADA|S.A./SA'),
    cities: s('SAO PAULO|CURITIBA|PORTO ALEGRE|ITAJAI|CAMPINAS'),
    streets: s('RUA DAS INDUSTRIAS, #|AVENIDA BRASIL, #|RODOVIA BR-101 KM #'),
    postcode: '99999-999',
  },
  AR: {
    stems: s('PAMPA SUR|LOS ANDES|RIO DE LA PLATA|TIERRA FIRME'),
    trades: s('FRIGORIFICO|ACEITERA|EXPORTADORA'),
    legalForms: forms('S.A./SA|S.R.L./SRL'),
    cities: s('BUENOS AIRES|ROSARIO|CORDOBA'),
    streets: s('AV. CORRIENTES #|RUTA 9 KM #'),
    postcode: 'A9999AAA',
  },
  CL: {
    stems: s('VALLE CENTRAL|ANDES FRESH|PACIFICO SUR|ATACAMA'),
    trades: s('EXPORTADORA|FRUTICOLA|VINOS|MADERAS'),
    legalForms: forms('S.A./SA|SPA/S.P.A.|LTDA/LIMITADA'),
    cities: s('SANTIAGO|RANCAGUA|TALCA|CONCEPCION'),
    streets: s('AVENIDA LAS CONDES #|CAMINO A MELIPILLA #'),
    postcode: '9999999',
  },
  US: {
    stems: s('LAKESHORE|BLUE RIDGE|PIEDMONT|GOLDEN STATE|LIBERTY BAY|SUMMIT|PRAIRIE|CASCADE|GULF COAST'),
    trades: s('IMPORTS|DISTRIBUTION|SUPPLY|HOME PRODUCTS|FOODS|INDUSTRIES|TRADING'),
    legalForms: forms('INC/INC./INCORPORATED|LLC/L.L.C.|CORP/CORPORATION/CORP.'),
    cities: s('NEWARK|EDISON|LOS ANGELES|SAVANNAH|HOUSTON|CHICAGO|MIAMI|ATLANTA'),
    streets: s('# INDUSTRIAL PARKWAY|# COMMERCE DRIVE|# PORT JERSEY BLVD|SUITE #, 200 MARKET STREET'),
    postcode: '99999',
  },
  GB: {
    stems: s('NORTHGATE|ASHFORD|BRIDGEWAY|KINGSMERE|REDHILL|OAKRIDGE|HARBOURSIDE|PENNINE|WESSEX|THAMES VALLEY|MERCIA'),
    trades: s('TRADING|DISTRIBUTION|IMPORTS|FOODS|HOME GOODS|WHOLESALE|SUPPLIES|PACKAGING SOLUTIONS'),
    legalForms: forms('LTD/LIMITED/LTD.|UK LTD/UK LIMITED|PLC/P.L.C.'),
    cities: s('BIRMINGHAM|MANCHESTER|LEEDS|BRADFORD|LEICESTER|LONDON|BRISTOL|IPSWICH|GLASGOW|LIVERPOOL'),
    streets: s('UNIT #, DOCK ROAD|UNIT #, WESTFIELD INDUSTRIAL ESTATE|# STATION ROAD|# CANAL STREET'),
    postcode: 'A9 9AA',
  },
  DE: {
    stems: s('NORDSEE|RHEINTAL|HANSE|ELBE|ALPENBLICK|SCHWARZWALD|WESERLAND'),
    trades: s('HANDELS|IMPORT|LOGISTIK|MASCHINENBAU|LEBENSMITTEL|VERTRIEBS'),
    legalForms: forms('GMBH/GMBH & CO. KG/G.M.B.H.|AG'),
    cities: s('HAMBURG|BREMEN|DUISBURG|FRANKFURT AM MAIN|MUENCHEN|HANNOVER|KOELN'),
    streets: s('HAFENSTRASSE #|INDUSTRIESTRASSE #|AM SANDTORKAI #'),
    postcode: '99999',
  },
  NL: {
    stems: s('MAASVLAKTE|POLDERLAND|VAN DER BERG|DE HAVEN|WESTLAND|ZUIDER'),
    trades: s('HANDELSMAATSCHAPPIJ|IMPORT|FRESH|TRADING|LOGISTICS'),
    legalForms: forms('B.V./BV/BESLOTEN VENNOOTSCHAP|N.V./NV'),
    cities: s('ROTTERDAM|VENLO|TILBURG|AMSTERDAM|NAALDWIJK'),
    streets: s('HAVENWEG #|INDUSTRIEWEG #|KEILEWEG #'),
    postcode: '9999 AA',
  },
  BE: {
    stems: s('SCHELDE|VLAANDEREN|ARDENNEN|KEMPEN'),
    trades: s('TRADING|FOODS|IMPORT|LOGISTICS'),
    legalForms: forms('NV/N.V.|BV/B.V.|SA/S.A.'),
    cities: s('ANTWERPEN|GENT|LIEGE|BRUSSEL'),
    streets: s('HAVENSTRAAT #|NOORDERLAAN #'),
    postcode: '9999',
  },
  FR: {
    stems: s('ATLANTIQUE|PROVENCE|NORMANDIE|RIVE GAUCHE|BEAUREGARD|VAL DE LOIRE'),
    trades: s('DISTRIBUTION|IMPORT|NEGOCE|VINS|COSMETIQUES'),
    legalForms: forms('SAS/S.A.S.|SARL/S.A.R.L.|SA/S.A.'),
    cities: s('LE HAVRE|LYON|MARSEILLE|BORDEAUX|LILLE|PARIS'),
    streets: s('# RUE DE LA REPUBLIQUE|# AVENUE DU PORT|ZONE INDUSTRIELLE, # RUE DES ENTREPRENEURS'),
    postcode: '99999',
  },
  IT: {
    stems: s('MEDITERRANEA|TOSCANA|ADRIATICA|LOMBARDA|VESUVIO'),
    trades: s('IMPORT EXPORT|COMMERCIALE|ALIMENTARI|VALVOLE|VINI'),
    legalForms: forms('SRL/S.R.L.|SPA/S.P.A.'),
    cities: s('MILANO|GENOVA|NAPOLI|BOLOGNA|VERONA'),
    streets: s('VIA INDUSTRIALE #|VIA ROMA #|VIA DEL PORTO #'),
    postcode: '99999',
  },
  ES: {
    stems: s('LEVANTE|IBERICA|COSTA AZAHAR|CASTILLA|ANDALUZA'),
    trades: s('IMPORTACIONES|DISTRIBUCIONES|CERAMICAS|ALIMENTACION|COMERCIAL'),
    legalForms: forms('SL/S.L./SOCIEDAD LIMITADA|SA/S.A.'),
    cities: s('VALENCIA|CASTELLON|MADRID|BARCELONA|SEVILLA'),
    streets: s('CALLE INDUSTRIA #|POLIGONO INDUSTRIAL EL OLIVERAL, NAVE #'),
    postcode: '99999',
  },
  PL: {
    stems: s('BALTYK|WISLA|MAZOWSZE|POMORZE'),
    trades: s('HANDEL|IMPORT|DYSTRYBUCJA|LOGISTYKA'),
    legalForms: forms('SP. Z O.O./SP Z OO/SPOLKA Z O.O.|S.A./SA'),
    cities: s('GDANSK|WARSZAWA|POZNAN|LODZ'),
    streets: s('UL. PRZEMYSLOWA #|UL. PORTOWA #'),
    postcode: '99-999',
  },
  SE: {
    stems: s('NORRSKOG|VASTKUST|MALARDAL'),
    trades: s('TRA|TIMBER|TRADING'),
    legalForms: forms('AB/AKTIEBOLAG'),
    cities: s('GOTEBORG|SUNDSVALL|VAXJO'),
    streets: s('HAMNGATAN #|INDUSTRIVAGEN #'),
    postcode: '999 99',
  },
  MX: {
    stems: s('AZTECA|SIERRA MADRE|BAJIO|GOLFO'),
    trades: s('COMERCIALIZADORA|ALIMENTOS|ELECTRONICA'),
    legalForms: forms('S.A. DE C.V./SA DE CV'),
    cities: s('GUADALAJARA|MONTERREY|TIJUANA|CIUDAD DE MEXICO'),
    streets: s('AV. INDUSTRIAL #|CALLE NORTE #'),
    postcode: '99999',
  },
  NZ: {
    stems: s('BAY OF PLENTY|KAIMAI|SOUTHERN ALPS'),
    trades: s('ORCHARDS|EXPORTS|FOODS'),
    legalForms: forms('LIMITED/LTD'),
    cities: s('TAURANGA|TE PUKE|AUCKLAND'),
    streets: s('# HEWLETTS ROAD|# TOTARA STREET'),
    postcode: '9999',
  },
};

/** Parts for a country with no table of its own: neutral English words. */
export const GENERIC_PARTIES: CountryParties = {
  stems: s('UNITED|CONTINENTAL|PRIME|NEW HORIZON|EVEREST|CROWN|ATLAS|SILVERLINE|EASTERN STAR|PIONEER'),
  trades: TRADES_GENERIC,
  legalForms: forms('LTD/LIMITED/LTD.|CO LTD/COMPANY LIMITED|SA/S.A.'),
  cities: s('CENTRAL DISTRICT'),
  streets: s('# HARBOUR ROAD|PLOT #, INDUSTRIAL AREA|# MAIN STREET'),
};

/** Surnames and initials for private consignees (the residential addresses of the SALW profile). */
export const PERSON_SURNAMES = s('SMITH|JONES|TAYLOR|BROWN|WILLIAMS|PATEL|KHAN|MURPHY|NOWAK|WALKER|HUGHES|EVANS');
export const RESIDENTIAL_STREETS = s('HIGH STREET|CHURCH ROAD|VICTORIA ROAD|MILL LANE|PARK AVENUE|QUEENS ROAD');
