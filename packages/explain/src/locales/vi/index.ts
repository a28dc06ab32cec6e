/** Tiếng Việt: every word and sentence parindex writes in Vietnamese (the default language). */
import { dec } from '@parindex/rules';
import { formatNumber } from '../../numbers.js';
import type { Locale } from '../../locale.js';
import { planVi } from './plan.js';
import { workbookVi } from './workbook.js';
import { boundsOf, notApplicableWords, partPointsOf, sortedTiers, valueWordsOf } from '../shared.js';
import { unitLevelsVi } from './levels.js';

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const roundMode = { halfUp: 'làm tròn nửa lên', halfEven: 'làm tròn nửa về số chẵn', down: 'làm tròn xuống', up: 'làm tròn lên' } as const;
/** " (làm tròn 2 chữ số thập phân, làm tròn nửa lên, rồi mới so sánh)" cho quy tắc làm tròn giá trị. */
const roundedFirst = (r: { places: number; mode: keyof typeof roundMode } | undefined) => (r ? ` (làm tròn ${r.places} chữ số thập phân, ${roundMode[r.mode]}, rồi mới so sánh)` : '');
const zeroPolicy = { notApplicable: 'không áp dụng', zeroPoints: '0 điểm', fullPoints: 'đạt tối đa' } as const;

export const vi: Locale = {
  lang: 'vi',
  plan: planVi,
  phrases: {
    scoreTitle: (t) => `Kết quả chấm điểm: ${t}`,
    entryAt: (n, line) => `mục ${n}${line !== undefined ? `, dòng ${line}` : ''}`,
    cellAt: (cell) => `ô ${cell}`,
    fromPlan: (plan, progress) => `lấy từ kế hoạch ${plan}${progress ? ' và tiến độ thực hiện' : ''}`,
    correction: (stage, from, who, reason) => `${stage} sửa từ ${from}${who.length ? ` (${who.join(', ')})` : ''}: ${reason}`,
    roundBy: (stage, who) => `${cap(stage)}${who.length ? ` (${who.join(', ')})` : ''}`,
    answersHeading: 'Giải trình của đơn vị với thẩm định',
    explainTitle: (u) => `Giải trình cách chấm: ${u}`,
    lostFirst: (n) => `${n} tiêu chí chưa đạt điểm tối đa được liệt kê trước.`,
    claimMatches: (c) => `Tự chấm ${c} điểm: khớp với minh chứng.`,
    claimDiffers: (c, m) => `Tự chấm ${c} điểm nhưng minh chứng chỉ đủ cho ${m} điểm.`,
    noAdvice: 'Không có cách tăng điểm nào tính được từ số liệu.',
    setMaximum: (m) => `(tối đa theo bộ ${m})`,
    notApplicableFull: 'Không áp dụng: tính đủ điểm',
    blockCapped: ' (đã áp mức trần)',
    indexOnScale: (s) => `Chỉ số (thang ${s})`,
    documentRef: (number, date, title) => [number ? `Số ${number}` : '', date ? `ngày ${date}` : '', title ?? ''].filter(Boolean).join(' '),
    claimNote: (c, m) => `Tự chấm ${c}; minh chứng đủ cho ${m}`,
    correctedNote: (stage, label, value, reason) => `${stage}: ${label} sửa thành ${value} (${reason})`,
    setListTitle: 'Các bộ tiêu chí có sẵn',
    setRef: 'Mã bộ',
    setStatus: { official: 'chính thức', model: 'mẫu', draft: 'dự thảo' },
    notApplicableLabel: 'Tiêu chí không áp dụng',
    notApplicablePolicy: { fullPoints: 'tính đủ điểm', reduceMaximum: 'trừ khỏi điểm tối đa' },
    missingEvidenceLabel: 'Thiếu minh chứng',
    missingEvidencePolicy: { zero: '0 điểm', scoreAndFlag: 'vẫn chấm, gắn cờ giải trình' },
    rankingLabel: 'Xếp hạng',
    rankingPolicy: { dense: 'đồng hạng, hạng sau liền số (1, 2, 3, 3, 4)', competition: 'đồng hạng, hạng sau nhảy số (1, 2, 3, 3, 5)' },
    rounding: (level, places, mode, part) =>
      `${part !== undefined ? `phần “${part}”` : { criterion: 'từng tiêu chí', field: 'từng lĩnh vực', part: 'từng phần', total: 'tổng điểm', index: 'chỉ số', meanIndex: 'chỉ số bình quân khi xếp hạng', share: 'tỉ lệ đơn vị mỗi loại khi xếp hạng' }[level]}: ${places} chữ số thập phân, ${roundMode[mode]}`,
    mayNotApply: (why) => `Có thể không áp dụng: ${why ?? 'có điều kiện'}`,
    blockHeading: (title, max) => `${title} (tối đa ${max})`,
    partsHeading: 'Các phần của chỉ số',
    partFields: (codes) => `Lĩnh vực ${codes.join(', ')}`,
    partRow: (points, max, exact) => `${points} / ${max}${exact !== undefined ? ` (chưa làm tròn: ${exact})` : ''}`,
    partsRule: (rule) =>
      rule === 'exactParts'
        ? 'Điểm từng phần được làm tròn để công bố; tổng điểm tính từ điểm chưa làm tròn của các phần (rồi làm tròn nếu bộ tiêu chí quy định).'
        : 'Tổng điểm là tổng điểm các phần đã làm tròn.',
    totalDiffers: (total, printed, exact, diff, rounded) =>
      `Tổng điểm ${total} khác tổng các phần đã công bố (${printed}) ${diff} điểm: tổng được tính từ điểm chưa làm tròn của các phần (${exact})${rounded ? ' rồi mới làm tròn' : ''}, theo quy định của bộ tiêu chí.`,
    dateUnknown: 'không rõ ngày',
    noNumber: 'không số',
    modelRule: 'Cách chấm là quy tắc mẫu của bộ tiêu chí, không có văn bản chính thức quy định',
    unitLevelsLabel: 'Cấp đơn vị',
    unitLevel: unitLevelsVi,
  },
  official: {
    nation: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    motto: 'Độc lập - Tự do - Hạnh phúc',
    title: (appraised) => (appraised ? 'BẢNG TỔNG HỢP KẾT QUẢ TỰ CHẤM ĐIỂM VÀ THẨM ĐỊNH' : 'BẢNG TỔNG HỢP KẾT QUẢ TỰ CHẤM ĐIỂM'),
    period: (p) => `Kỳ đánh giá: ${p}`,
    dateline: (place, d) => `${place ?? '……………'}, ${d ? `ngày ${d.d} tháng ${d.m} năm ${d.y}` : 'ngày …… tháng …… năm ……'}`,
    roundColumn: (stage) => `Điểm ${stage}`,
    roundNote: (stage, reason, by) => `${cap(stage)}: ${reason}${by ? ` (${by})` : ''}`,
    valueNote: (label, value, from) => (from === undefined ? `${label} = ${value}` : `${label}: ${from} → ${value}`),
    pointsNote: (from, to) => `điểm ${from} → ${to}`,
    preparer: 'NGƯỜI LẬP BIỂU',
    head: 'THỦ TRƯỞNG ĐƠN VỊ',
    appraiser: 'ĐẠI DIỆN TỔ THẨM ĐỊNH',
    signHint: '(Ký, ghi rõ họ tên)',
    sealHint: '(Ký tên, đóng dấu)',
    provenance: (p) =>
      `Nguồn gốc: chấm bằng ${p.engine}; bộ tiêu chí ${p.set}, SHA-256 ${p.setSha}; minh chứng SHA-256 ${p.evidenceSha}${
        p.plan
          ? ` (tệp minh chứng SHA-256 ${p.plan.evidenceSha256} cùng số liệu lấy từ kế hoạch ${p.plan.id}, SHA-256 ${p.plan.sha256}${p.plan.progressSha256 !== null ? `, và tệp tiến độ SHA-256 ${p.plan.progressSha256}` : ''})`
          : ''
      }${p.appraisalSha ? `; tệp thẩm định SHA-256 ${p.appraisalSha}` : ''}.`,
    page: { before: 'Trang ', between: '/' },
  },
  help: {
    usage: 'CÁCH DÙNG',
    commands: 'LỆNH',
    arguments: 'THAM SỐ',
    options: 'TÙY CHỌN',
    required: 'bắt buộc',
    defaultIs: 'mặc định',
    more: (c) => `Xem parindex ${c} --help để biết thêm về từng lệnh.`,
    seeHelp: (c) => `Xem hướng dẫn: ${c}`,
    severity: { error: 'lỗi', warning: 'cảnh báo' },
    internalError: (what) => `lỗi nội bộ (${what}). Đặt PARINDEX_DEBUG=1 để xem chi tiết và báo lỗi.`,
    placeholder: {
      file: 'tệp',
      'file…': 'tệp…',
      'file|folder…': 'tệp|thư mục…',
      'file.xlsx': 'tệp.xlsx',
      'id[@version]': 'mã[@phiên bản]',
      id: 'mã',
      code: 'mã',
      CODE: 'MÃ',
      progress: 'tiến độ',
      evidence: 'minh chứng',
      name: 'tên',
      bytes: 'số byte',
      ms: 'mili giây',
      level: 'cấp',
      address: 'địa chỉ',
      origin: 'nguồn trang',
    },
    command: {
      parindex: 'Chấm điểm Chỉ số cải cách hành chính chính xác, minh bạch',
      rules: 'Các bộ tiêu chí có sẵn: xem danh sách, xem một bộ',
      'rules list': 'Danh sách bộ tiêu chí có sẵn',
      'rules show': 'Xem một bộ tiêu chí: cây tiêu chí, điểm tối đa và cách chấm từng tiêu chí',
      template: 'Mẫu tệp minh chứng của một bộ tiêu chí, để đơn vị điền',
      validate: 'Kiểm tra tệp bộ tiêu chí, minh chứng và thẩm định: mọi lỗi kèm tệp:dòng:cột',
      score: 'Chấm điểm một tệp minh chứng: lĩnh vực, tổng điểm, chỉ số, xếp loại, lưu ý',
      explain: 'Giải thích từng điểm: cách chấm, số liệu, tài liệu, bậc áp dụng, cách tăng điểm',
      diff: 'So sánh hai kết quả theo từng tiêu chí: tự chấm và thẩm định, vòng và vòng, năm và năm',
      rank: 'Chấm điểm nhiều đơn vị theo một bộ tiêu chí và xếp hạng',
      plan: 'Kế hoạch CCHC: xem nhiệm vụ, tiến độ thực hiện, chỉ tiêu',
      'plan show': 'Xem kế hoạch: nhiệm vụ theo lĩnh vực, đơn vị chủ trì, thời hạn, sản phẩm',
      'plan status': 'Tiến độ thực hiện kế hoạch tính đến một ngày: hoàn thành, trễ hạn, quá hạn, sắp đến hạn',
      'plan targets': 'Các chỉ tiêu của kế hoạch: đạt hay chưa đạt, còn thiếu bao nhiêu',
      import: 'Đọc sổ tính Excel đã điền (mẫu của template --format xlsx) thành tệp minh chứng hoặc tệp thẩm định',
      appraisal: 'Tệp thẩm định: tạo mới',
      'appraisal init': 'Tạo tệp thẩm định (vòng 1 còn trống) gắn với mã băm của tệp minh chứng',
      serve: 'Chạy API JSON (và trang web) trên máy này',
    },
    formatOption: (list) => `Định dạng: ${list}`,
    formats: {
      table: 'table (màn hình)',
      json: 'json (dữ liệu của bộ máy chấm)',
      md: 'md',
      html: 'html (báo cáo in)',
      csv: 'csv (UTF-8 có BOM)',
      docx: 'docx (bảng điểm chính thức; cần --out)',
      xlsx: 'xlsx (sổ tính Excel; cần --out)',
    },
    option: {
      lang: 'Ngôn ngữ của nhãn và thông báo: vi (tiếng Việt) hoặc en (tiếng Anh)',
      out: 'Ghi kết quả vào tệp này thay vì ra màn hình',
      quiet: 'Không in cảnh báo hay tiến độ ra stderr',
      force: 'Thay thế tệp --out nếu đã có (có thể là tệp đã điền)',
      rules: 'Dùng tệp bộ tiêu chí này thay cho bộ có sẵn mà tệp minh chứng ghi',
      appraisal: 'Tệp thẩm định: chấm cả vòng thẩm định',
      round: 'Mã vòng thẩm định (round1, answer, round2…); mặc định: vòng cuối',
      evidence: 'Tệp minh chứng',
      'score.all': 'Hiện mọi tiêu chí, không chỉ các lĩnh vực (định dạng table)',
      'score.compact': 'Với --format json: dạng rút gọn (tổng điểm, các lĩnh vực, điểm và trạng thái của từng tiêu chí, không có diễn giải)',
      'explain.code': 'Mã một tiêu chí (hoặc lĩnh vực), ví dụ 3.2',
      'diff.a': 'Tệp minh chứng hoặc kết quả đã lưu (JSON của score --format json)',
      'diff.b': 'Tệp minh chứng hoặc kết quả đã lưu; bỏ trống khi có --appraisal để so tự chấm với vòng thẩm định',
      'diff.appraisal': 'Với một tệp minh chứng: so điểm tự chấm với vòng thẩm định này',
      'diff.round': 'Vòng của --appraisal (mặc định: vòng cuối)',
      'diff.appraisal-a': 'Tệp thẩm định của a',
      'diff.round-a': 'Vòng của --appraisal-a',
      'diff.appraisal-b': 'Tệp thẩm định của b',
      'diff.round-b': 'Vòng của --appraisal-b',
      'diff.all': 'Liệt kê cả các tiêu chí không thay đổi',
      'rank.paths': 'Tệp minh chứng, tệp thẩm định, sổ tính hoặc thư mục (tìm mọi tệp *.json và *.xlsx trong thư mục con)',
      'rank.set': 'Chỉ xếp hạng minh chứng của bộ tiêu chí này (mặc định: bộ của tệp minh chứng đầu tiên)',
      'rank.round': 'Khi có tệp thẩm định trong các đường dẫn: xếp hạng theo vòng này của từng tệp; mặc định: vòng cuối của từng tệp',
      'rank.threads': 'Chấm trên N luồng xử lý: luồng này và N − 1 luồng phụ (mặc định: mỗi lõi một luồng khi có từ 2.000 tệp; 1: không dùng luồng phụ)',
      'rules show.set': 'Bộ tiêu chí: mã hoặc mã@phiên bản (mặc định phiên bản mới nhất); bỏ trống khi có --rules',
      'rules show.rules': 'Xem tệp bộ tiêu chí này thay cho một bộ có sẵn (khi đó bỏ mã bộ)',
      'template.rules': 'Lập mẫu cho tệp bộ tiêu chí này thay cho một bộ có sẵn (khi đó bỏ mã bộ)',
      'template.level':
        'Cấp của đơn vị ghi vào tệp (mặc định: cấp đầu tiên bộ tiêu chí dành cho, nếu không có thì xã): province tỉnh, department sở, ministry bộ, district huyện, urbanDistrict quận, town thị xã, provincialCity thành phố thuộc tỉnh, commune xã, ward phường, township thị trấn, specialZone đặc khu',
      'template.set': 'Bộ tiêu chí: mã hoặc mã@phiên bản; bỏ trống khi có --rules',
      'template.unit': 'Mã đơn vị ghi vào tệp',
      'template.name': 'Tên đơn vị ghi vào tệp',
      plan: 'Tệp kế hoạch CCHC: tính các đầu vào của tiêu chí về kế hoạch từ nhiệm vụ của kế hoạch',
      progress: 'Tệp tiến độ của kế hoạch: tình trạng và sản phẩm của từng nhiệm vụ (cần --plan)',
      'plan show.plan': 'Tệp kế hoạch',
      'plan status.plan': 'Tệp kế hoạch',
      'plan status.progress': 'Tệp tiến độ; không có thì mọi nhiệm vụ coi như chưa thực hiện',
      'plan status.asOf': 'Ngày tính tiến độ (YYYY-MM-DD); mặc định: ngày cuối kỳ kế hoạch, không bao giờ lấy đồng hồ máy',
      'plan targets.plan': 'Tệp kế hoạch có "targets"',
      'plan targets.evidence': 'Tệp minh chứng của bộ chỉ tiêu mà kế hoạch gắn',
      'template.schema': 'Ghi thêm lược đồ JSON (JSON Schema) của minh chứng theo bộ này vào tệp đó; "$schema" của mẫu trỏ tới nó (trình soạn thảo gợi ý mã tiêu chí, mã đầu vào)',
      'template.format': 'Định dạng: json (tệp minh chứng) hoặc xlsx (sổ tính Excel để cán bộ điền)',
      'template.appraisal': 'Với --format xlsx: sổ tính thẩm định của tệp minh chứng này (JSON hoặc sổ tính)',
      'import.workbook': 'Sổ tính đã điền (.xlsx)',
      'appraisal init.evidence': 'Tệp minh chứng (JSON hoặc sổ tính .xlsx)',
      'validate.files': 'Các tệp cần kiểm tra (bộ tiêu chí, minh chứng, thẩm định, kế hoạch, tiến độ)',
      'serve.port': 'Cổng lắng nghe (0: một cổng còn trống)',
      'serve.host': 'Địa chỉ lắng nghe; mặc định 127.0.0.1 (chỉ máy này). Ví dụ 0.0.0.0 để máy khác trong mạng truy cập được',
      'serve.cors': 'Cho phép trang web ở nguồn (origin) này gọi API từ trình duyệt; mặc định không cho phép nguồn nào',
      'serve.timeout': 'Thời gian tối đa của một yêu cầu, tính bằng mili giây; quá hạn thì trả lỗi 503 API_TIMEOUT (mặc định: 10000, tức 10 giây)',
      'serve.lang': 'Ngôn ngữ của các dòng máy chủ in ra: vi hoặc en; câu trả lời của API theo ?lang= hoặc Accept-Language của từng yêu cầu',
      'serve.threads': 'Số luồng xử lý yêu cầu (mặc định: số lõi, tối đa 4)',
      'serve.max-body': 'Kích thước tối đa của nội dung một yêu cầu, tính bằng byte (mặc định 20 MB như giới hạn của tệp)',
    },
  },
  validate: {
    errors: 'Lỗi',
    warnings: 'Cảnh báo',
    valid: 'hợp lệ',
    invalid: 'có lỗi',
    kinds: { set: 'bộ tiêu chí', evidence: 'minh chứng', appraisal: 'thẩm định', result: 'kết quả chấm', plan: 'kế hoạch', progress: 'tiến độ kế hoạch' },
    summary: (c, n) => `${n(c.files)} tệp: ${n(c.valid)} hợp lệ, ${n(c.bad)} có lỗi (${n(c.errors)} lỗi, ${n(c.warnings)} cảnh báo).`,
    pin: (file, sha256) =>
      `${file}: mã SHA-256 của bộ tiêu chí là ${sha256}. Để chấm bằng bộ này trên trang web (@parindex/engine/scoring), hãy ghim mã đó: compile(set, { sha256 }); các bộ tiêu chí đi kèm parindex không cần ghim.`,
    hash: (kind, file, sha256) =>
      kind === 'evidence'
        ? `${file}: mã SHA-256 của minh chứng là ${sha256}, mã mà tệp thẩm định ghi ở "evidence.sha256" và kết quả chấm ghi ở "provenance.evidence.sha256".`
        : `${file}: mã SHA-256 của tệp thẩm định là ${sha256}, mã mà kết quả chấm ghi ở "provenance.appraisal.sha256".`,
    reproduced: (file, evidence) => `${file}: chấm lại từ ${evidence} cho đúng kết quả này, khớp từng con số.`,
  },
  template: {
    types: {
      boolean: 'true/false',
      level: 'mã mức',
      count: 'số nguyên',
      decimal: 'số (dấu chấm thập phân)',
      percent: 'tỉ lệ % (0–100)',
      date: 'ngày YYYY-MM-DD',
      tally: 'số phiếu theo từng phương án',
    },
    unit: 'đơn vị',
    optional: 'không bắt buộc',
    fillValues: 'Nhập vào "values": ',
    sharedFacts: 'Số liệu chung của đơn vị (nhập một lần, tại đây trong "values" hoặc ở tiêu chí khác): ',
    documents: 'Tài liệu kiểm chứng (thêm vào "documents" dạng {"for", "number", "date", "title"}): ',
    schemaTitle: (ref, title) => `Minh chứng theo ${ref}: ${title}`,
  },
  workbook: workbookVi,
  serve: {
    listening: (url, page) => `parindex: API JSON đang chạy tại ${url}/v1 (tài liệu: ${url}/v1/openapi.json)${page ? `; trang web: ${url}/` : '; trang web chưa được dựng (npx --yes pnpm@10 build)'}.`,
    stop: 'Nhấn Ctrl+C để dừng.',
  },
  rank: {
    title: (t) => `Xếp hạng: ${t}`,
    policy: {
      dense: 'Xếp hạng theo chỉ số từ cao xuống thấp; các đơn vị bằng chỉ số đồng hạng, đơn vị kế tiếp nhận hạng liền sau (1, 2, 3, 3, 4).',
      competition: 'Xếp hạng theo chỉ số từ cao xuống thấp; các đơn vị bằng chỉ số đồng hạng, đơn vị kế tiếp bỏ qua số hạng đã dùng (1, 2, 3, 3, 5).',
    },
    lastRound: 'vòng cuối của từng tệp',
    appraised: (n, _one, round) => ` ${n} đơn vị được xếp hạng theo kết quả thẩm định (${round}); các đơn vị khác theo điểm tự chấm.`,
    meanIndex: (n, _one, mean) => `Chỉ số bình quân (bình quân cộng chỉ số của ${n} đơn vị): ${mean}`,
    byBand: 'Nhóm xếp loại',
    unitCount: 'Số đơn vị',
    share: 'Tỉ lệ',
    units: 'Các đơn vị',
    allBands: 'Cộng',
    fieldMeans: 'Điểm bình quân theo lĩnh vực',
    meanShare: 'Tỉ lệ bình quân của các đơn vị',
    meanShareNote:
      'Tỉ lệ bình quân của các đơn vị: bình quân cộng tỉ lệ điểm đạt trên điểm tối đa áp dụng của từng đơn vị (các đơn vị có lĩnh vực áp dụng), tính như chỉ số bình quân. Khi điểm tối đa áp dụng khác nhau giữa các đơn vị, tỉ lệ này khác điểm bình quân chia cho điểm tối đa.',
    notRanked: (n) => `Không xếp hạng được (${n} tệp có lỗi)`,
    errors: (n) => `${n} lỗi`,
    unitLeftOut: (name, code) => `${name} (${code}) không được xếp hạng`,
    unusedAppraisals: 'Tệp thẩm định không dùng',
    skipped: 'Bỏ qua (không phải minh chứng của bộ tiêu chí này)',
    noThreads: 'không dùng được các luồng xử lý song song; chấm điểm trong tiến trình này',
  },
  diff: {
    title: 'So sánh hai kết quả chấm điểm',
    otherSets: (a, b, changes) => `Hai kết quả dùng hai bộ tiêu chí khác nhau (${a} → ${b}); tiêu chí được ghép theo mã. Khác biệt trong bộ tiêu chí: ${changes ?? 'không có'}.`,
    byCriterion: 'Thay đổi theo tiêu chí',
    counts: (c, n) =>
      `${n(c.changedLeaves)} tiêu chí thay đổi: ${n(c.raised)} tăng điểm, ${n(c.lowered)} giảm điểm${c.samePoints ? `, ${n(c.samePoints)} không đổi điểm` : ''}${c.oneSide ? `, ${n(c.oneSide)} chỉ có điểm ở một bên` : ''}.`,
    changed: 'đổi',
    same: 'giữ nguyên',
    onlyInA: 'Chỉ có ở A: bộ tiêu chí của B không còn tiêu chí này',
    onlyInB: 'Tiêu chí mới, chỉ có ở B',
    maxInSet: 'Điểm tối đa trong bộ tiêu chí',
    titleChanged: 'Tên tiêu chí đổi',
    ruleChanged: 'Cách chấm đổi',
    tier: 'Bậc',
    document: 'Tài liệu',
    override: (stage, from, to, reason, by, onlyInA) => `${stage} điều chỉnh ${from} → ${to}: ${reason}${by ? ` (${by})` : ''}${onlyInA ? ' [chỉ ở A]' : ''}`,
    explanationRemoved: '(bỏ)',
    kinds: {
      boolean: 'có/không',
      levels: 'theo mức',
      fraction: 'tỉ lệ theo mức',
      allOf: 'đạt đủ điều kiện',
      tiers: 'theo bậc',
      proportional: 'tỉ lệ thuận',
      parts: 'cộng từng phần',
      perItem: 'theo từng trường hợp',
      survey: 'điều tra xã hội học',
      onTime: 'đúng hạn',
      expression: 'biểu thức',
      given: 'điểm đã công bố',
      targets: 'theo chỉ tiêu đạt',
      group: 'nhóm tiêu chí',
      leaf: 'tiêu chí',
    },
  },
  words: {
    points: 'điểm',
    max: 'Điểm tối đa',
    applicableMax: 'Điểm tối đa áp dụng',
    code: 'Mã',
    stt: 'STT',
    field: 'Lĩnh vực',
    criterion: 'Lĩnh vực / tiêu chí',
    title: 'Tên',
    rule: 'Cách chấm',
    selfScore: 'Điểm tự chấm',
    appraised: 'Điểm thẩm định',
    score: 'Điểm',
    percent: 'Tỉ lệ',
    documents: 'Tài liệu kiểm chứng',
    notes: 'Ghi chú',
    total: 'Tổng điểm',
    index: 'Chỉ số',
    classification: 'Xếp loại',
    unit: 'Đơn vị',
    criteriaSet: 'Bộ tiêu chí',
    period: 'Kỳ đánh giá',
    stage: 'Kết quả',
    self: 'tự chấm',
    status: 'Trạng thái',
    issuer: 'Cơ quan ban hành',
    decision: 'Văn bản',
    scale: 'Thang điểm',
    policies: 'Quy định chung',
    rounding: 'Làm tròn',
    none: 'không',
    sample: 'Số liệu mẫu (không phải số liệu thật của đơn vị)',
    flags: 'Lưu ý',
    bonus: 'Điểm thưởng',
    penalty: 'Điểm trừ',
    rank: 'Hạng',
    name: 'Tên đơn vị',
    mean: 'Bình quân',
    meanIndex: 'Chỉ số bình quân',
    unclassified: 'Chưa xếp loại',
    inputs: 'Số liệu',
    steps: 'Cách tính',
    improve: 'Để tăng điểm',
    provided: 'có',
    missing: 'thiếu',
    optional: 'không bắt buộc',
    entry: 'mục',
    change: 'Thay đổi',
    why: 'Lý do',
    fullMarks: 'Đạt tối đa',
    file: 'Tệp',
    kind: 'Loại',
    result: 'Kết quả',
    source: 'Nguồn',
    yes: 'có',
    no: 'không',
    empty: '(trống)',
    and: 'và',
    or: 'hoặc',
    not: 'không phải',
    ifWord: 'nếu',
    thenWord: 'thì',
    otherwise: 'còn lại',
    in: 'thuộc',
    notIn: 'không thuộc',
    met: 'đạt',
    notMet: 'không đạt',
    minOf: 'nhỏ nhất',
    maxOf: 'lớn nhất',
    explanation: 'giải trình',
    number: 'Số',
    dated: 'ngày',
    notGiven: 'chưa có',
    correctedTo: 'sửa thành',
    claimed: 'Tự chấm',
    supports: 'minh chứng đủ cho',
    missingLabel: 'Thiếu',
    explanationLabel: 'Giải trình',
    setMaximum: 'tối đa theo bộ',
    tied: 'Đồng hạng',
  },
  flags: {
    notApplicable: 'Không áp dụng',
    missingInput: 'Thiếu số liệu',
    missingDocument: 'Thiếu tài liệu kiểm chứng',
    needsExplanation: 'Cần giải trình',
    explained: 'Đã giải trình',
    claimMismatch: 'Điểm tự chấm khác điểm tính theo minh chứng',
    invalid: 'Không hợp lệ',
    capped: 'Bị giới hạn mức trần',
    belowZero: 'Bị trừ dưới 0',
    overridden: 'Điểm do thẩm định điều chỉnh',
    corrected: 'Số liệu được thẩm định sửa',
  },
  statuses: {
    scored: 'đã chấm',
    notApplicable: 'không áp dụng',
    missingEvidence: 'thiếu minh chứng',
    invalid: 'không hợp lệ',
    overridden: 'thẩm định điều chỉnh',
  },
  points: (text) => `${text} điểm`,
  unitAfter: (unit) => unit,
  stage(stage) {
    if (stage === 'self') return 'tự chấm';
    const m = /^round([0-9]+)$/.exec(stage);
    if (m) return `thẩm định vòng ${m[1]}`;
    return stage === 'answer' ? 'giải trình' : stage;
  },
  bounds(t, suffix, n) {
    const v = (x: string | number) => `${n(x)}${suffix}`;
    const minIn = t.minInclusive ?? true;
    const maxIn = t.maxInclusive ?? false;
    if (t.min !== undefined && t.max !== undefined) {
      if (dec(t.min).eq(dec(t.max))) return `Bằng ${v(t.min)}`;
      return `${minIn ? 'Từ' : 'Trên'} ${v(t.min)} ${maxIn ? 'đến' : 'đến dưới'} ${v(t.max)}`;
    }
    if (t.min !== undefined) return minIn ? `Từ ${v(t.min)} trở lên` : `Trên ${v(t.min)}`;
    if (t.max !== undefined) return maxIn ? `Không quá ${v(t.max)}` : `Dưới ${v(t.max)}`;
    return 'Mọi giá trị';
  },
  reach: (after, gain, say) => (after === null ? 'để được chấm điểm' : `để đạt ${say.pts(after)} (+${say.n(gain ?? '0')})`),
  steps: {
    ratio: (s, say) => `Tỉ lệ = ${say.n(s.numerator.value)} ÷ ${say.n(s.denominator.value)}${s.times !== '1' ? ` × ${say.n(s.times)}` : ''} = ${say.n(s.value)}`,
    value: (s, say) => `${say.input(s.input).label} = ${say.n(s.value)}`,
    zeroDenominator: (s, say) => `Mẫu số bằng 0 (${say.input(s.input).label}): ${zeroPolicy[s.policy]}`,
    boolean: (s, say) => `${say.input(s.input).label}: ${say.word(s.value ? 'yes' : 'no')} → ${say.pts(s.points)}`,
    level: (s, say) => `${say.input(s.input).label}: ${say.option(s.input, s.level)} → ${say.pts(s.points)}${s.fraction ? ` (${say.n(s.fraction)} × tối đa)` : ''}`,
    condition: (s, say) => `${say.conditionAt(s.at)}: ${s.result ? 'đạt' : 'không đạt'}`,
    tier: (s, say, code) => `Bậc áp dụng: ${say.tierLabel(code, s.index) ?? vi.bounds(boundsOf(s), say.suffix(code), say.n)} → ${say.pts(s.points)}`,
    proportional: (s, say, code) =>
      s.belowBand
        ? `${say.n(s.value)}${say.suffix(code)} ${s.belowBand.minInclusive ? 'dưới' : 'không quá'} ${say.n(s.belowBand.min)}${say.suffix(code)}, ngoài khoảng tính theo tỉ lệ → ${say.pts(s.points)}`
        : `Tỉ lệ điểm ${say.n(s.fraction)} → ${say.pts(s.points)}`,
    part: (s, say, code) => `${say.part(code, s.id)}: ${s.met ? 'đạt' : 'không đạt'} → ${say.pts(s.points)}`,
    perItem: (s, say) => `${say.n(s.items)} trường hợp × ${say.n(s.each)} = ${say.n(s.change)}${s.limited ? ' (đã áp giới hạn)' : ''}; ${say.n(s.base)} → ${say.pts(s.points)}`,
    // Not scored (fewer answers than the rule needs) the step holds share 0 though answers were weighted.
    survey: (s, say) =>
      s.share === '0' && s.weighted !== '0'
        ? `${say.n(s.answers)} phiếu, chưa đủ số phiếu để chấm → ${say.pts(s.points)}`
        : `${say.n(s.answers)} phiếu, tỉ lệ có trọng số ${say.n(s.share)} → ${say.pts(s.points)}`,
    onTime: (s, say, code) =>
      `${say.onTimeLabel(code, s.input) ?? say.input(s.input).label}: ${s.date ? say.date(s.date) : '—'} (hạn ${s.deadline ? say.date(s.deadline) : '—'}) — ${s.status === 'onTime' ? 'đúng hạn' : s.status === 'late' ? `trễ ${say.n(String(s.daysLate ?? 0))} ngày` : 'chưa có'}`,
    onTimeResult: () => null,
    expression: (s, say) => `Kết quả biểu thức: ${say.n(s.result)}`,
    given: (s, say) => `Điểm đã công bố (${say.input(s.input).label}): ${say.pts(s.value)}`,
    roundValue: (s, say, code) =>
      `Giá trị dùng để so sánh, làm tròn ${s.places} chữ số thập phân (${roundMode[s.mode]}): ${say.n(s.from)}${say.suffix(code)} → ${formatNumber(s.to, 'vi', { places: s.places, fixed: true })}${say.suffix(code)}`,
    targets: (s, say) => `Đạt ${say.n(s.met.value)}/${say.n(s.of.value)} chỉ tiêu${s.of.input ? ` (${say.input(s.of.input).label})` : ''}, mỗi chỉ tiêu ${say.n(s.each)} điểm: → ${say.pts(s.points)}`,
    zeroTargets: (s, say) => `Không có chỉ tiêu nào (${say.input(s.input).label} bằng 0): ${zeroPolicy[s.policy]}`,
    clamp: (s, say) =>
      `${{ floor: 'Không thấp hơn mức sàn', cap: 'Giới hạn ở mức trần', max: 'Giới hạn ở điểm tối đa', scale: 'Chỉ số giới hạn ở thang điểm' }[s.bound]}: ${say.n(s.from)} → ${say.n(s.to)}`,
    aboveScale: (s, say) => `Chỉ số ${say.n(s.index)} vượt thang điểm ${say.n(s.scale)} (bộ tiêu chí cho phép nhờ điểm thưởng)`,
    round: (s, say) => `Làm tròn${s.part ? ` phần “${say.indexPart(s.part)}”` : ''} ${s.places} chữ số thập phân (${roundMode[s.mode]}): ${say.n(s.from)} → ${say.n(s.to)}`,
    partsTotal: (s, say) =>
      s.rule === 'exactParts'
        ? `Cộng điểm các phần theo điểm chưa làm tròn: ${say.n(s.exact)} (điểm từng phần chỉ làm tròn khi công bố; cộng các phần đã làm tròn được ${say.n(s.printed)})`
        : `Cộng điểm các phần đã làm tròn: ${say.n(s.printed)} (chưa làm tròn: ${say.n(s.exact)})`,
    notApplicable: (s, say, code) => {
      const cause = notApplicableCause(s, say, code);
      const policy = s.policy === 'fullPoints' ? 'tính đủ điểm' : 'trừ khỏi điểm tối đa';
      // A set's reason often says the policy itself ("…: tính đủ điểm"): it is not said twice.
      return cause.endsWith(policy) ? `Không áp dụng (${cause})` : `Không áp dụng (${cause}): ${policy}`;
    },
    missing: (s, say, code) => {
      const what = [...s.inputs.map((i) => say.input(i).label), ...s.documents.map((d) => say.document(code, d))].join(', ');
      // Without a figure the rule cannot run, whatever the policy (which says what a missing document does).
      const outcome = s.inputs.length > 0 ? 'chưa đủ số liệu để chấm' : s.policy === 'zero' ? '0 điểm' : 'vẫn chấm, cần giải trình';
      return `Thiếu: ${what} — ${outcome}${s.explanation ? ` (giải trình: ${s.explanation})` : ''}`;
    },
    override: (s, say) => `${cap(say.stage(s.round))}${s.date !== undefined ? ` (${say.date(s.date)})` : ''}: ${say.n(s.from)} → ${say.pts(s.to)} — ${s.reason}${s.by ? ` (${s.by})` : ''}`,
  },
  improvements: {
    raise: (im, say) => {
      const i = say.input(im.input);
      const sfx = i.unit === '%' ? '%' : '';
      const to = `${im.strict ? 'trên ' : ''}${say.n(im.to)}${sfx}`;
      // A rate moves by percentage points, which "thêm 15%" would misstate (15% of 45% is 6.75): from and to say it.
      const s = sfx
        ? `Tăng “${i.label}” từ ${say.n(im.from)}% lên ${to} ${vi.reach(im.pointsAfter, im.gain, say)}`
        : `Tăng “${i.label}” thêm ${say.n(im.delta)}${i.unit ? ' ' + i.unit : ''} (từ ${say.n(im.from)} lên ${to}) ${vi.reach(im.pointsAfter, im.gain, say)}`;
      return im.feasible ? s : `${s} — không thể đạt với số liệu hiện có`;
    },
    raiseRatio: (im, say, code) => {
      const n = say.input(im.numerator);
      const target = `${im.above ? 'trên ' : ''}${say.n(im.target)}${say.suffix(code)}`;
      const s = `Thêm ${say.n(im.delta)} ${n.phrase} ${vi.reach(im.pointsAfter, im.gain, say)} (${say.n(im.from)} → ${im.strict ? 'trên ' : ''}${say.n(im.to)}; tỉ lệ ${target})`;
      return im.feasible ? s : `${s} — vượt quá “${say.input(im.denominator).label}”, không thể đạt`;
    },
    lower: (im, say) => {
      const i = say.input(im.input);
      return `Giảm “${i.label}” ${say.n(im.delta)}${i.unit ? ' ' + i.unit : ''} (từ ${say.n(im.from)} xuống ${say.n(im.to)}) ${vi.reach(im.pointsAfter, im.gain, say)}`;
    },
    set: (im, say) => {
      const label = say.input(im.input).label;
      if (im.to === true) return `Đáp ứng “${label}” ${vi.reach(im.pointsAfter, im.gain, say)}`;
      const to = typeof im.to === 'boolean' ? say.word(im.to ? 'yes' : 'no') : say.option(im.input, im.to);
      return `Đạt mức “${to}” cho “${label}” ${vi.reach(im.pointsAfter, im.gain, say)}`;
    },
    meet: (im, say) => `Đáp ứng điều kiện: ${im.conditions.map((at) => say.conditionAt(at)).join(' và ')} ${vi.reach(im.pointsAfter, im.gain, say)}`,
    onTime: (im, say) => `Hoàn thành đúng hạn ${im.inputs.map((x) => `“${say.input(x).label}”`).join(', ')} ${vi.reach(im.pointsAfter, im.gain, say)}`,
    provide: (im, say, code) => {
      const parts: string[] = [];
      if (im.inputs.length) parts.push(im.inputs.map((x) => `“${say.input(x).label}”`).join(', '));
      if (im.documents.length) parts.push('tài liệu ' + im.documents.map((x) => `“${say.document(code, x)}”`).join(', '));
      return `Bổ sung ${parts.join(' và ')} ${vi.reach(im.pointsAfter, im.gain, say)}`;
    },
    // What the survey must show, not ballots to add: the share is the citizens' answer to the service.
    survey: (im, say) =>
      im.share !== undefined && im.target !== undefined
        ? `Nâng tỉ lệ có trọng số của “${say.input(im.input).label}” từ ${say.n(im.share)} lên ít nhất ${say.n(im.target)} ${vi.reach(im.pointsAfter, im.gain, say)}`
        : `Thêm ${say.n(im.more)} phiếu trả lời “${say.option(im.input, im.option)}” ${vi.reach(im.pointsAfter, im.gain, say)}`,
    none: (im) =>
      ({
        ruleMaximum: 'Quy tắc chấm không cho thêm điểm ở bất kỳ giá trị nào',
        noBetterValue: 'Không có giá trị nào của các số liệu cho thêm điểm',
        searchBound: 'Không tìm được thay đổi nào cho thêm điểm trong giới hạn tìm kiếm',
        givenPoints: 'Điểm do cơ quan khác công bố: đơn vị không tự tăng được (chỉ thay đổi khi số liệu công bố được đính chính)',
      })[im.reason],
  },
  rules: {
    boolean: (r, say, c) => `${cap(say.input(r.input).label)}: ${say.pts(r.points ?? c.max)}; không: ${say.pts(r.otherwise ?? 0)}`,
    levels: (r, say) =>
      Object.entries(r.points)
        .map(([k, v]) => `${cap(say.option(r.input, k))}: ${say.pts(v)}`)
        .join('; '),
    fraction: (r, say, c) =>
      Object.entries(r.fractions)
        .map(([k, f]) => `${cap(say.option(r.input, k))}: ${say.pts(dec(f).times(dec(c.max)).toFixed())}`)
        .join('; '),
    allOf: (r, say, c) => `Đạt đủ các điều kiện (${r.conditions.map((x) => say.condition(x)).join('; ')}): ${say.pts(r.points ?? c.max)}; không: ${say.pts(r.otherwise ?? 0)}`,
    tiers: (r, say, c) => {
      const v = valueWords(r.value, say);
      const tiers = sortedTiers(r.tiers)
        .map((t) => `${vi.bounds(t, say.suffix(c.code), say.n)}: ${say.pts(t.points)}`)
        .join('; ');
      return `${cap(v)}${roundedFirst(r.roundValue)} — ${tiers}${r.onZeroDenominator && 'ratio' in r.value ? ` (mẫu số bằng 0: ${zeroPolicy[r.onZeroDenominator]})` : ''}`;
    },
    proportional: (r, say, c) => {
      const sfx = say.suffix(c.code);
      const band = r.band ? `; ${r.band.minInclusive ? 'dưới' : 'không quá'} ${say.n(r.band.min)}${sfx} → 0 điểm` : '';
      return `Tỉ lệ theo ${valueWords(r.value, say)}${roundedFirst(r.roundValue)}: ${say.n(r.zeroAt ?? 0)}${sfx} → 0 điểm, ${say.n(r.fullAt)}${sfx} → ${say.pts(c.max)}${band}`;
    },
    parts: (r, say, c) => r.parts.map((p) => `${cap(say.part(c.code, p.id))}: ${say.pts(partPointsOf(p, c.max))}`).join('; cộng '),
    perItem: (r, say, c) => {
      const each = dec(r.each);
      const verb = each.isNegative() ? 'trừ' : 'cộng';
      const unit = say.input(r.input).unit ?? 'trường hợp';
      const limit = r.limit !== undefined ? ` (tối đa ${verb} ${say.pts(r.limit)})` : '';
      return `${say.pts(r.base ?? (each.isNegative() ? c.max : 0))}, mỗi ${unit} (${say.input(r.input).label}) ${verb} ${say.pts(each.abs().toFixed())}${limit}`;
    },
    survey: (r, say) =>
      `Điểm tối đa × tỉ lệ trả lời có trọng số (${Object.entries(r.weights)
        .map(([k, w]) => `${say.option(r.input, k)} ${say.n(dec(w).times(100).toFixed())}%`)
        .join(', ')})${r.minAnswers !== undefined ? `; cần ít nhất ${say.n(r.minAnswers)} phiếu` : ''}`,
    onTime: (r, say, c) => {
      const items = r.items
        .map((i) => `${say.onTimeLabel(c.code, i.input) ?? say.input(i.input).label} (hạn ${typeof i.deadline === 'string' ? say.date(i.deadline) : say.input(i.deadline.input).label})`)
        .join(', ');
      return `Tất cả đúng hạn [${items}]: ${say.pts(r.points ?? c.max)}; có trễ hạn: ${say.pts(r.late ?? 0)}; chưa thực hiện: ${say.pts(r.missing ?? 0)}`;
    },
    expression: (r, say) => `Theo biểu thức: ${say.condition({ logic: r.logic })}`,
    given: (r, say, c) => `Lấy điểm đã công bố ở “${say.input(r.input).label}” (do cơ quan khác công bố), từ 0 đến ${say.pts(c.max)}`,
    targets: (r, say, c) => `Mỗi chỉ tiêu đạt (${say.input(r.met).label}) được ${say.pts(c.max)} ÷ ${typeof r.of === 'string' ? `“${say.input(r.of).label}”` : `${say.n(r.of)} chỉ tiêu`}`,
  },
};

const valueWords = valueWordsOf('÷', '×');

function notApplicableCause(s: Parameters<Locale['steps']['notApplicable']>[0], say: Parameters<Locale['steps']['notApplicable']>[1], code: string | undefined): string {
  return notApplicableWords(s, say, code, {
    zeroDenominator: (label) => `mẫu số bằng 0: ${label}`,
  });
}
