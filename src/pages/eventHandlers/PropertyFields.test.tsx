import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import description from '../../../openapi/soracom.json';
import { loadCatalogPart, setLanguage } from '../../app/i18n';
import en from '../../locales/en/events.json';
import ja from '../../locales/ja/events.json';
import { actionFields, type Field, ruleFields } from './handlerFields';
import { PropertyFields } from './PropertyFields';

function renderFields(fields: readonly Field[], values: Record<string, string>) {
  render(
    <MantineProvider env="test">
      <PropertyFields fields={fields} values={values} onChange={() => {}} idPrefix="test" />
    </MantineProvider>,
  );
}

describe('PropertyFields', () => {
  beforeAll(async () => {
    await loadCatalogPart('events');
    await setLanguage('en');
  });

  it("shows an action's execution time in words, not as the API's constant", () => {
    renderFields(actionFields.ActivationAction, { executionDateTimeConst: 'IMMEDIATELY' });
    expect(screen.getByRole('combobox', { name: 'Run' })).toHaveValue('Immediately');
  });

  it("shows a rule's timing in words", () => {
    renderFields(ruleFields.SubscriberExpiredRule, { inactiveTimeoutDateConst: 'BEGINNING_OF_NEXT_MONTH' });
    expect(screen.getByRole('combobox', { name: 'Evaluate again' })).toHaveValue(
      'At the start of the next month (UTC)',
    );
  });

  it('shows other choices as the API names them', () => {
    renderFields(actionFields.ChangeSpeedClassAction, { executionDateTimeConst: 'NEVER', speedClass: 's1.fast' });
    expect(screen.getByRole('combobox', { name: 'Speed class' })).toHaveValue('s1.fast');
    expect(screen.getByRole('combobox', { name: 'Run' })).toHaveValue('Never');
  });
});

describe('the named times of the form', () => {
  const constants = [...Object.values(ruleFields), ...Object.values(actionFields)]
    .flat()
    .flatMap((field) => (field.kind === 'select' && field.key.endsWith('Const') ? field.options : []));

  it('are every constant the description lists for a rule or action property', () => {
    const schemas = description.components.schemas as Record<
      string,
      { properties?: Record<string, { enum?: string[] }> }
    >;
    const described = ['RuleConfigProperty', 'ActionConfigProperty'].flatMap((schema) =>
      Object.entries(schemas[schema]?.properties ?? {})
        .filter(([key]) => key.endsWith('Const'))
        .flatMap(([, property]) => property.enum ?? []),
    );
    expect(described.length).toBeGreaterThan(0);
    expect(new Set(constants)).toEqual(new Set(described));
  });

  it('each have a label in English and in Japanese', () => {
    expect(constants.length).toBeGreaterThan(0);
    for (const value of new Set(constants)) {
      expect(en.events.consts, value).toHaveProperty(value);
      expect(ja.events.consts, value).toHaveProperty(value);
    }
  });
});
