/**
 * What a language provides: its words (column headings, statuses, flags), how it writes numbers of
 * points, bounds and conditions, and one sentence per step kind, improvement kind and rule kind. The
 * types make a kind without a sentence a compile error; a test checks both locales at run time too.
 */
import type { FlagCode, Improvement, NodeStatus, Provenance, Step } from '@parindex/engine';
import type { Condition, RoundingLevel, Rule, RuleType, Tier, UnitLevel } from '@parindex/rules';
import type { Format } from './document.js';
import type { Lang } from './numbers.js';

/** Short words and headings, the same keys in every language. */
export type WordKey =
  | 'points'
  | 'max'
  | 'applicableMax'
  | 'code'
  | 'stt'
  | 'field'
  | 'criterion'
  | 'title'
  | 'rule'
  | 'selfScore'
  | 'appraised'
  | 'score'
  | 'percent'
  | 'documents'
  | 'notes'
  | 'total'
  | 'index'
  | 'classification'
  | 'unit'
  | 'criteriaSet'
  | 'period'
  | 'stage'
  | 'self'
  | 'status'
  | 'issuer'
  | 'decision'
  | 'scale'
  | 'policies'
  | 'rounding'
  | 'none'
  | 'sample'
  | 'flags'
  | 'bonus'
  | 'penalty'
  | 'rank'
  | 'name'
  | 'mean'
  | 'meanIndex'
  | 'unclassified'
  | 'inputs'
  | 'steps'
  | 'improve'
  | 'provided'
  | 'missing'
  | 'optional'
  | 'entry'
  | 'change'
  | 'why'
  | 'fullMarks'
  | 'file'
  | 'kind'
  | 'result'
  | 'source'
  | 'yes'
  | 'no'
  | 'empty'
  | 'and'
  | 'or'
  | 'not'
  | 'ifWord'
  | 'thenWord'
  | 'otherwise'
  | 'in'
  | 'notIn'
  | 'met'
  | 'notMet'
  | 'minOf'
  | 'maxOf'
  | 'explanation'
  | 'number'
  | 'dated'
  | 'notGiven'
  | 'correctedTo'
  | 'claimed'
  | 'supports'
  | 'missingLabel'
  | 'explanationLabel'
  | 'setMaximum'
  | 'tied';

/** Labels of a set in the language asked for, and the numbers of that language. */
export interface Say {
  readonly lang: Lang;
  /**
   * A number as this language writes it; `places` rounds for display. Without `places`, a number of more
   * than 6 decimal places shows 6 and "…" (the result keeps every digit).
   */
  n(value: string | number, places?: number): string;
  /** Points: "1,5 điểm", "1 point", "2 points". */
  pts(value: string | number): string;
  date(iso: string | null | undefined): string;
  word(key: WordKey): string;
  input(id: string): { label: string; unit: string | undefined; phrase: string };
  option(input: string, option: string): string;
  /** The condition at a JSON pointer of the set, in words. */
  conditionAt(at: string): string;
  condition(c: Condition): string;
  /** Criterion `code`'s rule's parts, tiers, on-time items, documents and applicability, in this language. */
  part(code: string | undefined, id: string): string;
  /**
   * A part of the index (a top-level field's `part`) by what it holds, never by its id: the title of its
   * one field ("8. Tác động …"), or its fields' codes ("Lĩnh vực 1, 2, 3").
   */
  indexPart(id: string): string;
  tierLabel(code: string | undefined, index: number): string | undefined;
  onTimeLabel(code: string | undefined, input: string): string | undefined;
  document(code: string | undefined, id: string): string;
  applicabilityReason(code: string | undefined): string | undefined;
  /** "%" when the value of criterion `code`'s rule is a percentage, else "". */
  suffix(code: string | undefined): string;
  stage(stage: string): string;
}

export type StepOf<K extends Step['kind']> = Extract<Step, { kind: K }>;
export type ImprovementOf<K extends Improvement['kind']> = Extract<Improvement, { kind: K }>;
export type RuleOf<T extends RuleType> = Extract<Rule, { type: T }>;

/** What a rule's sentence may need of its criterion. */
export interface RuleContext {
  code: string;
  max: string;
}

/** Sentences of the documents (titles, summaries), each with its numbers already written. */
/** The file formats whose schema problems the sentences name fields of (a key may mean something else in one of them). */
export type SchemaFormat = 'set' | 'evidence' | 'appraisal' | 'result' | 'plan' | 'progress';

export interface Phrases {
  scoreTitle(setTitle: string): string;
  /** Where an input's value was given: "mục 11, dòng 110" (the entry counted from 1; the line when known). */
  entryAt(entry: string, line: string | undefined): string;
  /** Where it was given in a workbook: "ô Số liệu!D14" (the sheet and cell, as the officer finds them). */
  cellAt(cell: string): string;
  /** Where a value derived from a reform plan came from (explain --plan): the plan's id, and whether a progress file was given. */
  fromPlan(plan: string, progress: boolean): string;
  /**
   * An appraisal's correction of an input, after its value: "thẩm định vòng 1 sửa từ 352 (20/01/2027,
   * Thẩm định viên B): lý do". `who`: the date and the name, those the appraisal file gives.
   */
  correction(stage: string, from: string, who: readonly string[], reason: string): string;
  /** An appraisal or answer round with its date and who made it: "Giải trình (27/01/2027, UBND xã Vĩnh Bảo)". */
  roundBy(stage: string, who: readonly string[]): string;
  /** The heading of the unit's answers to the appraisal on one criterion. */
  answersHeading: string;
  explainTitle(unitName: string): string;
  /** "21 tiêu chí chưa đạt điểm tối đa được liệt kê trước." */
  lostFirst(count: string): string;
  claimMatches(claimed: string): string;
  claimDiffers(claimed: string, computed: string): string;
  noAdvice: string;
  /** "(tối đa theo bộ 10)" */
  setMaximum(max: string): string;
  /** The note of a criterion that does not apply and counts its full points (the flag alone reads as 0 of 0). */
  notApplicableFull: string;
  /** A block whose items add up above its cap. */
  blockCapped: string;
  /** "Chỉ số (thang 100)" */
  indexOnScale(scale: string): string;
  /** "Số 12/KH-UBND ngày 10/01/2026 Kế hoạch …" */
  documentRef(number: string | undefined, date: string | undefined, title: string | undefined): string;
  /** "Tự chấm 2; minh chứng đủ cho 1" */
  claimNote(claimed: string, computed: string): string;
  /** "thẩm định vòng 1: Số hồ sơ sửa thành 1.200 (lý do)" */
  correctedNote(stage: string, label: string, value: string, reason: string): string;
  setListTitle: string;
  /** The heading of a set's "id@version". */
  setRef: string;
  setStatus: Readonly<Record<'official' | 'model' | 'draft', string>>;
  notApplicableLabel: string;
  notApplicablePolicy: Readonly<Record<'fullPoints' | 'reduceMaximum', string>>;
  missingEvidenceLabel: string;
  missingEvidencePolicy: Readonly<Record<'zero' | 'scoreAndFlag', string>>;
  rankingLabel: string;
  rankingPolicy: Readonly<Record<'dense' | 'competition', string>>;
  /** "tiêu chí: 2 chữ số thập phân, làm tròn nửa lên" */
  rounding(level: RoundingLevel, places: number, mode: 'halfUp' | 'halfEven' | 'down' | 'up', part?: string): string;
  /** "Có thể không áp dụng: …" */
  mayNotApply(why: string | undefined): string;
  /** "Điểm thưởng (tối đa 2 điểm)" */
  blockHeading(title: string, max: string): string;
  /** "Các phần của chỉ số" */
  partsHeading: string;
  /** A part of the index by the codes of its fields: "Lĩnh vực 1, 2, 3", "Fields 1, 2, 3". */
  partFields(codes: readonly string[]): string;
  /** A part's points as published, its maximum, and (when rounded) its exact points. */
  partRow(points: string, max: string, exact: string | undefined): string;
  /** Which rule made the total from the parts (policies.partsInTotal). */
  partsRule(rule: 'roundedParts' | 'exactParts'): string;
  /**
   * Why the total differs from the sum of the printed parts: `printed` their sum (as "a + b = s"),
   * `exact` the sum of the exact parts (likewise), `diff` the difference; `rounded`: the set rounds the total.
   */
  totalDiffers(total: string, printed: string, exact: string, diff: string, rounded: boolean): string;
  /** A decision or source whose date is not known: "không rõ ngày". */
  dateUnknown: string;
  /** A source whose published text carries no number: "không số". */
  noNumber: string;
  /** A rule that is the set's own model, with no official text. */
  modelRule: string;
  /** The heading of the levels a set is for: "Cấp đơn vị". */
  unitLevelsLabel: string;
  /** Each unit level by its name: "xã", "phường", "đặc khu", "huyện" … */
  unitLevel: Readonly<Record<UnitLevel, string>>;
}

/** The words of a comparison of two results (diff). */
export interface DiffWords {
  title: string;
  otherSets(a: string, b: string, changes: string | null): string;
  byCriterion: string;
  /** The changed criteria and how their points moved; the parts add up to `changedLeaves` (`n` writes a count). */
  counts(c: { changedLeaves: number; raised: number; lowered: number; samePoints: number; oneSide: number }, n: (v: number) => string): string;
  changed: string;
  same: string;
  onlyInA: string;
  onlyInB: string;
  maxInSet: string;
  titleChanged: string;
  ruleChanged: string;
  tier: string;
  document: string;
  /** "thẩm định vòng 1 điều chỉnh 2 → 1: lý do (ai) [chỉ ở A]" */
  override(stage: string, from: string, to: string, reason: string, by: string | undefined, onlyInA: boolean): string;
  explanationRemoved: string;
  /** A rule kind (or "group"/"leaf") by name. */
  kinds: Readonly<Record<RuleType | 'group' | 'leaf', string>>;
}

/** The words of a ranking of many units. */
export interface RankWords {
  title(setTitle: string): string;
  policy: Readonly<Record<'dense' | 'competition', string>>;
  lastRound: string;
  /** " 3 đơn vị được xếp hạng theo kết quả thẩm định (vòng cuối); …" */
  appraised(count: string, isOne: boolean, round: string): string;
  /** "Chỉ số bình quân (bình quân cộng chỉ số của 4 đơn vị): 78,56" */
  meanIndex(count: string, isOne: boolean, mean: string): string;
  byBand: string;
  /** The columns of the table by band: number of units, their share, the units. */
  unitCount: string;
  share: string;
  units: string;
  /** The footer of that table: "Cộng". */
  allBands: string;
  fieldMeans: string;
  /**
   * The last column of the field means: the mean of each unit's own share of its applicable maximum
   * (not the mean points ÷ the maximum beside it), and the note under the table that says so.
   */
  meanShare: string;
  meanShareNote: string;
  notRanked(count: string, isOne: boolean): string;
  errors(count: string, isOne: boolean): string;
  /** The unit a failed file leaves out of the ranking, when it is known (its appraisal failed): "UBND xã Đại Sơn (HP-DAISON) không được xếp hạng". */
  unitLeftOut(name: string, code: string): string;
  unusedAppraisals: string;
  skipped: string;
  noThreads: string;
}

/** What `parindex serve` prints when it starts. */
export interface ServeWords {
  /** "parindex: serving the JSON API at <url>/v1 …" (url as given). */
  listening(url: string, page: boolean): string;
  stop: string;
}

/** The words of validate's summary. */
export interface ValidateWords {
  errors: string;
  warnings: string;
  valid: string;
  invalid: string;
  kinds: Readonly<Record<'set' | 'evidence' | 'appraisal' | 'result' | 'plan' | 'progress', string>>;
  /** "3 tệp: 2 hợp lệ, 1 có lỗi (2 lỗi, 0 cảnh báo)." with counts already written. */
  summary(c: { files: number; valid: number; bad: number; errors: number; warnings: number }, n: (v: number) => string): string;
  /** A valid criteria set's hash, and what it is for: pinning the set in the dashboard scoring entry. */
  pin(file: string, sha256: string): string;
  /** A valid evidence or appraisal file's canonical SHA-256, and where results and appraisals carry it. */
  hash(kind: 'evidence' | 'appraisal', file: string, sha256: string): string;
  /** A saved result scored again from the evidence file given with it, and found the same. */
  reproduced(file: string, evidence: string): string;
}

/** The notes a blank evidence file carries for the officer who fills it. */
export interface TemplateWords {
  types: Readonly<Record<'boolean' | 'level' | 'count' | 'decimal' | 'percent' | 'date' | 'tally', string>>;
  unit: string;
  optional: string;
  fillValues: string;
  sharedFacts: string;
  documents: string;
  /** The title of the evidence JSON Schema (`template --schema`): "Minh chứng theo model.commune-par@2026: …". */
  schemaTitle(ref: string, setTitle: string): string;
}

/** --help: headings, and the description of every command and option, by "command" or "command.option". */
export interface HelpWords {
  usage: string;
  commands: string;
  arguments: string;
  options: string;
  required: string;
  defaultIs: string;
  more(command: string): string;
  /** After a usage error: "Xem hướng dẫn: parindex score --help". */
  /** A diagnostic line's severity: "lỗi", "cảnh báo". */
  severity: Readonly<Record<'error' | 'warning', string>>;
  /** What the command line says when it fails by a fault of its own (`what`: the error's name and message). */
  internalError(what: string): string;
  seeHelp(helpCommand: string): string;
  /**
   * What stands for a value in a usage line ("<file>", "--out=<file>") in this language, by the
   * placeholder's English text; one not listed is shown as it is (literal values: "vi|en", "yyyy-mm-dd").
   */
  placeholder: Readonly<Record<string, string>>;
  /** "parindex" and each command ("rules", "rules list", …). */
  command: Readonly<Record<string, string>>;
  /** Options and arguments: "score.all", or "lang" for an option every command shares. */
  option: Readonly<Record<string, string>>;
  /** --format of a command: "Định dạng: table (màn hình), json (…)", `list` made of `formats`, only those the command writes. */
  formatOption(list: string): string;
  formats: Readonly<Record<Format, string>>;
}

/** The words of the official score table an officer submits and an appraiser signs (score --format docx|xlsx|html). */
export interface OfficialWords {
  /** The national header: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" and "Độc lập - Tự do - Hạnh phúc". */
  nation: string;
  motto: string;
  /** The title, with or without appraisal rounds. */
  title(appraised: boolean): string;
  /** "Kỳ đánh giá: Năm 2026" */
  period(period: string): string;
  /** "Vĩnh Bảo, ngày 15 tháng 12 năm 2026"; a missing place or date is left as dots to fill in by hand. */
  dateline(place: string | undefined, date: { y: string; m: string; d: string } | undefined): string;
  /** The column of an appraisal round's points: "Điểm thẩm định vòng 1". */
  roundColumn(stage: string): string;
  /** A note of an appraisal round or the unit's answer on a criterion: "Thẩm định vòng 1: lý do (ai)". */
  roundNote(stage: string, reason: string, by: string | undefined): string;
  /** A value an appraisal item corrects: "Số giao dịch: 352 → 320" (the unit's value first, when it gave one). */
  valueNote(label: string, value: string, from: string | undefined): string;
  /** Points an appraisal item sets: "điểm 0,5 → 0". */
  pointsNote(from: string, to: string): string;
  preparer: string;
  head: string;
  appraiser: string;
  /** Under a signature title: "(Ký, ghi rõ họ tên)" and "(Ký tên, đóng dấu)". */
  signHint: string;
  sealHint: string;
  /** The provenance line, hashes in full. */
  provenance(p: { engine: string; set: string; setSha: string; evidenceSha: string; appraisalSha: string | undefined; plan: Provenance['plan'] }): string;
  /** The page number in a footer, around the numbers the renderer puts in: "Trang 2/5". */
  page: { before: string; between: string };
}

export interface Locale {
  readonly help: HelpWords;
  readonly official: OfficialWords;
  readonly phrases: Phrases;
  readonly validate: ValidateWords;
  readonly template: TemplateWords;
  readonly workbook: WorkbookWords;
  readonly diff: DiffWords;
  readonly rank: RankWords;
  /** Reform plans: plan show, plan status, plan targets, and the plan section of explain. */
  readonly plan: PlanWords;
  readonly serve: ServeWords;
  readonly lang: Lang;
  readonly words: Readonly<Record<WordKey, string>>;
  readonly flags: Readonly<Record<FlagCode, string>>;
  readonly statuses: Readonly<Record<NodeStatus, string>>;
  /** "1 điểm" / "1 point", "2 points" (the number already written in this language). */
  points(text: string, isOne: boolean): string;
  /**
   * A set's unit after a number: as the set writes it, but in English the singular after exactly 1 ("1
   * dossier", "1 person", "1 post/week"; a set gives one English form, its plural).
   */
  unitAfter(unit: string, isOne: boolean): string;
  /** A stage id for people: "self" → "tự chấm", "round1" → "thẩm định vòng 1". */
  stage(stage: string): string;
  /** The bounds of a tier or band: "Từ 80% đến dưới 90%". */
  bounds(t: Pick<Tier, 'min' | 'minInclusive' | 'max' | 'maxInclusive'>, suffix: string, n: (v: string | number) => string): string;
  /** "Tăng … để đạt 2 điểm (+1)": the points an improvement reaches, or that it lets the criterion be scored. */
  reach(pointsAfter: string | null, gain: string | null, say: Say): string;
  readonly steps: { readonly [K in Step['kind']]: (s: StepOf<K>, say: Say, code: string | undefined) => string | null };
  readonly improvements: { readonly [K in Improvement['kind']]: (im: ImprovementOf<K>, say: Say, code: string | undefined) => string };
  readonly rules: { readonly [T in RuleType]: (rule: RuleOf<T>, say: Say, ctx: RuleContext) => string };
}

/** The outcome of a task in an assessed window (@parindex/plans Outcome). */
export type PlanOutcome = 'onTime' | 'late' | 'doneUndated' | 'noProduct' | 'overdue' | 'dropped' | 'notYetDue' | 'beforeWindow' | 'afterWindow' | 'noDeadline' | 'awaitingEvent';
/** The kinds of a deadline (@parindex/plans DeadlineKind). */
export type PlanDeadlineKind = 'date' | 'month' | 'quarter' | 'half' | 'year' | 'annual' | 'continuous' | 'event' | 'none';
/** What a derived input is (@parindex/plans Derive). */
export type PlanDerive = 'tasksDue' | 'tasksDone' | 'tasksOnTime' | 'taskDate' | 'taskDone' | 'taskOnTime' | 'planIssued';

/** The words of reform plans and their progress; numbers and dates come already written. */
export interface PlanWords {
  showTitle(title: string): string;
  statusTitle(title: string, asOf: string): string;
  targetsTitle(title: string): string;
  /** The plan section of explain. */
  explainHeading(title: string): string;
  labels: Readonly<
    Record<
      | 'unit'
      | 'decision'
      | 'period'
      | 'source'
      | 'serves'
      | 'asOf'
      | 'window'
      | 'task'
      | 'content'
      | 'lead'
      | 'partners'
      | 'deadline'
      | 'dueOn'
      | 'product'
      | 'proof'
      | 'status'
      | 'input'
      | 'value'
      | 'tasks'
      | 'target'
      | 'section'
      | 'result'
      | 'missing'
      | 'progress'
      | 'derivedAs'
      | 'onTime',
      string
    >
  >;
  none: string;
  /** "Số 15/KH-UBND ngày 28/07/2025" with parts unknown said so. */
  decision(number: string | null, date: string | null): string;
  /** The name of each deadline kind, and its meaning for "on time" (docs/plans.md). */
  deadlineKinds: Readonly<Record<PlanDeadlineKind, string>>;
  deadlineMeaning: Readonly<Record<PlanDeadlineKind, string>>;
  outcomes: Readonly<Record<PlanOutcome, string>>;
  dueSoon: string;
  /** "Đến hạn 44 nhiệm vụ: hoàn thành 35 (đúng hạn 31, trễ hạn 4), quá hạn 9; sắp đến hạn 2; chưa tính 6." */
  /** `undated`: done with a product that names no date (null when none is), so that the parts add up to `done`. */
  counts(c: { due: string; done: string; onTime: string; late: string; undated: string | null; open: string; dueSoon: string; notCounted: string }): string;
  derive: Readonly<Record<PlanDerive, string>>;
  /** "1.1.3 — Số nhiệm vụ đã hoàn thành = 38 (số nhiệm vụ đến hạn đã hoàn thành)" */
  derived(code: string, label: string, value: string, what: string, tasks: string): string;
  /** "Hoàn thành 3 nhiệm vụ sau để đạt 90%: PL02.1, …"; `above`: the ratio must exceed the target ("trên 98%"). */
  advice(count: string, target: string, above: boolean, points: string, tasks: string): string;
  /** Not enough tasks left to reach the target. */
  adviceShort(count: string, left: string, target: string, above: boolean): string;
  targetMet: string;
  targetNotMet: string;
  noProduct: string;
}

/**
 * The words of the officer's workbook (template --format xlsx) and the appraiser's workbook: sheet
 * names, column headings, the unit sheet's rows, the prompts of Excel's data validation. Sheet names
 * stay within Excel's 31 characters and use none of `\ / ? * [ ] :`.
 */
export interface WorkbookWords {
  sheets: Readonly<Record<'unit' | 'values' | 'documents' | 'explanations' | 'appraisal', string>>;
  /** The title row of the unit sheet, e.g. "Phiếu kê khai số liệu: <set title>". */
  title(setTitle: string): string;
  appraisalTitle(setTitle: string): string;
  /** How to fill the workbook, one line each (the unit sheet, under the title). */
  howTo: readonly string[];
  appraisalHowTo: readonly string[];
  unitRows: Readonly<
    Record<
      | 'criteriaSet'
      | 'setHash'
      | 'code'
      | 'name'
      | 'level'
      | 'province'
      | 'unitNote'
      | 'periodFrom'
      | 'periodTo'
      | 'periodLabel'
      | 'preparedName'
      | 'preparedRole'
      | 'preparedDate'
      | 'sample'
      | 'evidenceHash',
      string
    >
  >;
  levels: Readonly<Record<UnitLevel, string>>;
  /**
   * The words of the yes/no drop-down, as the type column and the prompt write them ("Có / Không",
   * "Chọn Có hoặc Không."); the reader takes them in any case, and the words of the JSON rules too.
   */
  yesNo: Readonly<{ yes: string; no: string }>;
  columns: Readonly<Record<'code' | 'title' | 'input' | 'value' | 'unit' | 'type' | 'rule' | 'documents' | 'claimed' | 'note', string>>;
  documentColumns: Readonly<Record<'criterion' | 'requirement' | 'number' | 'date' | 'title' | 'issuer' | 'url' | 'sha256', string>>;
  explanationColumns: Readonly<Record<'criterion' | 'title' | 'explanation', string>>;
  appraisalColumns: Readonly<
    Record<
      | 'code'
      | 'title'
      | 'input'
      | 'max'
      | 'self'
      | 'selfValue'
      | 'r1Value'
      | 'r1Points'
      | 'r1Reason'
      | 'r1By'
      | 'r1Date'
      | 'answer'
      | 'answerBy'
      | 'answerDate'
      | 'r2Value'
      | 'r2Points'
      | 'r2Reason'
      | 'r2By'
      | 'r2Date'
      | 'claim',
      string
    >
  >;
  /**
   * The note on an appraisal row's self-score cell when the unit claimed other points than its evidence
   * supports: "Đơn vị tự chấm 2; minh chứng đủ cho 1" (numbers already written).
   */
  claimNote(claimed: string, supported: string): string;
  /** The type of an input as the officer reads it in the workbook. */
  types: Readonly<Record<'boolean' | 'level' | 'count' | 'decimal' | 'percent' | 'date' | 'tally', string>>;
  /** The heading of the unit's facts that several criteria read. */
  sharedInputs: string;
  /** The row of one answer option of a tally: "Số phiếu về thủ tục: A. Rất hài lòng". */
  tallyRow(input: string, option: string): string;
  optional: string;
  /** The explanation sheet's first line. */
  explanationsHint: string;
  documentsHint: string;
  /** Data validation: the prompt and the error shown by Excel, with bounds already written. */
  prompt: Readonly<{
    count: string;
    decimal(min: string | null, max: string | null): string;
    date: string;
    list: string;
    yesNo: string;
    points(max: string): string;
  }>;
  errorTitle: string;
}
