/**
 * A community's page of the third entry (在职党员普遍进, 双报到): its registered employers and
 * members, its needs list, the members' participation, the quarterly feedback and the figures.
 * Each section is its own file in this folder.
 */
import { api, type Unit } from '../../api';
import { useI18n } from '../../i18n';
import { Link } from '../../router';
import { Loaded, useAsync } from '../../ui';
import { FeedbackSection } from './feedback';
import { ServingFiguresSection } from './figures';
import { NeedsSection } from './needs';
import { ParticipationSection } from './participation';
import { RegistrationSection } from './registration';

export function ServingPage({ communityRef }: { communityRef: string }) {
  const unit = useAsync(() => api<Unit>(`/api/units/${encodeURIComponent(communityRef)}`), [communityRef]);
  return <Loaded state={unit}>{(u) => <ServingView community={u} />}</Loaded>;
}

function ServingView({ community }: { community: Unit }) {
  const { t } = useI18n();
  return (
    <>
      <div class="page-head">
        <p class="crumbs">
          <Link href={`/units/${community.id}`}>{t('serving.back')}</Link> <span aria-hidden="true">›</span>
        </p>
        <h1>
          {community.name} · {t('serving.heading')}
        </h1>
        <p class="meta">{t('serving.lead')}</p>
      </div>
      {community.level !== 'community' ? (
        <p role="status">{t('serving.notCommunity')}</p>
      ) : (
        <>
          <ServingFiguresSection community={community} />
          <NeedsSection community={community} />
          <RegistrationSection community={community} />
          <ParticipationSection community={community} />
          <FeedbackSection community={community} />
        </>
      )}
    </>
  );
}
