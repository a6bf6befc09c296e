import { Group, MultiSelect, Radio, Stack, Text } from '@mantine/core';
import { NARRATIVE_RESPONSE_LABELS, NARRATIVE_RESPONSES, type NarrativeResponse, type Priority } from '@soundings/shared';
import { useQuery } from '@tanstack/react-query';
import { soundingOptionQueries } from '../api/sounding-option-queries';

const NOT_RAISED = 'not_raised';

/** Priorities grouped by function, the person's own function first, then the others by name. */
export function priorityGroups(priorities: Priority[], ownFunction: string | null): { group: string; items: { value: string; label: string }[] }[] {
  const byFunction = new Map<string, Priority[]>();
  for (const priority of priorities) byFunction.set(priority.businessFunction, [...(byFunction.get(priority.businessFunction) ?? []), priority]);
  const own = ownFunction?.toLowerCase() ?? null;
  const functions = [...byFunction.keys()].sort((a, b) => {
    const rank = (name: string) => (name.toLowerCase() === own ? 0 : 1);
    return rank(a) - rank(b) || a.localeCompare(b);
  });
  return functions.map((name) => ({
    group: name.toLowerCase() === own ? `${name} (their function)` : name,
    items: byFunction
      .get(name)!
      .sort((a, b) => a.title.localeCompare(b.title))
      .map((priority) => ({ value: priority.id, label: priority.title })),
  }));
}

interface WhatCameUpFieldsProps {
  stakeholderName: string;
  businessFunction: string | null;
  priorityIds: string[];
  onPriorityIdsChange: (ids: string[]) => void;
  narratives: Record<string, NarrativeResponse>;
  onNarrativeChange: (narrativeId: string, response: NarrativeResponse | null) => void;
  priorityError?: string;
  narrativeError?: string;
}

/** Which listed priorities came up, and how each offered narrative landed. */
export function WhatCameUpFields(props: WhatCameUpFieldsProps) {
  const priorities = useQuery(soundingOptionQueries.priorities());
  const narratives = useQuery(soundingOptionQueries.narratives());
  const offered = (narratives.data ?? []).filter((narrative) => !narrative.archived);
  return (
    <>
      <MultiSelect
        id="sounding-priorityIds"
        label="Which listed priorities came up?"
        description={
          priorities.isError
            ? 'The listed priorities could not be loaded; use the field below.'
            : `Their function's priorities come first. Anything that fits none goes in the field below.`
        }
        placeholder={priorities.data?.items.length === 0 ? 'No priorities are listed yet' : 'Search the priorities'}
        searchable
        clearable
        data={priorityGroups(priorities.data?.items ?? [], props.businessFunction)}
        value={props.priorityIds}
        onChange={props.onPriorityIdsChange}
        error={props.priorityError}
        nothingFoundMessage={priorities.isPending ? 'Loading…' : 'No priority matches'}
        comboboxProps={{ withinPortal: true }}
      />
      <Stack gap="xs" id="sounding-narratives" role="group" aria-labelledby="sounding-narratives-label">
        <div>
          <Text size="sm" fw={500} id="sounding-narratives-label">
            How did the organisation's narratives and values land with {props.stakeholderName}?
          </Text>
          <Text size="xs" c="dimmed">
            Only the ones that came up: did it resonate, or did it jar?
          </Text>
        </div>
        {narratives.isError && (
          <Text size="sm" c="dimmed">
            The narratives could not be loaded.
          </Text>
        )}
        {narratives.isSuccess && offered.length === 0 && (
          <Text size="sm" c="dimmed" fs="italic">
            No narratives are listed yet (add them on the Narratives page).
          </Text>
        )}
        {offered.map((narrative) => (
          <Radio.Group
            key={narrative.id}
            label={narrative.title}
            description={narrative.description ?? undefined}
            value={props.narratives[narrative.id] ?? NOT_RAISED}
            onChange={(value: string) => props.onNarrativeChange(narrative.id, value === NOT_RAISED ? null : (value as NarrativeResponse))}
          >
            <Group gap="lg" mt={4}>
              <Radio value={NOT_RAISED} label="Not raised" />
              {NARRATIVE_RESPONSES.map((response) => (
                <Radio key={response} value={response} label={NARRATIVE_RESPONSE_LABELS[response]} />
              ))}
            </Group>
          </Radio.Group>
        ))}
        {props.narrativeError && (
          <Text size="sm" c="red.8" role="alert">
            {props.narrativeError}
          </Text>
        )}
      </Stack>
    </>
  );
}
