/**
 * Benchmark "limit": a scorer written by hand for model.commune-par@2026 only, with plain JavaScript
 * numbers, no validation, no trace. It shows how fast the arithmetic alone can go; the engine is
 * compared with it. Keep it in step with rules/sets/model.commune-par/2026.json.
 *
 * score(evidence) → { fields: { '1': points, …, '8': points }, bonus, penalty, total }
 */

const clamp = (x, lo, hi) => Math.min(hi, Math.max(lo, x));

/** The unit's values and which criteria have a complete document (number and date). */
function index(evidence) {
  const v = Object.create(null);
  const docs = Object.create(null);
  for (const e of evidence.entries) {
    if (e.input !== undefined && e.value !== undefined) v[e.input] = e.value;
    if (e.values) for (const k in e.values) v[k] = e.values[k];
    if (e.criterion !== undefined && e.documents) for (const d of e.documents) if (d.number && d.number.trim() !== '' && d.date) docs[e.criterion + '/' + (d.for ?? '')] = true;
  }
  return { v, docs };
}

export function score(evidence) {
  const { v, docs } = index(evidence);
  const n = (id) => (typeof v[id] === 'string' ? Number(v[id]) : v[id]);
  const has = (...ids) => ids.every((id) => v[id] !== undefined);
  const yes = (id) => v[id] === true;
  const bool = (id, pts) => (has(id) ? (v[id] === true ? pts : 0) : 0);
  const level = (id, map) => (has(id) ? (map[v[id]] ?? 0) : 0);
  /** Ratio tiers by cross-multiplication: tiers = [[min, points], …] highest first, min inclusive. */
  const ratioTiers = (num, den, tiers, onZero) => {
    if (!has(num, den)) return 0;
    const d = n(den);
    if (d === 0) return onZero;
    const x = n(num) * 100;
    for (const [min, pts] of tiers) if (x >= min * d) return pts;
    return 0;
  };
  const valueTiers = (id, tiers) => {
    if (!has(id)) return 0;
    const x = n(id);
    for (const [min, pts] of tiers) if (x >= min) return pts;
    return 0;
  };
  const onTime = (ids, deadlines, points, late, missing) => {
    let anyLate = false;
    for (let i = 0; i < ids.length; i++) {
      const d = v[ids[i]];
      if (typeof d !== 'string') return missing;
      if (d > deadlines[i]) anyLate = true;
    }
    return anyLate ? late : points;
  };
  const survey = (id) => {
    const t = v[id];
    if (t === undefined) return 0;
    const a = t.rat_hai_long ?? 0,
      b = t.hai_long ?? 0,
      c = t.binh_thuong ?? 0,
      d = t.khong_hai_long ?? 0;
    const answers = a + b + c + d;
    if (answers < 30) return 0; // too few answers: missing evidence, 0 points
    return (6 * (a + 0.6 * b + 0.2 * c)) / answers;
  };
  const doc = (code, req, single) => docs[code + '/' + req] === true || (single && docs[code + '/'] === true);
  const group = (max, ...children) =>
    clamp(
      children.reduce((s, x) => s + x, 0),
      0,
      max,
    );

  // 1. Chỉ đạo, điều hành (10)
  let p111 = has('plan_issued_on') ? onTime(['plan_issued_on'], ['2026-01-31'], 1, 0.5, 0) : 0;
  if (!doc('1.1.1', 'plan', true)) p111 = Math.min(p111, 0); // missing evidence: zero
  const p112 = has('plan_tasks_identified', 'plan_budget_allocated') && yes('plan_tasks_identified') && yes('plan_budget_allocated') ? 1 : 0;
  const p113 = ratioTiers(
    'plan_tasks_done',
    'plan_tasks_total',
    [
      [100, 1],
      [80, 0.5],
    ],
    0,
  );
  const reports = ['report_q1_sent', 'report_h1_sent', 'report_9m_sent', 'report_year_sent'];
  const p12 = has(...reports) ? onTime(reports, ['2026-03-09', '2026-06-09', '2026-09-09', '2026-12-09'], 1, 0, 0) : 0;
  const p131 = bool('inspection_plan_issued', 0.25);
  const p132 = !has('inspections_done', 'inspections_planned') || n('inspections_planned') === 0 ? 0 : 0.75 * clamp((n('inspections_done') * 100) / n('inspections_planned') / 100, 0, 1);
  const p133 = v.inspection_findings === 0 ? 0 : ratioTiers('inspection_findings_fixed', 'inspection_findings', [[100, 0.5]], 0);
  const p141 = level('propaganda_plan', { dung_han: 0.5, tre_han: 0.25, khong_ban_hanh: 0 });
  const p142 = has('propaganda_online', 'propaganda_offline') ? (yes('propaganda_online') ? 0.5 : 0) + (yes('propaganda_offline') ? 0.5 : 0) : 0;
  const p15 = has('self_assessment_done') ? (yes('self_assessment_done') ? 0.5 : -0.25) : -0.25; // blank: the floor
  const p16 = level('par_committee_head', { chu_tich: 1, pho_chu_tich: 0.5, khong_co: 0 });
  const p17 = ratioTiers(
    'assigned_tasks_done',
    'assigned_tasks',
    [
      [90, 1.5],
      [80, 1],
      [70, 0.5],
      [50, 0.25],
    ],
    1.5,
  );
  const f1 = group(10, group(3, p111, p112, p113), p12, group(1.5, p131, p132, p133), group(1.5, p141, p142), p15, p16, p17);

  // 2. Xây dựng và tổ chức thực hiện văn bản QPPL (8)
  const p21 =
    v.qppl_assigned === 0
      ? 2
      : ratioTiers(
          'qppl_issued_on_time',
          'qppl_assigned',
          [
            [100, 2],
            [80, 1],
          ],
          0,
        );
  const p221 = bool('review_plan_done', 1);
  const p222 = v.qppl_faulty_found === 0 ? 1 : ratioTiers('qppl_faulty_handled', 'qppl_faulty_found', [[100, 1]], 0);
  const p231 = has('thpl_plan_issued_on') ? onTime(['thpl_plan_issued_on'], ['2026-01-31'], 0.5, 0.25, 0) : 0;
  const p232 = bool('thpl_report_sent', 0.5);
  let p24 = 0;
  if (has('pbgdpl_sessions', 'pbgdpl_digital')) {
    const s = n('pbgdpl_sessions');
    p24 = s >= 4 && v.pbgdpl_digital === true ? 2 : s >= 4 ? 1.5 : s >= 1 ? 1 : 0;
  }
  const p25 = bool('internal_rules_reviewed', 1);
  const f2 = group(8, p21, group(2, p221, p222), group(1, p231, p232), p24, p25);

  // 3. Thủ tục hành chính (15)
  const p311 = has('tthc_posted_center', 'tthc_posted_portal') && yes('tthc_posted_center') && yes('tthc_posted_portal') ? 1 : 0;
  const p312 = ratioTiers('apology_letters', 'late_dossiers', [[100, 1]], 1);
  const p32 = ratioTiers(
    'dossiers_on_time',
    'dossiers_resolved',
    [
      [98, 3],
      [95, 2],
      [90, 1],
    ],
    0,
  );
  const p331 = bool('workflows_approved', 1);
  const p332 = valueTiers('non_territorial_rate', [
    [60, 1],
    [30, 0.5],
  ]);
  const p341 = ratioTiers(
    'dossiers_digitised',
    'dossiers_resolved',
    [
      [100, 1],
      [90, 0.5],
    ],
    0,
  );
  const p342 = valueTiers('data_reuse_rate', [
    [80, 1],
    [50, 0.5],
  ]);
  const p35 = bool('simplification_proposed', 1);
  const p36 =
    v.feedback_received === 0
      ? 0
      : ratioTiers(
          'feedback_resolved',
          'feedback_received',
          [
            [100, 1],
            [90, 0.5],
          ],
          0,
        );
  const p371 = ratioTiers(
    'online_dossiers',
    'dossiers_received',
    [
      [80, 1.5],
      [50, 1],
      [20, 0.5],
    ],
    0,
  );
  const p372 = ratioTiers(
    'online_payments',
    'payment_transactions',
    [
      [55, 1.5],
      [30, 0.75],
    ],
    0,
  );
  const p373 = bool('all_eligible_online', 1);
  const f3 = group(15, group(2, p311, p312), p32, group(2, p331, p332), group(2, p341, p342), p35, p36, group(4, p371, p372, p373));

  // 4. Tổ chức bộ máy (7)
  const p411 = bool('functions_decided', 1);
  const p412 = level('public_units_rearranged', { hoan_thanh: 1, dang_thuc_hien: 0.5, chua_thuc_hien: 0 });
  const p413 = !has('village_merger_required') || v.village_merger_required === false ? 0 : v.village_merger_plan === true ? 1 : 0; // unknown: missing evidence
  const p42 = has('staff_quota', 'staff_count', 'staffing_report_sent') && n('staff_count') <= n('staff_quota') && yes('staffing_report_sent') ? 2 : 0;
  const p43 = bool('org_inspection_done', 1);
  const p44 = has('public_service_survey_report_on') ? onTime(['public_service_survey_report_on'], ['2026-12-31'], 1, 0, 0) : 0;
  const f4 = group(7, group(3, p411, p412, p413), p42, p43, p44);

  // 5. Công chức (9)
  const p51 = level('job_positions_status', { da_phe_duyet: 2, da_trinh: 1, chua_xay_dung: 0 });
  const p52 = has('appointment_violations') ? 1.5 - Math.min(1.5, 0.5 * n('appointment_violations')) : 0;
  const p53 = ratioTiers(
    'civil_servants_trained',
    'civil_servants',
    [
      [100, 2],
      [80, 1],
    ],
    0,
  );
  const p54 = bool('kpi_applied', 1.5);
  const f5 = group(9, p51, p52, p53, p54, group(2, bool('discipline_inspection_done', 1), bool('no_discipline_cases', 1)));

  // 6. Tài chính công (7)
  const p61 = has('budget_estimate_disclosed', 'budget_final_disclosed') ? (yes('budget_estimate_disclosed') ? 1 : 0) + (yes('budget_final_disclosed') ? 1 : 0) : 0;
  const p62 = has('asset_register_kept', 'asset_report_sent') && yes('asset_register_kept') && yes('asset_report_sent') ? 1.5 : 0;
  const p632 = valueTiers('recurrent_savings_rate', [
    [10, 1],
    [5, 0.5],
  ]);
  const p64 =
    n('investment_allocated') === 0
      ? 0
      : ratioTiers(
          'investment_disbursed',
          'investment_allocated',
          [
            [100, 2],
            [90, 1.5],
            [70, 1],
          ],
          0,
        );
  const f6 = group(7, p61, p62, group(1.5, bool('thrift_plan_issued', 0.5), p632), p64);

  // 7. Chính quyền số (14)
  const p71 = ratioTiers(
    'documents_electronic',
    'documents_exchanged',
    [
      [100, 2],
      [90, 1],
    ],
    0,
  );
  const p72 = valueTiers('work_files_online_rate', [
    [85, 2],
    [70, 1],
  ]);
  const p74 = level('iso_status', { duy_tri_cai_tien: 2, ap_dung: 1, chua_ap_dung: 0 });
  const p75 = has('digital_teams_all_villages', 'digital_teams_reports') ? (yes('digital_teams_all_villages') ? 1 : 0) + (yes('digital_teams_reports') ? 1 : 0) : 0;
  const p76 = valueTiers('portal_posts_per_week', [
    [2, 1],
    [1, 0.5],
  ]);
  const p78 = !has('digital_skills_trained', 'civil_servants') || n('civil_servants') === 0 ? 0 : clamp(n('digital_skills_trained') / n('civil_servants'), 0, 1);
  const p79 = valueTiers('vneid_rate', [
    [50, 2],
    [20, 1],
  ]);
  const f7 = group(14, p71, p72, bool('digital_signature_used', 1), p74, p75, p76, bool('online_meetings_held', 1), p78, p79);

  // 8. Điều tra xã hội học (30)
  const f8 = group(30, survey('survey_access'), survey('survey_procedure'), survey('survey_civil_servant'), survey('survey_result'), survey('survey_feedback'));

  // Bonus (max 1.5) and penalty (max 2).
  const b1 = Math.min(1, 0.5 * (n('initiatives_recognised') ?? 0));
  const bonus = clamp(b1 + (v.par_commendation === true ? 1 : 0), 0, 1.5);
  // A penalty item without its evidence takes its whole maximum off.
  const pe1 = has('reprimands') ? Math.min(1, 0.5 * n('reprimands')) : 1;
  const penalty = clamp(pe1 + (v.violation_concluded !== false ? 1 : 0), 0, 2);

  const fields = { 1: f1, 2: f2, 3: f3, 4: f4, 5: f5, 6: f6, 7: f7, 8: f8 };
  const total = Math.max(0, f1 + f2 + f3 + f4 + f5 + f6 + f7 + f8 + bonus - penalty);
  return { fields, bonus, penalty, total };
}
