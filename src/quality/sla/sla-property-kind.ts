/**
 * What an SLA property name means. ODCS names are case-insensitive and each has a two-letter
 * synonym (ODCS v3.1 "Valid Values for SLA Properties"); `freshness` and `uptime` are the older
 * spellings of latency and availability that compat/contract also reads.
 */
export type SlaPropertyKind =
  | 'latency'
  | 'retention'
  | 'frequency'
  | 'timeOfAvailability'
  | 'availability'
  | 'generalAvailability'
  | 'endOfSupport'
  | 'endOfLife'
  | 'throughput'
  | 'errorRate'
  | 'timeToDetect'
  | 'timeToNotify'
  | 'timeToRepair';

const KINDS: Readonly<Record<string, SlaPropertyKind>> = {
  latency: 'latency',
  ly: 'latency',
  freshness: 'latency',
  retention: 'retention',
  re: 'retention',
  frequency: 'frequency',
  fy: 'frequency',
  timeofavailability: 'timeOfAvailability',
  availability: 'availability',
  av: 'availability',
  uptime: 'availability',
  generalavailability: 'generalAvailability',
  ga: 'generalAvailability',
  endofsupport: 'endOfSupport',
  es: 'endOfSupport',
  endoflife: 'endOfLife',
  el: 'endOfLife',
  throughput: 'throughput',
  th: 'throughput',
  errorrate: 'errorRate',
  er: 'errorRate',
  timetodetect: 'timeToDetect',
  td: 'timeToDetect',
  timetonotify: 'timeToNotify',
  tn: 'timeToNotify',
  timetorepair: 'timeToRepair',
  tr: 'timeToRepair',
};

/** The kind a property name stands for; undefined for names ODCS does not list. */
export function slaPropertyKind(property: string): SlaPropertyKind | undefined {
  return KINDS[property.trim().toLowerCase()];
}
