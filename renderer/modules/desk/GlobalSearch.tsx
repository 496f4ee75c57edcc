import { useEffect, useRef, useState } from 'react';
import { Button, Empty, Input, Modal, Spin, Typography } from 'antd';
import type { InputRef } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../api/hooks';
import { navigate } from '../../app/router';

/**
 * One search box for everything, from anywhere: Ctrl+K (or the button in the header) opens it; ↑ ↓
 * move through the results, Enter opens one, Esc closes. Residents, households, members, cases,
 * certificates, needs and problems — each only where the user may look.
 */
export function GlobalSearch() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        setOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <>
      <Button icon={<SearchOutlined />} onClick={() => setOpen(true)} data-testid="global-search-open">
        {t('home:search.button')}
      </Button>
      {open && <SearchDialog onClose={() => setOpen(false)} />}
    </>
  );
}

function SearchDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [typed, setTyped] = useState('');
  const [active, setActive] = useState(0);
  const input = useRef<InputRef>(null);
  // Ask once the typing pauses: a keystroke each is wasted work on a big ledger.
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), 200);
    return () => clearTimeout(timer);
  }, [typed]);
  const result = useCall('desk.search', { q }, { enabled: q.length > 0, keepPrevious: true });
  const groups = q ? (result.data ?? []) : [];
  const flat = groups.flatMap((g) => g.items);
  useEffect(() => setActive(0), [result.data]);
  const go = (link: string) => {
    onClose();
    navigate(link);
  };
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'ArrowDown') setActive((i) => Math.min(i + 1, flat.length - 1));
    else if (e.key === 'ArrowUp') setActive((i) => Math.max(i - 1, 0));
    else if (e.key === 'Enter' && flat[active]) go(flat[active]!.link);
    else return;
    e.preventDefault();
  };
  let index = -1;
  return (
    <Modal open onCancel={onClose} footer={null} width={760} title={t('home:search.title')} afterOpenChange={(o) => o && input.current?.focus()} destroyOnHidden>
      <Input ref={input} size="large" autoFocus prefix={<SearchOutlined />} placeholder={t('home:search.placeholder')} value={typed} onChange={(e) => setTyped(e.target.value)} onKeyDown={onKeyDown} data-testid="global-search" />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {t('home:search.hint')}
      </Typography.Paragraph>
      <div className="global-search-results" data-testid="global-search-results">
        {result.isFetching && !result.data && <Spin />}
        {q && result.data && groups.length === 0 && <Empty description={t('home:search.empty')} />}
        {groups.map((g) => (
          <div key={g.group}>
            <Typography.Title level={5}>{t(`home:search.group.${g.group}`)}</Typography.Title>
            {g.items.map((item) => {
              index++;
              const mine = index;
              return (
                <div key={`${item.link}-${item.title}`} className={`global-search-item${mine === active ? ' active' : ''}`} onMouseEnter={() => setActive(mine)} onClick={() => go(item.link)} role="option" aria-selected={mine === active}>
                  <Typography.Text strong>{item.title}</Typography.Text> <Typography.Text type="secondary">{item.detail}</Typography.Text>
                </div>
              );
            })}
          </div>
        ))}
      </div>
    </Modal>
  );
}
