-- Sectors: a two-level tree. The top level is the municipal categories used in batch reports
-- (先进制造业 / 现代服务业 / 基础设施 / 其他); below them, the industries the documents name.
CREATE TABLE sectors (
    code          text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]{1,39}$'),
    category_code text REFERENCES sectors (code),
    name_zh       text NOT NULL CHECK (length(name_zh) BETWEEN 1 AND 50),
    name_en       text NOT NULL CHECK (length(name_en) BETWEEN 1 AND 100),
    sort_order    smallint NOT NULL,
    CHECK (category_code IS DISTINCT FROM code)
);

INSERT INTO sectors (code, category_code, name_zh, name_en, sort_order) VALUES
    ('manufacturing',  NULL, '先进制造业', 'Advanced manufacturing', 1),
    ('services',       NULL, '现代服务业', 'Modern services',        2),
    ('infrastructure', NULL, '基础设施',   'Infrastructure',         3),
    ('other',          NULL, '其他',       'Other',                  4);

INSERT INTO sectors (code, category_code, name_zh, name_en, sort_order) VALUES
    ('nev_icv',             'manufacturing', '新能源与智能网联汽车', 'New-energy and intelligent connected vehicles', 10),
    ('auto_parts',          'manufacturing', '汽车及零部件',         'Automobiles and parts',                         11),
    ('batteries_materials', 'manufacturing', '新能源与新材料',       'New energy and new materials (batteries, hydrogen)', 12),
    ('biomedicine',         'manufacturing', '生物医药与医疗器械',   'Biomedicine and medical devices',               13),
    ('optoelectronics',     'manufacturing', '光电子信息',           'Optoelectronics (光)',                          14),
    ('chips',               'manufacturing', '集成电路',             'Integrated circuits (芯)',                      15),
    ('displays',            'manufacturing', '新型显示',             'New displays (屏)',                             16),
    ('smart_terminals',     'manufacturing', '智能终端',             'Smart terminals (端)',                          17),
    ('equipment',           'manufacturing', '智能制造与装备',       'Intelligent manufacturing and equipment',       18),
    ('food_beverage',       'manufacturing', '食品饮料',             'Food and beverages',                            19),
    ('metallurgy',          'manufacturing', '冶金建材',             'Metallurgy and building materials',             20),
    ('light_industry',      'manufacturing', '轻工纺织',             'Light industry and textiles',                   21),
    ('headquarters',        'services',      '总部经济',             'Headquarters economy',                          30),
    ('finance',             'services',      '金融',                 'Finance',                                       31),
    ('commerce',            'services',      '商业商贸',             'Commerce and retail',                           32),
    ('health_services',     'services',      '大健康服务',           'Health services (大健康)',                      33),
    ('digital_economy',     'services',      '数字经济',             'Digital economy (software, platforms)',         34),
    ('networks',            'services',      '信息网络',             'Information networks (网)',                     35),
    ('cloud_computing',     'services',      '云计算与大数据',       'Cloud computing and big data (云)',             36),
    ('artificial_intelligence', 'services',  '人工智能',             'Artificial intelligence (智)',                  37),
    ('culture_tourism',     'services',      '文化旅游',             'Culture and tourism',                           38),
    ('exhibitions',         'services',      '会展',                 'Exhibitions and conventions',                   39),
    ('engineering_design',  'services',      '工程设计建造',         'Engineering design and construction',           40),
    ('logistics',           'services',      '现代物流',             'Modern logistics',                              41),
    ('science_innovation',  'services',      '科技创新平台',         'Science and innovation platforms',              42),
    ('transport',           'infrastructure','交通',                 'Transport',                                     50),
    ('water_conservancy',   'infrastructure','水利',                 'Water conservancy',                             51),
    ('ecology',             'infrastructure','生态环保',             'Ecology and environment',                       52),
    ('energy',              'infrastructure','能源',                 'Energy',                                        53),
    ('digital_infrastructure', 'infrastructure', '新型基础设施',     'Digital infrastructure (5G, computing centres)', 54),
    ('municipal',           'infrastructure','市政设施',             'Municipal facilities',                          55),
    ('urban_development',   'other',         '城市综合开发',         'Urban and mixed-use development',               60),
    ('social',              'other',         '社会民生',             'Social services (education, health care, housing)', 61),
    ('agriculture',         'other',         '现代农业',             'Modern agriculture',                            62);

CREATE INDEX sectors_category_code ON sectors (category_code);

-- Parks (园区): named industrial parks and new towns, each in one place.
CREATE TABLE parks (
    code       text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9-]{1,39}$'),
    name_zh    text NOT NULL UNIQUE CHECK (length(name_zh) BETWEEN 1 AND 50),
    name_en    text NOT NULL CHECK (length(name_en) BETWEEN 1 AND 100),
    place_code text NOT NULL REFERENCES places (code)
);

CREATE INDEX parks_place_code ON parks (place_code);

INSERT INTO parks (code, name_zh, name_en, place_code) VALUES
    ('miaoshan',               '庙山产业园区',             'Miaoshan Industrial Park',                          '420115Z01'),
    ('junshan',                '军山新城',                 'Junshan New Town',                                  '420100Z01'),
    ('wedz-icv-ev',            '智能网联和电动汽车产业园', 'Intelligent Connected and Electric Vehicle Industrial Park', '420100Z01'),
    ('wedz-modern-services',   '现代服务业产业园',         'Modern Services Industrial Park',                   '420100Z01'),
    ('wedz-smart-manufacturing', '智能制造产业园',         'Intelligent Manufacturing Industrial Park',         '420100Z01'),
    ('wedz-aviation-satellite', '通用航空及卫星产业园',    'General Aviation and Satellite Industrial Park',    '420100Z01'),
    ('wedz-bonded-port',       '综合保税区及港口物流园',   'Comprehensive Bonded Zone and Port Logistics Park', '420100Z01'),
    ('wedz-agritech',          '现代科技农业产业园',       'Modern Agricultural Technology Industrial Park',    '420100Z01'),
    ('wuhan-icv-software',     '武汉智能汽车软件园',       'Wuhan Intelligent Vehicle Software Park',           '420100Z01'),
    ('longyanghu-health',      '龙阳湖健康谷',             'Longyang Lake Health Valley',                       '420105'),
    ('huangjinkou',            '黄金口都市工业园',         'Huangjinkou Urban Industrial Park',                 '420105'),
    ('jiuzhoutong-health-city','九州通健康城',             'Jointown Health City',                              '420105'),
    ('park-5-5',               '5.5产业园',                '5.5 Industrial Park',                               '420105'),
    ('central-china-expo',     '华中会展产业园',           'Central China Exhibition Industrial Park',          '420105'),
    ('hanyangzao-creative',    '汉阳造文化创意产业园',     'Hanyangzao Cultural and Creative Industrial Park',  '420105'),
    ('shihu-digital',          '什湖数字经济产业园',       'Shihu Digital Economy Industrial Park',             '420105'),
    ('gouzui',                 '沟咀产业园',               'Gouzui Industrial Park',                            '420105'),
    ('sixin-eco-city',         '四新生态新城',             'Sixin Eco-City',                                    '420105');
