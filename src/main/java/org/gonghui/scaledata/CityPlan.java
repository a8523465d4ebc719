package org.gonghui.scaledata;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.gonghui.organisation.OrganisationKind;

/**
 * The organisation tree of a Ningbo-sized city, planned in memory before it is written: 1 city federation,
 * 11 districts and 5 parks, 152 townships (12 per district, 4 per park) and the requested numbers of
 * community and enterprise service points spread over the townships by population and industry, each
 * with a member quota. Ids are given here (breadth first from 1) so that paths and members can be written
 * without asking the database. Codes follow the demo data's pattern ({@code NB-HS-T01-E1}), so demo
 * accounts and fixtures that name those codes find them here too.
 */
final class CityPlan {

    /** A district or park: code, name, its current area code, and population and industry weights. */
    record District(String code, String name, String areaCode, boolean park, int population, int industry) {
    }

    static final List<District> DISTRICTS = List.of(
            new District("HS", "海曙区", "330203", false, 104, 60), new District("JD", "江东区", "330204", false, 60, 30),
            new District("JB", "江北区", "330205", false, 49, 45), new District("BL", "北仑区", "330206", false, 82, 130),
            new District("ZH", "镇海区", "330211", false, 50, 80), new District("YZ", "鄞州区", "330212", false, 120, 110),
            new District("FH", "奉化区", "330213", false, 58, 50), new District("YY", "余姚市", "330281", false, 125, 120),
            new District("CX", "慈溪市", "330282", false, 182, 170), new District("NH", "宁海县", "330226", false, 70, 60),
            new District("XS", "象山县", "330225", false, 57, 45), new District("GX", "宁波国家高新区", "330204", true, 12, 60),
            new District("DQ", "东钱湖旅游度假区", "330212", true, 6, 8), new District("DX", "大榭开发区", "330206", true, 3, 15),
            new District("BS", "宁波保税区", "330206", true, 2, 30), new District("HZW", "杭州湾新区", "330282", true, 8, 55));

    private static final int TOWNSHIPS_PER_DISTRICT = 12;
    private static final int TOWNSHIPS_PER_PARK = 4;

    private static final String[] TOWNSHIP_STEMS = {"南门", "江厦", "西门", "月湖", "鼓楼", "白云", "段塘", "望春", "石碶",
        "集士港", "高桥", "横街", "章水", "龙观", "古林", "洞桥", "庄桥", "洪塘", "慈城", "甬江", "孔浦", "文教", "中马",
        "白沙", "新碶", "小港", "大碶", "霞浦", "柴桥", "春晓", "梅山", "招宝山", "蛟川", "骆驼", "庄市", "澥浦", "九龙湖",
        "钟公庙", "下应", "首南", "中河", "潘火", "姜山", "五乡", "咸祥", "塘溪", "锦屏", "岳林", "江口", "西坞", "萧王庙",
        "溪口", "尚田", "阳明", "凤山", "兰江", "梨洲", "泗门", "马渚", "陆埠", "浒山", "宗汉", "古塘", "坎墩", "周巷",
        "观海卫", "龙山", "掌起", "跃龙", "桃源", "梅林", "桥头胡", "长街", "西店", "丹东", "丹西", "爵溪", "石浦", "西周",
        "贤庠", "聚贤", "新明", "梅墟", "瞻岐", "东吴", "莼湖", "松岙", "裘村", "大堰", "天童", "云龙", "横溪", "鄞江",
        "邱隘", "东柳", "东胜", "明楼", "百丈", "福明", "白鹤", "新城", "前洋", "湾头", "万达", "天一", "和义", "药行",
        "开明", "城隍庙", "老外滩", "三江口", "鄞奉", "望京", "华严", "鼓楼东", "南塘", "双桥", "栎社", "樟村", "茅山",
        "横石桥", "蒋家", "前童", "一市", "越溪", "胡陈", "茶院", "岔路", "黄坛", "力洋", "定塘", "晓塘", "鹤浦", "高塘岛",
        "墙头", "大徐", "新桥", "泗洲头", "黄避岙", "涂茨", "茅洋", "东陈", "县前", "朗霞", "低塘", "临山", "牟山", "小曹娥",
        "长河", "庵东", "崇寿", "附海", "桥头", "匡堰"};
    private static final String[] COMMUNITY_STEMS = ("和平 幸福 光明 新河 桃源 文昌 丽园 联丰 华兴 东湖 西河 南苑 北斗 翠柏 柳汀 天封 "
            + "县学 解放 中山 惊驾 常青 江厦 望湖 永丰 环城 春华 秋实 怡江 安澜 泰康 嘉和 锦绣 明珠 朝阳 红星 石门 新城 滨江 金港 "
            + "书城 万安 青林 白杨 双桥 后塘 前洋 横河 长丰 新民 五星 联合 东升 向阳 红旗 建设 胜利").split(" ");
    private static final String BRAND_CHARS = "甬明海天华东申金恒鑫科达宏富盛隆泰兴远航博创锐精诚信通宝力新";
    private static final String[] INDUSTRIES = {"机械", "电子", "模具", "塑业", "纺织", "服饰", "汽车部件", "电器", "五金",
        "化工", "物流", "食品", "光电", "新材料", "建设", "轴承", "家电", "文具", "液压", "港务", "厨具", "医疗器械"};

    private final List<PlannedOrganisation> organisations = new ArrayList<>();
    private final List<PlannedOrganisation> servicePoints = new ArrayList<>();
    private int[] quotas;

    private CityPlan() {
    }

    /**
     * Plans the city: {@code communities} and {@code enterprises} service points (at least one of each per
     * township) sharing {@code members} between them; the same seed gives the same tree.
     */
    static CityPlan ningbo(long seed, int communities, int enterprises, int members) {
        int townshipCount = 0;
        for (District d : DISTRICTS) {
            townshipCount += townshipsOf(d);
        }
        if (communities < townshipCount || enterprises < townshipCount) {
            throw new IllegalArgumentException("need at least one community and one enterprise per township ("
                    + townshipCount + ")");
        }
        Random random = new Random(seed);
        CityPlan plan = new CityPlan();
        PlannedOrganisation city = plan.add(null, OrganisationKind.CITY, "宁波市总工会", "NB", -1);

        List<PlannedOrganisation> districts = new ArrayList<>();
        for (int d = 0; d < DISTRICTS.size(); d++) {
            District district = DISTRICTS.get(d);
            districts.add(plan.add(city, district.park() ? OrganisationKind.PARK : OrganisationKind.DISTRICT,
                    district.name() + (district.park() ? "工会" : "总工会"), "NB-" + district.code(), d));
        }
        List<PlannedOrganisation> townships = new ArrayList<>();
        double[] communityWeight = new double[townshipCount];
        double[] enterpriseWeight = new double[townshipCount];
        int stem = 0;
        for (int d = 0; d < DISTRICTS.size(); d++) {
            District district = DISTRICTS.get(d);
            int count = townshipsOf(district);
            for (int t = 0; t < count; t++) {
                String name = TOWNSHIP_STEMS[stem % TOWNSHIP_STEMS.length] + (t % 3 == 2 ? "镇" : "街道");
                stem++;
                int k = townships.size();
                townships.add(plan.add(districts.get(d), OrganisationKind.TOWNSHIP, district.name() + name + "总工会",
                        String.format("NB-%s-T%02d", district.code(), t + 1), d));
                communityWeight[k] = district.population() / (double) count * (0.5 + random.nextDouble());
                enterpriseWeight[k] = district.industry() / (double) count * (0.5 + random.nextDouble());
            }
        }
        int[] communitiesPer = share(communities, communityWeight);
        int[] enterprisesPer = share(enterprises, enterpriseWeight);

        List<Double> memberWeight = new ArrayList<>();
        for (int k = 0; k < townships.size(); k++) {
            PlannedOrganisation township = townships.get(k);
            String stemName = township.name().substring(DISTRICTS.get(township.district()).name().length())
                    .replace("总工会", "");
            for (int c = 0; c < communitiesPer[k]; c++) {
                String place = COMMUNITY_STEMS[(c + k * 3) % COMMUNITY_STEMS.length];
                boolean village = random.nextInt(10) < 3;
                plan.servicePoints.add(plan.add(township, OrganisationKind.COMMUNITY,
                        stemName + place + (village ? "村" : "社区") + "服务站", township.code() + "-C" + (c + 1),
                        township.district()));
                memberWeight.add(Math.exp(0.5 * random.nextGaussian()));
            }
            for (int e = 0; e < enterprisesPer[k]; e++) {
                String brand = "" + BRAND_CHARS.charAt(random.nextInt(BRAND_CHARS.length()))
                        + BRAND_CHARS.charAt(random.nextInt(BRAND_CHARS.length()));
                plan.servicePoints.add(plan.add(township, OrganisationKind.ENTERPRISE,
                        "宁波" + brand + INDUSTRIES[random.nextInt(INDUSTRIES.length)] + "有限公司工会",
                        township.code() + "-E" + (e + 1), township.district()));
                // enterprises have 200+ employees, so they hold more members than a community's roll
                memberWeight.add(2.0 * Math.exp(0.8 * random.nextGaussian()));
            }
        }
        plan.quotas = share(members, memberWeight.stream().mapToDouble(Double::doubleValue).toArray());
        return plan;
    }

    /** Every organisation, parents before children, ids 1..n. */
    List<PlannedOrganisation> organisations() {
        return organisations;
    }

    /** The service points in id order. */
    List<PlannedOrganisation> servicePoints() {
        return servicePoints;
    }

    /** How many members the service point at this index of {@link #servicePoints()} holds; they add up to the total. */
    int quota(int servicePoint) {
        return quotas[servicePoint];
    }

    static int townshipsOf(District district) {
        return district.park() ? TOWNSHIPS_PER_PARK : TOWNSHIPS_PER_DISTRICT;
    }

    private PlannedOrganisation add(PlannedOrganisation parent, OrganisationKind kind, String name, String code,
            int district) {
        long id = organisations.size() + 1;
        String path = parent == null ? "/" + id + "/" : parent.path() + id + "/";
        PlannedOrganisation org = new PlannedOrganisation(id, parent == null ? null : parent.id(), kind, name, code, path,
                parent == null ? 1 : parent.depth() + 1, district);
        organisations.add(org);
        return org;
    }

    /**
     * Splits {@code total} into whole shares proportional to the weights, at least one each when the total
     * allows it, by rounding the cumulative sums (so the shares add up exactly).
     */
    static int[] share(int total, double[] weights) {
        int n = weights.length;
        int floor = total >= n ? 1 : 0;
        int rest = total - floor * n;
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        int[] out = new int[n];
        double cumulative = 0;
        long previous = 0;
        for (int i = 0; i < n; i++) {
            cumulative += weights[i];
            long upTo = i == n - 1 ? rest : Math.round(rest * cumulative / sum);
            out[i] = floor + (int) (upTo - previous);
            previous = upTo;
        }
        return out;
    }
}
