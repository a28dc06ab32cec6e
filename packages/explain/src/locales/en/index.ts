/** English: every word and sentence parindex writes with --lang en. */
import { dec } from '@parindex/rules';
import { formatNumber } from '../../numbers.js';
import type { Locale } from '../../locale.js';
import { planEn } from './plan.js';
import { workbookEn } from './workbook.js';
import { boundsOf, notApplicableWords, partPointsOf, sortedTiers, valueWordsOf } from '../shared.js';
import { unitLevelsEn } from './levels.js';
import { singularUnit } from './singular.js';

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const zeroPolicy = { notApplicable: 'not applicable', zeroPoints: '0 points', fullPoints: 'full points' } as const;
const roundMode = { halfUp: 'half up', halfEven: 'half to even', down: 'down', up: 'up' } as const;
/** " (rounded to 2 places, half up, before it is compared)" for a rule that rounds its value. */
const roundedFirst = (r: { places: number; mode: keyof typeof roundMode } | undefined) =>
  r ? ` (rounded to ${r.places} ${r.places === 1 ? 'place' : 'places'}, ${roundMode[r.mode]}, before it is compared)` : '';
const valueWords = valueWordsOf('÷', '×');

export const en: Locale = {
  lang: 'en',
  plan: planEn,
  phrases: {
    scoreTitle: (t) => `Score: ${t}`,
    entryAt: (n, line) => `entry ${n}${line !== undefined ? `, line ${line}` : ''}`,
    cellAt: (cell) => `cell ${cell}`,
    fromPlan: (plan, progress) => `from the plan ${plan}${progress ? ' and its progress' : ''}`,
    correction: (stage, from, who, reason) => `${stage} corrected from ${from}${who.length ? ` (${who.join(', ')})` : ''}: ${reason}`,
    roundBy: (stage, who) => `${cap(stage)}${who.length ? ` (${who.join(', ')})` : ''}`,
    answersHeading: "The unit's answers to the appraisal",
    explainTitle: (u) => `How the points were given: ${u}`,
    lostFirst: (n) => `${n} ${n === '1' ? 'criterion' : 'criteria'} below the maximum come first.`,
    claimMatches: (c) => `Claimed ${c}: matches the evidence.`,
    claimDiffers: (c, m) => `Claimed ${c} but the evidence supports ${m}.`,
    noAdvice: 'No way to raise the points could be computed from the inputs.',
    setMaximum: (m) => `(set maximum ${m})`,
    notApplicableFull: 'Not applicable: full points',
    blockCapped: ' (capped)',
    indexOnScale: (s) => `Index (scale ${s})`,
    documentRef: (number, date, title) => [number ? `No. ${number}` : '', date ? `of ${date}` : '', title ?? ''].filter(Boolean).join(' '),
    claimNote: (c, m) => `Claimed ${c}; the evidence supports ${m}`,
    correctedNote: (stage, label, value, reason) => `${stage}: ${label} corrected to ${value} (${reason})`,
    setListTitle: 'Bundled criteria sets',
    setRef: 'Ref',
    setStatus: { official: 'official', model: 'model', draft: 'draft' },
    notApplicableLabel: 'Not applicable',
    notApplicablePolicy: { fullPoints: 'counts full points', reduceMaximum: 'leaves the maximum' },
    missingEvidenceLabel: 'Missing evidence',
    missingEvidencePolicy: { zero: 'zero points', scoreAndFlag: 'scored and flagged for explanation' },
    rankingLabel: 'Ranking',
    rankingPolicy: { dense: 'dense (1, 2, 3, 3, 4)', competition: 'competition (1, 2, 3, 3, 5)' },
    rounding: (level, places, mode, part) =>
      `${part !== undefined ? `the part “${part}”` : { criterion: 'each criterion', field: 'each field', part: 'each part', total: 'the total', index: 'the index', meanIndex: 'the mean index of a ranking', share: "each band's share of a ranking" }[level]}: ${places} ${places === 1 ? 'place' : 'places'}, ${roundMode[mode]}`,
    mayNotApply: (why) => `May not apply: ${why ?? 'conditional'}`,
    blockHeading: (title, max) => `${title} (at most ${max})`,
    partsHeading: 'Parts of the index',
    partFields: (codes) => `${codes.length === 1 ? 'Field' : 'Fields'} ${codes.join(', ')}`,
    partRow: (points, max, exact) => `${points} / ${max}${exact !== undefined ? ` (before rounding: ${exact})` : ''}`,
    partsRule: (rule) =>
      rule === 'exactParts'
        ? 'Each part is rounded for publication; the total is computed from the parts before rounding (then rounded where the set says so).'
        : 'The total is the sum of the parts as rounded.',
    totalDiffers: (total, printed, exact, diff, rounded) =>
      `The total ${total} differs by ${diff} from the sum of the published parts (${printed}): it is computed from the parts before rounding (${exact})${rounded ? ' and then rounded' : ''}, as the set declares.`,
    dateUnknown: 'date unknown',
    noNumber: 'no number',
    modelRule: 'The scoring is a model rule of this set; no official text sets it',
    unitLevelsLabel: 'Unit levels',
    unitLevel: unitLevelsEn,
  },
  official: {
    nation: 'SOCIALIST REPUBLIC OF VIET NAM',
    motto: 'Independence - Freedom - Happiness',
    title: (appraised) => (appraised ? 'SELF-ASSESSMENT AND APPRAISAL SCORE TABLE' : 'SELF-ASSESSMENT SCORE TABLE'),
    period: (p) => `Period: ${p}`,
    dateline: (place, d) =>
      `${place ?? '……………'}, ${d ? `${Number(d.d)} ${['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][Number(d.m) - 1]} ${d.y}` : 'date: ……………'}`,
    roundColumn: (stage) => `${cap(stage)} points`,
    roundNote: (stage, reason, by) => `${cap(stage)}: ${reason}${by ? ` (${by})` : ''}`,
    valueNote: (label, value, from) => (from === undefined ? `${label} = ${value}` : `${label}: ${from} → ${value}`),
    pointsNote: (from, to) => `points ${from} → ${to}`,
    preparer: 'PREPARED BY',
    head: 'HEAD OF THE UNIT',
    appraiser: 'FOR THE APPRAISAL TEAM',
    signHint: '(Signature and full name)',
    sealHint: '(Signature and seal)',
    provenance: (p) =>
      `Provenance: scored by ${p.engine}; criteria set ${p.set}, SHA-256 ${p.setSha}; evidence SHA-256 ${p.evidenceSha}${
        p.plan
          ? ` (the evidence file, SHA-256 ${p.plan.evidenceSha256}, with the figures derived from the plan ${p.plan.id}, SHA-256 ${p.plan.sha256}${p.plan.progressSha256 !== null ? `, and its progress file, SHA-256 ${p.plan.progressSha256}` : ''})`
          : ''
      }${p.appraisalSha ? `; appraisal file SHA-256 ${p.appraisalSha}` : ''}.`,
    page: { before: 'Page ', between: ' of ' },
  },
  help: {
    usage: 'USAGE',
    commands: 'COMMANDS',
    arguments: 'ARGUMENTS',
    options: 'OPTIONS',
    required: 'required',
    defaultIs: 'default',
    more: (c) => `Use parindex ${c} --help for more about a command.`,
    seeHelp: (c) => `See: ${c}`,
    severity: { error: 'error', warning: 'warning' },
    internalError: (what) => `internal error (${what}). Set PARINDEX_DEBUG=1 for details and report it.`,
    placeholder: {},
    command: {
      parindex: 'Exact, explainable scoring of the Public Administration Reform Index',
      rules: 'The bundled criteria sets: list, show',
      'rules list': 'List the bundled criteria sets',
      'rules show': 'Show a criteria set: the tree, maxima and the rule of each criterion',
      template: 'A blank evidence file for a criteria set, ready to fill in',
      validate: 'Check criteria-set, evidence and appraisal files: every problem with file:line:column',
      score: 'Score an evidence file: fields, total, index, classification, flags',
      explain: 'Explain every point: rule, inputs, documents, tier taken, how to raise it',
      diff: 'Compare two scores criterion by criterion: self vs appraisal, round vs round, year vs year',
      rank: 'Score many units with one criteria set and rank them',
      plan: 'Reform plans: their tasks, progress and targets',
      'plan show': 'Show a plan: its tasks by field, with lead unit, deadline and product',
      'plan status': 'Progress of a plan as of a date: done, late, overdue, due soon',
      'plan targets': 'The targets of a plan: met or not, and by how much',
      import: 'Read a filled Excel workbook (made by template --format xlsx) into an evidence or appraisal file',
      appraisal: 'Appraisal files: start one',
      'appraisal init': 'A new appraisal file (round 1 empty) bound to the SHA-256 of an evidence file',
      serve: 'Serve the JSON API (and the web page) on this machine',
    },
    formatOption: (list) => `Output format: ${list}`,
    formats: {
      table: 'table (terminal)',
      json: 'json (engine data)',
      md: 'md',
      html: 'html (printable report)',
      csv: 'csv (UTF-8 with BOM)',
      docx: 'docx (the official score table; needs --out)',
      xlsx: 'xlsx (Excel workbook; needs --out)',
    },
    option: {
      lang: 'Language of labels and messages: vi (Vietnamese) or en (English)',
      out: 'Write the output to this file instead of the terminal',
      quiet: 'Print no warnings or progress on stderr',
      force: 'Replace the --out file if it exists (it may be the filled one)',
      rules: 'Use this criteria-set file instead of the bundled set named by the evidence',
      appraisal: 'Appraisal file: score the appraisal round as well',
      round: 'Appraisal round id (round1, answer, round2…); default: the last round',
      evidence: 'Evidence file',
      'score.all': 'Show every criterion, not only the fields (table format)',
      'score.compact': "With --format json: the compact form (totals, fields, each criterion's points and status, no trace)",
      'explain.code': 'One criterion (or field) code, e.g. 3.2',
      'diff.a': 'Evidence file or saved result (JSON of score --format json)',
      'diff.b': 'Evidence file or saved result; omit with --appraisal to compare self-score and the round',
      'diff.appraisal': 'With one evidence file: compare its self-score with this appraisal round',
      'diff.round': 'Round of --appraisal (default: the last)',
      'diff.appraisal-a': 'Appraisal file for a',
      'diff.round-a': 'Round of --appraisal-a',
      'diff.appraisal-b': 'Appraisal file for b',
      'diff.round-b': 'Round of --appraisal-b',
      'diff.all': 'List unchanged criteria too',
      'rank.paths': 'Evidence files, appraisal files, workbooks or folders (searched recursively for *.json and *.xlsx)',
      'rank.set': 'Rank only evidence for this criteria set (default: the set of the first evidence file)',
      'rank.round': 'With appraisal files among the paths: rank on this round of each; default: the last round of each',
      'rank.threads': 'Score on N threads, this one and N − 1 workers (default: one per core from 2,000 files; 1: no worker)',
      'rules show.set': 'Criteria set: id or id@version (latest version when omitted); left out with --rules',
      'rules show.rules': 'Show this criteria-set file instead of a bundled set (the set argument is then left out)',
      'template.rules': 'A template for this criteria-set file instead of a bundled set (the set argument is then left out)',
      'template.level':
        "The unit's level written into the file (default: the first level the set is for, else commune): province, department, ministry, district (rural), urbanDistrict, town (district-level), provincialCity, commune, ward, township, specialZone",
      'template.set': 'Criteria set: id or id@version; left out with --rules',
      'template.unit': 'Unit code to write into the file',
      'template.name': 'Unit name to write into the file',
      plan: "Reform plan file: derive the plan criteria's inputs from the plan's tasks",
      progress: 'Progress file of the plan: status and products of each task (needs --plan)',
      'plan show.plan': 'Plan file',
      'plan status.plan': 'Plan file',
      'plan status.progress': 'Progress file; without it every task counts as not carried out',
      'plan status.asOf': "The date the status is taken on (YYYY-MM-DD); default: the end of the plan's period, never the clock",
      'plan targets.plan': 'Plan file with "targets"',
      'plan targets.evidence': "Evidence file of the plan's targets set",
      'template.schema': 'Also write the JSON Schema of this set\'s evidence there; the template\'s "$schema" points to it (editors complete codes and ids)',
      'template.format': 'Output format: json (an evidence file) or xlsx (the Excel workbook an officer fills)',
      'template.appraisal': "With --format xlsx: the appraisers' workbook of this evidence file (JSON or workbook)",
      'import.workbook': 'The filled workbook (.xlsx)',
      'appraisal init.evidence': 'Evidence file (JSON or .xlsx workbook)',
      'validate.files': 'Files to check (criteria sets, evidence, appraisals, plans, progress)',
      'serve.port': 'Port to listen on (0: any free port)',
      'serve.host': 'Address to listen on; default 127.0.0.1 (this machine only). E.g. 0.0.0.0 to let other machines of the network in',
      'serve.cors': 'Let a web page of this origin call the API from a browser; no origin is allowed by default',
      'serve.timeout': 'Time limit of one request in milliseconds; past it the answer is 503 API_TIMEOUT (default: 10000, i.e. 10 seconds)',
      'serve.lang': "Language of the lines the server prints: vi or en; the API's answers follow each request's ?lang= or Accept-Language",
      'serve.threads': 'Worker threads answering requests (default: the cores, at most 4)',
      'serve.max-body': 'Largest request body in bytes (default 20 MB, the limit of files)',
    },
  },
  validate: {
    errors: 'Errors',
    warnings: 'Warnings',
    valid: 'valid',
    invalid: 'invalid',
    kinds: { set: 'criteria set', evidence: 'evidence', appraisal: 'appraisal', result: 'score result', plan: 'plan', progress: 'plan progress' },
    summary: (c, n) =>
      `${n(c.files)} ${c.files === 1 ? 'file' : 'files'}: ${n(c.valid)} valid, ${n(c.bad)} with errors (${n(c.errors)} ${c.errors === 1 ? 'error' : 'errors'}, ${n(c.warnings)} ${c.warnings === 1 ? 'warning' : 'warnings'}).`,
    pin: (file, sha256) =>
      `${file}: the criteria set's SHA-256 is ${sha256}. To score with it in a page (@parindex/engine/scoring), pin that hash: compile(set, { sha256 }); the sets shipped with parindex need no pin.`,
    hash: (kind, file, sha256) =>
      kind === 'evidence'
        ? `${file}: the evidence's SHA-256 is ${sha256}, the hash an appraisal file gives as "evidence.sha256" and a result as "provenance.evidence.sha256".`
        : `${file}: the appraisal file's SHA-256 is ${sha256}, the hash a result gives as "provenance.appraisal.sha256".`,
    reproduced: (file, evidence) => `${file}: scored again from ${evidence}, the result is the same in every figure.`,
  },
  template: {
    types: {
      boolean: 'true/false',
      level: 'a level id',
      count: 'a whole number',
      decimal: 'a number (decimal point)',
      percent: 'a percentage (0–100)',
      date: 'a date YYYY-MM-DD',
      tally: 'answer counts per option',
    },
    unit: 'unit',
    optional: 'optional',
    fillValues: 'Fill "values": ',
    sharedFacts: 'Unit facts shared with other criteria (give once, here in "values" or under another criterion): ',
    documents: 'Evidence documents (add to "documents" as {"for", "number", "date", "title"}): ',
    schemaTitle: (ref, title) => `Evidence for ${ref}: ${title}`,
  },
  workbook: workbookEn,
  serve: {
    listening: (url, page) =>
      `parindex: the JSON API is running at ${url}/v1 (document: ${url}/v1/openapi.json)${page ? `; the web page: ${url}/` : '; the web page is not built (npx --yes pnpm@10 build)'}.`,
    stop: 'Press Ctrl+C to stop.',
  },
  rank: {
    title: (t) => `Ranking: ${t}`,
    policy: {
      dense: 'Ranked by index, highest first; equal indices share a rank and the next unit takes the next number (dense: 1, 2, 3, 3, 4).',
      competition: 'Ranked by index, highest first; equal indices share a rank and the next rank skips (competition: 1, 2, 3, 3, 5).',
    },
    lastRound: 'the last round of each file',
    appraised: (n, one, round) => ` ${n} ${one ? 'unit is' : 'units are'} ranked on the appraisal (${round}); the others on their own score.`,
    meanIndex: (n, one, mean) => `Mean index (plain mean of ${n} ${one ? 'unit' : 'units'}): ${mean}`,
    byBand: 'By classification',
    unitCount: 'Units',
    share: 'Share',
    units: 'Which units',
    allBands: 'All units',
    fieldMeans: 'Mean points by field',
    meanShare: "Mean of units' shares",
    meanShareNote:
      "Mean of units' shares: the plain mean of each unit's points as a share of its own applicable maximum (over the units where the field applies), as the mean index is. Where the applicable maxima differ between units, it differs from the mean points divided by the maximum.",
    notRanked: (n, one) => `Not ranked (${n} ${one ? 'file' : 'files'} with errors)`,
    errors: (n, one) => `${n} ${one ? 'error' : 'errors'}`,
    unitLeftOut: (name, code) => `${name} (${code}) is not ranked`,
    unusedAppraisals: 'Appraisal files not used',
    skipped: 'Skipped (not evidence for this criteria set)',
    noThreads: 'the worker threads could not be used; scoring in this process',
  },
  diff: {
    title: 'What changed between two scores',
    otherSets: (a, b, changes) => `The two results use different criteria sets (${a} → ${b}); criteria are matched by code. Differences in the set: ${changes ?? 'none'}.`,
    byCriterion: 'Changes by criterion',
    counts: (c, n) =>
      `${n(c.changedLeaves)} ${c.changedLeaves === 1 ? 'criterion' : 'criteria'} changed: ${n(c.raised)} up, ${n(c.lowered)} down${c.samePoints ? `, ${n(c.samePoints)} with the same points` : ''}${c.oneSide ? `, ${n(c.oneSide)} with points on one side only` : ''}.`,
    changed: 'changed',
    same: 'same',
    onlyInA: 'Only in A: the set of B no longer has it',
    onlyInB: 'New criterion, only in B',
    maxInSet: 'Maximum in the set',
    titleChanged: 'Title changed',
    ruleChanged: 'Rule changed',
    tier: 'Tier',
    document: 'Document',
    override: (stage, from, to, reason, by, onlyInA) => `${stage} set ${from} → ${to}: ${reason}${by ? ` (${by})` : ''}${onlyInA ? ' [in A only]' : ''}`,
    explanationRemoved: '(removed)',
    kinds: {
      boolean: 'yes/no',
      levels: 'levels',
      fraction: 'fraction by level',
      allOf: 'all conditions',
      tiers: 'tiers',
      proportional: 'proportional',
      parts: 'additive parts',
      perItem: 'per item',
      survey: 'survey',
      onTime: 'on time',
      expression: 'expression',
      given: 'points as given',
      targets: 'per target met',
      group: 'group of criteria',
      leaf: 'criterion',
    },
  },
  words: {
    points: 'points',
    max: 'Maximum',
    applicableMax: 'Applicable maximum',
    code: 'Code',
    stt: 'No.',
    field: 'Field',
    criterion: 'Field / criterion',
    title: 'Title',
    rule: 'Rule',
    selfScore: 'Self-score',
    appraised: 'Appraised score',
    score: 'Points',
    percent: '%',
    documents: 'Evidence documents',
    notes: 'Notes',
    total: 'Total points',
    index: 'Index',
    classification: 'Classification',
    unit: 'Unit',
    criteriaSet: 'Criteria set',
    period: 'Period',
    stage: 'Score',
    self: 'self-assessment',
    status: 'Status',
    issuer: 'Issuer',
    decision: 'Decision',
    scale: 'Scale',
    policies: 'Policies',
    rounding: 'Rounding',
    none: 'none',
    sample: "Sample figures (not a real unit's data)",
    flags: 'Flags',
    bonus: 'Bonus',
    penalty: 'Penalty',
    rank: 'Rank',
    name: 'Unit name',
    mean: 'Mean',
    meanIndex: 'Mean index',
    unclassified: 'Unclassified',
    inputs: 'Inputs',
    steps: 'Working',
    improve: 'To raise the score',
    provided: 'provided',
    missing: 'missing',
    optional: 'optional',
    entry: 'entry',
    change: 'Change',
    why: 'Why',
    fullMarks: 'Full marks',
    file: 'File',
    kind: 'Kind',
    result: 'Result',
    source: 'Source',
    yes: 'yes',
    no: 'no',
    empty: '(empty)',
    and: 'and',
    or: 'or',
    not: 'not',
    ifWord: 'if',
    thenWord: 'then',
    otherwise: 'otherwise',
    in: 'in',
    notIn: 'not in',
    met: 'met',
    notMet: 'not met',
    minOf: 'min',
    maxOf: 'max',
    explanation: 'explanation',
    number: 'No.',
    dated: 'of',
    notGiven: 'not given',
    correctedTo: 'corrected to',
    claimed: 'Claimed',
    supports: 'the evidence supports',
    missingLabel: 'Missing',
    explanationLabel: 'Explanation',
    setMaximum: 'set maximum',
    tied: 'Tied',
  },
  flags: {
    notApplicable: 'Not applicable',
    missingInput: 'Missing inputs',
    missingDocument: 'Missing documents',
    needsExplanation: 'Needs a written explanation',
    explained: 'Explained',
    claimMismatch: 'Claimed points differ from the evidence',
    invalid: 'Invalid',
    capped: 'Capped',
    belowZero: 'Deducted below zero',
    overridden: 'Points set by the appraisal',
    corrected: 'Inputs corrected by the appraisal',
  },
  statuses: {
    scored: 'scored',
    notApplicable: 'not applicable',
    missingEvidence: 'missing evidence',
    invalid: 'invalid',
    overridden: 'overridden',
  },
  points: (text, isOne) => `${text} ${isOne ? 'point' : 'points'}`,
  unitAfter: (unit, isOne) => (isOne ? singularUnit(unit) : unit),
  stage(stage) {
    if (stage === 'self') return 'self-assessment';
    const m = /^round([0-9]+)$/.exec(stage);
    if (m) return `appraisal round ${m[1]}`;
    return stage === 'answer' ? "unit's answer" : stage;
  },
  bounds(t, suffix, n) {
    const v = (x: string | number) => `${n(x)}${suffix}`;
    const minIn = t.minInclusive ?? true;
    const maxIn = t.maxInclusive ?? false;
    if (t.min !== undefined && t.max !== undefined) {
      if (dec(t.min).eq(dec(t.max))) return `Exactly ${v(t.min)}`;
      return `${minIn ? 'From' : 'Above'} ${v(t.min)} ${maxIn ? 'up to' : 'to under'} ${v(t.max)}`;
    }
    if (t.min !== undefined) return minIn ? `${v(t.min)} or more` : `Above ${v(t.min)}`;
    if (t.max !== undefined) return maxIn ? `Up to ${v(t.max)}` : `Under ${v(t.max)}`;
    return 'Any value';
  },
  reach: (after, gain, say) => (after === null ? 'to be scored' : `to reach ${say.pts(after)} (+${say.n(gain ?? '0')})`),
  steps: {
    ratio: (s, say) => `Ratio = ${say.n(s.numerator.value)} ÷ ${say.n(s.denominator.value)}${s.times !== '1' ? ` × ${say.n(s.times)}` : ''} = ${say.n(s.value)}`,
    value: (s, say) => `${say.input(s.input).label} = ${say.n(s.value)}`,
    zeroDenominator: (s, say) => `Zero denominator (${say.input(s.input).label}): ${zeroPolicy[s.policy]}`,
    boolean: (s, say) => `${say.input(s.input).label}: ${say.word(s.value ? 'yes' : 'no')} → ${say.pts(s.points)}`,
    level: (s, say) => `${say.input(s.input).label}: ${say.option(s.input, s.level)} → ${say.pts(s.points)}${s.fraction ? ` (${say.n(s.fraction)} × max)` : ''}`,
    condition: (s, say) => `${say.conditionAt(s.at)}: ${s.result ? 'met' : 'not met'}`,
    tier: (s, say, code) => `Tier taken: ${say.tierLabel(code, s.index) ?? en.bounds(boundsOf(s), say.suffix(code), say.n)} → ${say.pts(s.points)}`,
    proportional: (s, say, code) =>
      s.belowBand
        ? `${say.n(s.value)}${say.suffix(code)} is ${s.belowBand.minInclusive ? 'under' : 'not above'} ${say.n(s.belowBand.min)}${say.suffix(code)}, outside the proportional band → ${say.pts(s.points)}`
        : `Proportion ${say.n(s.fraction)} → ${say.pts(s.points)}`,
    part: (s, say, code) => `${say.part(code, s.id)}: ${s.met ? 'met' : 'not met'} → ${say.pts(s.points)}`,
    perItem: (s, say) => `${say.n(s.items)} × ${say.n(s.each)} = ${say.n(s.change)}${s.limited ? ' (limited)' : ''}; ${say.n(s.base)} → ${say.pts(s.points)}`,
    // Not scored (fewer answers than the rule needs) the step holds share 0 though answers were weighted.
    survey: (s, say) =>
      s.share === '0' && s.weighted !== '0'
        ? `${say.n(s.answers)} ${s.answers === '1' ? 'answer' : 'answers'}, too few to be scored → ${say.pts(s.points)}`
        : `${say.n(s.answers)} ${s.answers === '1' ? 'answer' : 'answers'}, weighted share ${say.n(s.share)} → ${say.pts(s.points)}`,
    onTime: (s, say, code) =>
      `${say.onTimeLabel(code, s.input) ?? say.input(s.input).label}: ${s.date ? say.date(s.date) : '—'} (due ${s.deadline ? say.date(s.deadline) : '—'}) — ${s.status === 'onTime' ? 'on time' : s.status === 'late' ? `${s.daysLate ?? 0} ${s.daysLate === 1 ? 'day' : 'days'} late` : 'missing'}`,
    onTimeResult: () => null,
    expression: (s, say) => `Expression result: ${say.n(s.result)}`,
    given: (s, say) => `Points as given (${say.input(s.input).label}): ${say.pts(s.value)}`,
    roundValue: (s, say, code) =>
      `Value as compared, rounded to ${s.places} ${s.places === 1 ? 'place' : 'places'} (${roundMode[s.mode]}): ${say.n(s.from)}${say.suffix(code)} → ${formatNumber(s.to, 'en', { places: s.places, fixed: true })}${say.suffix(code)}`,
    targets: (s, say) => `${say.n(s.met.value)} of ${say.n(s.of.value)} targets met${s.of.input ? ` (${say.input(s.of.input).label})` : ''}, each worth ${say.n(s.each)}: → ${say.pts(s.points)}`,
    zeroTargets: (s, say) => `No targets (${say.input(s.input).label} is 0): ${zeroPolicy[s.policy]}`,
    clamp: (s, say) => `${{ floor: 'Raised to the floor', cap: 'Limited to the cap', max: 'Limited to the maximum', scale: 'Index limited to the scale' }[s.bound]}: ${say.n(s.from)} → ${say.n(s.to)}`,
    aboveScale: (s, say) => `Index ${say.n(s.index)} above the scale of ${say.n(s.scale)} (the set allows it through bonus points)`,
    round: (s, say) => `${s.part ? `Part “${say.indexPart(s.part)}” r` : 'R'}ounded to ${s.places} ${s.places === 1 ? 'place' : 'places'} (${roundMode[s.mode]}): ${say.n(s.from)} → ${say.n(s.to)}`,
    partsTotal: (s, say) =>
      s.rule === 'exactParts'
        ? `The parts are added from their exact points: ${say.n(s.exact)} (each part is rounded for publication only; the rounded parts add up to ${say.n(s.printed)})`
        : `The parts are added as rounded: ${say.n(s.printed)} (exact: ${say.n(s.exact)})`,
    notApplicable: (s, say, code) => {
      const cause = notApplicableWords(s, say, code, { zeroDenominator: (l) => `zero denominator: ${l}` });
      const policy = s.policy === 'fullPoints' ? 'full points' : 'taken out of the maximum';
      // A set's reason often says the policy itself ("…: full points"): it is not said twice.
      return cause.endsWith(policy) ? `Not applicable (${cause})` : `Not applicable (${cause}): ${policy}`;
    },
    missing: (s, say, code) => {
      const what = [...s.inputs.map((i) => say.input(i).label), ...s.documents.map((d) => say.document(code, d))].join(', ');
      // Without a figure the rule cannot run, whatever the policy (which says what a missing document does).
      const outcome = s.inputs.length > 0 ? 'not enough to score' : s.policy === 'zero' ? 'zero points' : 'scored, needs an explanation';
      return `Missing: ${what} — ${outcome}${s.explanation ? ` (explanation: ${s.explanation})` : ''}`;
    },
    override: (s, say) => `${cap(say.stage(s.round))}${s.date !== undefined ? ` (${say.date(s.date)})` : ''}: ${say.n(s.from)} → ${say.pts(s.to)} — ${s.reason}${s.by ? ` (${s.by})` : ''}`,
  },
  improvements: {
    raise: (im, say) => {
      const i = say.input(im.input);
      const sfx = i.unit === '%' ? '%' : '';
      const unit = i.unit && i.unit !== '%' ? ' ' + en.unitAfter(i.unit, dec(im.delta).eq(1)) : '';
      const to = `${im.strict ? 'above ' : ''}${say.n(im.to)}${sfx}`;
      // A rate moves by percentage points, which "by 15%" would misstate (15% of 45% is 6.75): from and to say it.
      const s = sfx
        ? `Raise “${i.label}” from ${say.n(im.from)}% to ${to} ${en.reach(im.pointsAfter, im.gain, say)}`
        : `Raise “${i.label}” by ${say.n(im.delta)}${unit} (from ${say.n(im.from)} to ${to}) ${en.reach(im.pointsAfter, im.gain, say)}`;
      return im.feasible ? s : `${s} — not reachable with the current figures`;
    },
    raiseRatio: (im, say, code) => {
      const n = say.input(im.numerator);
      const target = `${im.above ? 'above ' : ''}${say.n(im.target)}${say.suffix(code)}`;
      // "Add 1 to “Dossiers resolved on time”": no plural of the set's noun to get wrong.
      const s = `Add ${say.n(im.delta)} to “${n.label}” ${en.reach(im.pointsAfter, im.gain, say)} (${say.n(im.from)} → ${im.strict ? 'above ' : ''}${say.n(im.to)}; ratio ${target})`;
      return im.feasible ? s : `${s} — more than “${say.input(im.denominator).label}”, not reachable`;
    },
    lower: (im, say) => {
      const i = say.input(im.input);
      return `Lower “${i.label}” by ${say.n(im.delta)}${i.unit ? ' ' + en.unitAfter(i.unit, dec(im.delta).eq(1)) : ''} (from ${say.n(im.from)} to ${say.n(im.to)}) ${en.reach(im.pointsAfter, im.gain, say)}`;
    },
    set: (im, say) => {
      const label = say.input(im.input).label;
      if (im.to === true) return `Meet “${label}” ${en.reach(im.pointsAfter, im.gain, say)}`;
      const to = typeof im.to === 'boolean' ? say.word(im.to ? 'yes' : 'no') : say.option(im.input, im.to);
      return `Reach “${to}” for “${label}” ${en.reach(im.pointsAfter, im.gain, say)}`;
    },
    meet: (im, say) => `Meet the condition: ${im.conditions.map((at) => say.conditionAt(at)).join(' and ')} ${en.reach(im.pointsAfter, im.gain, say)}`,
    onTime: (im, say) => `Do ${im.inputs.map((x) => `“${say.input(x).label}”`).join(', ')} on time ${en.reach(im.pointsAfter, im.gain, say)}`,
    provide: (im, say, code) => {
      const parts: string[] = [];
      if (im.inputs.length) parts.push(im.inputs.map((x) => `“${say.input(x).label}”`).join(', '));
      if (im.documents.length) parts.push('the documents ' + im.documents.map((x) => `“${say.document(code, x)}”`).join(', '));
      return `Provide ${parts.join(' and ')} ${en.reach(im.pointsAfter, im.gain, say)}`;
    },
    // What the survey must show, not ballots to add: the share is the citizens' answer to the service.
    survey: (im, say) =>
      im.share !== undefined && im.target !== undefined
        ? `Raise the weighted share of “${say.input(im.input).label}” from ${say.n(im.share)} to at least ${say.n(im.target)} ${en.reach(im.pointsAfter, im.gain, say)}`
        : `${say.n(im.more)} more “${say.option(im.input, im.option)}” ${im.more === '1' ? 'answer' : 'answers'} ${en.reach(im.pointsAfter, im.gain, say)}`,
    none: (im) =>
      ({
        ruleMaximum: 'The rule gives no more points at any value',
        noBetterValue: 'No value of the inputs gives more points',
        searchBound: 'No change giving more points was found within the search bound',
        givenPoints: 'The points are given as another body published them: raising them is not in the unit’s hands (only a corrected published figure changes them)',
      })[im.reason],
  },
  rules: {
    boolean: (r, say, c) => `${cap(say.input(r.input).label)}: ${say.pts(r.points ?? c.max)}; otherwise ${say.pts(r.otherwise ?? 0)}`,
    levels: (r, say) =>
      Object.entries(r.points)
        .map(([k, v]) => `${cap(say.option(r.input, k))}: ${say.pts(v)}`)
        .join('; '),
    fraction: (r, say, c) =>
      Object.entries(r.fractions)
        .map(([k, f]) => `${cap(say.option(r.input, k))}: ${say.pts(dec(f).times(dec(c.max)).toFixed())}`)
        .join('; '),
    allOf: (r, say, c) => `All of (${r.conditions.map((x) => say.condition(x)).join('; ')}): ${say.pts(r.points ?? c.max)}; otherwise ${say.pts(r.otherwise ?? 0)}`,
    tiers: (r, say, c) => {
      const tiers = sortedTiers(r.tiers)
        .map((t) => `${en.bounds(t, say.suffix(c.code), say.n)}: ${say.pts(t.points)}`)
        .join('; ');
      return `${cap(valueWords(r.value, say))}${roundedFirst(r.roundValue)} — ${tiers}${r.onZeroDenominator && 'ratio' in r.value ? ` (zero denominator: ${zeroPolicy[r.onZeroDenominator]})` : ''}`;
    },
    proportional: (r, say, c) => {
      const sfx = say.suffix(c.code);
      const band = r.band ? `; ${r.band.minInclusive ? 'under' : 'up to'} ${say.n(r.band.min)}${sfx} → 0 points` : '';
      return `In proportion to ${valueWords(r.value, say)}${roundedFirst(r.roundValue)}: ${say.n(r.zeroAt ?? 0)}${sfx} → 0 points, ${say.n(r.fullAt)}${sfx} → ${say.pts(c.max)}${band}`;
    },
    parts: (r, say, c) => r.parts.map((p) => `${cap(say.part(c.code, p.id))}: ${say.pts(partPointsOf(p, c.max))}`).join('; plus '),
    perItem: (r, say, c) => {
      const each = dec(r.each);
      const limit = r.limit !== undefined ? ` (at most ${say.pts(r.limit)})` : '';
      return `${say.pts(r.base ?? (each.isNegative() ? c.max : 0))}, ${each.isNegative() ? 'minus' : 'plus'} ${say.pts(each.abs().toFixed())} per ${say.input(r.input).label}${limit}`;
    },
    survey: (r, say) =>
      `Maximum × weighted share of answers (${Object.entries(r.weights)
        .map(([k, w]) => `${say.option(r.input, k)} ${say.n(dec(w).times(100).toFixed())}%`)
        .join(', ')})${r.minAnswers !== undefined ? `; at least ${say.n(r.minAnswers)} answers needed` : ''}`,
    onTime: (r, say, c) => {
      const items = r.items
        .map((i) => `${say.onTimeLabel(c.code, i.input) ?? say.input(i.input).label} (due ${typeof i.deadline === 'string' ? say.date(i.deadline) : say.input(i.deadline.input).label})`)
        .join(', ');
      return `All on time [${items}]: ${say.pts(r.points ?? c.max)}; some late: ${say.pts(r.late ?? 0)}; some not done: ${say.pts(r.missing ?? 0)}`;
    },
    expression: (r, say) => `By the expression: ${say.condition({ logic: r.logic })}`,
    given: (r, say, c) => `The points as given in “${say.input(r.input).label}” (published by another body), from 0 to ${say.pts(c.max)}`,
    targets: (r, say, c) => `Each target met (${say.input(r.met).label}) gives ${say.pts(c.max)} ÷ ${typeof r.of === 'string' ? `“${say.input(r.of).label}”` : `${say.n(r.of)} targets`}`,
  },
};
