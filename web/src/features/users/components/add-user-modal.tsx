import { Alert, Button, Group, Modal, PasswordInput, Radio, Stack, TextInput } from '@mantine/core';
import { LIMITS, PASSWORD_RULES, USER_ROLE_LABELS, USER_ROLES, type User, type UserRole } from '@soundings/shared';
import { useState, type FormEvent } from 'react';
import { fieldErrorsOf } from '@/lib/api-client';
import { fieldSentence } from '@/lib/format';
import { useCreateUser } from '../api/create-user';
import { ROLE_DESCRIPTIONS } from './role-descriptions';

interface AddUserModalProps {
  opened: boolean;
  onClose: () => void;
  onCreated: (user: User) => void;
}

interface UserFormValues {
  email: string;
  displayName: string;
  role: UserRole;
  password: string;
}

const EMPTY: UserFormValues = { email: '', displayName: '', role: 'practitioner', password: '' };

function validate(values: UserFormValues): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!values.email.trim()) errors.email = 'Enter their work email.';
  else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email.trim())) errors.email = 'Enter an email address like name@company.com.';
  if (values.password && [...values.password].length < PASSWORD_RULES.minLength) {
    errors.password = `At least ${PASSWORD_RULES.minLength} characters, or leave it empty.`;
  }
  return errors;
}

export function AddUserModal({ opened, onClose, onCreated }: AddUserModalProps) {
  const createUser = useCreateUser();
  const [values, setValues] = useState(EMPTY);
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [edited, setEdited] = useState<Set<string>>(new Set());
  const serverErrors = fieldErrorsOf(createUser.error);
  const generalError = createUser.error && Object.keys(serverErrors).length === 0 ? createUser.error : null;
  // A server message stays next to its field until that field is edited.
  const errorFor = (field: keyof UserFormValues) => clientErrors[field] ?? (edited.has(field) ? undefined : fieldSentence(serverErrors[field]));

  const set = <K extends keyof UserFormValues>(field: K, value: UserFormValues[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    setEdited((current) => new Set(current).add(field));
    setClientErrors(({ [field]: _removed, ...rest }) => rest);
  };

  const close = () => {
    createUser.reset();
    setValues(EMPTY);
    setClientErrors({});
    setEdited(new Set());
    onClose();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validate(values);
    setClientErrors(found);
    if (Object.keys(found).length > 0) return;
    setEdited(new Set());
    createUser.mutate(
      {
        email: values.email.trim(),
        displayName: values.displayName.trim() || null,
        role: values.role,
        ...(values.password ? { password: values.password } : {}),
      },
      {
        onSuccess: (user) => {
          close();
          onCreated(user);
        },
      },
    );
  };

  return (
    <Modal opened={opened} onClose={close} title="Add a user" size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {generalError && (
            <Alert color="red" variant="light" title="The account was not created" role="alert">
              {generalError.message}
            </Alert>
          )}
          <TextInput
            label="Email"
            type="email"
            required
            data-autofocus
            autoComplete="off"
            maxLength={LIMITS.email}
            value={values.email}
            onChange={(e) => set('email', e.currentTarget.value)}
            error={errorFor('email')}
          />
          <TextInput
            label="Name"
            placeholder="How they appear in Soundings"
            maxLength={LIMITS.name}
            value={values.displayName}
            onChange={(e) => set('displayName', e.currentTarget.value)}
            error={errorFor('displayName')}
          />
          <Radio.Group label="Role" required value={values.role} onChange={(value) => set('role', value as UserRole)} error={errorFor('role')}>
            <Stack gap="sm" mt={6}>
              {USER_ROLES.map((role) => (
                <Radio key={role} value={role} label={USER_ROLE_LABELS[role]} description={ROLE_DESCRIPTIONS[role]} />
              ))}
            </Stack>
          </Radio.Group>
          <PasswordInput
            label="Password"
            description={`Optional. At least ${PASSWORD_RULES.minLength} characters; give it to them in person. Leave it empty for someone who signs in through single sign-on.`}
            autoComplete="new-password"
            maxLength={1000}
            value={values.password}
            onChange={(e) => set('password', e.currentTarget.value)}
            error={errorFor('password')}
          />
          <Group justify="flex-end" gap="sm" mt="xs">
            <Button variant="default" onClick={close} disabled={createUser.isPending}>
              Cancel
            </Button>
            <Button type="submit" loading={createUser.isPending}>
              Add user
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
