/** The levels of units, in words (the evidence's unit.level, a set's unitLevels): one list for every sentence and form. */
import type { UnitLevel } from '@parindex/rules';

export const unitLevelsEn: Readonly<Record<UnitLevel, string>> = {
  province: 'province or centrally-run city',
  department: 'provincial department',
  ministry: 'ministry',
  district: 'rural district',
  urbanDistrict: 'urban district',
  town: 'district-level town',
  provincialCity: 'provincial city',
  commune: 'commune',
  ward: 'ward',
  township: 'township',
  specialZone: 'special zone',
};
