package org.timebank.bench;

import java.util.SplittableRandom;

/** Wuhan's districts, and generated names for streets, communities, people, shops and items. */
final class Names {
    private Names() {}

    /** The 13 districts: name, administrative code, and how many streets (街道) each has here. */
    record District(String name, String code, int streets, boolean urban) {}

    static final District[] DISTRICTS = {
        new District("江岸区", "420102", 16, true),
        new District("江汉区", "420103", 13, true),
        new District("硚口区", "420104", 11, true),
        new District("汉阳区", "420105", 11, true),
        new District("武昌区", "420106", 14, true),
        new District("青山区", "420107", 10, true),
        new District("洪山区", "420111", 14, true),
        new District("东西湖区", "420112", 12, false),
        new District("汉南区", "420113", 5, false),
        new District("蔡甸区", "420114", 12, false),
        new District("江夏区", "420115", 17, false),
        new District("黄陂区", "420116", 20, false),
        new District("新洲区", "420117", 15, false),
    };

    private static final String[] STREET_STEMS = ("后湖,首义路,中南路,水果湖,珞南,关山,徐东,积玉桥,杨园,新村,汉兴,唐家墩,"
            + "民族路,花桥,二七,大智,一元,车站,丹水池,台北,劳动,常青,万松,北湖,前进,满春,新华,汉正,宝丰,荣华,易家,长丰,"
            + "古田,汉水桥,六角亭,琴断口,晴川,建桥,鹦鹉,洲头,四新,江堤,永丰,粮道,白沙洲,紫阳,黄鹤楼,南湖,石洞,红卫路,"
            + "冶金,工人村,青山镇,钢花村,新沟桥,厂前,武东,八吉府,洪山,张家湾,狮子山,梨园,卓刀泉,和平,青菱,天兴,吴家山,"
            + "走马岭,将军路,金银湖,径河,长青,纱帽,邓南,东荆,蔡甸,奓山,永安,侏儒山,索河,大集,纸坊,金口,郑店,五里界,"
            + "乌龙泉,流芳,山坡,安山,湖泗,法泗,舒安,前川,滠口,祁家湾,横店,李家集,天河,王家河,长轩岭,姚家集,蔡店,木兰,"
            + "罗汉寺,六指,邾城,阳逻,仓埠,汪集,李集,三店,潘塘,旧街,双柳,涨渡湖,徐古,凤凰,球场,塔子湖,谌家矶,西马,"
            + "百步亭,四唯,新华路,万松园,汉中,宗关,韩家墩,荣华街,古琴台,龙阳,江汉二桥,中华路,司门口,粮道街,杨园街,"
            + "红钢城,新沟,白玉山,钢都,和平街,珞喻,九峰,花山,左岭,常福,军山,沌口,柏泉,东山,辛安渡,金水,桐湖,"
            + "汉口北,盘龙城,武湖,天河街,三里桥,黄花涝,汤仁海,谌家湾,八铺街,复兴村,南岸嘴,姑嫂树,"
            + "堤角,二七路,塔子湖东,汉西,王家墩,常码头,琴台,月湖,墨水湖,江汉关,循礼门,花楼街").split(",");

    private static final String[] COMMUNITY_FIRST = ("幸福,和平,友谊,长春,建设,光明,新华,民主,团结,胜利,东方,红旗,文化,花园,"
            + "阳光,翠园,锦绣,怡景,常青,金桥,学府,滨江,湖景,桂园,兰亭,丽岛,绿洲,紫荆,春晓,百花,惠民,育才,安居,康乐,"
            + "福星,同心,晓园,复兴,振兴,东湖,沙湖,南湖,梅苑,竹园,枫林,银河,明珠,景园,丰收,建新").split(",");
    private static final String[] COMMUNITY_SECOND = "里,苑,园,村,家园,花园,新村,小区,街,路,湾,坊".split(",");

    private static final String[] SURNAMES = ("王,李,张,刘,陈,杨,黄,赵,吴,周,徐,孙,马,朱,胡,郭,何,高,林,罗,郑,梁,谢,宋,唐,"
            + "许,韩,冯,邓,曹,彭,曾,肖,田,董,袁,潘,于,蒋,蔡,余,杜,叶,程,苏,魏,吕,丁,任,沈,姚,卢,姜,崔,钟,谭,陆,汪,范,金,"
            + "石,廖,贾,夏,韦,付,方,白,邹,孟,熊,秦,邱,江,尹,薛,闫,段,雷,侯,龙,史,陶,黎,贺,顾,毛,郝,龚,邵,万,钱,严,覃,"
            + "武,戴,莫,孔,向,汤").split(",");
    private static final String[] GIVEN = ("伟,芳,娜,秀英,敏,静,丽,强,磊,军,洋,勇,艳,杰,娟,涛,明,超,秀兰,霞,平,刚,桂英,"
            + "华,玉兰,萍,红,建华,文,辉,建国,丹,玲,燕,志强,建军,晓明,海燕,欣怡,子涵,浩然,梓轩,一诺,雨桐,宇轩,思远,"
            + "雅琴,国强,春梅,冬梅,秋菊,淑珍,德华,永红,卫东,新民,立新,爱华,婷婷,佳怡,俊杰,博文,志明,丽娟,金凤,小红,"
            + "桂兰,凤英,玉珍,长江,汉生,楚雄,荆生,武生").split(",");

    /** Service categories with their share of claims and descriptions volunteers write. */
    record Category(String code, int weight, String[] descriptions) {}

    static final Category[] CATEGORIES = {
        new Category("DEFAULT", 25, new String[] {"社区志愿服务", "协助社区工作站", "社区活动布置"}),
        new Category("ELDERLY_VISIT", 15, new String[] {"探访独居老人", "陪伴高龄老人聊天", "空巢老人电话问候"}),
        new Category("ELDERLY_CARE", 8, new String[] {"为老人理发", "助老送餐上门", "陪同老人就医"}),
        new Category("KITCHEN", 7, new String[] {"社区食堂帮厨", "爱心早餐", "老年食堂配餐"}),
        new Category("TUTORING", 10, new String[] {"四点半课堂辅导", "青少年课业辅导", "暑期托管陪伴"}),
        new Category("ENVIRONMENT", 15, new String[] {"社区环境整治", "垃圾分类督导", "清理楼道杂物"}),
        new Category("PATROL", 12, new String[] {"平安巡逻", "防汛值守", "文明交通劝导"}),
        new Category("HEALTH", 3, new String[] {"健康义诊协助", "疫苗接种引导", "献血点服务"}),
        new Category("CULTURE", 5, new String[] {"社区文艺演出", "图书角管理", "非遗手工课"}),
    };

    /** Things shops offer for points, with a typical price. */
    record Item(String name, int points) {}

    static final Item[] GOODS = {
        new Item("大米 5kg", 50), new Item("食用油 1L", 30), new Item("挂面", 8), new Item("鸡蛋 10枚", 15),
        new Item("洗衣液", 20), new Item("牙膏", 10), new Item("毛巾", 8), new Item("抽纸 3包", 6),
        new Item("酱油", 10), new Item("香皂", 5), new Item("洗洁精", 8), new Item("牛奶 一箱", 40),
        new Item("保温杯", 60), new Item("雨伞", 35), new Item("口罩 10只", 5), new Item("文具套装", 15),
        new Item("热干面 兑换券", 6), new Item("绿豆汤", 4), new Item("书籍", 30), new Item("电饭煲", 180),
    };
    static final Item[] SERVICES = {
        new Item("理发", 20), new Item("家电清洗", 80), new Item("健康体检", 120), new Item("电影票", 45),
        new Item("洗衣 一次", 25), new Item("上门维修", 60), new Item("按摩推拿", 70),
    };
    static final String[] PARTNER_KINDS = "便利店,理发店,大药房,早餐店,生活超市,水果店,洗衣店,书店,家电维修".split(",");

    static final String[] REJECT_REASONS = {"时长与活动签到记录不符", "重复申报", "服务内容不属于志愿服务", "未提供服务证明"};
    static final String[] REVERSAL_REASONS = {"复核发现重复申报", "活动签到记录有误，撤销", "志愿者申请更正"};
    static final String[] GIFT_MEMOS = {"给妈妈", "给爸爸", "给孩子", "邻里互助", null, null, null};

    /** The {@code i}-th street's name, distinct for every i. */
    static String street(int i) {
        return STREET_STEMS[i % STREET_STEMS.length] + (i < STREET_STEMS.length ? "" : "第" + (i / STREET_STEMS.length + 1))
                + "街道";
    }

    /** The {@code k}-th community name under a street (distinct for k below 600). */
    static String community(int streetIndex, int k) {
        int first = (streetIndex * 7 + k) % COMMUNITY_FIRST.length;
        int second = (k / COMMUNITY_FIRST.length + streetIndex) % COMMUNITY_SECOND.length;
        String name = COMMUNITY_FIRST[first] + COMMUNITY_SECOND[second] + "社区";
        return k < COMMUNITY_FIRST.length * COMMUNITY_SECOND.length ? name : name + (k + 1);
    }

    static String person(SplittableRandom random) {
        String surname = SURNAMES[Math.min(SURNAMES.length - 1, (int) (SURNAMES.length * Math.pow(random.nextDouble(), 1.6)))];
        return surname + GIVEN[random.nextInt(GIVEN.length)];
    }
}
