import { Button, Group, Menu, Modal, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from '../../app/i18n';
import { usePreference } from '../../lib/preferences';

export interface SavedView {
  name: string;
  /** The URL query of the view, without paging. */
  query: string;
}

const isSavedViews = (value: unknown): value is SavedView[] =>
  Array.isArray(value) &&
  value.every((v) => typeof v === 'object' && v !== null && typeof v.name === 'string' && typeof v.query === 'string');

/** Views saved per browser: a name for the current filters, sort and mode, to come back to in one click. */
export function SavedViews({ current, onOpen }: { current: string; onOpen: (query: string) => void }) {
  const { t } = useTranslation();
  const [views, setViews] = usePreference<SavedView[]>('simViews', [], isSavedViews);
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);

  function save(event: FormEvent) {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) {
      setError(t('simTable.views.nameRequired'));
      return;
    }
    setViews([...views.filter((v) => v.name !== trimmed), { name: trimmed, query: current }]);
    setNaming(false);
    setName('');
  }

  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button size="xs" variant="default">
            {t('simTable.views.menu')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => setNaming(true)}>{t('simTable.views.save')}</Menu.Item>
          {views.length > 0 ? <Menu.Divider /> : null}
          {views.map((view) => (
            <Menu.Item key={view.name} onClick={() => onOpen(view.query)}>
              {view.name}
            </Menu.Item>
          ))}
          {views.length > 0 ? (
            <>
              <Menu.Divider />
              <Menu.Sub>
                <Menu.Sub.Target>
                  <Menu.Sub.Item>{t('simTable.views.delete')}</Menu.Sub.Item>
                </Menu.Sub.Target>
                <Menu.Sub.Dropdown>
                  {views.map((view) => (
                    <Menu.Item
                      key={view.name}
                      color="red"
                      onClick={() => setViews(views.filter((v) => v.name !== view.name))}
                    >
                      {t('simTable.views.deleteNamed', { name: view.name })}
                    </Menu.Item>
                  ))}
                </Menu.Sub.Dropdown>
              </Menu.Sub>
            </>
          ) : null}
        </Menu.Dropdown>
      </Menu>
      <Modal
        opened={naming}
        onClose={() => setNaming(false)}
        title={t('simTable.views.save')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <form onSubmit={save}>
          <TextInput
            label={t('simTable.views.name')}
            value={name}
            error={error}
            onChange={(event) => {
              setName(event.currentTarget.value);
              setError(null);
            }}
            data-autofocus
          />
          <Group justify="flex-end" mt="md">
            <Button variant="default" onClick={() => setNaming(false)}>
              {t('common.cancel')}
            </Button>
            <Button type="submit">{t('common.save')}</Button>
          </Group>
        </form>
      </Modal>
    </>
  );
}
