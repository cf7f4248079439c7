/** Error codes of the protocol area (protocol files, built-in protocols, dosing calendars). */
export const protocolErrorCodes = {
  InvalidProtocol: 'A protocol failed validation; the message names the first bad field by its path.',
  UnknownAssessment: 'A protocol names an assessment or outcome instrument the platform cannot record; the message names it and its path.',
  ProtocolFileUnreadable: 'A protocol file cannot be read or is not JSON.',
  ProtocolSourceRequired: 'A calendar needs exactly one of a built-in protocol id or a protocol file.',
  InvalidBodySize: 'A body surface area or body weight given for dosing is not a positive number.',
  InvalidHold: 'A dose hold given on the command line is not written DAY:REASON.',
  UnknownProtocol: 'No built-in protocol has the requested id; the message lists the known ids.',
  UnknownArm: 'The protocol has no arm with the requested id; the message lists its arms.',
  InvalidStartDate: 'A calendar start date is not a real calendar date written YYYY-MM-DD.',
  BodySurfaceRequired: 'A regimen dosed per m² of body surface needs the body surface area (m²).',
  WeightRequired: 'A regimen dosed per kg of body weight needs the body weight (kg).',
  MixedDoseUnits: "An arm's doses do not share one unit, so they cannot be added up.",
  HoldNotOnDoseDay: 'A dose hold names a study day on which no dose is due.',
  HoldShiftCollides: 'Shifting the rest of a cycle after a held dose would reach the next cycle.',
} as const;

export type ProtocolErrorCode = keyof typeof protocolErrorCodes;
