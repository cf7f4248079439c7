import { describe, expect, it } from 'vitest';
import { odmFormDefinitions } from './odm-forms.js';
import { readOdm } from './odm-read.js';

/** A small ODM 1.3.2 file written by hand: one visit, a form with a coded item, a ranged decimal with its unit, a text and a date. */
const odm = (itemDefs = '') => `<?xml version="1.0" encoding="UTF-8"?>
<ODM xmlns="http://www.cdisc.org/ns/odm/v1.3" ODMVersion="1.3.2" FileOID="F1" FileType="Snapshot" CreationDateTime="2025-01-01T00:00:00">
 <Study OID="S1">
  <GlobalVariables><StudyName>s</StudyName><StudyDescription>s</StudyDescription><ProtocolName>s</ProtocolName></GlobalVariables>
  <BasicDefinitions><MeasurementUnit OID="MU.kg" Name="kg"><Symbol><TranslatedText xml:lang="en">kg</TranslatedText></Symbol></MeasurementUnit></BasicDefinitions>
  <MetaDataVersion OID="MDV.1" Name="v1">
   <Protocol><StudyEventRef StudyEventOID="SE.d1" OrderNumber="1" Mandatory="Yes"/></Protocol>
   <StudyEventDef OID="SE.d1" Name="Day 1" Repeating="No" Type="Scheduled"><FormRef FormOID="F.Vitals" Mandatory="No"/></StudyEventDef>
   <FormDef OID="F.Vitals" Name="Vital signs" Repeating="No"><ItemGroupRef ItemGroupOID="IG.v" Mandatory="Yes"/></FormDef>
   <ItemGroupDef OID="IG.v" Name="Vitals" Repeating="No">
    <ItemRef ItemOID="IT.sex" Mandatory="Yes"/><ItemRef ItemOID="IT.weight" Mandatory="No"/><ItemRef ItemOID="IT.note" Mandatory="No"/><ItemRef ItemOID="IT.seen" Mandatory="No"/>
   </ItemGroupDef>
   <ItemDef OID="IT.sex" Name="vitals.sex" DataType="integer"><Question><TranslatedText xml:lang="de">Geschlecht</TranslatedText><TranslatedText xml:lang="en">Sex</TranslatedText></Question><CodeListRef CodeListOID="CL.sex"/></ItemDef>
   <ItemDef OID="IT.weight" Name="weight" DataType="float"><Question><TranslatedText xml:lang="en">Body weight</TranslatedText></Question><MeasurementUnitRef MeasurementUnitOID="MU.kg"/>
    <RangeCheck Comparator="GE" SoftHard="Hard"><CheckValue>20</CheckValue></RangeCheck><RangeCheck Comparator="LE" SoftHard="Soft"><CheckValue>150</CheckValue></RangeCheck></ItemDef>
   <ItemDef OID="IT.note" Name="note" DataType="text" Length="20"/>
   <ItemDef OID="IT.seen" Name="1seen" DataType="date"/>
   ${itemDefs}
   <CodeList OID="CL.sex" Name="sex" DataType="integer"><CodeListItem CodedValue="1"><Decode><TranslatedText xml:lang="en">Female</TranslatedText></Decode></CodeListItem><CodeListItem CodedValue="2"><Decode><TranslatedText xml:lang="en">Male</TranslatedText></Decode></CodeListItem></CodeList>
  </MetaDataVersion>
 </Study>
</ODM>`;

describe('ODM MetaDataVersion as forms of the definition language', () => {
  it('turns each FormDef into a form: CodeList → single choice, RangeCheck GE/LE Hard/Soft → hard/soft ranges, unit, Length → maxLength, English question as label', async () => {
    const set = odmFormDefinitions((await readOdm(odm())).metaData);
    expect(set.forms).toEqual([
      {
        id: 'vitals',
        version: 'MDV.1',
        title: 'Vital signs',
        assumptions: [],
        lookups: [],
        checks: [],
        items: [
          {
            id: 'vitals_sex',
            type: 'single-choice',
            label: 'Sex',
            required: true,
            choices: [
              { code: 1, label: 'Female' },
              { code: 2, label: 'Male' },
            ],
          },
          { id: 'weight', type: 'decimal', label: 'Body weight', required: false, hard: { min: 20 }, soft: { max: 150 }, units: [{ unit: 'kg', factor: 1 }] },
          { id: 'note', type: 'text', label: 'note', required: false, maxLength: 20 },
          { id: 'i1seen', type: 'date', label: '1seen', required: false },
        ],
      },
    ]);
    expect([...set.itemOf].map(([oid, p]) => [oid, p.formOid, p.item.id])).toEqual([
      ['IT.sex', 'F.Vitals', 'vitals_sex'],
      ['IT.weight', 'F.Vitals', 'weight'],
      ['IT.note', 'F.Vitals', 'note'],
      ['IT.seen', 'F.Vitals', 'i1seen'],
    ]);
  });

  it('refuses what the language cannot say, naming the ItemDef: a comparator other than GE/LE, a DataType without an item type, an undefined unit', async () => {
    const withDef = async (def: string) => {
      const meta = (await readOdm(odm(def).replace('<ItemRef ItemOID="IT.seen" Mandatory="No"/>', '<ItemRef ItemOID="IT.seen" Mandatory="No"/><ItemRef ItemOID="IT.x" Mandatory="No"/>'))).metaData;
      return () => odmFormDefinitions(meta);
    };
    expect(await withDef('<ItemDef OID="IT.x" Name="x" DataType="integer"><RangeCheck Comparator="GT" SoftHard="Hard"><CheckValue>0</CheckValue></RangeCheck></ItemDef>')).toThrow(
      'ODM <ItemDef OID="IT.x">: RangeCheck Comparator GT has no equivalent in the forms language (GE and LE do).',
    );
    expect(await withDef('<ItemDef OID="IT.x" Name="x" DataType="partialDate"/>')).toThrow('ODM <ItemDef OID="IT.x">: DataType partialDate has no item type in the forms language.');
    expect(await withDef('<ItemDef OID="IT.x" Name="x" DataType="float"><MeasurementUnitRef MeasurementUnitOID="MU.lb"/></ItemDef>')).toThrow(
      'ODM <ItemDef OID="IT.x"> refers to MeasurementUnit MU.lb, which the file does not define.',
    );
    const gone = (await readOdm(odm().replace('<ItemRef ItemOID="IT.note" Mandatory="No"/>', '<ItemRef ItemOID="IT.gone" Mandatory="No"/>'))).metaData;
    expect(() => odmFormDefinitions(gone)).toThrow('ODM <ItemGroupDef OID="IG.v"> refers to ItemDef IT.gone, which the file does not define.');
  });
});

describe('reading an ODM file', () => {
  it('names the element, its OID and line when a required attribute is missing or an OID is defined twice', async () => {
    await expect(readOdm(odm().replace('<ItemDef OID="IT.note" Name="note" DataType="text" Length="20"/>', '<ItemDef OID="IT.note" Name="note" Length="20"/>'))).rejects.toThrow(
      /^ODM <ItemDef OID="IT\.note"> \(line 16\): the required attribute DataType is missing\.$/,
    );
    await expect(readOdm(odm('<ItemDef OID="IT.note" Name="again" DataType="text"/>'))).rejects.toThrow(/^ODM <ItemDef OID="IT\.note"> \(line \d+\): OID IT\.note is defined twice\.$/);
    await expect(readOdm('<ODM xmlns="urn:other"/>')).rejects.toThrow('The file has no ODM element in the ODM 1.3 namespace (http://www.cdisc.org/ns/odm/v1.3).');
    await expect(readOdm('<ODM xmlns="http://www.cdisc.org/ns/odm/v1.3"><Study>')).rejects.toThrow(/^The ODM file is not well-formed XML at line 1: /);
    // The parser's own "line:column:" prefix is not repeated after ours.
    await expect(readOdm('<ODM xmlns="http://www.cdisc.org/ns/odm/v1.3"><Study>')).rejects.toThrow(/^The ODM file is not well-formed XML at line 1: unclosed tag: Study\.$/);
  });

  const signature = (user: string, when: string) =>
    `<Signature><UserRef UserOID="${user}"/><LocationRef LocationOID="LOC.s"/><SignatureRef SignatureOID="SD.r"/><DateTimeStamp>${when}</DateTimeStamp></Signature>`;
  const clinical = () =>
    odm()
      .replace('<ODM xmlns="http://www.cdisc.org/ns/odm/v1.3"', '<ODM xmlns="http://www.cdisc.org/ns/odm/v1.3" xmlns:il2="urn:il2trials:odm-extension:1"')
      .replace(
        '</ODM>',
        `<AdminData StudyOID="S1"><User OID="USR.a"><LoginName>a</LoginName><DisplayName>Ann</DisplayName></User><Location OID="LOC.s" Name="Site" LocationType="Site"/>
<SignatureDef OID="SD.r" Methodology="Electronic"><Meaning>reviewed</Meaning><LegalReason>Part 11</LegalReason></SignatureDef></AdminData>
<ClinicalData StudyOID="S1" MetaDataVersionOID="MDV.1"><SubjectData SubjectKey="001" il2:Sex="female" il2:BirthDate="1970-05-01">${signature('USR.a', '2025-01-03T08:00:00Z')}<SiteRef LocationOID="LOC.s"/>
<StudyEventData StudyEventOID="SE.d1" il2:VisitDate="2025-01-02">${signature('USR.a', '2025-01-02T11:00:00Z')}<FormData FormOID="F.Vitals"><ItemGroupData ItemGroupOID="IG.v"><ItemData ItemOID="IT.weight" Value="61.5">
<AuditRecord><UserRef UserOID="USR.a"/><LocationRef LocationOID="LOC.s"/><DateTimeStamp>2025-01-02T10:00:00Z</DateTimeStamp><ReasonForChange>initial entry</ReasonForChange><SourceID>audit:7</SourceID></AuditRecord>
</ItemData></ItemGroupData></FormData></StudyEventData></SubjectData></ClinicalData></ODM>`,
      );

  it('reads ClinicalData with the il2trials extension attributes, each AuditRecord and the casebook and visit Signatures, from the text or streamed in small chunks', async () => {
    const xml = clinical();
    const doc = await readOdm(xml);
    // Streamed: 7-byte chunks (a multi-byte character split between chunks is decoded whole).
    const bytes = Buffer.from(xml.replace('Ann', 'Ånn'));
    const chunks = async function* () {
      for (let i = 0; i < bytes.length; i += 7) yield bytes.subarray(i, i + 7);
    };
    const streamed = await readOdm(chunks());
    expect(streamed.users).toEqual([{ oid: 'USR.a', login: 'a', name: 'Ånn' }]);
    expect(streamed.subjects).toEqual(doc.subjects);
    expect(doc.signatureDefs).toEqual(['SD.r']);
    expect(doc.users).toEqual([{ oid: 'USR.a', login: 'a', name: 'Ann' }]);
    expect(doc.subjects).toEqual([
      {
        key: '001',
        signature: { userOid: 'USR.a', locationOid: 'LOC.s', signatureOid: 'SD.r', dateTimeStamp: '2025-01-03T08:00:00Z', line: 24 },
        siteOid: 'LOC.s',
        sex: 'female',
        birthDate: '1970-05-01',
        // The file has no il2:Records (a file from another system, or before they were exported).
        records: null,
        events: [
          {
            oid: 'SE.d1',
            visitDate: '2025-01-02',
            signature: { userOid: 'USR.a', locationOid: 'LOC.s', signatureOid: 'SD.r', dateTimeStamp: '2025-01-02T11:00:00Z', line: 25 },
            forms: [
              {
                oid: 'F.Vitals',
                groups: [
                  {
                    oid: 'IG.v',
                    items: [
                      {
                        itemOid: 'IT.weight',
                        value: '61.5',
                        transactionType: null,
                        unitOid: null,
                        audit: { userOid: 'USR.a', locationOid: 'LOC.s', dateTimeStamp: '2025-01-02T10:00:00Z', reason: 'initial entry', sourceId: 'audit:7' },
                      },
                    ],
                  },
                ],
              },
            ],
          },
        ],
      },
    ]);
  });

  it('refuses a Signature below a visit (of a form), which has no record here to be kept with, naming it and its line', async () => {
    const xml = clinical().replace('<ItemGroupData ItemGroupOID="IG.v">', `${signature('USR.a', '2025-01-02T11:00:00Z')}<ItemGroupData ItemGroupOID="IG.v">`);
    await expect(readOdm(xml)).rejects.toThrow(/^ODM <Signature> \(line 25\): a Signature of a FormData is not imported/);
  });
});
