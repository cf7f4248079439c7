/** ODM 1.3's namespace, and il2trials' vendor extension (src/interop/fixtures/xml-schema/il2trials-odm). */
export const odmNs = 'http://www.cdisc.org/ns/odm/v1.3';
export const il2Ns = 'urn:il2trials:odm-extension:1';
