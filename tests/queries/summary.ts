/** A loaded dataset's summary, as the status store holds it, for the query tests. */
export const SUMMARY = {
  reports: 1,
  cells: 1,
  checks: 0,
  regions: 0,
  units: 1,
  synthetic: 0,
  years: [2021],
  provinces: [],
  loadMs: 1,
};
