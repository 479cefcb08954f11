import { getPath, type Json, type JsonObject } from '../../../../common/configuration';
import type { KeyUnder } from '../../../app/i18n';
import { isIpAddress, isUrl } from '../../../lib/validators';
import type { Field } from './fields';

export type FieldError = { key: KeyUnder<'groupConfig.errors'>; values?: Record<string, string | number> } | null;

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/** How a field's current value reads in a text box. */
export function fieldText(field: Field, draft: JsonObject): string {
  const value = getPath(draft, field.path);
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join('\n');
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The value a text box stands for, or why it cannot be saved. An empty box removes the setting. */
export function parseField(field: Field, text: string): { value: Json | undefined; error: FieldError } {
  const empty = text.trim() === '';
  switch (field.kind) {
    case 'boolean':
    case 'select':
    case 'credential':
      return { value: empty ? undefined : text, error: null };
    case 'text':
    case 'secret':
    case 'textarea':
      if (empty) return { value: undefined, error: field.required ? { key: 'required' } : null };
      return { value: text, error: null };
    case 'url':
      if (empty) return { value: undefined, error: field.required ? { key: 'required' } : null };
      return isUrl(text.trim(), field.protocols)
        ? { value: text.trim(), error: null }
        : { value: undefined, error: { key: 'url', values: { protocols: field.protocols.join(', ') } } };
    case 'number': {
      if (empty) return { value: undefined, error: null };
      const n = Number(text);
      if (!Number.isInteger(n) || n < field.min || n > field.max) {
        return { value: undefined, error: { key: 'range', values: { min: field.min, max: field.max } } };
      }
      return { value: n, error: null };
    }
    case 'ipList': {
      const items = lines(text);
      const bad = items.find((item) => !isIpAddress(item));
      if (bad) return { value: undefined, error: { key: 'ip', values: { value: bad } } };
      return { value: items.length ? items : undefined, error: null };
    }
    case 'lines': {
      const items = lines(text);
      return { value: items.length ? items : undefined, error: null };
    }
    case 'urlList': {
      const items = lines(text);
      const bad = items.find((item) => !isUrl(item, field.protocols));
      if (bad) return { value: undefined, error: { key: 'urlItem', values: { value: bad } } };
      return { value: items.length ? items : undefined, error: null };
    }
  }
}
