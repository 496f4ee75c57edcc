import { checkCharacter } from '../../../shared/rules/idNumber';
import { plucked, noteWrite, stmt, setSetting, type Db } from '../../core/ledger';
import { addressText, naturalKey } from './store';
import { indexResidents, pinyinOf } from './indexing';

/** Deterministic pseudo-random numbers: the same seed gives the same community on every machine. */
export function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉兰萍鹏建华红梅文辉力丹凤建国志强海燕晨阳雪梅春燕子涵浩然欣怡梓轩雨桐宇航思远嘉怡佳琪俊杰婷婷晓东振华淑珍桂芳德明永红国强';
/** Real county-level address codes (GB/T 2260) from several provinces. */
const REGIONS = ['110105', '110108', '310104', '440305', '330106', '320102', '510104', '420106', '610113', '370102', '120101', '500103', '430102', '350102', '210102', '410105', '130102', '340104', '360102', '450103'];

export interface SeedResult {
  residents: number;
  households: number;
  grids: number;
  buildings: number;
}

/** Seeds a synthetic community of about `count` residents: grids, buildings, households, valid IDs. */
export function seedCommunity(db: Db, count: number, seed = 20261125): SeedResult {
  // A ledger seeded before gets new people: the same sequence would repeat their ID numbers.
  const existing = plucked(db, 'SELECT id_number FROM residents WHERE id_number IS NOT NULL').all() as string[];
  const rand = prng(seed + existing.length);
  const pick = <T>(xs: ArrayLike<T>) => xs[Math.floor(rand() * xs.length)]!;
  const givenChars = Array.from(GIVEN);
  const usedIds = new Set<string>(existing);
  const pinyinCache = new Map<string, { initials: string; full: string }>();
  const today = new Date().toISOString().slice(0, 10);

  const personId = (birthYear: number, gender: '1' | '2'): string => {
    for (;;) {
      const m = 1 + Math.floor(rand() * 12);
      const d = 1 + Math.floor(rand() * 28);
      let seq = Math.floor(rand() * 500) * 2 + (gender === '1' ? 1 : 0);
      if (seq === 0) seq = 2;
      const first17 = `${pick(REGIONS)}${birthYear}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}${String(seq).padStart(3, '0')}`;
      const id = first17 + checkCharacter(first17);
      if (id.slice(6, 14) <= today.replace(/-/g, '') && !usedIds.has(id)) {
        usedIds.add(id);
        return id;
      }
    }
  };
  const givenName = () => (rand() < 0.55 ? pick(givenChars) : pick(givenChars) + pick(givenChars));
  const phone = () => `1${3 + Math.floor(rand() * 7)}${String(Math.floor(rand() * 1e9)).padStart(9, '0')}`;

  const result = db.transaction((): SeedResult => {
    if (!stmt(db, "SELECT 1 FROM settings WHERE key = 'setup_done'").get()) {
      setSetting(db, 'street_name', '示范街道');
      setSetting(db, 'community_name', '幸福里社区');
      setSetting(db, 'committee_name', '幸福里社区居民委员会');
      setSetting(db, 'setup_done', '1');
    }
    const runId = Number(stmt(db, "INSERT INTO import_runs(file_name, rows) VALUES ('seed', ?)").run(count).lastInsertRowid);
    const addGrid = db.prepare('INSERT INTO grids(name) VALUES (?)');
    const addBuilding = db.prepare('INSERT INTO buildings(grid_id, name) VALUES (?, ?)');
    const addDwelling = db.prepare('INSERT INTO dwellings(building_id, unit, room) VALUES (?, ?, ?)');
    const addHousehold = db.prepare('INSERT INTO households(number, dwelling_id) VALUES (?, ?)');
    const setHead = db.prepare('UPDATE households SET head_id = ? WHERE id = ?');
    const addTag = db.prepare('INSERT INTO resident_tags(tag, resident_id) VALUES (?, ?)');
    const addEvent = db.prepare("INSERT INTO resident_events(resident_id, kind, date, reason, import_run_id) VALUES (?, 'moved_in', ?, '', ?)");
    const addResident = db.prepare(
      `INSERT INTO residents(name, id_number, gender, birth_date, ethnicity, phone, household_id, relation, residence_type, political,
         education, marital, tags, grid_id, building_id, address, address_key, name_pinyin, name_initials, import_run_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const existingGrids = (stmt(db, 'SELECT count(*) AS n FROM grids').get() as { n: number }).n;
    // Seeding again adds to the community: numbers go on from the last household.
    const existingHouseholds = (stmt(db, 'SELECT coalesce(max(id), 0) AS n FROM households').get() as { n: number }).n;
    let made = 0;
    let households = 0;
    let grids = 0;
    let buildings = 0;
    let gridId = 0;
    let gridName = '';
    while (made < count) {
      // About 210 households a grid: 3 buildings, 3 units × 12 floors × 2 rooms a building.
      if (buildings % 3 === 0) {
        grids++;
        gridName = `第${existingGrids + grids}网格`;
        gridId = Number(addGrid.run(gridName).lastInsertRowid);
      }
      buildings++;
      const buildingName = `${buildings}号楼`;
      const buildingId = Number(addBuilding.run(gridId, buildingName).lastInsertRowid);
      for (let unit = 1; unit <= 3 && made < count; unit++) {
        for (let floor = 1; floor <= 12 && made < count; floor++) {
          for (let door = 1; door <= 2 && made < count; door++) {
            const room = `${floor}0${door}`;
            const dwellingId = Number(addDwelling.run(buildingId, String(unit), room).lastInsertRowid);
            households++;
            const householdId = Number(addHousehold.run(`H${String(existingHouseholds + households).padStart(7, '0')}`, dwellingId).lastInsertRowid);
            const address = addressText({ building_name: buildingName, unit: String(unit), room });
            const baseKey = `${naturalKey(gridName)}|${naturalKey(buildingName)}|${naturalKey(String(unit))}|${naturalKey(room)}|${String(householdId).padStart(10, '0')}`;
            const surname = pick(SURNAMES);
            const headYear = 1935 + Math.floor(rand() * 65);
            const size = 1 + Math.floor(rand() * 4);
            const members: [string, '1' | '2', number, string][] = [];
            const headGender = rand() < 0.6 ? '1' : '2';
            members.push(['02', headGender, headYear, surname + givenName()]);
            if (size > 1) members.push(['10', headGender === '1' ? '2' : '1', headYear + Math.floor(rand() * 5) - 2, pick(SURNAMES) + givenName()]);
            for (let c = 2; c < size; c++) {
              const g = rand() < 0.5 ? '1' : '2';
              members.push([g === '1' ? '20' : '30', g, Math.min(2024, headYear + 22 + Math.floor(rand() * 12)), surname + givenName()]);
            }
            for (const [relation, gender, year, name] of members) {
              if (made >= count) break;
              const idNumber = personId(year, gender);
              let py = pinyinCache.get(name);
              if (!py) pinyinCache.set(name, (py = pinyinOf(name)));
              const tags: string[] = [];
              const age = Number(today.slice(0, 4)) - year;
              if (age >= 70 && size === 1 && rand() < 0.5) tags.push('alone');
              if (rand() < 0.02) tags.push('disabled');
              if (rand() < 0.015) tags.push('dibao');
              if (age >= 20 && age <= 70 && rand() < 0.02) tags.push('veteran');
              const political = age >= 18 && rand() < 0.08 ? '01' : age >= 14 && age <= 28 && rand() < 0.3 ? '03' : '13';
              const id = Number(
                addResident.run(
                  name,
                  idNumber,
                  gender,
                  `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`,
                  rand() < 0.92 ? '01' : pick(['02', '03', '04', '06', '08', '10', '11']),
                  rand() < 0.85 ? phone() : '',
                  householdId,
                  relation,
                  rand() < 0.8 ? 'registered' : pick(['resident', 'floating', 'away']),
                  political,
                  age < 6 ? '' : pick(['20', '30', '40', '60', '70', '80']),
                  age < 20 ? '10' : pick(['20', '20', '20', '10', '30', '40']),
                  tags.join(' '),
                  gridId,
                  buildingId,
                  address,
                  `${baseKey}|${relation === '02' ? '0' : '1'}`,
                  py.full,
                  py.initials,
                  runId,
                ).lastInsertRowid,
              );
              for (const t of tags) addTag.run(t, id);
              addEvent.run(id, `${Math.max(year, 1990)}-01-01`, runId);
              if (relation === '02') setHead.run(id, householdId);
              made++;
            }
          }
        }
      }
    }
    stmt(db, 'UPDATE import_runs SET created = ? WHERE id = ?').run(made, runId);
    indexResidents(db, plucked(db, 'SELECT id FROM residents WHERE import_run_id = ?').all(runId) as number[]);
    return { residents: made, households, grids, buildings };
  })();
  noteWrite(db);
  return result;
}
