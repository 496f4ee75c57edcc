import { todayIso } from '../../../shared/rules/idNumber';
import { addDays } from '../../../shared/rules/mediation';
import { needNumber, PROVIDER_KINDS } from '../../../shared/rules/lists';
import { plucked, noteWrite, stmt, type Db } from '../../core/ledger';
import { prng } from '../residents/api';

/** What communities write on their lists, per category of the default tree: for demos, tests and benchmarks. */
const NEEDS: Record<string, string[]> = {
  助餐: ['每天中午送一份午餐', '腿脚不便，希望有人送饭', '需要低糖饮食的老年餐'],
  助洁助浴: ['每周帮忙打扫一次卫生', '希望有人帮助洗澡'],
  陪诊陪护: ['下周三去医院复查，需要人陪同', '每月陪同取药'],
  探访关爱: ['子女在外地，希望有人常来看看', '独居，希望每周电话问候'],
  课业辅导: ['孩子数学跟不上，需要课后辅导', '暑假需要作业辅导'],
  看护托管: ['放学后无人照看，需要临时托管'],
  水电维修: ['厨房水龙头漏水', '卫生间灯不亮', '家里经常跳闸'],
  家电维修: ['洗衣机不转了', '电视没有信号'],
  法律咨询: ['房屋租赁合同纠纷想咨询律师', '赡养问题需要法律帮助'],
  义诊: ['想量血压、测血糖', '需要上门体检'],
  岗位推荐: ['失业半年，希望推荐保洁或保安岗位'],
  技能培训: ['想学电脑和手机操作'],
  文化活动: ['楼里老人想组织合唱队'],
  环境整治: ['楼道堆放杂物需要清理', '小区绿地有垃圾'],
  微心愿: ['想要一个新书包', '希望有一台收音机', '想要一套儿童绘本'],
};
const RESOURCES: Record<string, [string, string][]> = {
  助餐: [['社区老年食堂', '老年助餐送餐上门'], ['爱心餐馆', '每周为困难老人提供免费午餐']],
  助洁助浴: [['家政服务公司', '上门保洁、助浴']],
  陪诊陪护: [['阳光志愿服务队', '陪同就医、代取药']],
  探访关爱: [['阳光志愿服务队', '探访独居老人、电话问候'], ['青年志愿者协会', '周末探访']],
  课业辅导: [['实验小学党支部', '课后作业辅导'], ['大学生志愿者', '暑期学业辅导']],
  水电维修: [['物业维修班', '水电小修'], ['供电所党员服务队', '家庭用电检查']],
  家电维修: [['家电维修店', '家电维修，困难家庭免人工费']],
  法律咨询: [['律师事务所', '每月一次免费法律咨询']],
  义诊: [['社区卫生服务中心', '上门量血压测血糖、健康咨询']],
  岗位推荐: [['人力资源服务站', '就业岗位推荐']],
  技能培训: [['老年大学', '智能手机使用培训']],
  文化活动: [['文化站', '文艺活动场地和辅导']],
  环境整治: [['物业公司', '楼道清理、垃圾清运']],
  微心愿: [['驻区企业工会', '认领微心愿，每件 200 元以内']],
};

/**
 * Adds `needs` open needs and `resources` resources to a seeded community, spread over its grids and
 * the default categories, deterministic for a given seed. One transaction.
 */
export function seedLists(db: Db, needs: number, resources: number, seed = 8) {
  const rand = prng(seed + (plucked(db, 'SELECT count(*) FROM list_needs').get() as number));
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const categories = new Map((stmt(db, 'SELECT name, id FROM list_categories').all() as { name: string; id: number }[]).map((c) => [c.name, c.id]));
  const grids = plucked(db, 'SELECT id FROM grids').all() as number[];
  const people = stmt(db, "SELECT id, name, grid_id FROM residents WHERE status = 'active' ORDER BY id LIMIT 5000").all() as { id: number; name: string; grid_id: number | null }[];
  const today = todayIso();
  const year = Number(today.slice(0, 4));
  db.transaction(() => {
    const addNeed = stmt(
      db,
      `INSERT INTO list_needs(year, serial, number, for_kind, resident_id, beneficiary, category_id, content, urgency, wanted_by, grid_id, raised_on, wish, budget_fen, created_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'seed')`,
    );
    const addEvent = stmt(db, "INSERT INTO list_need_events(need_id, from_state, to_state, date, actor) VALUES (?, '', 'open', ?, 'seed')");
    const serial = plucked(db, 'INSERT INTO list_sequences(year, last) VALUES (?, ?) ON CONFLICT(year) DO UPDATE SET last = last + excluded.last RETURNING last').get(year, needs) as number;
    const needCategories = Object.keys(NEEDS).filter((c) => categories.has(c));
    for (let i = 0; i < needs; i++) {
      const category = pick(needCategories);
      const person = people.length && category !== '环境整治' && category !== '文化活动' ? pick(people) : null;
      const raised = addDays(today, -Math.floor(rand() * 60));
      const wish = category === '微心愿';
      const id = Number(
        addNeed.run(year, serial - needs + i + 1, needNumber(year, serial - needs + i + 1), person ? 'resident' : 'community', person?.id ?? null, person?.name ?? '社区公共', categories.get(category)!, pick(NEEDS[category]!), rand() < 0.15 ? 'urgent' : 'normal', rand() < 0.7 ? addDays(raised, 7 + Math.floor(rand() * 50)) : '', person?.grid_id ?? (grids.length ? pick(grids) : null), raised, wish ? 1 : 0, wish ? 5000 + Math.floor(rand() * 15000) : 0).lastInsertRowid,
      );
      addEvent.run(id, raised);
    }
    const addResource = stmt(
      db,
      `INSERT INTO list_resources(provider_kind, provider, category_id, content, capacity, capacity_period, weekdays, grid_ids, available_from, available_to)
       VALUES (?, ?, ?, ?, ?, ?, '[]', ?, ?, ?)`,
    );
    const resourceCategories = Object.keys(RESOURCES).filter((c) => categories.has(c));
    for (let i = 0; i < resources; i++) {
      const category = pick(resourceCategories);
      const [provider, content] = pick(RESOURCES[category]!);
      const suffix = resources > 30 ? `（${i + 1}）` : '';
      addResource.run(
        pick(PROVIDER_KINDS.filter((k) => k !== 'member')),
        provider + suffix,
        categories.get(category)!,
        content,
        1 + Math.floor(rand() * 8),
        pick(['week', 'month', 'month', 'year'] as const),
        JSON.stringify(rand() < 0.5 || !grids.length ? [] : [pick(grids)]),
        rand() < 0.2 ? addDays(today, Math.floor(rand() * 30)) : '',
        rand() < 0.1 ? addDays(today, 30 + Math.floor(rand() * 300)) : '',
      );
    }
  }).immediate();
  noteWrite(db);
  return { needs, resources };
}
