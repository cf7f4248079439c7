/** The study's forms as ODM describes them (FormDef with one ItemGroupDef, ItemDefs, CodeLists). */
export interface OdmItem {
  readonly oid: string;
  readonly name: string;
  /** Where the value is stored: `observations.kind` and `.key`. */
  readonly kind: string;
  readonly key: string;
  readonly dataType: 'integer' | 'float' | 'text' | 'boolean' | 'date' | 'time';
  readonly question: string;
  readonly unit?: string;
  /** The eCRF's hard range check; `max` absent for "not negative". */
  readonly range?: { readonly min?: number; readonly max?: number };
  /** A defined form's soft range (outside it a value needs a confirmation). */
  readonly soft?: { readonly min?: number; readonly max?: number };
  readonly choices?: readonly { readonly value: number | string; readonly label: string }[];
}

export interface OdmForm {
  readonly oid: string;
  readonly name: string;
  /** The assessment id the protocol's visits name (`sledai-2k`, `labs`, `immune-panel`). */
  readonly assessment: string;
  readonly items: readonly OdmItem[];
}
