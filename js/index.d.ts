// Types of the ldm-reseau package, entry `ldm-reseau` (SPEC §3, §4, §8.2);
// `ldm-reseau/form` adds attachForm (form.d.ts).

// Empty declarations of the few platform types used below: they merge with
// the DOM's when a project has them, and let a Node-only project compile.
declare global {
  interface URL {}
  interface Request {}
  interface Response {}
  namespace WebAssembly {
    interface Module {}
  }
}

/** The wasm module's bytes. */
export type WasmBytes = ArrayBuffer | ArrayBufferView;

/** A filière (field of trades), e.g. "bois", "hôtellerie-restauration". */
export type Sector = string;

export type RequestKind = 'new' | 'join';
export type ScopeType = 'sector' | 'geographic';
export type TerritoryLevel = 'departement' | 'academie' | 'region_academique' | 'bassin' | 'other';
export type LabelStatus = 'labelled' | 'renewal_requested' | 'applying' | 'none';

/** A request for the appellation (SPEC §3). Every field may be missing: the validator reports it. */
export interface Request {
  /** A new network, or an establishment joining one. Missing means "new". */
  kind?: RequestKind;
  /** The appellation's intitulé, mention « Lycée(s) des métiers en réseau » included, 100 characters at most. */
  title?: string;
  scope?: {
    type?: ScopeType;
    /** Sector scope: the filières common to every member. */
    sectors?: Sector[];
    /** Geographic scope. */
    territory?: {
      level?: TerritoryLevel;
      /** e.g. "57", "2A", "nancy-metz", "grand-est". */
      code?: string;
      /** As it should read in the title, e.g. "Moselle". */
      name?: string;
    };
  };
  /** Whether a Campus des métiers et des qualifications in the region could carry the network's purpose. */
  campusAvailable?: boolean;
  /** Reference year of the cycle computation; defaults to the year of `options.today`. */
  campaignYear?: number;
  members?: Member[];
  /** One description of the joint actions per criterion id ("c1"…"c8" by default). */
  jointActions?: Record<string, string>;
  /** For kind "join": the network being joined. */
  existingNetwork?: { title?: string; attributedYear?: number };
}

export interface Member {
  /** 7 digits and a check letter, e.g. "0570099Y". */
  uai?: string;
  name?: string;
  label?: {
    status?: LabelStatus;
    /** Year of the award or of the last renewal. */
    lastDecisionYear?: number;
    /** Filières of the member's own label. */
    sectors?: Sector[];
    /** The member's own label intitulé. */
    title?: string;
  };
}

/** A criterion of the academy's cahier des charges. */
export interface Criterion {
  id: string;
  label: string;
}

export interface Options {
  /** Language of messages; default "fr". */
  lang?: 'fr' | 'en';
  /** Reference date "YYYY-MM-DD" (or a Date, whose UTC day counts, as in its JSON form); default: today on this host. */
  today?: string | Date;
  /** The academy's criteria; default: the eight national ones, c1…c8. */
  criteria?: Criterion[];
  /** Per-code message texts with {param} holes, e.g. { "title.too_long": "Trop long : {length}/{max}" }. */
  messages?: Partial<Record<Code, string>>;
}

/** Every finding code (SPEC §5). Codes are stable: never renamed. */
export type Code =
  | 'title.missing' | 'title.too_long' | 'title.mention_missing' | 'title.mention_misspelled'
  | 'title.mention_case' | 'title.whitespace' | 'title.control_chars' | 'title.all_caps'
  | 'title.no_perimeter' | 'title.perimeter_mismatch'
  | 'scope.type_missing' | 'scope.type_invalid' | 'scope.sectors_missing' | 'scope.sector_duplicate'
  | 'scope.sector_not_common' | 'scope.territory_missing' | 'scope.territory_level_invalid'
  | 'scope.territory_unknown' | 'scope.member_outside_territory' | 'scope.territory_unchecked'
  | 'members.too_few' | 'member.uai_missing' | 'member.uai_format' | 'member.uai_normalized'
  | 'member.uai_checksum' | 'member.uai_prefix_unknown' | 'member.duplicate' | 'member.not_labelled'
  | 'member.status_missing' | 'member.status_invalid' | 'member.label_expired' | 'member.renewal_due'
  | 'member.decision_year_missing' | 'member.decision_year_invalid' | 'member.applying'
  | 'request.campus_available' | 'request.kind_invalid'
  | 'join.network_missing' | 'join.network_year_invalid' | 'join.network_expired' | 'join.title_differs'
  | 'cycle.case_a' | 'cycle.case_b' | 'cycle.case_c' | 'cycle.case_d' | 'cycle.joint_labelling'
  | 'actions.missing' | 'actions.placeholder' | 'actions.unknown_criterion'
  | 'request.invalid_type' | 'request.unknown_field' | 'request.not_an_object' | 'request.too_deep'
  | 'request.too_large' | 'request.invalid_text' | 'options.invalid'
  | 'internal.error';

export type Severity = 'error' | 'warning' | 'info';

/** Where a finding points: ["members", 2, "uai"]; [] for the whole request. */
export type Path = ReadonlyArray<string | number>;

export interface Finding {
  code: Code;
  /** "error" blocks sending; "warning" is shown; "info" explains. */
  severity: Severity;
  path: Path;
  /** In options.lang, ready to show to the applicant (plain text, never HTML). */
  message: string;
  /** The figures of the message, e.g. { length: 104, max: 100 }. */
  params: Record<string, string | number>;
}

export interface TitleSummary {
  /** The title as it will be sent. */
  normalized: string;
  /** Characters as a person counts them. */
  length: number;
  max: 100;
  /** 100 − length; negative when too long. */
  remaining: number;
  mention: 'exact' | 'case' | 'misspelled' | 'missing';
  /** The corrected title, when one can be proposed. */
  suggestion: string | null;
}

export type Position =
  | 'renewal' | 'renewedLastYear' | 'renewalNextYear' | 'midCycle'
  | 'expired' | 'applying' | 'notLabelled' | 'unknown';

export interface CycleSummary {
  case: 'a' | 'b' | 'c' | 'd' | null;
  jointLabelling: boolean;
  campaignYear: number;
  members: Array<{ index: number; uai: string | null; position: Position; labelEnds: number | null }>;
  /** 5 for a new network; the years left for a join. */
  appellationYears: number;
  appellationEnds: number;
  /** Cycle adjustments the group may propose. */
  options: Array<{ code: 'four_year_appellation' | 'postponed_renewal' | 'anticipated_renewal'; members: string[] }>;
  /** Member renewals inside the appellation period. */
  reviews: Array<{ uai: string; year: number }>;
}

/** The result of validateRequest (SPEC §4). */
export interface Report {
  /** No finding of severity "error". */
  valid: boolean;
  findings: Finding[];
  title: TitleSummary;
  cycle: CycleSummary;
}

export interface TitleCheck {
  valid: boolean;
  findings: Finding[];
  title: TitleSummary;
}

export interface Territory {
  departement: string;
  departementName: string;
  academie: string;
  academieName: string;
  regionAcademique: string | null;
  regionAcademiqueName: string | null;
}

export interface UaiCheck {
  valid: boolean;
  /** Without spaces, letter in capitals. */
  normalized: string;
  findings: Finding[];
  /** Where the UAI's first three digits place it. */
  territory: Territory | null;
}

/** The package version. */
export const version: string;

/** What init accepts: where to find ldm_reseau_bg.wasm, or its bytes or compiled module. */
export type InitInput = string | URL | globalThis.Request | Response | WasmBytes | WebAssembly.Module;

/** Loads the wasm (browsers). Resolves once the synchronous API can be used. */
export function init(input?: InitInput | Promise<Response>): Promise<void>;
/** Loads the wasm synchronously from its bytes or a compiled module. */
export function initSync(bytesOrModule: WasmBytes | WebAssembly.Module): void;
/** `await ready` initialises the module with its defaults. */
export const ready: PromiseLike<void> & {
  catch(onRejected: (reason: unknown) => unknown): Promise<unknown>;
  finally(onFinally: () => void): Promise<void>;
};
/** Whether the module is initialised. */
export function isReady(): boolean;

/** Checks a request; never throws on input (the module must be initialised). */
export function validateRequest(request: unknown, options?: Options): Report;
/** Checks a title alone (live counter). */
export function checkTitle(title: string, options?: Options): TitleCheck;
/** Checks one UAI. */
export function checkUai(uai: string, options?: Pick<Options, 'lang' | 'messages'>): UaiCheck;
/** The cycle block of a request. */
export function cycleCase(request: unknown, options?: Options): CycleSummary & {
  /** Only when the wasm failed (then the block is empty): the `internal.error` finding. */
  error?: Finding;
};

/** A Standard Schema v1 issue, with the finding's code and figures. */
export interface SchemaIssue {
  readonly message: string;
  readonly path: Path;
  readonly code: Code;
  readonly params: Record<string, string | number>;
}
/**
 * On success `value` is the request as it will be sent: its JSON form as
 * checked (a copy; the input is never modified), with the title normalised,
 * each UAI normalised and the filières trimmed.
 */
export type SchemaResult = { readonly value: Request; readonly issues?: undefined } | { readonly issues: ReadonlyArray<SchemaIssue> };

/** Options of `jsonSchema.input` / `output` (Standard JSON Schema v1). */
export interface JsonSchemaOptions {
  /** Only "draft-2020-12" (also when absent): any other target throws a TypeError. */
  readonly target: 'draft-2020-12' | 'draft-07' | 'openapi-3.0' | ({} & string);
  readonly libraryOptions?: Record<string, unknown> | undefined;
}

/** Standard Schema v1 and Standard JSON Schema v1 (https://standardschema.dev). */
export interface RequestSchema {
  readonly '~standard': {
    readonly version: 1;
    readonly vendor: 'ldm-reseau';
    readonly validate: (value: unknown) => SchemaResult | Promise<SchemaResult>;
    readonly types?: { readonly input: Request; readonly output: Request };
    /** The JSON Schema (draft 2020-12) of a request, the one `ldm-reseau schema` prints; a fresh copy each call. */
    readonly jsonSchema: {
      /** The schema of the request as given. */
      readonly input: (options?: JsonSchemaOptions) => Record<string, unknown>;
      /** The schema of the normalised request (`value`): the same. */
      readonly output: (options?: JsonSchemaOptions) => Record<string, unknown>;
    };
  };
}
/** The request schema with the default options. */
export const schema: RequestSchema;
/** A request schema with these options (language, date, criteria, messages). */
export function createSchema(options?: Options): RequestSchema;
