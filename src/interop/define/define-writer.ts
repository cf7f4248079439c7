import type { Protocol } from '../../protocol/schema.js';
import { isoSeconds } from '../dataset-json/dataset-json-writer.js';
import type { XmlStream } from '../export-files/xml-stream.js';
import type { StudyForm } from '../form-metadata/form-metadata.js';
import type { DatasetColumn } from '../dataset-json/dataset-column.js';
import type { DomainSpec, VariableSpec } from '../sdtm/domain-spec.js';
import { labTest, SDTM_CT_VERSION, SDTM_IG_VERSION } from '../sdtm/terminology.js';
import { formCodeLists, sdtmCodeLists, type CodeListSpec } from './define-codelists.js';

/**
 * Define-XML 2.1 for the SDTM datasets as written (lengths are the longest values found): datasets,
 * variables with origins and code lists, and value-level metadata for QSORRES (per question) and
 * LBORRES (per lab test). Element order follows the Define-XML 2.1 schema (define-extension.xsd).
 */
export interface DefineSource {
  readonly studyId: string;
  readonly protocol: Protocol;
  readonly forms: readonly StudyForm[];
  /** Each dataset with its columns as written (character lengths the longest value). */
  readonly datasets: readonly { readonly spec: DomainSpec; readonly columns: readonly DatasetColumn[] }[];
  readonly created: Date;
}

const odmType = (v: VariableSpec) => ({ string: 'text', date: 'date', integer: 'integer', float: 'float' })[v.dataType as 'string'] ?? 'text';
const originSource = (v: VariableSpec) => (v.origin === 'Collected' ? 'Investigator' : v.origin === 'Protocol' ? undefined : 'Sponsor');

export function writeDefine(x: XmlStream, src: DefineSource): void {
  const lengths = new Map<string, number | undefined>(src.datasets.flatMap((d) => d.columns.map((c) => [`${d.spec.name}.${c.name}`, c.length] as const)));
  const qsItems = src.forms.flatMap((f) => f.items.map((i) => ({ form: f, item: i })));
  const labs = [...new Map(Object.values(labTest).map((t) => [t.code, t])).values()];
  const codelists: CodeListSpec[] = [...sdtmCodeLists(), ...formCodeLists(src.forms)];
  const vlm: Record<string, { oid: string; code: string; desc: string; type: string; codelist?: string; derived?: boolean }[]> = {
    'QS.QSORRES': qsItems.map(({ item }) => ({
      oid: `IT.QS.QSORRES.${item.testCode}`,
      code: item.testCode,
      desc: item.question,
      type: item.dataType,
      ...(item.choices ? { codelist: `CL.QS.${item.testCode}` } : {}),
      derived: item.derived,
    })),
    'LB.LBORRES': labs.map((t) => ({ oid: `IT.LB.LBORRES.${t.code}`, code: t.code, desc: t.test, type: 'float' })),
  };
  const testVar: Record<string, string> = { 'QS.QSORRES': 'IT.QS.QSTESTCD', 'LB.LBORRES': 'IT.LB.LBTESTCD' };
  x.el(
    'ODM',
    {
      xmlns: 'http://www.cdisc.org/ns/odm/v1.3',
      'xmlns:xlink': 'http://www.w3.org/1999/xlink',
      'xmlns:def': 'http://www.cdisc.org/ns/def/v2.1',
      ODMVersion: '1.3.2',
      FileOID: `${src.studyId}.define`,
      FileType: 'Snapshot',
      CreationDateTime: isoSeconds(src.created),
      Originator: 'il2trials',
      SourceSystem: 'il2trials',
      SourceSystemVersion: '0.1.0',
      'def:Context': 'Submission',
    },
    () =>
      x.el('Study', { OID: `STDY.${src.studyId}` }, () => {
        x.el('GlobalVariables', {}, () => x.text('StudyName', src.studyId).text('StudyDescription', src.protocol.title).text('ProtocolName', src.protocol.id));
        x.el('MetaDataVersion', { OID: `MDV.${src.studyId}.SDTMIG.${SDTM_IG_VERSION}`, Name: `${src.studyId} SDTM datasets`, 'def:DefineVersion': '2.1.0' }, () => {
          x.el('def:Standards', {}, () => {
            x.el('def:Standard', { OID: 'STD.SDTMIG', Name: 'SDTMIG', Type: 'IG', Version: SDTM_IG_VERSION, Status: 'Final' });
            x.el('def:Standard', { OID: 'STD.CT', Name: 'CDISC/NCI', Type: 'CT', PublishingSet: 'SDTM', Version: SDTM_CT_VERSION, Status: 'Final' });
          });
          for (const [key, items] of Object.entries(vlm)) {
            x.el('def:ValueListDef', { OID: `VL.${key}` }, () =>
              items.forEach((v, i) => x.el('ItemRef', { ItemOID: v.oid, OrderNumber: i + 1, Mandatory: 'No' }, () => x.el('def:WhereClauseRef', { WhereClauseOID: `WC.${key}.${v.code}` }))),
            );
          }
          for (const [key, items] of Object.entries(vlm)) {
            for (const v of items)
              x.el('def:WhereClauseDef', { OID: `WC.${key}.${v.code}` }, () =>
                x.el('RangeCheck', { Comparator: 'EQ', SoftHard: 'Soft', 'def:ItemOID': testVar[key] }, () => x.text('CheckValue', v.code)),
              );
          }
          for (const d of src.datasets) {
            const s = d.spec;
            x.el(
              'ItemGroupDef',
              {
                OID: `IG.${s.name}`,
                Domain: s.name,
                Name: s.name,
                Repeating: s.name === 'DM' ? 'No' : 'Yes',
                IsReferenceData: s.class === 'TRIAL DESIGN' ? 'Yes' : 'No',
                SASDatasetName: s.name,
                'def:Structure': s.structure,
                Purpose: 'Tabulation',
                'def:StandardOID': 'STD.SDTMIG',
                'def:ArchiveLocationID': `LF.${s.name}`,
              },
              () => {
                x.translated('Description', s.label);
                s.variables.forEach((v, i) => x.el('ItemRef', { ItemOID: `IT.${s.name}.${v.name}`, Mandatory: v.core === 'Req' ? 'Yes' : 'No', OrderNumber: i + 1, KeySequence: v.keySequence }));
                x.el('def:Class', { Name: s.class });
                x.el('def:leaf', { ID: `LF.${s.name}`, 'xlink:href': `${s.name.toLowerCase()}.xpt` }, () => x.text('def:title', `${s.name.toLowerCase()}.xpt`));
              },
            );
          }
          for (const d of src.datasets) {
            for (const v of d.spec.variables) {
              const key = `${d.spec.name}.${v.name}`;
              x.el('ItemDef', { OID: `IT.${key}`, Name: v.name, DataType: odmType(v), Length: v.dataType === 'string' ? lengths.get(key) : undefined, SASFieldName: v.name }, () => {
                x.translated('Description', v.label);
                if (v.codelist && codelists.some((c) => c.oid === `CL.${v.codelist}`)) x.el('CodeListRef', { CodeListOID: `CL.${v.codelist}` });
                x.el('def:Origin', { Type: v.origin, Source: originSource(v) });
                if (vlm[key]) x.el('def:ValueListRef', { ValueListOID: `VL.${key}` });
              });
            }
          }
          for (const items of Object.values(vlm)) {
            for (const v of items) {
              x.el('ItemDef', { OID: v.oid, Name: v.oid.split('.').slice(2).join('.'), DataType: v.type, Length: 8, SASFieldName: v.oid.split('.')[2] }, () => {
                x.translated('Description', v.desc);
                if (v.codelist) x.el('CodeListRef', { CodeListOID: v.codelist });
                x.el('def:Origin', { Type: v.derived ? 'Derived' : 'Collected', Source: v.derived ? 'Sponsor' : 'Investigator' });
              });
            }
          }
          for (const c of codelists) {
            x.el('CodeList', { OID: c.oid, Name: c.name, DataType: c.dataType, 'def:StandardOID': c.cdisc ? 'STD.CT' : undefined }, () => {
              c.items.forEach((it, i) =>
                it.decode === undefined
                  ? x.el('EnumeratedItem', { CodedValue: it.value, OrderNumber: i + 1 })
                  : x.el('CodeListItem', { CodedValue: it.value, OrderNumber: i + 1 }, () => x.translated('Decode', it.decode!)),
              );
            });
          }
        });
      }),
  );
}
