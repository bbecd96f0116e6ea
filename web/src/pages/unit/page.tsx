/**
 * A unit's page. For everyone who may read the unit: its meeting obligation this period (from the
 * workflow, with a link to it in the Temporal Web UI), the items escalated to it, its own item
 * register and its timeline — meetings, items, escalations, answers, closed periods and every
 * notice sent (the receipts). For the unit's own convener also the forms: record a meeting
 * (attendees, minutes, agenda items, escalated items taken up), escalate or resolve an item,
 * take up and answer an item from below, confirm or dispute an answer from above.
 */
import { useState } from 'preact/hooks';
import { api, type Obligation, type Unit } from '../../api';
import { useI18n } from '../../i18n';
import { Link, useLocation } from '../../router';
import { isOffice, useSession } from '../../session';
import { Chip, Loaded, useAsync } from '../../ui';
import { ChildrenStatusCard } from '../due';
import { MeetingForm } from './meeting-form';
import { NoticeItemCard } from './notice-item-card';
import { ObligationCard } from './obligation-card';
import { QueueCard } from './queue-card';
import { loadRecord, type UnitRecord } from './record';
import { RegisterCard } from './register-card';
import { Timeline } from './timeline';

export function UnitPage({ unitRef }: { unitRef: string }) {
  const unit = useAsync(() => api<Unit>(`/api/units/${encodeURIComponent(unitRef)}`), [unitRef]);
  return <Loaded state={unit}>{(u) => <UnitView unit={u} />}</Loaded>;
}

function UnitHead({ unit }: { unit: Unit }) {
  const { t } = useI18n();
  const { user } = useSession();
  return (
    <div class="page-head">
      {isOffice(user) && (
        <p class="crumbs">
          <Link href="/">{t('nav.desk')}</Link> <span aria-hidden="true">›</span>
        </p>
      )}
      <h1>{unit.name}</h1>
      <p class="meta">
        <Chip tone="info">{t(`level.${unit.level}`)}</Chip>
        <span>
          {t('unit.code')}: {unit.code}
        </span>
        <span>
          {t('unit.convener')}: {unit.convenerName}
        </span>
        {unit.level === 'community' && <Link href={`/serving/${unit.id}`}>{t('serving.unitLink')}</Link>}
      </p>
    </div>
  );
}

/** The items: the one a notice's link names (when elsewhere), the queue and the register. */
function UnitItems(props: { record: UnitRecord; canWrite: boolean; onChanged: () => void; selected: string | null }) {
  const { record: r, canWrite, onChanged, selected } = props;
  return (
    <>
      {selected && ![...r.queue, ...r.register].some((i) => i.id === selected) && (
        <NoticeItemCard id={selected} handled={r.handled} />
      )}
      <QueueCard items={r.queue} meetings={r.meetings} canWrite={canWrite} onChanged={onChanged} selected={selected} />
      <RegisterCard items={r.register} names={r.names} canWrite={canWrite} onChanged={onChanged} selected={selected} />
    </>
  );
}

function UnitView({ unit }: { unit: Unit }) {
  const { t } = useI18n();
  const { user } = useSession();
  const [version, setVersion] = useState(0);
  const refresh = () => setVersion((v) => v + 1);
  const obligation = useAsync(() => api<Obligation>(`/api/units/${unit.id}/obligation`), [unit.id, version]);
  const record = useAsync(() => loadRecord(unit), [unit.id, version]);
  const canWrite = user.role === 'admin' || (user.role === 'convener' && user.unitId === unit.id);
  // A notice's link names an item (?item=<id>): it is highlighted and scrolled to.
  const selected = useLocation().query.get('item');

  return (
    <>
      <UnitHead unit={unit} />
      <div class="unit-grid">
        <div class="unit-main">
          <ObligationCard state={obligation} unitCode={unit.code} />
          {unit.level !== 'building' && <ChildrenStatusCard unitId={unit.id} />}
          {canWrite ? (
            <MeetingForm unit={unit} record={record.data} onSaved={refresh} />
          ) : (
            <p class="note info">{t('unit.readOnly')}</p>
          )}
          <Loaded state={record}>
            {(r) => <UnitItems record={r} canWrite={canWrite} onChanged={refresh} selected={selected} />}
          </Loaded>
        </div>
        <div class="unit-side">
          <Loaded state={record}>{(r) => <Timeline unit={unit} record={r} />}</Loaded>
        </div>
      </div>
    </>
  );
}
