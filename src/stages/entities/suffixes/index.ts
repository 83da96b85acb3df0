// Organizations and places found by their last word (公司 集团 大学 委员会 …, 省 市 县 镇 湖 港 …) and the
// other rules on names of bodies: every rule of suffixes/ that the tagger runs.
export { DESCRIPTIVE_HEAD } from './heads.js';
export { congressSpans } from './congresses.js';
export { recognizeGluedCommittees } from './committees.js';
export { recognizeLevelPrefixedOrgs } from './level-prefixed-orgs.js';
export { recognizeListedOrgs } from './listed-orgs.js';
export { recognizeMissions } from './missions.js';
export { recognizeOrgSuffixes } from './orgs.js';
export { recognizeOrgUnits } from './units.js';
export { recognizePeriodicals } from './periodicals.js';
export { recognizePlacePrefixedOrgs } from './place-prefixed-orgs.js';
export { recognizePlaceSuffixes } from './places.js';
export { recognizeQuotedOrgs } from './quoted-orgs.js';
export { recognizeSmallPlaces } from './small-places.js';
export { recognizeTeams } from './teams.js';
