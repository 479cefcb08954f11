import { Anchor, Button, Group, Modal, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { groupName, groupQueries } from '../../../api/resources/groups';
import { simChanges } from '../../../api/resources/simChanges';
import { useChange } from '../../../api/useChange';
import { useTranslation } from '../../../app/i18n';
import { GuardedButton } from '../../../components/access/GuardedButton';
import { useAccess } from '../../../components/access/useAccess';
import { FormError } from '../../../components/FormError';
import { emptyRegisterInput, type RegisterInput, registerRequest, validateRegister } from './registerSim';
import { TagsFields } from './TagsFields';

function RegisterForm({ onDone, onCancel }: { onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const groups = useQuery(groupQueries.list());
  const [input, setInput] = useState<RegisterInput>(emptyRegisterInput);
  const [showErrors, setShowErrors] = useState(false);
  const errors = validateRegister(input, t);
  const shown = showErrors ? errors : null;
  const save = useChange(simChanges.register());

  async function submit(event: FormEvent) {
    event.preventDefault();
    setShowErrors(true);
    if (errors) return;
    const request = registerRequest(input);
    if (!(await save.submit(request))) return;
    // The SIM registered is the one whose ID was sent.
    const { simId } = request;
    notifications.show({
      color: 'green',
      closeButtonProps: { 'aria-label': t('common.close') },
      message: (
        <Stack gap={2}>
          <Text size="sm">{t('simActions.register.done', { simId })}</Text>
          <Anchor component={Link} to={`/sims/${encodeURIComponent(simId)}`} size="sm">
            {t('simActions.register.open', { simId })}
          </Anchor>
        </Stack>
      ),
    });
    onDone();
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="sm">
        <Text size="sm">{t('simActions.register.intro')}</Text>
        <FormError error={save.error} retryIn={save.retryIn} />
        <TextInput
          label={t('simActions.register.simId')}
          value={input.simId}
          onChange={(e) => setInput({ ...input, simId: e.currentTarget.value })}
          error={shown?.simId}
          required
          autoComplete="off"
          ff="monospace"
          data-autofocus
        />
        <TextInput
          label={t('simActions.register.secret')}
          value={input.registrationSecret}
          onChange={(e) => setInput({ ...input, registrationSecret: e.currentTarget.value })}
          error={shown?.registrationSecret}
          required
          autoComplete="off"
          spellCheck={false}
        />
        <NativeSelect
          label={t('simActions.register.group')}
          data={[
            { value: '', label: t('simActions.register.noGroup') },
            ...(groups.data ?? []).map((g) => ({ value: g.groupId ?? '', label: groupName(g) ?? g.groupId ?? '' })),
          ]}
          value={input.groupId}
          onChange={(e) => setInput({ ...input, groupId: e.currentTarget.value })}
        />
        <Text size="sm" fw={500}>
          {t('simActions.register.tags')}
        </Text>
        <TagsFields
          value={{ tags: input.tags }}
          onChange={({ tags }) => setInput({ ...input, tags })}
          errors={shown}
          sims={[]}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel} disabled={save.pending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.pending}>
            {t('simActions.register.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** "Register SIM": a SIM ID and its registration secret, with an optional group and tags. */
export function RegisterSimButton() {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const [openings, setOpenings] = useState(0);
  const close = () => setOpened(false);
  const refusal = useAccess().refusal('Sim:registerSim');
  return (
    <>
      <GuardedButton
        size="xs"
        variant="default"
        refusal={refusal}
        onClick={() => {
          setOpenings((n) => n + 1);
          setOpened(true);
        }}
      >
        {t('simActions.register.button')}
      </GuardedButton>
      <Modal
        opened={opened}
        onClose={close}
        title={t('simActions.register.title')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
        centered
      >
        <RegisterForm key={openings} onDone={close} onCancel={close} />
      </Modal>
    </>
  );
}
