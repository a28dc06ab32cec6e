/**
 * Errors as data. Every problem found in a rule file, an evidence file or while scoring is a
 * `Diagnostic`: a stable code, a JSON pointer, parameters, and a sentence in English and in Vietnamese
 * built from the catalog below. Formatting (file:line:column, colours, language choice) is the CLI's job.
 */

export type Severity = 'error' | 'warning';
export type Params = Record<string, string | number | boolean>;

export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  /** JSON pointer into the file, e.g. "/fields/0/children/2/rule/tiers/1". "" for the whole file. */
  path: string;
  /** English sentence. */
  message: string;
  /** Vietnamese sentence. */
  messageVi: string;
  params: Params;
  file?: string;
  line?: number;
  column?: number;
}

interface CatalogEntry {
  severity: Severity;
  en: string;
  vi: string;
}

/**
 * The catalog of every diagnostic code. Placeholders `{name}` are filled from the params.
 * docs/errors.md lists the same codes with examples; a test keeps the two in step.
 */
export const CATALOG = {
  // Reading files
  FILE_NOT_FOUND: { severity: 'error', en: 'File not found: {file}. Check the path.', vi: 'Không tìm thấy tệp: {file}. Hãy kiểm tra đường dẫn.' },
  FILE_UNREADABLE: { severity: 'error', en: 'Could not read {file}: {reason}.', vi: 'Không đọc được {file}: {reasonVi}.' },
  FILE_IS_FOLDER: { severity: 'error', en: '{file} is a folder, not a file.', vi: '{file} là một thư mục, không phải tệp.' },
  FILE_NOT_REGULAR: { severity: 'error', en: 'Not read: {file} is {what}, not an ordinary file.', vi: 'Không đọc: {file} là {whatVi}, không phải tệp thông thường.' },
  FILE_LINK_BROKEN: { severity: 'error', en: '{file} is a symbolic link to {target}, which does not exist.', vi: '{file} là liên kết tượng trưng tới {target}, nhưng đích này không tồn tại.' },
  FILE_LINK_LOOP: { severity: 'error', en: '{file} is a symbolic link that leads back to itself or to a folder that holds it; it was not followed.', vi: '{file} là liên kết tượng trưng vòng lặp (trỏ lại chính nó hoặc thư mục chứa nó); liên kết này không được theo.' },
  FILE_TOO_LARGE: { severity: 'error', en: 'The file is {size} bytes; the limit is {limit} bytes. Split it or remove what is not evidence.', vi: 'Tệp có {size} byte, vượt giới hạn {limit} byte. Hãy tách tệp hoặc bỏ phần không phải tài liệu kiểm chứng.' },
  FILE_ENCODING: { severity: 'error', en: 'The file is not valid UTF-8 text: the byte at offset {offset} cannot be decoded. Save it with the UTF-8 encoding (not UTF-16, Windows-1258 or TCVN3).', vi: 'Tệp không phải văn bản UTF-8 hợp lệ: không giải mã được byte ở vị trí {offset}. Hãy lưu tệp với bảng mã UTF-8 (không dùng UTF-16, Windows-1258 hay TCVN3).' },
  FILE_WRITE_FAILED: { severity: 'error', en: 'Could not write {file}: {reason}.', vi: 'Không ghi được {file}: {reasonVi}.' },
  STDOUT_WRITE_FAILED: { severity: 'error', en: 'Could not write the output: {reason}; what was printed is incomplete.', vi: 'Không ghi được kết quả ra đầu ra chuẩn: {reasonVi}; phần đã in ra không đầy đủ.' },
  FILE_EMPTY: { severity: 'error', en: 'The file is empty. It must hold one JSON object.', vi: 'Tệp rỗng. Tệp phải chứa một đối tượng JSON.' },
  FILE_BOM: { severity: 'warning', en: 'The file starts with a UTF-8 byte order mark; it was ignored.', vi: 'Tệp bắt đầu bằng dấu BOM UTF-8; dấu này đã được bỏ qua.' },
  FILE_KIND_UNKNOWN: { severity: 'error', en: 'Cannot tell whether this is a criteria set, an evidence file or an appraisal file: {hint}', vi: 'Không xác định được đây là bộ tiêu chí, tệp minh chứng hay tệp thẩm định: {hintVi}' },
  JSON_SYNTAX: { severity: 'error', en: 'Invalid JSON: {reason}.', vi: 'JSON không hợp lệ: {reasonVi}.' },
  JSON_NOT_OBJECT: { severity: 'error', en: 'The file must hold one JSON object {…}, not {found}.', vi: 'Tệp phải chứa một đối tượng JSON {…}, không phải {foundVi}.' },
  JSON_TOO_DEEP: { severity: 'error', en: 'The JSON nests deeper than {limit} levels.', vi: 'JSON lồng sâu quá {limit} cấp.' },
  JSON_DUPLICATE_KEY: { severity: 'error', en: 'The key "{key}" is given twice in the same object (first on line {firstLine}); JSON would silently keep only the last one. Keep one.', vi: 'Khóa "{key}" xuất hiện hai lần trong cùng một đối tượng (lần đầu ở dòng {firstLine}); khi đọc, chỉ lần cuối được giữ mà không báo. Hãy giữ lại một lần.' },
  JSON_FORBIDDEN_KEY: { severity: 'error', en: 'The key "{key}" is not allowed anywhere in a file (it could reach object prototypes).', vi: 'Không được dùng khóa "{key}" ở bất kỳ đâu trong tệp (khóa này có thể chạm tới prototype của đối tượng).' },
  LIMIT_EXCEEDED: { severity: 'error', en: 'Too many {what}: {count}; the limit is {limit}.', vi: 'Quá nhiều {whatVi}: {countVi}; giới hạn là {limit}.' },

  // Criteria sets
  SET_SCHEMA: { severity: 'error', en: '{message}.', vi: '{messageVi}.' },
  SET_PERIOD: { severity: 'error', en: 'The period starts on {from}, after it ends on {to}.', vi: 'Kỳ đánh giá bắt đầu {from}, sau ngày kết thúc {to}.' },
  SET_DUPLICATE_CODE: { severity: 'error', en: 'The code "{code}" is used twice; every criterion needs its own code.', vi: 'Mã "{code}" bị dùng hai lần; mỗi tiêu chí cần một mã riêng.' },
  SET_CODE_NOT_NESTED: { severity: 'error', en: 'The code "{code}" should start with its parent\'s code "{parent}." (e.g. "{parent}.1").', vi: 'Mã "{code}" phải bắt đầu bằng mã của tiêu chí cha "{parent}." (ví dụ "{parent}.1").' },
  SET_CHILDREN_EXCEED_MAX: { severity: 'error', en: 'The children of "{code}" add up to {sum} points, more than its maximum {max}. Lower them or declare a cap.', vi: 'Các tiêu chí con của "{code}" cộng lại {sum} điểm, vượt điểm tối đa {max}. Hãy giảm lại hoặc khai báo mức trần (cap).' },
  SET_CHILDREN_BELOW_MAX: { severity: 'error', en: 'The children of "{code}" add up to {sum} points, less than its maximum {max}: the maximum cannot be reached.', vi: 'Các tiêu chí con của "{code}" cộng lại {sum} điểm, thấp hơn điểm tối đa {max}: không thể đạt điểm tối đa.' },
  SET_CAP_ABOVE_MAX: { severity: 'error', en: 'The cap {cap} of "{code}" is above its maximum {max}.', vi: 'Mức trần {cap} của "{code}" cao hơn điểm tối đa {max}.' },
  SET_FLOOR_ABOVE_MAX: { severity: 'error', en: 'The floor {floor} of "{code}" is above its maximum {max}.', vi: 'Mức sàn {floor} của "{code}" cao hơn điểm tối đa {max}.' },
  SET_POINTS_ABOVE_MAX: { severity: 'error', en: '"{code}" can give {points} points, more than its maximum {max}.', vi: '"{code}" có thể cho {points} điểm, vượt điểm tối đa {max}.' },
  SET_POINTS_BELOW_FLOOR: { severity: 'error', en: '"{code}" can give {points} points, below its floor {floor}. Declare a negative floor if a deduction may go below zero.', vi: '"{code}" có thể cho {points} điểm, thấp hơn mức sàn {floor}. Hãy khai báo mức sàn âm nếu được trừ xuống dưới 0.' },
  SET_LEAF_WITHOUT_RULE: { severity: 'error', en: '"{code}" has no children and no rule: add a rule that gives its points.', vi: '"{code}" không có tiêu chí con và không có quy tắc chấm: hãy thêm quy tắc.' },
  SET_PARENT_WITH_RULE: { severity: 'error', en: '"{code}" has children and also a rule or inputs; a parent\'s points are the sum of its children.', vi: '"{code}" có tiêu chí con nhưng vẫn khai báo quy tắc hoặc đầu vào; điểm của tiêu chí cha là tổng điểm các tiêu chí con.' },
  SET_LEAF_WITHOUT_SOURCE: { severity: 'error', en: '"{code}" has no source: name the document and article it comes from.', vi: '"{code}" chưa có nguồn: hãy ghi văn bản và điều khoản quy định tiêu chí.' },
  SET_DUPLICATE_INPUT: { severity: 'error', en: 'The input "{input}" is declared twice; input ids are unique in a set.', vi: 'Đầu vào "{input}" được khai báo hai lần; mã đầu vào phải duy nhất trong bộ tiêu chí.' },
  SET_DUPLICATE_ID: { severity: 'error', en: 'The id "{id}" is used twice in {where}.', vi: 'Mã "{id}" bị dùng hai lần trong {whereVi}.' },
  SET_UNDECLARED_INPUT: { severity: 'error', en: 'The input "{input}" is not declared in this set. Declare it in "inputs" of a criterion or of the set.', vi: 'Đầu vào "{input}" chưa được khai báo trong bộ tiêu chí. Hãy khai báo trong "inputs" của tiêu chí hoặc của bộ.' },
  SET_INPUT_TYPE: { severity: 'error', en: 'The rule needs "{input}" to be {expected}, but it is declared as {actual}.', vi: 'Quy tắc cần "{input}" kiểu {expected}, nhưng đầu vào được khai báo kiểu {actual}.' },
  SET_INPUT_OPTIONS: { severity: 'error', en: 'The input "{input}" of type {type} needs "options".', vi: 'Đầu vào "{input}" kiểu {type} cần danh sách "options".' },
  SET_UNKNOWN_OPTION: { severity: 'error', en: '"{option}" is not an option of "{input}" (options: {options}).', vi: '"{option}" không phải là lựa chọn của "{input}" (các lựa chọn: {options}).' },
  SET_MISSING_OPTION: { severity: 'error', en: 'The option "{option}" of "{input}" has no {what}: every option must be given one.', vi: 'Lựa chọn "{option}" của "{input}" chưa có {what}: mọi lựa chọn đều phải có.' },
  SET_FRACTION_RANGE: { severity: 'error', en: 'The {what} {value} must lie between 0 and 1.', vi: '{what} {value} phải nằm trong khoảng từ 0 đến 1.' },
  SET_TIER_BOUNDS: { severity: 'error', en: 'Tier {tier}: {problem}.', vi: 'Bậc {tier}: {problemVi}.' },
  SET_TIER_OVERLAP: { severity: 'error', en: 'Tiers {a} and {b} overlap at {at}: a value there would fall in both.', vi: 'Bậc {a} và bậc {b} chồng lên nhau tại {at}: một giá trị tại đó thuộc cả hai bậc.' },
  SET_TIER_GAP: { severity: 'error', en: 'The tiers leave {where} uncovered: a value there would have no points. Add a tier or move a bound.', vi: 'Các bậc bỏ trống {where}: giá trị tại đó không có điểm. Hãy thêm bậc hoặc sửa cận.' },
  SET_BAND_OVERLAP: { severity: 'error', en: 'Classification bands {a} and {b} overlap at {at}.', vi: 'Hai nhóm xếp loại {a} và {b} chồng lên nhau tại {at}.' },
  SET_BAND_BOUNDS: { severity: 'error', en: 'Classification band {band}: {problem}.', vi: 'Nhóm xếp loại {band}: {problemVi}.' },
  SET_ZERO_RANGE: { severity: 'error', en: 'fullAt and zeroAt are both {value}: the proportion is undefined.', vi: 'fullAt và zeroAt cùng bằng {value}: không xác định được tỉ lệ.' },
  SET_EXPRESSION_OPERATOR: { severity: 'error', en: 'The operator "{operator}" is not allowed in expressions. Allowed: {allowed}.', vi: 'Không được dùng toán tử "{operator}" trong biểu thức. Được phép: {allowed}.' },
  SET_EXPRESSION_SHAPE: { severity: 'error', en: 'Expression: {problem}.', vi: 'Biểu thức: {problemVi}.' },
  SET_EXPRESSION_DEPTH: { severity: 'error', en: 'The expression nests deeper than {limit} levels.', vi: 'Biểu thức lồng sâu quá {limit} cấp.' },
  SET_EXPRESSION_SIZE: { severity: 'error', en: 'The expression has more than {limit} nodes.', vi: 'Biểu thức có quá {limit} nút.' },
  SET_DEPTH: { severity: 'error', en: 'The criteria tree is deeper than {limit} levels.', vi: 'Cây tiêu chí sâu quá {limit} cấp.' },
  SET_NOT_FOUND: { severity: 'error', en: 'No criteria set "{ref}" is known. Run "parindex rules list" to see the sets.', vi: 'Không có bộ tiêu chí "{ref}". Chạy "parindex rules list" để xem các bộ tiêu chí.' },
  SET_AMBIGUOUS: { severity: 'error', en: 'Two files define the criteria set {ref}: {files}.', vi: 'Có hai tệp cùng định nghĩa bộ tiêu chí {ref}: {files}.' },

  // Evidence
  EVIDENCE_SCHEMA: { severity: 'error', en: '{message}.', vi: '{messageVi}.' },
  EVIDENCE_SET_MISMATCH: { severity: 'error', en: 'This evidence answers the criteria set {given}, not {expected}.', vi: 'Tệp minh chứng này trả lời bộ tiêu chí {given}, không phải {expected}.' },
  EVIDENCE_PERIOD_MISMATCH: { severity: 'warning', en: 'The evidence period {given} is not the set\'s period {expected}.', vi: 'Kỳ của tệp minh chứng {given} khác kỳ của bộ tiêu chí {expected}.' },
  EVIDENCE_UNKNOWN_CRITERION: { severity: 'error', en: 'There is no criterion "{code}" in {set}.', vi: 'Không có tiêu chí "{code}" trong bộ {set}.' },
  EVIDENCE_UNKNOWN_INPUT: { severity: 'error', en: 'There is no input "{input}"{where} in {set}.', vi: 'Không có đầu vào "{input}"{whereVi} trong bộ {set}.' },
  EVIDENCE_DUPLICATE_VALUE: { severity: 'error', en: 'The input "{input}" is given twice (first at {first}); give each value once.', vi: 'Đầu vào "{input}" được nhập hai lần (lần đầu tại {first}); mỗi giá trị chỉ nhập một lần.' },
  EVIDENCE_DUPLICATE_CLAIM: { severity: 'error', en: 'Criterion "{code}" has two claimed scores (first at {first}).', vi: 'Tiêu chí "{code}" có hai điểm tự chấm (lần đầu tại {first}).' },
  EVIDENCE_VALUE_TYPE: { severity: 'error', en: 'The input "{input}" needs {expected}; got {got}.', vi: 'Đầu vào "{input}" cần {expectedVi}; nhận được {got}.' },
  EVIDENCE_DECIMAL_COMMA: { severity: 'error', en: 'The input "{input}" is written "{got}" with a decimal comma; write it as a number with a dot: {suggest}.', vi: 'Đầu vào "{input}" được viết "{got}" với dấu phẩy thập phân; hãy viết dạng số với dấu chấm: {suggest}.' },
  EVIDENCE_VALUE_RANGE: { severity: 'error', en: 'The input "{input}" is {value}; it must be {bound}.', vi: 'Đầu vào "{input}" bằng {value}; giá trị phải {boundVi}.' },
  EVIDENCE_UNKNOWN_OPTION: { severity: 'error', en: '"{value}" is not an option of "{input}" (options: {options}).', vi: '"{value}" không phải là lựa chọn của "{input}" (các lựa chọn: {options}).' },
  EVIDENCE_EXCEEDS_OTHER: { severity: 'error', en: 'The input "{input}" is {value}, more than "{other}" ({otherValue}); it cannot exceed it.', vi: 'Đầu vào "{input}" bằng {value}, lớn hơn "{other}" ({otherValue}); không được vượt quá.' },
  EVIDENCE_DATE_OUTSIDE_PERIOD: { severity: 'warning', en: 'The date {value} of "{input}" lies outside the period {from} – {to}.', vi: 'Ngày {value} của "{input}" nằm ngoài kỳ đánh giá {from} – {to}.' },
  EVIDENCE_DOCUMENT_INCOMPLETE: { severity: 'warning', en: 'A document of "{code}" has no {missing}: give the number/symbol and date as written on the document.', vi: 'Một tài liệu của "{code}" thiếu {missingVi}: hãy ghi số, ký hiệu và ngày như trên văn bản.' },
  EVIDENCE_DOCUMENT_DATE_OUTSIDE_PERIOD: { severity: 'warning', en: 'The document {number} of "{code}" is dated {date}, outside the period {from} – {to}.', vi: 'Tài liệu {number} của "{code}" ghi ngày {date}, ngoài kỳ đánh giá {from} – {to}.' },
  EVIDENCE_UNKNOWN_REQUIREMENT: { severity: 'warning', en: 'The document is marked for "{requirement}", which "{code}" does not ask for (it asks for: {known}).', vi: 'Tài liệu được gắn với "{requirement}", nhưng "{code}" không yêu cầu tài liệu này (yêu cầu: {known}).' },
  EVIDENCE_NOT_APPLICABLE_VALUE: { severity: 'warning', en: '"{code}" does not apply to this unit ({reason}); its values were not used.', vi: '"{code}" không áp dụng với đơn vị này ({reason}); các giá trị của tiêu chí không được dùng.' },
  EVIDENCE_UNUSED_ENTRY: { severity: 'warning', en: 'The entry at {at} was not used by any criterion.', vi: 'Mục tại {at} không được tiêu chí nào sử dụng.' },

  // Scoring
  SCORE_MISSING_INPUT: { severity: 'warning', en: '"{code}" has no value for "{input}": it scores 0 until the value is given.', vi: '"{code}" chưa có giá trị "{input}": tiêu chí được 0 điểm cho đến khi bổ sung.' },
  SCORE_MISSING_DOCUMENT: { severity: 'warning', en: '"{code}" lacks the document "{document}".', vi: '"{code}" thiếu tài liệu kiểm chứng "{document}".' },
  SCORE_DIVISION_BY_ZERO: { severity: 'warning', en: 'The expression of "{code}" divides by zero.', vi: 'Biểu thức của "{code}" chia cho 0.' },
  SCORE_EXPRESSION: { severity: 'warning', en: 'The expression of "{code}" failed: {reason}.', vi: 'Biểu thức của "{code}" bị lỗi: {reasonVi}.' },
  SCORE_TOO_FEW_ANSWERS: { severity: 'warning', en: '"{code}" has {answers} answers in "{input}", fewer than the {minAnswers} its rule needs: it is missing evidence and scores as such until enough answers are given.', vi: '"{code}" có {answers} phiếu trả lời ở "{input}", ít hơn {minAnswers} phiếu quy tắc yêu cầu: tiêu chí được coi là thiếu minh chứng cho đến khi có đủ phiếu.' },
  SCORE_NO_TIER: { severity: 'warning', en: 'The value {value} of "{code}" falls in none of its tiers.', vi: 'Giá trị {value} của "{code}" không thuộc bậc nào.' },
  SCORE_CLAIM_MISMATCH: { severity: 'warning', en: '"{code}" claims {claimed} points; the evidence supports {computed}.', vi: '"{code}" tự chấm {claimed} điểm; minh chứng chỉ đủ cho {computed} điểm.' },
  SCORE_CLAIM_ON_PARENT: { severity: 'warning', en: '"{code}" claims {claimed} points; the sum of its sub-criteria is {computed}.', vi: '"{code}" tự chấm {claimed} điểm; tổng điểm các tiêu chí thành phần là {computed}.' },
  SCORE_NEEDS_EXPLANATION: { severity: 'warning', en: '"{code}" is scored without its required documents and has no written explanation.', vi: '"{code}" được chấm khi thiếu tài liệu kiểm chứng bắt buộc và chưa có giải trình.' },

  // Appraisal
  APPRAISAL_SCHEMA: { severity: 'error', en: '{message}.', vi: '{messageVi}.' },
  RANK_APPRAISAL_UNUSED: { severity: 'warning', en: 'This appraisal (unit {unit}) was not used: {reason}.', vi: 'Tệp thẩm định này (đơn vị {unit}) không được dùng: {reasonVi}.' },
  RANK_DUPLICATE_UNIT: { severity: 'error', en: 'The unit {unit} is already ranked from {first}; each unit is ranked once.', vi: 'Đơn vị {unit} đã được xếp hạng từ tệp {first}; mỗi đơn vị chỉ xếp hạng một lần.' },
  RANK_UNIT_LOOKALIKE: { severity: 'warning', en: 'The unit code "{unit}" differs from "{first}" of {file} only in invisible characters, spaces, case, dashes or look-alike letters: both are taken for the same unit.', vi: 'Mã đơn vị "{unit}" chỉ khác mã "{first}" của tệp {file} ở ký tự ẩn, dấu cách, chữ hoa chữ thường, dấu gạch ngang hoặc chữ cái trông giống nhau: hai mã được coi là cùng một đơn vị.' },
  RANK_THREADS_CAPPED: { severity: 'warning', en: '--threads {asked} is more than the {cores} processor cores of this machine; {cores} threads are used.', vi: '--threads {asked} vượt số nhân xử lý của máy ({cores}); chỉ dùng {cores} luồng.' },
  RESULT_SCHEMA: { severity: 'error', en: 'This saved result does not follow the result schema (packages/engine/schema/result.schema.json): {message}.', vi: 'Tệp kết quả đã lưu không đúng lược đồ kết quả (packages/engine/schema/result.schema.json): {messageVi}.' },
  APPRAISAL_EVIDENCE_MISMATCH: { severity: 'error', en: 'This appraisal refers to evidence {expected}, but the evidence given is {given}.', vi: 'Tệp thẩm định này gắn với minh chứng {expected}, nhưng minh chứng được đưa vào là {given}.' },
  APPRAISAL_UNKNOWN_ROUND: { severity: 'error', en: 'There is no round {round} in the appraisal file (rounds: {rounds}).', vi: 'Tệp thẩm định không có vòng {round} (các vòng: {rounds}).' },
  APPRAISAL_OVERRIDE_RANGE: { severity: 'error', en: 'The override of "{code}" gives {points} points, outside {floor} to {max}.', vi: 'Điểm điều chỉnh của "{code}" là {points}, ngoài khoảng {floor} đến {max}.' },
  APPRAISAL_ANSWER_CHANGES_SCORE: { severity: 'error', en: 'The answer round "{round}" changes the values or points of "{code}"; the unit\'s answer gives reasons and documents, and the next appraisal round decides.', vi: 'Vòng giải trình "{round}" thay đổi số liệu hoặc điểm của "{code}"; đơn vị chỉ giải trình và bổ sung tài liệu, vòng thẩm định tiếp theo mới quyết định điểm.' },
  APPRAISAL_UNKNOWN_CRITERION: { severity: 'error', en: 'The appraisal names "{code}", which is not a leaf criterion of {set}.', vi: 'Tệp thẩm định nhắc tới "{code}", không phải tiêu chí lá của bộ {set}.' },
} as const satisfies Record<string, CatalogEntry>;

export type DiagnosticCode = keyof typeof CATALOG;

/**
 * A template split once into text and parameter names: [text, name, text, name, …, text]. Filling a
 * template is then a few concatenations (diagnostics are built for every unit scored).
 */
const PARTS = new Map<string, string[]>();
function partsOf(template: string): string[] {
  let parts = PARTS.get(template);
  if (parts === undefined) {
    parts = template.split(/\{([A-Za-z]+)\}/);
    PARTS.set(template, parts);
  }
  return parts;
}

const has = (params: Params, name: string) => Object.prototype.hasOwnProperty.call(params, name);
/**
 * Put the params into a template. A Vietnamese variant ({countVi}) the caller did not give is the
 * plain param ({count}): numbers, codes and paths read the same in both languages. A {name} without
 * any param stays as written.
 */
function fill(template: string, params: Params): string {
  const parts = partsOf(template);
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    let name = parts[i]!;
    if (!has(params, name) && name.endsWith('Vi') && has(params, name.slice(0, -2))) name = name.slice(0, -2);
    out += (has(params, name) ? String(params[name]) : '{' + name + '}') + parts[i + 1]!;
  }
  return out;
}

/** Build a diagnostic from the catalog. */
export function diag(code: DiagnosticCode, path: string, params: Params = {}, severity?: Severity): Diagnostic {
  const entry: CatalogEntry = CATALOG[code];
  return {
    code,
    severity: severity ?? entry.severity,
    path,
    message: fill(entry.en, params),
    messageVi: fill(entry.vi, params),
    params,
  };
}

/** Escape one JSON pointer segment (RFC 6901). */
export function pointerSegment(segment: string | number): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Join segments into a JSON pointer. */
export function pointer(...segments: Array<string | number>): string {
  return segments.map((s) => '/' + pointerSegment(s)).join('');
}

/** Thrown by APIs that cannot return a result; carries every diagnostic. */
export class ParindexError extends Error {
  readonly diagnostics: Diagnostic[];
  readonly code: DiagnosticCode;
  constructor(diagnostics: Diagnostic[]) {
    const first = diagnostics[0];
    super(first ? `${first.code}${first.path ? ' at ' + first.path : ''}: ${first.message}` : 'Unknown parindex error');
    this.name = 'ParindexError';
    this.diagnostics = diagnostics;
    this.code = first?.code ?? 'JSON_SYNTAX';
  }
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
