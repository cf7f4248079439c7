/**
 * The parts of a ClinicalTrials.gov API v2 study record (GET /api/v2/studies/{nctId}) the import
 * reads. Field names are the API's (see api-v2-studies-metadata.json in the fixtures' source); every
 * module is optional here, and the import says which it needed and did not find.
 */
export interface DateStruct {
  readonly date?: string;
  readonly type?: string;
}

export interface ArmGroup {
  readonly label?: string;
  readonly type?: string;
  readonly description?: string;
  readonly interventionNames?: readonly string[];
}

export interface RecordIntervention {
  readonly type?: string;
  readonly name?: string;
  readonly description?: string;
  readonly armGroupLabels?: readonly string[];
  readonly otherNames?: readonly string[];
}

export interface RecordOutcome {
  readonly measure?: string;
  readonly description?: string;
  readonly timeFrame?: string;
}

export interface RecordContact {
  readonly name?: string;
  readonly role?: string;
  readonly phone?: string;
  readonly email?: string;
  readonly affiliation?: string;
}

export interface RecordLocation {
  readonly facility?: string;
  readonly status?: string;
  readonly city?: string;
  readonly state?: string;
  readonly zip?: string;
  readonly country?: string;
  readonly contacts?: readonly RecordContact[];
}

export interface ProtocolSection {
  readonly identificationModule?: {
    readonly nctId?: string;
    readonly orgStudyIdInfo?: { readonly id?: string };
    readonly briefTitle?: string;
    readonly officialTitle?: string;
    readonly acronym?: string;
  };
  readonly statusModule?: {
    readonly overallStatus?: string;
    readonly startDateStruct?: DateStruct;
    readonly primaryCompletionDateStruct?: DateStruct;
    readonly completionDateStruct?: DateStruct;
    readonly studyFirstPostDateStruct?: DateStruct;
    readonly lastUpdatePostDateStruct?: DateStruct;
  };
  readonly sponsorCollaboratorsModule?: { readonly leadSponsor?: { readonly name?: string } };
  readonly descriptionModule?: { readonly briefSummary?: string; readonly detailedDescription?: string };
  readonly conditionsModule?: { readonly conditions?: readonly string[] };
  readonly designModule?: {
    readonly studyType?: string;
    readonly phases?: readonly string[];
    readonly designInfo?: {
      readonly allocation?: string;
      readonly interventionModel?: string;
      readonly primaryPurpose?: string;
      readonly maskingInfo?: { readonly masking?: string; readonly whoMasked?: readonly string[] };
    };
    readonly enrollmentInfo?: { readonly count?: number; readonly type?: string };
  };
  readonly armsInterventionsModule?: { readonly armGroups?: readonly ArmGroup[]; readonly interventions?: readonly RecordIntervention[] };
  readonly outcomesModule?: {
    readonly primaryOutcomes?: readonly RecordOutcome[];
    readonly secondaryOutcomes?: readonly RecordOutcome[];
    readonly otherOutcomes?: readonly RecordOutcome[];
  };
  readonly eligibilityModule?: {
    readonly eligibilityCriteria?: string;
    readonly healthyVolunteers?: boolean;
    readonly sex?: string;
    readonly minimumAge?: string;
    readonly maximumAge?: string;
  };
  readonly contactsLocationsModule?: {
    readonly centralContacts?: readonly RecordContact[];
    readonly overallOfficials?: readonly RecordContact[];
    readonly locations?: readonly RecordLocation[];
  };
  readonly referencesModule?: { readonly references?: readonly { readonly pmid?: string; readonly type?: string; readonly citation?: string }[] };
}

export interface StudyRecord {
  readonly protocolSection: ProtocolSection;
  readonly resultsSection?: Record<string, unknown>;
  readonly hasResults?: boolean;
  readonly [section: string]: unknown;
}
