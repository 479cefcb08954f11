import type { Path } from '../../../../common/configuration';
import type { KeyUnder } from '../../../app/i18n';

/** A field's label: a key under `groupConfig.fields` in the catalogue. */
type FieldLabel = KeyUnder<'groupConfig.fields'>;

/** One setting of a namespace form: where it lives in the namespace, and how it is edited and checked. */
export type Field =
  | { kind: 'boolean'; path: Path; label: FieldLabel }
  | { kind: 'text' | 'secret' | 'textarea'; path: Path; label: FieldLabel; required?: boolean }
  | { kind: 'url'; path: Path; label: FieldLabel; protocols: readonly string[]; required?: boolean }
  | { kind: 'number'; path: Path; label: FieldLabel; min: number; max: number }
  | { kind: 'select'; path: Path; label: FieldLabel; options: readonly string[] }
  /** A credential set's ID, picked from /credentials (or made in place). */
  | { kind: 'credential'; path: Path; label: FieldLabel }
  | { kind: 'ipList' | 'lines'; path: Path; label: FieldLabel }
  | { kind: 'urlList'; path: Path; label: FieldLabel; protocols: readonly string[] };

const web = ['http', 'https'] as const;
const providers = ['aws', 'azure', 'google', 'pubnub', 'watson', 'infoteria'] as const;

/** The forms of each namespace: the settings SORACOM documents. Everything else is in the JSON view. */
export const namespaceFields: Record<string, Field[]> = {
  SoracomAir: [
    { kind: 'boolean', path: ['useCustomDns'], label: 'air.useCustomDns' },
    { kind: 'ipList', path: ['dnsServers'], label: 'air.dnsServers' },
    { kind: 'boolean', path: ['metadata', 'enabled'], label: 'air.metadataEnabled' },
    { kind: 'boolean', path: ['metadata', 'readonly'], label: 'air.metadataReadonly' },
    { kind: 'text', path: ['metadata', 'allowOrigin'], label: 'air.metadataAllowOrigin' },
    { kind: 'boolean', path: ['metadata', 'minimizeResponseBody'], label: 'air.metadataMinimize' },
    { kind: 'textarea', path: ['userdata'], label: 'air.userdata' },
    { kind: 'boolean', path: ['authenticationRequired'], label: 'air.chapRequired' },
    { kind: 'text', path: ['username'], label: 'air.chapUsername' },
    { kind: 'secret', path: ['password'], label: 'air.chapPassword' },
    { kind: 'boolean', path: ['binaryParserEnabled'], label: 'air.binaryParserEnabled' },
    { kind: 'text', path: ['binaryParserFormat'], label: 'air.binaryParserFormat' },
    { kind: 'boolean', path: ['useVpg'], label: 'air.useVpg' },
  ],
  SoracomHarvest: [
    { kind: 'boolean', path: ['enabled'], label: 'common.enabled' },
    {
      kind: 'select',
      path: ['customTimestamp', 'type'],
      label: 'harvest.timestampType',
      options: ['', 'jsonPointer', 'epochMillis', 'epochSeconds'],
    },
    { kind: 'text', path: ['customTimestamp', 'value'], label: 'harvest.timestampValue' },
    { kind: 'text', path: ['customTimestamp', 'format'], label: 'harvest.timestampFormat' },
  ],
  SoracomFunnel: [
    { kind: 'boolean', path: ['enabled'], label: 'common.enabled' },
    { kind: 'select', path: ['destination', 'provider'], label: 'forward.provider', options: ['', ...providers] },
    { kind: 'text', path: ['destination', 'service'], label: 'forward.service' },
    {
      kind: 'url',
      path: ['destination', 'resourceUrl'],
      label: 'forward.resourceUrl',
      protocols: ['https', 'http', 'mqtts', 'amqps'],
    },
    { kind: 'credential', path: ['credentialsId'], label: 'forward.credentialsId' },
    {
      kind: 'select',
      path: ['contentType'],
      label: 'forward.contentType',
      options: ['', 'application/json', 'text/plain', 'application/octet-stream'],
    },
    { kind: 'boolean', path: ['addSimId'], label: 'forward.addSimId' },
  ],
  SoracomFunk: [
    { kind: 'boolean', path: ['enabled'], label: 'common.enabled' },
    { kind: 'select', path: ['destination', 'provider'], label: 'forward.provider', options: ['', ...providers] },
    { kind: 'text', path: ['destination', 'service'], label: 'forward.service' },
    {
      kind: 'url',
      path: ['destination', 'resourceUrl'],
      label: 'forward.resourceUrl',
      protocols: ['https', 'http', 'arn'],
    },
    { kind: 'credential', path: ['credentialsId'], label: 'forward.credentialsId' },
    {
      kind: 'select',
      path: ['contentType'],
      label: 'forward.contentType',
      options: ['', 'application/json', 'text/plain', 'application/octet-stream'],
    },
  ],
  UnifiedEndpoint: [
    { kind: 'boolean', path: ['enabled'], label: 'common.enabled' },
    {
      kind: 'select',
      path: ['response', 'format'],
      label: 'unified.responseFormat',
      options: ['', 'Unified', 'SoracomBeam', 'SoracomFunk', 'SoracomFunnel', 'SoracomHarvest'],
    },
  ],
  SoracomEndorse: [
    { kind: 'boolean', path: ['enabled'], label: 'common.enabled' },
    { kind: 'lines', path: ['parametersToEndorse'], label: 'endorse.parameters' },
    { kind: 'number', path: ['tokenTimeoutSeconds'], label: 'endorse.tokenTimeout', min: 60, max: 86_400 },
    { kind: 'text', path: ['allowOrigin'], label: 'endorse.allowOrigin' },
    { kind: 'urlList', path: ['authorizedRedirectUrls'], label: 'endorse.redirectUrls', protocols: web },
  ],
  SoracomHarvestFiles: [{ kind: 'boolean', path: ['enabled'], label: 'common.enabled' }],
  SoracomKrypton: [],
  SoracomOrbit: [{ kind: 'boolean', path: ['enabled'], label: 'common.enabled' }],
  SoracomBeam: [],
};
