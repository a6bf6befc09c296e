import type { StakeholderRef } from '@soundings/shared';
import { ConductedSoundingsCard } from '@/features/soundings/components/conducted-soundings-card';
import { StakeholderHistory } from '@/features/audit/components/stakeholder-history';
import { DataProtectionPanel } from '@/features/data-protection/components/data-protection-panel';
import { StakeholderPilots } from '@/features/pilots/components/stakeholder-pilots';
import { RelationshipHoldersSection } from '@/features/relationships/components/relationship-holders-section';
import { TimingSection } from '@/features/timing/components/timing-section';
import { OwnedPrioritiesSection } from '@/features/priorities/components/owned-priorities-section';
import { PersonPicker } from '@/features/stakeholders/components/person-picker';
import { Can } from '@/lib/authorization';

// A person's page shows its path, next step, facts and timeline first; the sections here (each with its own read)
// come in one chunk of their own once that first screen is drawn, so the first screen does not wait for their code.

/** The cards beside the timeline after the contact cadence: soundings they held, pilots, holders, timing, priorities. */
export function StakeholderMoreSections({ stakeholder, canWrite }: { stakeholder: StakeholderRef & { businessFunction: string | null }; canWrite: boolean }) {
  return (
    <>
      <ConductedSoundingsCard stakeholderId={stakeholder.id} name={stakeholder.name} />
      <StakeholderPilots stakeholderId={stakeholder.id} />
      <RelationshipHoldersSection stakeholder={stakeholder} canWrite={canWrite} renderChampionPicker={(props) => <PersonPicker {...props} comboboxProps={{ withinPortal: true }} />} />
      <TimingSection stakeholder={stakeholder} canWrite={canWrite} />
      <OwnedPrioritiesSection stakeholder={stakeholder} canWrite={canWrite} renderOwnerPicker={(props) => <PersonPicker {...props} comboboxProps={{ withinPortal: true }} />} />
    </>
  );
}

/** The end of the page: the record's history (for those who may read the audit trail) and data protection. */
export function StakeholderRecordSections({
  stakeholder,
  onErased,
}: {
  stakeholder: StakeholderRef & { erasedAt: string | null };
  onErased: () => void;
}) {
  return (
    <>
      <Can permission="audit:read">
        <StakeholderHistory stakeholderId={stakeholder.id} />
      </Can>
      <DataProtectionPanel stakeholder={stakeholder} onErased={onErased} />
    </>
  );
}
