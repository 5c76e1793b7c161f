-- Places: the administrative hierarchy (GB/T 2260 codes) plus development zones, which are
-- not administrative divisions and get codes of their own: <division code>Z<nn>, where the
-- division is the one the zone sits in (and is its parent here).
CREATE TYPE place_kind AS ENUM ('province', 'city', 'district', 'county', 'development_zone');

CREATE TABLE places (
    code        text PRIMARY KEY CHECK (code ~ '^[0-9]{6}(Z[0-9]{2})?$'),
    slug        text NOT NULL UNIQUE CHECK (slug ~ '^[a-z][a-z0-9-]{1,39}$'),
    name_zh     text NOT NULL CHECK (length(name_zh) BETWEEN 1 AND 50),
    name_en     text NOT NULL CHECK (length(name_en) BETWEEN 1 AND 100),
    kind        place_kind NOT NULL,
    parent_code text REFERENCES places (code),
    CHECK ((kind = 'province') = (parent_code IS NULL)),
    CHECK ((kind = 'development_zone') = (code LIKE '%Z%'))
);

CREATE INDEX places_parent_code ON places (parent_code);

INSERT INTO places (code, slug, name_zh, name_en, kind, parent_code) VALUES
    ('420000', 'hubei',            '湖北省',   'Hubei Province',      'province', NULL),
    ('420100', 'wuhan',            '武汉市',   'Wuhan',               'city',     '420000'),
    ('420102', 'jiangan',          '江岸区',   'Jiang''an District',  'district', '420100'),
    ('420103', 'jianghan',         '江汉区',   'Jianghan District',   'district', '420100'),
    ('420104', 'qiaokou',          '硚口区',   'Qiaokou District',    'district', '420100'),
    ('420105', 'hanyang',          '汉阳区',   'Hanyang District',    'district', '420100'),
    ('420106', 'wuchang',          '武昌区',   'Wuchang District',    'district', '420100'),
    ('420107', 'qingshan',         '青山区',   'Qingshan District',   'district', '420100'),
    ('420111', 'hongshan',         '洪山区',   'Hongshan District',   'district', '420100'),
    ('420112', 'dongxihu',         '东西湖区', 'Dongxihu District',   'district', '420100'),
    ('420113', 'hannan',           '汉南区',   'Hannan District',     'district', '420100'),
    ('420114', 'caidian',          '蔡甸区',   'Caidian District',    'district', '420100'),
    ('420115', 'jiangxia',         '江夏区',   'Jiangxia District',   'district', '420100'),
    ('420116', 'huangpi',          '黄陂区',   'Huangpi District',    'district', '420100'),
    ('420117', 'xinzhou',          '新洲区',   'Xinzhou District',    'district', '420100'),
    ('420800', 'jingmen',          '荆门市',   'Jingmen',             'city',     '420000'),
    ('420804', 'duodao',           '掇刀区',   'Duodao District',     'district', '420800'),
    ('421200', 'xianning',         '咸宁市',   'Xianning',            'city',     '420000'),
    ('421202', 'xianan',           '咸安区',   'Xian''an District',   'district', '421200'),
    ('421221', 'jiayu',            '嘉鱼县',   'Jiayu County',        'county',   '421200'),
    ('421222', 'tongcheng',        '通城县',   'Tongcheng County',    'county',   '421200'),
    ('421223', 'chongyang',        '崇阳县',   'Chongyang County',    'county',   '421200'),
    ('421224', 'tongshan',         '通山县',   'Tongshan County',     'county',   '421200'),
    ('421281', 'chibi',            '赤壁市',   'Chibi',               'county',   '421200');

-- Development zones, each under the division it sits in (the city where it spans districts).
INSERT INTO places (code, slug, name_zh, name_en, kind, parent_code) VALUES
    ('420100Z01', 'wuhan-edz',       '武汉经开区',     'Wuhan Economic & Technological Development Zone', 'development_zone', '420100'),
    ('420100Z02', 'east-lake-hitech', '东湖高新区',    'East Lake High-tech Development Zone (Optics Valley)', 'development_zone', '420100'),
    ('420100Z03', 'yangtze-new-area', '长江新区',      'Yangtze River New Area',                         'development_zone', '420100'),
    ('420115Z01', 'jiangxia-edz',    '江夏经济开发区', 'Jiangxia Economic Development Zone',              'development_zone', '420115'),
    ('420105Z01', 'hanyang-edz',     '汉阳经济开发区', 'Hanyang Economic Development Zone',               'development_zone', '420105'),
    ('420804Z01', 'jingmen-hitech',  '荆门高新区',     'Jingmen High-tech Zone',                          'development_zone', '420804'),
    ('421200Z01', 'xianning-hitech', '咸宁高新区',     'Xianning High-tech Zone',                         'development_zone', '421200'),
    ('421202Z01', 'xianan-edz',      '咸安经开区',     'Xian''an Economic Development Zone',              'development_zone', '421202');
