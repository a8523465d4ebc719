package org.gonghui.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.gonghui.account.Accounts;
import org.gonghui.member.IdNumber;
import org.gonghui.member.MemberQuery;
import org.gonghui.member.MemberView;
import org.gonghui.member.PersonalField;
import org.gonghui.member.MemberType;
import org.gonghui.member.Members;
import org.gonghui.member.NewMember;
import org.gonghui.organisation.OrganisationKind;
import org.gonghui.organisation.OrganisationView;
import org.gonghui.organisation.Organisations;
import org.gonghui.organisation.TreePath;
import org.gonghui.shared.GonghuiProperties;
import org.gonghui.shared.PageResult;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.security.DemoAccounts;
import org.gonghui.shared.security.Role;
import org.gonghui.shared.time.PlatformTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the demo data on the first start of an empty platform ({@code gonghui.demo=true}): 1 city
 * federation, 11 districts and 5 parks, 152 townships, two service points per township, the configured
 * number of members (5,000 by default) and one staff account per level. Deterministic: the same seed gives
 * the same people, so the demo accounts printed on the sign-in page always work.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "gonghui.demo", havingValue = "true")
class DemoData implements ApplicationRunner, DemoAccounts {

    static final String STAFF_PASSWORD = "Gonghui2026";
    static final String MEMBER_PASSWORD = "Member2026";

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private static final String[][] DISTRICTS = {
        {"HS", "海曙区", "330203"}, {"JD", "江东区", "330204"}, {"JB", "江北区", "330205"}, {"BL", "北仑区", "330206"},
        {"ZH", "镇海区", "330211"}, {"YZ", "鄞州区", "330212"}, {"FH", "奉化区", "330213"}, {"YY", "余姚市", "330281"},
        {"CX", "慈溪市", "330282"}, {"NH", "宁海县", "330226"}, {"XS", "象山县", "330225"}};
    private static final String[][] PARKS = {
        {"GX", "宁波国家高新区", "330215"}, {"DQ", "东钱湖旅游度假区", "330212"}, {"DX", "大榭开发区", "330206"},
        {"BS", "宁波保税区", "330206"}, {"HZW", "杭州湾新区", "330282"}};
    private static final String[] TOWNSHIP_STEMS = {"南门", "江厦", "西门", "月湖", "鼓楼", "白云", "段塘", "望春", "石碶",
        "集士港", "高桥", "横街", "章水", "龙观", "古林", "洞桥", "庄桥", "洪塘", "慈城", "甬江", "孔浦", "文教", "中马",
        "白沙", "新碶", "小港", "大碶", "霞浦", "柴桥", "春晓", "梅山", "招宝山", "蛟川", "骆驼", "庄市", "澥浦", "九龙湖",
        "钟公庙", "下应", "首南", "中河", "潘火", "姜山", "五乡", "咸祥", "塘溪", "锦屏", "岳林", "江口", "西坞", "萧王庙",
        "溪口", "尚田", "阳明", "凤山", "兰江", "梨洲", "泗门", "马渚", "陆埠", "浒山", "白沙路", "古塘", "坎墩", "周巷",
        "观海卫", "龙山", "掌起", "跃龙", "桃源", "梅林", "桥头胡", "长街", "西店", "丹东", "丹西", "爵溪", "石浦", "西周",
        "贤庠", "聚贤", "新明", "梅墟", "瞻岐", "东吴", "莼湖", "松岙", "裘村", "大堰", "天童", "云龙", "横溪", "鄞江",
        "章水镇", "龙观乡", "塘溪镇", "邱隘", "东柳", "东胜", "明楼", "百丈", "福明", "白鹤", "新城", "前洋", "湾头",
        "孔浦路", "万达", "庄桥镇", "慈城镇", "洪塘镇", "天一", "和义", "药行", "开明", "城隍庙", "老外滩", "三江口",
        "鄞奉", "望京", "华严", "鼓楼东", "南塘", "双桥", "栎社", "樟村", "茅山", "集仕港", "横石桥", "蒋家", "前童",
        "一市", "越溪", "胡陈", "茶院", "岔路", "黄坛", "力洋", "定塘", "晓塘", "鹤浦", "高塘岛", "墙头", "大徐", "新桥",
        "泗洲头", "黄避岙", "涂茨", "茅洋", "东陈", "县前"};
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马",
        "朱", "胡", "郭", "何", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖",
        "田", "董", "袁", "潘", "蒋", "蔡", "余", "杜", "叶", "程", "魏", "苏", "吕", "丁", "任", "沈", "姚", "卢", "应", "邬",
        "竺", "俞", "虞", "楼", "史", "戴", "傅", "钟"};
    private static final String GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂兰建华国红文志海燕玲晓波斌宇浩凯鹏飞琳婷雪梅佳怡子涵欣然思远嘉俊";
    private static final String[] ENTERPRISES = {"吉利汽车零部件", "方太厨具", "雅戈尔服饰", "均胜电子", "北仑港集装箱",
        "东方电缆", "公牛电器", "舜宇光学", "博洋家纺", "太平鸟服饰", "奥克斯电气", "海天塑机", "杉杉新材料", "金田铜业",
        "乐歌智能", "拓普汽车", "永新光学", "韵升磁材", "双林汽车部件", "得力文具"};

    private final GonghuiProperties properties;
    private final Organisations organisations;
    private final Members members;
    private final Accounts accounts;
    private final TransactionTemplate transactions;
    private final PlatformTime time;
    private final List<DemoAccount> demoAccounts = new ArrayList<>();

    DemoData(GonghuiProperties properties, Organisations organisations, Members members, Accounts accounts,
            TransactionTemplate transactions, PlatformTime time) {
        this.time = time;
        this.properties = properties;
        this.organisations = organisations;
        this.members = members;
        this.accounts = accounts;
        this.transactions = transactions;
    }

    @Override
    public List<DemoAccount> accounts() {
        return List.copyOf(demoAccounts);
    }

    @Override
    public void run(ApplicationArguments args) {
        if (organisations.findByCode("NB").isPresent()) {
            describeAccounts();
            return;
        }
        long started = System.nanoTime();
        transactions.executeWithoutResult(status -> load());
        describeAccounts();
        log.info("Demo data loaded in {} ms: {} members", (System.nanoTime() - started) / 1_000_000,
                properties.demoMembers());
    }

    private void load() {
        Random random = new Random(20151001L);
        OrganisationView city = organisations.createRoot("宁波市总工会", "NB");
        TreePath all = city.treePath();
        List<OrganisationView> servicePoints = new ArrayList<>();
        List<String> areaOfPoint = new ArrayList<>();
        int stem = 0;
        String[][] level2 = concat(DISTRICTS, PARKS);
        for (int d = 0; d < level2.length; d++) {
            String[] district = level2[d];
            boolean park = d >= DISTRICTS.length;
            OrganisationView top = organisations.create(all, city.id(), park ? OrganisationKind.PARK : OrganisationKind.DISTRICT,
                    district[1] + (park ? "工会" : "总工会"), "NB-" + district[0]);
            int townships = park ? 4 : 12;
            for (int t = 0; t < townships; t++) {
                String name = TOWNSHIP_STEMS[stem++ % TOWNSHIP_STEMS.length].replaceAll("[镇乡]$", "")
                        + (t % 3 == 2 ? "镇" : "街道");
                OrganisationView township = organisations.create(all, top.id(), OrganisationKind.TOWNSHIP,
                        district[1] + name + "总工会", String.format("NB-%s-T%02d", district[0], t + 1));
                OrganisationView community = organisations.create(all, township.id(), OrganisationKind.COMMUNITY,
                        name + "社区服务站", String.format("NB-%s-T%02d-C1", district[0], t + 1));
                OrganisationView enterprise = organisations.create(all, township.id(), OrganisationKind.ENTERPRISE,
                        "宁波" + ENTERPRISES[(d * 12 + t) % ENTERPRISES.length] + "有限公司工会",
                        String.format("NB-%s-T%02d-E1", district[0], t + 1));
                servicePoints.add(community);
                servicePoints.add(enterprise);
                areaOfPoint.add(district[2]);
                areaOfPoint.add(district[2]);
            }
        }
        members.registerAll(people(random, servicePoints, areaOfPoint, properties.demoMembers()), "demo");
        createAccounts();
    }

    private List<NewMember> people(Random random, List<OrganisationView> points, List<String> areas, int count) {
        List<NewMember> people = new ArrayList<>(count);
        Set<String> ids = new HashSet<>();
        Set<String> phones = new HashSet<>();
        for (int i = 0; people.size() < count; i++) {
            // the first members go to the first service points, so every demo account has people to see
            int point = i < points.size() ? i : random.nextInt(points.size());
            String id = idNumber(random, areas.get(point));
            String phone = "1" + (3 + random.nextInt(7)) + String.format("%09d", random.nextInt(1_000_000_000));
            if (!ids.add(id) || !phones.add(phone)) {
                continue;
            }
            String name = SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN.charAt(random.nextInt(GIVEN.length()))
                    + (random.nextBoolean() ? String.valueOf(GIVEN.charAt(random.nextInt(GIVEN.length()))) : "");
            LocalDate birth = new IdNumber(id).birthDate();
            MemberType type = birth.isBefore(time.today().minusYears(61)) ? MemberType.RETIRED
                    : random.nextInt(4) == 0 ? MemberType.MIGRANT : MemberType.IN_SERVICE;
            LocalDate joined = birth.plusYears(20).plusDays(random.nextInt(3000));
            if (joined.isAfter(time.today())) {
                joined = time.today().minusDays(random.nextInt(300) + 1);
            }
            String card = random.nextInt(10) < 4 ? cardNumber("6217" + String.format("%011d", (long) (random.nextDouble() * 1e11))) : null;
            people.add(new NewMember(name, id, phone, points.get(point).id(), type, joined, card));
        }
        return people;
    }

    /** A 5·1 card number: the body and its Luhn check digit. */
    static String cardNumber(String body) {
        return body + org.gonghui.card.CardNumber.checkDigit(body);
    }

    static String idNumber(Random random, String area) {
        LocalDate birth = LocalDate.of(1955, 1, 1).plusDays(random.nextInt(365 * 50));
        String first17 = area + birth.toString().replace("-", "") + String.format("%03d", random.nextInt(1000));
        return first17 + IdNumber.checkCharacter(first17);
    }

    private void createAccounts() {
        OrganisationView cityOrg = organisations.findByCode("NB").orElseThrow();
        CurrentUser system = systemAdmin(cityOrg);
        long city = cityOrg.id();
        long haishu = organisations.findByCode("NB-HS").orElseThrow().id();
        long jiangbei = organisations.findByCode("NB-JB").orElseThrow().id();
        long township = organisations.findByCode("NB-HS-T01").orElseThrow().id();
        long point = organisations.findByCode("NB-HS-T01-E1").orElseThrow().id();
        accounts.createStaff(system, "admin", "市总管理员", STAFF_PASSWORD, city, EnumSet.of(Role.ADMIN, Role.STAFF, Role.REVIEWER));
        accounts.createStaff(system, "haishu", "海曙区工作人员", STAFF_PASSWORD, haishu, EnumSet.of(Role.STAFF, Role.REVIEWER));
        accounts.createStaff(system, "jiangbei", "江北区工作人员", STAFF_PASSWORD, jiangbei, EnumSet.of(Role.STAFF, Role.REVIEWER));
        accounts.createStaff(system, "nanmen", "南门街道工作人员", STAFF_PASSWORD, township, EnumSet.of(Role.STAFF));
        accounts.createStaff(system, "jili", "企业服务站工作人员", STAFF_PASSWORD, point, EnumSet.of(Role.STAFF));
        demoMember().ifPresent(member -> accounts.createMemberAccount(member.id(), MEMBER_PASSWORD));
    }

    private void describeAccounts() {
        demoAccounts.clear();
        demoAccounts.add(new DemoAccount("市总工会管理员 / City admin", "admin", STAFF_PASSWORD));
        demoAccounts.add(new DemoAccount("海曙区总工会 / Haishu district", "haishu", STAFF_PASSWORD));
        demoAccounts.add(new DemoAccount("江北区总工会 / Jiangbei district", "jiangbei", STAFF_PASSWORD));
        demoAccounts.add(new DemoAccount("乡镇街道 / Township", "nanmen", STAFF_PASSWORD));
        demoAccounts.add(new DemoAccount("企业服务站 / Service point", "jili", STAFF_PASSWORD));
        demoMember().ifPresent(member -> demoAccounts.add(new DemoAccount("会员 / Member " + member.name(),
                members.revealOwn(member.id(), PersonalField.PHONE), MEMBER_PASSWORD)));
    }

    /** The demo member: the first registered at the first enterprise service point of Haishu. */
    private Optional<MemberView> demoMember() {
        return organisations.findByCode("NB-HS-T01-E1").flatMap(point -> {
            List<MemberView> all = members.search(point.treePath(), MemberQuery.all(), 0, PageResult.MAX_SIZE).items();
            return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
        });
    }

    private static CurrentUser systemAdmin(OrganisationView city) {
        return new CurrentUser(0, "system", "system", null, city.id(), city.path(), null, EnumSet.of(Role.ADMIN), false,
                true);
    }

    private static String[][] concat(String[][] a, String[][] b) {
        String[][] all = new String[a.length + b.length][];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
