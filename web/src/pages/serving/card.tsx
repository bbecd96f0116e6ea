/**
 * An in-service Party member's service card (服务记录卡): who they are (phone masked), their hours
 * in all and this year, every service the community confirmed, and their claims still to serve.
 * The member sees their own; the community's convener and the office any of theirs.
 */
import { api } from '../../api';
import type { components } from '../../api-types';
import { useI18n } from '../../i18n';
import { Link } from '../../router';
import { useSession } from '../../session';
import { Chip, Loaded, RowsTable, useAsync } from '../../ui';
import { NeedsSection } from './needs';

type Card = components['schemas']['ServiceCard'];

export function ServiceCardPage({ memberId }: { memberId: string }) {
  const card = useAsync(() => api<Card>(`/api/serving/members/${encodeURIComponent(memberId)}/card`), [memberId]);
  return <Loaded state={card}>{(c) => <CardView card={c} reload={card.reload} />}</Loaded>;
}

function CardView({ card, reload }: { card: Card; reload: () => void }) {
  const { t } = useI18n();
  const { user } = useSession();
  const { member } = card;
  // The member claims on their card (the community's page is for its convener and the office).
  const own = user.role === 'member' && user.servingMemberId === member.id;
  return (
    <>
      <div class="page-head">
        <h1>
          {member.name} · {t('card.heading')} {member.removed && <Chip tone="bad">{t('card.removed')}</Chip>}
        </h1>
        <p class="meta">
          {t('card.community')}：
          {own ? member.communityName : <Link href={`/serving/${member.communityId}`}>{member.communityName}</Link>} ·{' '}
          {t('card.employer')}：{member.employer.name}（{member.employer.partyOrgName}） · {t('card.phone')}：
          {member.phone} · {t('card.registeredOn')}：{member.registeredOn}
        </p>
      </div>
      <section class="card" aria-labelledby="card-totals">
        <h2 id="card-totals">{t('card.totals', { services: card.totals.services, hours: card.totals.hours })}</h2>
        <p>{t('card.year', { year: card.year.year, services: card.year.services, hours: card.year.hours })}</p>
      </section>
      <section class="card" aria-labelledby="card-open">
        <h2 id="card-open">{t('card.openClaims')}</h2>
        <RowsTable
          rows={card.openClaims}
          rowKey={(c) => c.claimId}
          empty={t('card.openClaimsEmpty')}
          columns={[
            { label: t('needs.title'), cell: (c) => c.title },
            { label: t('needs.category'), cell: (c) => t(`needs.cat.${c.category}`) },
            { label: t('needs.neededOn'), cell: (c) => c.neededOn },
          ]}
        />
        {!own && (
          <p>
            <Link href={`/serving/${member.communityId}#needs`}>{t('card.toNeeds')}</Link>
          </p>
        )}
      </section>
      <section class="card" aria-labelledby="card-services">
        <h2 id="card-services">{t('card.services')}</h2>
        <RowsTable
          rows={card.services}
          rowKey={(s) => s.id}
          empty={t('card.servicesEmpty')}
          columns={[
            { label: t('card.servedOn'), cell: (s) => s.servedOn },
            { label: t('card.hours'), cell: (s) => s.hours },
            { label: t('card.what'), cell: (s) => s.what },
            { label: t('card.need'), cell: (s) => s.need?.title ?? '—' },
            { label: t('card.confirmedBy'), cell: (s) => s.confirmedBy },
          ]}
        />
      </section>
      {own && !member.removed && <NeedsSection community={{ id: member.communityId }} onChange={reload} />}
    </>
  );
}
