/*
 * What a planted target looks like, per profile, following docs/rule-sets.md and the public
 * typologies the rule packs rest on (WCO Programme Global Shield, Operation Pegasus on illicit
 * tobacco production equipment, SALW misdeclaration cases, CITES Appendix I species, container
 * rip-on/rip-off from South American ports). A target item keeps a real HS 2022 code where the
 * typology has one, so an `hsIn` rule finds it, and carries the words a `mentions` rule looks for.
 */

export interface TargetGoods {
  /** HS 2022 subheading (six digits); absent for goods declared without one. */
  readonly hs?: string;
  readonly texts: readonly string[];
  readonly kgPerPackage: readonly [number, number];
  readonly packages: readonly [number, number];
  readonly usdPerKg: readonly [number, number];
  readonly un?: string;
}

const t = (
  hs: string | undefined,
  texts: string,
  kgPerPackage: [number, number],
  packages: [number, number],
  usdPerKg: [number, number],
  un?: string,
): TargetGoods => ({
  ...(hs === undefined ? {} : { hs }),
  texts: texts.split('|'),
  kgPerPackage,
  packages,
  usdPerKg,
  ...(un === undefined ? {} : { un }),
});

/** Operation Pegasus: cigarette production equipment and materials. */
export const PEGASUS_GOODS: readonly TargetGoods[] = [
  t(
    '847810',
    'CIGARETTE MAKING MACHINE USED COMPLETE|USED CIGARETTE MAKING MACHINE WITH FEEDER|TOBACCO CUTTING AND CIGARETTE MAKING MACHINE',
    [2500, 9000],
    [1, 4],
    [8, 30],
  ),
  t('847810', 'FILTER ROD MAKER COMPLETE LINE|FILTER ROD MAKER WITH ROD TRAY FILLER', [2000, 6000], [1, 3], [8, 30]),
  t(
    '847890',
    'PARTS FOR CIGARETTE MAKING MACHINE GARNITURE TAPES|SPARE KNIVES FOR CIGARETTE MAKER',
    [20, 200],
    [2, 20],
    [20, 60],
  ),
  t('481320', 'CIGARETTE PAPER IN BOBBINS 27MM|CIGARETTE PAPER BOBBINS 26.5MM 6000M', [15, 30], [200, 900], [3, 6]),
  t('481320', 'TIPPING PAPER BOBBINS CORK PATTERN|TIPPING PAPER 64MM BOBBINS PRINTED', [15, 30], [200, 800], [3, 7]),
  t('550210', 'CELLULOSE ACETATE TOW 3.0Y35000|ACETATE TOW BALES FOR FILTERS', [500, 700], [20, 40], [4, 7]),
  t('560122', 'CIGARETTE FILTER RODS ACETATE 7.8MM|FILTER RODS 120MM FOR CIGARETTES', [8, 15], [400, 1200], [5, 10]),
  t(
    '240120',
    'LEAF TOBACCO VIRGINIA FLUE CURED STRIPS|UNMANUFACTURED TOBACCO LEAF STEMMED',
    [180, 200],
    [80, 110],
    [3, 8],
  ),
  t('240130', 'TOBACCO REFUSE STEMS AND SCRAPS|TOBACCO DUST AND SCRAPS', [150, 200], [80, 120], [0.5, 2]),
  t('842240', 'CIGARETTE PACKING MACHINE SOFT PACK|HINGE LID CIGARETTE PACKER USED', [3000, 8000], [1, 3], [8, 25]),
];

/** Global Shield: IED precursor chemicals, with synonyms and CAS numbers as shippers write them. */
export const GLOBAL_SHIELD_GOODS: readonly TargetGoods[] = [
  t(
    '310230',
    'AMMONIUM NITRATE PRILLS 34.5% N CAS 6484-52-2|AMMONIUM NITRATE POROUS PRILLED EXPLOSIVE GRADE CAS NO 6484-52-2|NH4NO3 AMMONIUM NITRATE FERTILIZER GRADE',
    [1000, 1000],
    [20, 27],
    [0.3, 0.5],
    '1942',
  ),
  t(
    '310240',
    'CALCIUM AMMONIUM NITRATE CAN 27% N CAS 15245-12-2|AMMONIUM NITRATE WITH CALCIUM CARBONATE 27N',
    [1000, 1000],
    [20, 26],
    [0.25, 0.4],
  ),
  t(
    '282911',
    'SODIUM CHLORATE CRYSTALS 99.5% CAS 7775-09-9|SODIUM CHLORATE NACLO3 INDUSTRIAL GRADE',
    [1000, 1000],
    [20, 25],
    [0.6, 1],
    '1495',
  ),
  t(
    '283421',
    'POTASSIUM NITRATE 99% TECHNICAL GRADE CAS 7757-79-1|SALTPETRE KNO3 CRYSTALS',
    [25, 25],
    [800, 1000],
    [0.7, 1.2],
    '1486',
  ),
  t(
    '280800',
    'NITRIC ACID 68% IN IBC CAS 7697-37-2|NITRIC ACID HNO3 TECHNICAL',
    [1200, 1400],
    [16, 20],
    [0.3, 0.6],
    '2031',
  ),
  t(
    '284700',
    'HYDROGEN PEROXIDE 50% CAS 7722-84-1|HYDROGEN PEROXIDE H2O2 35% IN DRUMS',
    [30, 30],
    [600, 800],
    [0.5, 1],
    '2014',
  ),
  t(
    '760310',
    'ALUMINIUM POWDER ATOMISED 45 MICRON CAS 7429-90-5|ALUMINIUM PASTE AND POWDER NON-LAMELLAR',
    [25, 25],
    [400, 800],
    [3, 6],
    '1396',
  ),
  t(
    '360360',
    'ELECTRIC DETONATORS NO. 8 IN BOXES|DETONATORS FOR MINING INDUSTRY',
    [10, 25],
    [20, 200],
    [20, 60],
    '0030',
  ),
  t('360320', 'DETONATING CORD 10G/M PETN|DETONATING CORD REELS FOR QUARRYING', [15, 25], [40, 300], [5, 15], '0065'),
];

/** Small arms and light weapons, declared honestly or as something else. */
export const SALW_GOODS: readonly TargetGoods[] = [
  t(
    '930200',
    'SEMI-AUTOMATIC PISTOLS 9MM|REVOLVERS .38 SPECIAL|PISTOLS CAL. 9X19 WITH MAGAZINES',
    [1, 2],
    [5, 60],
    [300, 900],
  ),
  t(
    '930591',
    'PARTS OF MILITARY WEAPONS BOLT CARRIERS|BARREL ASSEMBLIES FOR MILITARY RIFLES',
    [2, 15],
    [5, 80],
    [100, 400],
  ),
  t('930621', 'SHOTGUN CARTRIDGES 12 GAUGE|12 BORE CARTRIDGES NO 6 SHOT', [20, 25], [20, 200], [8, 20]),
  t('930630', 'AMMUNITION 9X19MM FMJ|CARTRIDGES 7.62X39MM', [15, 25], [20, 150], [10, 30]),
  t(
    '901310',
    'TELESCOPIC SIGHTS 4-16X50 FOR RIFLES|RIFLE SCOPE WITH RANGEFINDER RETICLE',
    [1, 3],
    [10, 100],
    [80, 300],
  ),
  t(
    '820559',
    'HAND TOOL SET WITH SLIDE AND BARREL|TOOLS INCL. SLIDE RAILS AND BARREL BLANKS',
    [5, 20],
    [2, 20],
    [40, 150],
  ),
  t(
    '820790',
    'INTERCHANGEABLE TOOLS BARREL RIFLING BUTTONS|CUTTING TOOLS FOR PISTOL SLIDE MACHINING',
    [5, 20],
    [2, 20],
    [40, 150],
  ),
];

/** What SALW goods are declared as when they are hidden (with an innocuous HS code). */
export const SALW_MISDECLARED: readonly TargetGoods[] = [
  t('732690', 'STEEL PIN SAMPLES', [2, 10], [1, 4], [20, 80]),
  t('847990', 'CONVERSION KIT', [2, 10], [1, 4], [20, 80]),
  t('950699', 'SPORTING GOODS', [2, 15], [1, 6], [15, 60]),
  t('848790', 'MACHINE PARTS', [2, 20], [1, 6], [15, 60]),
  t('848790', 'SPARE PARTS', [2, 20], [1, 6], [15, 60]),
  t(undefined, 'GIFT', [1, 8], [1, 3], [10, 50]),
];

/** CITES Appendix I wildlife products. */
export const CITES_GOODS: readonly TargetGoods[] = [
  t('050710', 'RAW IVORY TUSKS|ELEPHANT IVORY PIECES|IVORY TUSK SECTIONS POLISHED', [20, 40], [2, 20], [200, 900]),
  t('050790', 'PANGOLIN SCALES DRIED|DRIED PANGOLIN SCALES IN SACKS|RHINO HORN PIECES', [25, 50], [5, 80], [100, 600]),
  t('960110', 'WORKED IVORY CARVINGS|CARVED IVORY FIGURINES AND BANGLES', [5, 15], [1, 10], [200, 900]),
  t('960190', 'CARVED RHINO HORN CUPS|WORKED HORN AND BONE ORNAMENTS RHINO HORN', [2, 10], [1, 6], [300, 1500]),
];

/** Rip-on/rip-off cover loads: fruit in reefers from the source ports. */
export const COCAINE_COVER_GOODS: readonly TargetGoods[] = [
  t(
    '080390',
    'FRESH BANANAS CAVENDISH 18.14KG BOXES|FRESH GREEN BANANAS CLASS 1|ORGANIC BANANAS IN CARTONS',
    [18.14, 18.14],
    [1080, 1080],
    [0.5, 0.9],
  ),
  t('080430', 'FRESH PINEAPPLES MD2 CARTONS|FRESH PINEAPPLES GOLDEN SWEET', [12, 12], [1400, 1600], [0.5, 0.9]),
  t('080440', 'FRESH AVOCADOS HASS 4KG CARTONS|FRESH HASS AVOCADOS CLASS 1', [4, 10], [2000, 4800], [1.5, 2.8]),
];

/** The air variant: perishables flown from the source airports. */
export const COCAINE_AIR_GOODS: readonly TargetGoods[] = [
  t('060311', 'FRESH CUT ROSES FREEDOM 60CM|FRESH CUT ROSES ASSORTED COLOURS', [8, 15], [20, 200], [3, 7]),
  t('080450', 'FRESH MANGOES KENT|FRESH PHYSALIS IN CLAMSHELLS', [4, 6], [50, 400], [2, 5]),
];

/** Medicines declared vaguely. */
export const MEDICINE_GOODS: readonly TargetGoods[] = [
  t(
    '300490',
    'PHARMACEUTICAL SAMPLES|PHARMACEUTICAL SAMPLES NO COMMERCIAL VALUE|MEDICINES FOR PERSONAL USE',
    [2, 15],
    [1, 20],
    [2, 20],
  ),
  t('300420', 'PHARMACEUTICAL SAMPLES ANTIBIOTICS|SAMPLES OF PHARMACEUTICAL PRODUCTS', [2, 15], [1, 20], [2, 20]),
  t('300439', 'PHARMACEUTICAL SAMPLES HORMONE PRODUCTS|PHARMA SAMPLES FOR TESTING', [1, 10], [1, 10], [5, 40]),
];

/** Descriptions that say nothing about the goods. */
export const VAGUE_DESCRIPTIONS: readonly string[] = [
  'FAK',
  'FREIGHT ALL KINDS',
  'GENERAL CARGO',
  'CONSOLIDATED CARGO AS PER ATTACHED MANIFEST',
  'SAID TO CONTAIN GENERAL CARGO',
  'SAID TO CONTAIN {n} PACKAGES GENERAL CARGO',
  'STC {n} CARTONS GENERAL CARGO',
];
