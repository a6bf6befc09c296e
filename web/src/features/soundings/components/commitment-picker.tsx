import { Group, Input, Radio, SimpleGrid, Stack, Text } from '@mantine/core';
import { COMMITMENT_LADDER, COMMITMENT_PATH, type CommitmentLevel, type SoundingInput } from '@soundings/shared';
import type { CSSProperties } from 'react';
import classes from './commitment-picker.module.css';

export type SoundingLevel = SoundingInput['commitmentAfter'];
/** A level, or "no change": this conversation found them where they were. */
export type LevelChoice = SoundingLevel | 'unchanged';

const PATH_STEPS = COMMITMENT_PATH.filter((level) => level !== 'not_sounded') as SoundingLevel[];

interface CommitmentPickerProps {
  value: LevelChoice | null;
  onChange: (level: LevelChoice) => void;
  current: CommitmentLevel;
  /** Offer "No change — still <level>" as a choice of its own (when logging; a correction names the level). */
  offerNoChange?: boolean;
  error?: string;
  id?: string;
}

function LevelOption({ level, current, step }: { level: SoundingLevel; current: CommitmentLevel; step?: number }) {
  const info = COMMITMENT_LADDER[level];
  return (
    <Radio
      value={level}
      classNames={{ root: classes.card, body: classes.body, label: classes.label, description: classes.description }}
      style={
        {
          '--level-color': `var(--mantine-color-${info.color}-6)`,
          '--level-color-light': `var(--mantine-color-${info.color}-0)`,
        } as CSSProperties
      }
      color={info.color}
      label={
        <Stack gap={0}>
          <span className={classes.step}>
            {step ? `Step ${step}` : 'Off the path'}
            {level === current ? ' · now' : ''}
          </span>
          {info.label}
        </Stack>
      }
      description={info.meaning}
    />
  );
}

/** The ladder in order, each step with its meaning, so choosing a level is also a reminder of what it takes. */
export function CommitmentPicker({ value, onChange, current, error, id, offerNoChange = false }: CommitmentPickerProps) {
  const noChange = offerNoChange && current !== 'not_sounded';
  return (
    <Radio.Group
      id={id}
      value={value}
      onChange={(next) => onChange(next as LevelChoice)}
      label="Where do they stand now?"
      description="Nothing is chosen for you: pick the level this conversation showed, or say it did not move them. Resistant sits off the path; a person can return from it."
      error={error}
      required
    >
      {noChange && (
        <Radio
          value="unchanged"
          mt="xs"
          classNames={{ root: classes.card, body: classes.body, label: classes.label, description: classes.description }}
          style={
            {
              '--level-color': `var(--mantine-color-${COMMITMENT_LADDER[current].color}-6)`,
              '--level-color-light': `var(--mantine-color-${COMMITMENT_LADDER[current].color}-0)`,
            } as CSSProperties
          }
          label={`No change — still ${COMMITMENT_LADDER[current].label}`}
          description="The conversation confirmed where they stand; it is recorded as evidence at today's level."
        />
      )}
      <Group align="stretch" gap="sm" mt="xs" wrap="nowrap" style={{ overflowX: 'auto' }}>
        <SimpleGrid cols={{ base: 1, sm: 5 }} spacing="xs" style={{ flex: 1, minWidth: 0 }}>
          {PATH_STEPS.map((level, index) => (
            <LevelOption key={level} level={level} current={current} step={index + 1} />
          ))}
        </SimpleGrid>
        <div style={{ width: 170, flexShrink: 0, paddingLeft: 12, borderLeft: '2px dashed var(--mantine-color-gray-3)' }}>
          <LevelOption level="resistant" current={current} />
        </div>
      </Group>
      {current !== 'not_sounded' && (
        <Input.Description mt={6}>
          <Text span size="xs">
            Before this conversation: {COMMITMENT_LADDER[current].label}.
          </Text>
        </Input.Description>
      )}
    </Radio.Group>
  );
}
