/** The levels of units, in words (the evidence's unit.level, a set's unitLevels): one list for every sentence and form. */
import type { UnitLevel } from '@parindex/rules';

export const unitLevelsVi: Readonly<Record<UnitLevel, string>> = {
  province: 'tỉnh, thành phố trực thuộc trung ương',
  department: 'sở, ban, ngành',
  ministry: 'bộ, cơ quan ngang bộ',
  district: 'huyện',
  urbanDistrict: 'quận',
  town: 'thị xã',
  provincialCity: 'thành phố thuộc tỉnh',
  commune: 'xã',
  ward: 'phường',
  township: 'thị trấn',
  specialZone: 'đặc khu',
};
