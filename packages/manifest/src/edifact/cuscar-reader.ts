import { ManifestParseError } from '../errors.js';
import { isValidContainerNumber } from '../model/codes.js';
import {
  type Consignment,
  type Container,
  type GoodsItem,
  type ManifestHeader,
  ManifestHeaderSchema,
  type Party,
  type SourceLocation,
  type Transport,
} from '../model/manifest.js';
import { ISSUE_CODES, type ParseIssue } from '../model/parse-issue.js';
import { checkConsignment, containerWarnings } from '../model/validate-consignment.js';
import { finishResult, type ParseResult, type ReaderContext, ResultBuilder } from '../parse/parse-result.js';
import type { ConsignmentSink, IncrementalReader } from '../stream/incremental-reader.js';
import { codeKey, keyedSet, keyedTable } from './code-key.js';
import {
  DTM_TRANSPORT,
  EQD_CONTAINER,
  edifactDate,
  LOC_ROUTE,
  LOC_TRANSPORT,
  MEA_PROPERTY,
  MEA_PURPOSE,
  MOA_VALUE,
  NAD_ROLE,
  PIA_TARIFF_TYPES,
  RFF_NUMBER,
  TRANSPORT_MODE,
  VOLUME_TO_M3,
  WEIGHT_TO_KG,
} from './cuscar-mapping.js';
import { type EdifactSegment, EdifactTokenizer, type TokenizerProblem, tagCode } from './edifact-tokenizer.js';
import {
  MAX_CONTAINERS,
  MAX_GOODS,
  plainContainer,
  plainGoodsItem,
  plainId,
  plainlyValid,
  plainParty,
  plainRoute,
  plainTotals,
} from './plainly-valid.js';

/*
 * The CUSCAR segment driver. The tokenizer hands it one segment at a time; it keeps just the
 * open message and the open consignment, so an interchange of any size streams through.
 *
 * Structure read (UN/EDIFACT CUSCAR, D.95B to D.00B): UNB · UNH · BGM · DTM · TDT · LOC · NAD+CA
 * at message level, then per consignment CNI · RFF · LOC · NAD · MEA · MOA · GID (goods item:
 * FTX+AAA, PIA, RFF+HS, GDS, MEA, MOA, SGP, DGS, LOC+27) · EQD (SEL) …, CNT, UNT, UNZ.
 * Where the tariff code is read, first found wins: PIA with item type HS, then RFF+HS, then GDS
 * (a national-subset habit; GDS 7085 is a nature-of-cargo code in the directory).
 *
 * Not mapped, because the model has no place for them: message-level CNT control totals,
 * equipment weights, a goods item's own volume.
 */

const FORMAT = 'cuscar';
// Lists stop growing one past the schema's largest maximum, so the schema still rejects them
// while a hostile input cannot make them grow without bound.
const MAX_LIST = 1000;

// Drafts are made with every field present (undefined until read): one shape from the start,
// instead of a new hidden class and a grown property store per field a segment fills in.
interface ItemDraft {
  seq: number;
  segment: number;
  line: number;
  /** The first line of description; `more` the lines after it. */
  description: string | undefined;
  more: string[];
  descriptionLength: number;
  hs: string | undefined;
  hsFrom: 'pia' | 'rff' | 'gds' | undefined;
  packages: number | undefined;
  grossKg: number | undefined;
  origin: string | undefined;
  value: { amount: number; currency: string } | undefined;
  containerRefs: string[];
  dangerousGoods: string | undefined;
}

interface ConsignmentDraft {
  location: SourceLocation;
  documentNumber: string | undefined;
  bill: string | undefined;
  house: string | undefined;
  master: string | undefined;
  parties: Record<string, Party>;
  loading: string | undefined;
  loadingOriginal: string | undefined;
  discharge: string | undefined;
  delivery: string | undefined;
  transshipments: string[];
  /** How many goods items were opened (past the limit: one more); their drafts are CuscarDriver#items. */
  itemCount: number;
  containers: Container[];
  grossKg: number | undefined;
  volumeM3: number | undefined;
  declaredValue: { amount: number; currency: string } | undefined;
  errors: ParseIssue[];
  warnings: ParseIssue[];
  /** False once a party was kept that plainlyValid would not pass. */
  plainParties: boolean;
}

interface MessageState {
  index: number;
  reference: string;
  count: number;
  segment: number;
  line: number;
  skip: boolean;
}

// Where a tariff code was read from, most trusted first.
const HS_SOURCE_RANK = { pia: 0, rff: 1, gds: 2 } as const;

type Zone = 'message' | 'consignment' | 'item' | 'equipment' | 'other';

// Segment tags as numbers: the driver tells segments apart without making a string of the tag.
const UNB = tagCode('UNB');
const UNZ = tagCode('UNZ');
const UNH = tagCode('UNH');
const UNT = tagCode('UNT');
const UNG = tagCode('UNG');
const UNE = tagCode('UNE');
const CNI = tagCode('CNI');
const CNT = tagCode('CNT');
const BGM = tagCode('BGM');
const TDT = tagCode('TDT');
const LOC = tagCode('LOC');
const DTM = tagCode('DTM');
const NAD = tagCode('NAD');
const GID = tagCode('GID');
const EQD = tagCode('EQD');
const SEL = tagCode('SEL');
const RFF = tagCode('RFF');
const FTX = tagCode('FTX');
const PIA = tagCode('PIA');
const GDS = tagCode('GDS');
const MEA = tagCode('MEA');
const MOA = tagCode('MOA');
const SGP = tagCode('SGP');
const DGS = tagCode('DGS');
// The first two letters of the service segments' tags (UNB, UNH, UNT, UNZ, UNG, UNE, UNS…).
const UN = 0x554e;

// The code lists keyed by code key, so a qualifier is looked up straight from the bytes.
const BY_KEY = {
  locRoute: keyedTable(LOC_ROUTE),
  locTransport: keyedTable(LOC_TRANSPORT),
  nadRole: keyedTable(NAD_ROLE),
  rffNumber: keyedTable(RFF_NUMBER),
  transportMode: keyedTable(TRANSPORT_MODE),
  meaProperty: keyedTable(MEA_PROPERTY),
  weightToKg: keyedTable(WEIGHT_TO_KG),
  volumeToM3: keyedTable(VOLUME_TO_M3),
  piaTariffTypes: keyedSet(PIA_TARIFF_TYPES),
  meaPurpose: keyedSet(MEA_PURPOSE),
  moaValue: keyedSet(MOA_VALUE),
  eqdContainer: keyedSet(EQD_CONTAINER),
};
const CA = codeKey('CA');
const AAA = codeKey('AAA');
const ORIGINAL_LOADING = codeKey('76');

/** Element `element`'s first `limit` components, trimmed, the empty ones left out. */
function nonEmpty(s: EdifactSegment, element: number, limit = Number.POSITIVE_INFINITY): string[] {
  let out: string[] = NONE;
  const n = Math.min(limit, s.componentCount(element));
  for (let i = 0; i < n; i++) {
    const t = s.trimmed(element, i);
    if (t !== undefined) out = append(out, t);
  }
  return out;
}

/*
 * A manifest holds hundreds of thousands of short lists (container references, address lines,
 * seals), most of one element. An array that grew by `push` keeps room for 16 more, so lists
 * start as a literal of their first element (`append`) and are cut to size when kept (`exact`).
 */
const append = <T>(a: T[], v: T): T[] => {
  if (a.length === 0) return [v];
  a.push(v);
  return a;
};
const exact = <T>(a: T[]): T[] => (a.length <= 1 ? a : a.slice());
/*
 * Drafts are reused from one consignment to the next (their lists of items, errors and warnings
 * too), so a large manifest does not leave a draft per consignment and per goods item for the
 * garbage collector. Lists that end up in the model start as NONE, which `append` never grows
 * (its first element makes a new list), and become a list of their own when kept (`owned`).
 */
const NONE: never[] = [];
const owned = <T>(a: T[]): T[] => (a.length === 0 ? [] : exact(a));

/*
 * Drafts are reused from one consignment (or goods item) to the next, so each has a maker, which gives
 * every field in one literal (one object shape), and a reset beside it that puts back the same values:
 * a field added to a draft goes into both.
 */
function newItemDraft(): ItemDraft {
  return {
    seq: 0,
    segment: 0,
    line: 0,
    description: undefined,
    more: NONE,
    descriptionLength: 0,
    hs: undefined,
    hsFrom: undefined,
    packages: undefined,
    grossKg: undefined,
    origin: undefined,
    value: undefined,
    containerRefs: NONE,
    dangerousGoods: undefined,
  };
}

/** A used item draft back to newItemDraft's values (seq, segment and line are set by whoever opens it). */
function resetItemDraft(item: ItemDraft): void {
  item.description = undefined;
  item.more = NONE;
  item.descriptionLength = 0;
  item.hs = undefined;
  item.hsFrom = undefined;
  item.packages = undefined;
  item.grossKg = undefined;
  item.origin = undefined;
  item.value = undefined;
  item.containerRefs = NONE;
  item.dangerousGoods = undefined;
}

function newConsignmentDraft(location: SourceLocation): ConsignmentDraft {
  return {
    location,
    documentNumber: undefined,
    bill: undefined,
    house: undefined,
    master: undefined,
    parties: {},
    loading: undefined,
    loadingOriginal: undefined,
    discharge: undefined,
    delivery: undefined,
    transshipments: NONE,
    itemCount: 0,
    containers: NONE,
    grossKg: undefined,
    volumeM3: undefined,
    declaredValue: undefined,
    errors: [],
    warnings: [],
    plainParties: true,
  };
}

/** A used consignment draft back to newConsignmentDraft's values, keeping its issue lists (emptied). */
function resetConsignmentDraft(d: ConsignmentDraft, location: SourceLocation): void {
  d.location = location;
  d.documentNumber = undefined;
  d.bill = undefined;
  d.house = undefined;
  d.master = undefined;
  d.parties = {};
  d.loading = undefined;
  d.loadingOriginal = undefined;
  d.discharge = undefined;
  d.delivery = undefined;
  d.transshipments = NONE;
  d.itemCount = 0;
  d.containers = NONE;
  d.grossKg = undefined;
  d.volumeM3 = undefined;
  d.declaredValue = undefined;
  if (d.errors.length !== 0) d.errors.length = 0;
  if (d.warnings.length !== 0) d.warnings.length = 0;
  d.plainParties = true;
}

class CuscarDriver {
  private interchange: { reference: string; messages: number; segment: number } | undefined;
  private sawInterchange = false;
  private message: MessageState | undefined;
  private messages = 0;
  private draft: ConsignmentDraft | undefined;
  /** The draft of the consignment before, for the next one to reuse. */
  private spare: ConsignmentDraft | undefined;
  /** Goods item drafts, by position in the consignment, reused by every consignment. */
  private readonly items: ItemDraft[] = [];
  private item: ItemDraft | undefined;
  private container: Container | undefined;
  private zone: Zone = 'message';
  private headerSent = false;
  private documentId: string | undefined;
  private transport: Partial<Transport> & { departure: Record<string, string>; arrival: Record<string, string> } = {
    departure: {},
    arrival: {},
  };
  private sawTransport = false;
  /** Where the TDT segment read stands, for the warning when it gives no mode. */
  private transportAt: SourceLocation | undefined;
  private readonly maxItems: number;

  constructor(
    private readonly ctx: ReaderContext,
    private readonly sink: ConsignmentSink,
  ) {
    this.maxItems = ctx.limits.maxItemsPerConsignment;
  }

  private where(s: { index: number; line: number }): SourceLocation {
    const m = this.message;
    return m === undefined
      ? { format: FORMAT, segment: s.index, line: s.line }
      : { format: FORMAT, message: m.index, segment: s.index, line: s.line };
  }

  private note(code: string, message: string, location: SourceLocation, severity: 'error' | 'warning' = 'error') {
    this.sink.note({ code, severity, message, location });
  }

  problem(p: TokenizerProblem): void {
    const location: SourceLocation = {
      format: FORMAT,
      ...(this.message === undefined ? {} : { message: this.message.index }),
      segment: p.segment,
      line: p.line,
    };
    const issue: ParseIssue = { code: p.code, severity: 'error', message: p.message, location };
    // A segment lost inside a consignment makes that consignment untrustworthy; elsewhere it is a note.
    if (this.draft !== undefined) this.draft.errors.push(issue);
    else this.sink.note(issue);
    if (this.message !== undefined) this.message.count++;
  }

  segment(s: EdifactSegment): void {
    const tag = s.code;
    // Most segments are a consignment's: inside an open message, no service segment (UN…),
    // neither CNI nor CNT. They go straight to the consignment's handler.
    const draft = this.draft;
    const message = this.message;
    if (draft !== undefined && message !== undefined && tag >>> 8 !== UN && tag !== CNI && tag !== CNT) {
      message.count++;
      if (!message.skip) this.consignmentSegment(s, draft);
      return;
    }
    if (!this.sawInterchange && tag !== UNB) {
      throw new ManifestParseError(
        'syntax',
        `a UN/EDIFACT interchange begins with UNB, not ${s.tag || 'an empty tag'}`,
        {
          location: { format: FORMAT, segment: s.index, line: s.line },
        },
      );
    }
    if (this.message !== undefined) this.message.count++;
    if (tag === UNB) this.openInterchange(s);
    else if (tag === UNZ) this.closeInterchange(s);
    else if (tag === UNH) this.openMessage(s);
    else if (tag === UNT) this.closeMessage(s);
    if (tag === UNB || tag === UNZ || tag === UNH || tag === UNT || tag === UNG || tag === UNE) return;
    if (this.message === undefined) {
      this.note(ISSUE_CODES.missingSegment, `${s.tag} segment outside a message (no UNH before it)`, this.where(s));
      return;
    }
    if (this.message.skip) return;
    if (tag === CNI) {
      this.flush();
      this.openConsignment(s);
      return;
    }
    if (tag === CNT) {
      this.flush();
      return;
    }
    if (this.draft === undefined) this.messageSegment(s);
    else this.consignmentSegment(s, this.draft);
  }

  end(): void {
    this.flush();
    if (this.message !== undefined) {
      this.note(
        ISSUE_CODES.missingSegment,
        `message ${this.message.reference} has no UNT trailer`,
        this.where({ index: this.message.segment, line: this.message.line }),
      );
      this.message = undefined;
    }
    if (this.interchange !== undefined) {
      this.note(ISSUE_CODES.missingSegment, `interchange ${this.interchange.reference} has no UNZ trailer`, {
        format: FORMAT,
        segment: this.interchange.segment,
      });
      this.interchange = undefined;
    }
    this.sendHeader();
  }

  // --- envelope -------------------------------------------------------------------------------

  private openInterchange(s: EdifactSegment): void {
    this.flush();
    if (this.interchange !== undefined) {
      this.closeOpenMessage(s);
      this.note(
        ISSUE_CODES.missingSegment,
        `interchange ${this.interchange.reference} has no UNZ trailer before the next UNB`,
        this.where(s),
      );
    }
    this.sawInterchange = true;
    this.interchange = { reference: s.value(4, 0), messages: 0, segment: s.index };
  }

  private closeInterchange(s: EdifactSegment): void {
    this.flush();
    this.closeOpenMessage(s);
    const ic = this.interchange;
    if (ic === undefined) {
      this.note(ISSUE_CODES.missingSegment, 'UNZ without an open interchange (no UNB before it)', this.where(s));
      return;
    }
    const count = s.value(0, 0);
    const reference = s.value(1, 0);
    if (count !== String(ic.messages)) {
      this.note(
        ISSUE_CODES.countMismatch,
        `UNZ says ${count || 'nothing'} messages, the interchange holds ${ic.messages}`,
        this.where(s),
      );
    }
    if (reference !== ic.reference) {
      this.note(
        ISSUE_CODES.referenceMismatch,
        `UNZ reference ${reference || '(none)'} does not match UNB reference ${ic.reference}`,
        this.where(s),
      );
    }
    this.interchange = undefined;
  }

  private closeOpenMessage(s: EdifactSegment): void {
    const m = this.message;
    if (m === undefined) return;
    this.note(
      ISSUE_CODES.missingSegment,
      `message ${m.reference} has no UNT trailer before ${s.tag}`,
      this.where({ index: m.segment, line: m.line }),
    );
    this.message = undefined;
  }

  private openMessage(s: EdifactSegment): void {
    this.flush();
    this.closeOpenMessage(s);
    const type = s.value(1, 0);
    this.message = {
      index: this.messages++,
      reference: s.value(0, 0),
      count: 1,
      segment: s.index,
      line: s.line,
      skip: type !== 'CUSCAR',
    };
    if (this.interchange !== undefined) this.interchange.messages++;
    this.zone = 'message';
    if (type !== 'CUSCAR') {
      this.note(
        ISSUE_CODES.unsupported,
        `message type ${type || '(none)'} is not CUSCAR; its segments are skipped`,
        this.where(s),
        'warning',
      );
    }
  }

  private closeMessage(s: EdifactSegment): void {
    this.flush();
    const m = this.message;
    if (m === undefined) {
      this.note(ISSUE_CODES.missingSegment, 'UNT without an open message (no UNH before it)', this.where(s));
      return;
    }
    const count = s.value(0, 0);
    const reference = s.value(1, 0);
    if (count !== String(m.count)) {
      this.note(
        ISSUE_CODES.countMismatch,
        `UNT says ${count || 'nothing'} segments, message ${m.reference} has ${m.count}`,
        this.where(s),
      );
    }
    if (reference !== m.reference) {
      this.note(
        ISSUE_CODES.referenceMismatch,
        `UNT reference ${reference || '(none)'} does not match UNH reference ${m.reference}`,
        this.where(s),
      );
    }
    this.message = undefined;
    this.sendHeader();
  }

  // --- message level --------------------------------------------------------------------------

  private messageSegment(s: EdifactSegment): void {
    switch (s.code) {
      case BGM:
        this.documentId ??= s.trimmed(1, 0);
        return;
      case TDT: {
        if (this.sawTransport) return;
        this.sawTransport = true;
        this.transportAt = this.where(s);
        const t = this.transport;
        const mode = BY_KEY.transportMode.get(s.key(2, 0));
        if (mode !== undefined) t.mode = mode;
        const voyage = s.trimmed(1, 0);
        if (voyage !== undefined) t.voyageOrFlight = voyage;
        const carrier = s.trimmed(4, 3) ?? s.trimmed(4, 0);
        if (carrier !== undefined) t.carrier = carrier;
        const vessel = s.trimmed(7, 3) ?? s.trimmed(7, 0);
        if (vessel !== undefined) t.vesselOrAircraft = vessel;
        return;
      }
      case LOC: {
        const end = BY_KEY.locTransport.get(s.key(0, 0));
        const code = s.trimmed(1, 0);
        if (end !== undefined && code !== undefined) this.transport[end].location ??= code;
        return;
      }
      case DTM: {
        const c = s.components(0);
        const end = DTM_TRANSPORT[c[0] ?? ''];
        if (end === undefined) return;
        const date = edifactDate(c[1] ?? '', c[2] ?? '');
        if (date === undefined) {
          this.note(
            ISSUE_CODES.invalidValue,
            `DTM+${c[0]}: date ${c[1] ?? ''} in format ${c[2] ?? '(none)'} is not read`,
            this.where(s),
            'warning',
          );
        } else this.transport[end].date ??= date;
        return;
      }
      case NAD:
        // The carrier named at message level, when TDT names none.
        if (s.key(0, 0) === CA) {
          const party = this.party(s);
          if (party !== undefined) this.transport.carrier ??= party.name;
        }
        return;
    }
  }

  private sendHeader(): void {
    if (this.headerSent) return;
    this.headerSent = true;
    const base: ManifestHeader = {
      id: this.documentId ?? (this.interchange?.reference || undefined) ?? this.ctx.sourceName ?? FORMAT,
      format: FORMAT,
      ...(this.ctx.sourceName === undefined ? {} : { sourceName: this.ctx.sourceName }),
    };
    const t = this.transport;
    let header: ManifestHeader = base;
    if (this.sawTransport || t.carrier !== undefined) {
      if (t.mode === undefined) {
        // The model needs a mode; CUSCAR reports sea cargo, so sea is taken, and said.
        this.note(
          ISSUE_CODES.assumedValue,
          'TDT gives no mode of transport (C220 8067): sea assumed, as CUSCAR is the sea cargo report',
          this.transportAt ?? { format: FORMAT },
          'warning',
        );
      }
      const transport: Transport = {
        mode: t.mode ?? 'sea',
        ...(t.carrier === undefined ? {} : { carrier: t.carrier }),
        ...(t.voyageOrFlight === undefined ? {} : { voyageOrFlight: t.voyageOrFlight }),
        ...(t.vesselOrAircraft === undefined ? {} : { vesselOrAircraft: t.vesselOrAircraft }),
        ...(Object.keys(t.departure).length === 0 ? {} : { departure: t.departure }),
        ...(Object.keys(t.arrival).length === 0 ? {} : { arrival: t.arrival }),
      };
      header = { ...base, transport };
    }
    const checked = ManifestHeaderSchema.safeParse(header);
    if (checked.success) this.sink.header(checked.data);
    else {
      const detail = checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      this.note(ISSUE_CODES.invalidValue, `transport details dropped from the header: ${detail}`, { format: FORMAT });
      this.sink.header(base);
    }
  }

  // --- consignments ---------------------------------------------------------------------------

  private openConsignment(s: EdifactSegment): void {
    const location = this.where(s);
    let d = this.spare;
    if (d === undefined) d = newConsignmentDraft(location);
    else {
      this.spare = undefined;
      resetConsignmentDraft(d, location);
    }
    d.documentNumber = s.trimmed(1, 0);
    this.draft = d;
    this.item = undefined;
    this.container = undefined;
    this.zone = 'consignment';
  }

  private invalid(d: ConsignmentDraft, s: EdifactSegment, message: string): void {
    d.errors.push({ code: ISSUE_CODES.invalidValue, severity: 'error', message, location: this.where(s) });
  }

  /** Component `component` of element `element` as a non-negative number; an error on the consignment otherwise. */
  private number(
    d: ConsignmentDraft,
    s: EdifactSegment,
    element: number,
    component: number,
    what: string,
    trimmed = false,
  ): number | undefined {
    const n = s.number(element, component);
    if (Number.isNaN(n) || n < 0) {
      const raw = s.value(element, component);
      this.invalid(d, s, `${s.tag}: ${what} "${trimmed ? raw.trim() : raw}" is not a non-negative number`);
      return undefined;
    }
    return n;
  }

  private consignmentSegment(s: EdifactSegment, d: ConsignmentDraft): void {
    switch (s.code) {
      // Cases in the order of how often they come in a manifest (a switch on these tags is a
      // chain of comparisons).
      case LOC:
        this.loc(s, d);
        return;
      case MEA:
        this.mea(s, d);
        return;
      case SGP: {
        const ref = s.trimmed(0, 0);
        if (this.zone === 'item' && ref !== undefined && this.item!.containerRefs.length <= MAX_LIST) {
          this.item!.containerRefs = append(this.item!.containerRefs, ref);
        }
        return;
      }
      case GID:
        this.openItem(s, d);
        return;
      case FTX:
        if (this.zone === 'item' && s.key(0, 0) === AAA) {
          const n = s.componentCount(3);
          for (let c = 0; c < n; c++) {
            const t = s.trimmed(3, c);
            if (t !== undefined) this.describe(d, s, this.item!, t);
          }
        }
        return;
      case PIA:
        if (this.zone !== 'item') return;
        for (let i = 1; i < s.count; i++) {
          if (!BY_KEY.piaTariffTypes.has(s.key(i, 1))) continue;
          const code = s.trimmed(i, 0);
          if (code === undefined) continue;
          this.setHs(this.item!, code, 'pia');
          break;
        }
        return;
      case NAD: {
        if (this.zone !== 'consignment') return;
        const role = BY_KEY.nadRole.get(s.key(0, 0));
        if (role === undefined) return;
        const party = this.party(s, d);
        if (party !== undefined) {
          d.parties[role] = party;
          if (!plainParty(party)) d.plainParties = false;
        }
        return;
      }
      case MOA:
        this.moa(s, d);
        return;
      case RFF: {
        const kind = BY_KEY.rffNumber.get(s.key(0, 0));
        const v = kind === undefined ? undefined : s.trimmed(0, 1);
        if (kind === undefined || v === undefined) return;
        if (kind === 'hs') {
          if (this.zone === 'item') this.setHs(this.item!, v, 'rff');
        } else if (this.zone === 'consignment') {
          // One store per field rather than d[kind]: a keyed store with three names is slow.
          if (kind === 'bill') d.bill ??= v;
          else if (kind === 'house') d.house ??= v;
          else d.master ??= v;
        }
        return;
      }
      case SEL: {
        const seal = s.trimmed(0, 0);
        if (this.zone === 'equipment' && seal !== undefined && this.container!.seals.length <= MAX_LIST) {
          this.container!.seals = append(this.container!.seals, seal);
        }
        return;
      }
      case EQD: {
        this.item = undefined;
        if (!BY_KEY.eqdContainer.has(s.key(0, 0))) {
          this.zone = 'other';
          return;
        }
        const number = s.trimmed(1, 0);
        if (number === undefined) {
          this.invalid(d, s, 'EQD+CN without a container number');
          this.zone = 'other';
          return;
        }
        const sizeType = s.trimmed(2, 0);
        this.container = sizeType === undefined ? { number, seals: NONE } : { number, seals: NONE, sizeType };
        if (d.containers.length <= MAX_LIST) d.containers = append(d.containers, this.container);
        this.zone = 'equipment';
        return;
      }
      case GDS: {
        const c = s.trimmed(0, 0);
        if (this.zone === 'item' && c !== undefined) this.setHs(this.item!, c, 'gds');
        return;
      }
      case DGS: {
        const un = s.trimmed(2, 0);
        if (this.zone === 'item' && un !== undefined) this.item!.dangerousGoods ??= un;
        return;
      }
    }
  }

  private openItem(s: EdifactSegment, d: ConsignmentDraft): void {
    this.container = undefined;
    if (d.itemCount >= this.maxItems) {
      if (d.itemCount === this.maxItems) {
        d.errors.push({
          code: ISSUE_CODES.limitExceeded,
          severity: 'error',
          message: `consignment has more than ${this.maxItems} goods items (limits.maxItemsPerConsignment)`,
          location: this.where(s),
        });
        d.itemCount = this.maxItems + 1;
      }
      this.zone = 'other';
      return;
    }
    let seq = d.itemCount + 1;
    if (!s.blank(0, 0)) {
      const n = this.number(d, s, 0, 0, 'goods item number', true);
      if (n !== undefined) seq = n;
    }
    let item = this.items[d.itemCount];
    if (item === undefined) {
      item = newItemDraft();
      this.items.push(item);
    } else resetItemDraft(item);
    item.seq = seq;
    item.segment = s.index;
    item.line = s.line;
    if (!s.blank(1, 0)) {
      const n = this.number(d, s, 1, 0, 'number of packages', true);
      if (n !== undefined) item.packages = n;
    }
    d.itemCount++;
    this.item = item;
    this.zone = 'item';
  }

  /** Adds a line of description, up to limits.maxTextLength; past it the consignment is rejected. */
  private describe(d: ConsignmentDraft, s: EdifactSegment, item: ItemDraft, line: string): void {
    if (item.descriptionLength > this.ctx.limits.maxTextLength) return;
    item.descriptionLength += line.length + 1;
    if (item.descriptionLength > this.ctx.limits.maxTextLength) {
      d.errors.push({
        code: ISSUE_CODES.limitExceeded,
        severity: 'error',
        message: `goods item ${item.seq}: description longer than ${this.ctx.limits.maxTextLength} characters`,
        location: this.where(s),
      });
      return;
    }
    if (item.description === undefined) item.description = line;
    else item.more = append(item.more, line);
  }

  private setHs(item: ItemDraft, code: string, from: 'pia' | 'rff' | 'gds'): void {
    if (item.hsFrom !== undefined && HS_SOURCE_RANK[item.hsFrom] <= HS_SOURCE_RANK[from]) return;
    item.hs = code;
    item.hsFrom = from;
  }

  private loc(s: EdifactSegment, d: ConsignmentDraft): void {
    const qualifier = s.key(0, 0);
    const field = BY_KEY.locRoute.get(qualifier);
    const code = field === undefined ? undefined : s.trimmed(1, 0);
    if (field === undefined || code === undefined) return;
    if (field === 'origin') {
      if (this.zone === 'item') this.item!.origin ??= code;
      return;
    }
    if (this.zone !== 'consignment') return;
    switch (field) {
      case 'loading':
        if (qualifier === ORIGINAL_LOADING) d.loadingOriginal ??= code;
        else d.loading ??= code;
        return;
      case 'transshipment':
        if (d.transshipments.length <= MAX_LIST) d.transshipments = append(d.transshipments, code);
        return;
      default:
        d[field] ??= code;
    }
  }

  private mea(s: EdifactSegment, d: ConsignmentDraft): void {
    if (!BY_KEY.meaPurpose.has(s.key(0, 0))) return;
    const property = BY_KEY.meaProperty.get(s.key(1, 0));
    if (property === undefined || (this.zone !== 'item' && this.zone !== 'consignment')) return;
    const unit = s.key(2, 0);
    const factor = property === 'gross' ? BY_KEY.weightToKg.get(unit) : BY_KEY.volumeToM3.get(unit);
    if (factor === undefined) {
      this.invalid(
        d,
        s,
        `MEA: unit "${s.value(2, 0)}" is not a ${property === 'gross' ? 'weight' : 'volume'} unit we convert`,
      );
      return;
    }
    const n = this.number(d, s, 2, 1, property === 'gross' ? 'weight' : 'volume');
    if (n === undefined) return;
    const value = roundMeasure(n * factor);
    if (this.zone === 'item') {
      if (property === 'gross') this.item!.grossKg ??= value;
    } else if (property === 'gross') d.grossKg ??= value;
    else d.volumeM3 ??= value;
  }

  private moa(s: EdifactSegment, d: ConsignmentDraft): void {
    if (!BY_KEY.moaValue.has(s.key(0, 0)) || (this.zone !== 'item' && this.zone !== 'consignment')) return;
    const amount = this.number(d, s, 0, 1, 'amount');
    if (amount === undefined) return;
    const currency = s.trimmed(0, 2);
    if (currency === undefined) {
      d.warnings.push({
        code: ISSUE_CODES.invalidValue,
        severity: 'warning',
        message: `MOA+${s.value(0, 0)}: amount ${s.value(0, 1)} has no currency and is left out`,
        location: this.where(s),
      });
      return;
    }
    const money = { amount, currency };
    if (this.zone === 'item') this.item!.value ??= money;
    else d.declaredValue ??= money;
  }

  /** NAD: C082 id, C058 name and address lines, C080 name, C059 street, city, sub-entity, postcode, country. */
  private party(s: EdifactSegment, d?: ConsignmentDraft): Party | undefined {
    // The name is C080's first five parts, else the first C058 line; the other C058 lines follow
    // the street lines (no list made for the usual one-part name and empty C058).
    let name = '';
    const nameCount = Math.min(5, s.componentCount(3));
    for (let c = 0; c < nameCount; c++) {
      const part = s.trimmed(3, c);
      if (part !== undefined) name = name === '' ? part : `${name} ${part}`;
    }
    let lines = nonEmpty(s, 4);
    const freeCount = s.componentCount(2);
    for (let c = 0; c < freeCount; c++) {
      const line = s.trimmed(2, c);
      if (line === undefined) continue;
      if (name === '') name = line;
      else lines = append(lines, line);
    }
    const id = s.trimmed(1, 0);
    if (name === '') {
      d?.warnings.push({
        code: ISSUE_CODES.invalidValue,
        severity: 'warning',
        message: `NAD+${s.value(0, 0)}: party without a name is left out`,
        location: this.where(s),
      });
      return undefined;
    }
    const city = s.trimmed(5, 0);
    const postcode = s.trimmed(7, 0);
    const country = s.trimmed(8, 0);
    type Address = NonNullable<Party['address']>;
    let address: Address | undefined;
    if (city !== undefined && postcode !== undefined && country !== undefined) {
      address = { lines: owned(lines), city, postcode, country: country as Address['country'] };
    } else if (lines.length > 0 || city !== undefined || postcode !== undefined || country !== undefined) {
      address = {} as Address;
      address.lines = owned(lines);
      if (city !== undefined) address.city = city;
      if (postcode !== undefined) address.postcode = postcode;
      if (country !== undefined) address.country = country as Address['country'];
    }
    if (address === undefined) return id === undefined ? { name } : { name, id };
    return id === undefined ? { name, address } : { name, address, id };
  }

  /** Ends the open consignment: accepted if valid, otherwise rejected with its location. */
  private flush(): void {
    const d = this.draft;
    if (d === undefined) return;
    this.draft = undefined;
    this.finish(d);
    this.spare = d;
  }

  private finish(d: ConsignmentDraft): void {
    this.item = undefined;
    this.container = undefined;
    this.zone = 'message';
    this.sendHeader();

    // A CNI number beside a different RFF+BM is a house bill; one equal to RFF+MB is the master itself.
    const house = d.house ?? (d.bill !== undefined && d.documentNumber !== d.bill ? d.documentNumber : undefined);
    const id = house ?? d.documentNumber ?? d.bill ?? d.master;
    const master =
      house !== undefined ? (d.master ?? d.bill) : d.master !== undefined && d.master !== id ? d.master : undefined;
    const kind = house !== undefined ? 'house' : d.master !== undefined && d.master === id ? 'master' : 'direct';
    if (id === undefined) {
      d.errors.unshift({
        code: ISSUE_CODES.missingSegment,
        severity: 'error',
        message: 'consignment has no bill of lading number (CNI document number or RFF+BM)',
        location: d.location,
      });
    }
    if (d.errors.length > 0) {
      this.sink.reject(d.errors.map((e) => withConsignment(e, id)));
      return;
    }
    // plainlyValid, part by part as the consignment is built (see plainly-valid.ts).
    let plain = d.plainParties && plainId(id) && d.itemCount <= MAX_GOODS && d.containers.length <= MAX_CONTAINERS;
    // Built by assignment rather than spreads: this runs once per consignment of a large file.
    const loading = d.loading ?? d.loadingOriginal;
    // Objects start empty and take their fields by assignment, in the model's order: an empty
    // literal has room for four fields in the object itself, while `{ a }` plus later fields
    // needs a second block for them (a manifest holds millions of these).
    const transshipments = owned(d.transshipments) as Consignment['route']['transshipments'];
    let route: Consignment['route'];
    if (loading !== undefined && d.discharge !== undefined && d.delivery === undefined) {
      route = { transshipments, countries: [], loading, discharge: d.discharge };
    } else {
      route = {} as Consignment['route'];
      route.transshipments = transshipments;
      route.countries = [];
      if (loading !== undefined) route.loading = loading;
      if (d.discharge !== undefined) route.discharge = d.discharge;
      if (d.delivery !== undefined) route.delivery = d.delivery;
    }
    if (plain) plain = plainRoute(route);
    const totals: Consignment['totals'] = {};
    if (d.grossKg !== undefined) totals.grossKg = d.grossKg;
    if (d.volumeM3 !== undefined) totals.volumeM3 = d.volumeM3;
    const goods: GoodsItem[] = new Array(d.itemCount);
    for (let i = 0; i < d.itemCount; i++) {
      const it = this.items[i]!;
      const description = it.more.length === 0 ? (it.description ?? '') : `${it.description} ${it.more.join(' ')}`;
      const containerRefs = owned(it.containerRefs);
      let g: GoodsItem;
      const { hs, packages, grossKg, value } = it;
      if (hs !== undefined && packages !== undefined && grossKg !== undefined && it.origin !== undefined) {
        // The usual items, made in one piece (a literal also lets V8 allocate them where long-lived
        // objects go, when it sees they all live on).
        const origin = it.origin as GoodsItem['origin'];
        g =
          value === undefined
            ? { seq: it.seq, description, containerRefs, hsCode: hs, packages, grossKg, origin }
            : { seq: it.seq, description, containerRefs, hsCode: hs, packages, grossKg, origin, value };
      } else {
        g = {} as GoodsItem;
        g.seq = it.seq;
        g.description = description;
        g.containerRefs = containerRefs;
        if (it.hs !== undefined) g.hsCode = it.hs;
        if (it.packages !== undefined) g.packages = it.packages;
        if (it.grossKg !== undefined) g.grossKg = it.grossKg;
        if (it.origin !== undefined) g.origin = it.origin as GoodsItem['origin'];
      }
      if (value !== undefined && g.value === undefined) g.value = value;
      if (it.dangerousGoods !== undefined) g.dangerousGoods = it.dangerousGoods;
      if (plain) plain = plainGoodsItem(g);
      goods[i] = g;
    }
    const containers = owned(d.containers);
    for (const c of containers) {
      c.seals = owned(c.seals);
      if (plain) plain = plainContainer(c);
    }
    const parties = d.parties;
    const source = d.location;
    const declaredValue = d.declaredValue;
    let candidate: Consignment;
    if (plain) plain = plainTotals(totals, declaredValue);
    if (master !== undefined && master !== house) {
      const masterId = master;
      if (plain) plain = plainId(masterId);
      candidate =
        declaredValue === undefined
          ? { id: id!, kind, parties, route, goods, containers, totals, source, masterId }
          : { id: id!, kind, parties, route, goods, containers, totals, source, masterId, declaredValue };
    } else {
      candidate =
        declaredValue === undefined
          ? { id: id!, kind, parties, route, goods, containers, totals, source }
          : { id: id!, kind, parties, route, goods, containers, totals, source, declaredValue };
    }
    const warnings = d.warnings.length === 0 ? d.warnings : d.warnings.map((w) => withConsignment(w, id));
    if (plain || plainlyValid(candidate)) {
      let issues: ParseIssue[] = [];
      for (const c of containers) {
        if (isValidContainerNumber(c.number)) continue;
        issues = containerWarnings(candidate, '');
        break;
      }
      this.sink.accept(candidate, warnings.length === 0 ? issues : [...warnings, ...issues]);
      return;
    }
    const checked = checkConsignment(candidate, d.location, '');
    if (checked.ok) {
      this.sink.accept(checked.consignment, [...warnings, ...checked.issues]);
      return;
    }
    // Point each schema issue at the goods item segment it came from, where there is one.
    const issues = checked.issues.map((issue) => {
      const m = /^\/goods\/(\d+)/.exec(issue.location.pointer ?? '');
      const at = m === null ? d.itemCount : Number(m[1]);
      const it = at < d.itemCount ? this.items[at] : undefined;
      const tagged = withConsignment(issue, id);
      if (it !== undefined) tagged.location = { ...issue.location, segment: it.segment, line: it.line };
      return tagged;
    });
    this.sink.reject(issues);
  }
}

/** A copy of `issue` that names the consignment, when it has an id. */
function withConsignment(issue: ParseIssue, id: string | undefined): ParseIssue {
  return id === undefined ? { ...issue } : { ...issue, consignmentId: id };
}

// Unit conversion leaves float noise (1 LBR = 0.45359237 kg); keep grams.
const roundMeasure = (n: number) => Math.round(n * 1000) / 1000;

/**
 * The streaming CUSCAR reader: push bytes, consignments come out as their CNI group closes.
 *
 * @example
 * const out = new ResultBuilder();
 * const reader = createCuscarReader({ format: 'cuscar', limits: DEFAULT_LIMITS }, out);
 * reader.push(bytes);
 * reader.end();
 */
export function createCuscarReader(ctx: ReaderContext, sink: ConsignmentSink): IncrementalReader {
  const driver = new CuscarDriver(ctx, sink);
  const tokenizer = new EdifactTokenizer(
    (segment) => driver.segment(segment),
    (problem) => driver.problem(problem),
    { maxSegmentBytes: Math.max(4096, ctx.limits.maxTextLength * 4), decodedText: ctx.decodedText === true },
  );
  return {
    push(chunk) {
      tokenizer.push(chunk);
    },
    end() {
      tokenizer.end();
      driver.end();
    },
  };
}

/**
 * Reads a whole CUSCAR interchange held in memory. Bytes are decoded by the character set UNB
 * names (UNOC as ISO 8859-1); a string is text already decoded, its characters read as they are.
 */
export function readCuscar(input: string | Uint8Array, ctx: ReaderContext): ParseResult {
  const out = new ResultBuilder();
  const reader = createCuscarReader(typeof input === 'string' ? { ...ctx, decodedText: true } : ctx, out);
  reader.push(typeof input === 'string' ? Buffer.from(input, 'utf8') : input);
  reader.end();
  return finishResult(out, { id: ctx.sourceName ?? FORMAT, format: FORMAT });
}
