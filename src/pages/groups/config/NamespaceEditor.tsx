import { Alert, Badge, Button, Group, SegmentedControl, Stack } from '@mantine/core';
import { useEffect, useState } from 'react';
import { deepEqual, type Json, type JsonObject, setPath } from '../../../../common/configuration';
import { groupConfigurationChanges, NamespaceConflict, namespaceOf } from '../../../api/resources/groupConfiguration';
import type { Group as SoracomGroup } from '../../../api/resources/groups';
import { useUnsavedWork } from '../../../api/unsavedWork';
import { useChange } from '../../../api/useChange';
import { useTranslation } from '../../../app/i18n';
import { FormError } from '../../../components/FormError';
import { notifySuccess } from '../../../lib/notify';
import { BeamEntries } from './BeamEntries';
import { FieldControl } from './FieldControl';
import { namespaceFields } from './fields';
import type { FieldError } from './fieldValue';
import { JsonView } from './JsonView';
import { ReviewDialog } from './ReviewDialog';

/**
 * One namespace: its form (or JSON), a review of every change before saving, and a check that nobody else changed
 * the namespace since it was loaded. A failed save keeps the edit.
 */
export function NamespaceEditor({
  group,
  namespace,
  onDirty,
}: {
  group: SoracomGroup;
  namespace: string;
  onDirty: (dirty: boolean) => void;
}) {
  const { t } = useTranslation();
  const [loaded, setLoaded] = useState(() => namespaceOf(group, namespace));
  const [loadedAt, setLoadedAt] = useState(group.lastModifiedTime ?? 0);
  const [draft, setDraft] = useState(loaded);
  const [view, setView] = useState<'form' | 'json'>('form');
  const [errors, setErrors] = useState<Record<string, FieldError>>({});
  const [reviewing, setReviewing] = useState(false);
  const [conflict, setConflict] = useState<NamespaceConflict | null>(null);
  const [formKey, setFormKey] = useState(0);
  const dirty = !deepEqual(loaded, draft);
  const invalid = Object.values(errors).some(Boolean);
  useUnsavedWork(dirty);
  useEffect(() => onDirty(dirty), [dirty, onDirty]);

  // Another save (here or elsewhere) reloaded the group: take it, unless this namespace holds an edit.
  useEffect(() => {
    if (dirty || (group.lastModifiedTime ?? 0) <= loadedAt) return;
    const fresh = namespaceOf(group, namespace);
    setLoaded(fresh);
    setDraft(fresh);
    setLoadedAt(group.lastModifiedTime ?? 0);
    setFormKey((k) => k + 1);
  }, [group, namespace, dirty, loadedAt]);

  const save = useChange({
    ...groupConfigurationChanges.saveNamespace(group.groupId ?? '', namespace),
    // The review shows the other change until the user reloads it, overwrites it or closes the review.
    onError: (error) => {
      if (error instanceof NamespaceConflict) setConflict(error);
    },
  });
  const failure = save.error instanceof NamespaceConflict ? null : save.error;
  async function send(overwrite: boolean) {
    if (!(await save.submit({ loaded, draft, overwrite }))) return;
    setConflict(null);
    setReviewing(false);
    // Clean now; the group read again brings the saved namespace back from the server (see the effect above).
    setLoaded(draft);
    notifySuccess(t('groupConfig.saved', { namespace }));
  }

  const reload = () => {
    if (!conflict) return;
    setLoaded(conflict.theirs);
    setDraft(conflict.theirs);
    setLoadedAt(conflict.group.lastModifiedTime ?? 0);
    setConflict(null);
    setReviewing(false);
    setFormKey((k) => k + 1);
  };

  const fields = namespaceFields[namespace] ?? [];
  const update = (next: JsonObject) => setDraft(next);
  const reportError = (key: string, error: FieldError) => setErrors((e) => ({ ...e, [key]: error }));

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <SegmentedControl
          size="xs"
          value={view}
          onChange={(v) => {
            setView(v as 'form' | 'json');
            setFormKey((k) => k + 1);
          }}
          data={[
            { value: 'form', label: t('groupConfig.formView') },
            { value: 'json', label: t('groupConfig.jsonView') },
          ]}
          aria-label={t('groupConfig.viewLabel', { namespace })}
        />
        {dirty ? (
          <Badge color="orange" variant="dot" role="status">
            {t('groupConfig.unsaved')}
          </Badge>
        ) : null}
      </Group>
      {view === 'json' ? (
        <JsonView key={formKey} draft={draft} onDraft={update} />
      ) : (
        <Stack gap="xs" key={formKey}>
          {fields.length === 0 && namespace !== 'SoracomBeam' ? (
            <Alert color="gray">{t('groupConfig.jsonOnly')}</Alert>
          ) : null}
          {fields.map((field) => (
            <FieldControl
              key={field.path.join('.')}
              field={field}
              draft={draft}
              onChange={(value: Json | undefined) => update(setPath(draft, field.path, value))}
              onError={(error) => reportError(field.path.join('\u0000'), error)}
            />
          ))}
          {namespace === 'SoracomBeam' ? <BeamEntries draft={draft} onDraft={update} onError={reportError} /> : null}
        </Stack>
      )}
      <FormError error={failure} retryIn={save.retryIn} />
      <Group gap="xs">
        <Button onClick={() => setReviewing(true)} disabled={!dirty || invalid}>
          {t('groupConfig.review')}
        </Button>
        <Button
          variant="default"
          disabled={!dirty}
          onClick={() => {
            setDraft(loaded);
            setErrors({});
            setFormKey((k) => k + 1);
          }}
        >
          {t('groupConfig.discard')}
        </Button>
      </Group>
      <ReviewDialog
        opened={reviewing}
        namespace={namespace}
        loaded={loaded}
        draft={draft}
        conflict={conflict}
        pending={save.pending}
        error={failure}
        onClose={() => {
          setReviewing(false);
          setConflict(null);
        }}
        onSave={() => void send(false)}
        onOverwrite={() => void send(true)}
        onReload={reload}
      />
    </Stack>
  );
}
