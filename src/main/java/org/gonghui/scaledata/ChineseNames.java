package org.gonghui.scaledata;

import java.util.SplittableRandom;
import org.gonghui.member.Gender;

/**
 * Realistic Chinese full names: surnames drawn with their national frequencies (王, 李 and 张 about 7% each,
 * 刘 and 陈 about 5%, a long tail after them, with a few surnames common around Ningbo), given names from the
 * most popular names of each gender plus free combinations of common name characters.
 */
final class ChineseNames {

    /** Surname and its share in per mille (national figures, rounded; normalised when drawing). */
    private static final Object[][] SURNAMES = {
        {"王", 71}, {"李", 70}, {"张", 67}, {"刘", 53}, {"陈", 48}, {"杨", 32}, {"黄", 25}, {"赵", 20}, {"吴", 20},
        {"周", 19}, {"徐", 15}, {"孙", 14}, {"马", 13}, {"朱", 13}, {"胡", 12}, {"郭", 11}, {"何", 11}, {"林", 11},
        {"高", 11}, {"罗", 10}, {"郑", 9}, {"梁", 9}, {"谢", 8}, {"宋", 7}, {"唐", 7}, {"许", 7}, {"韩", 7},
        {"冯", 6}, {"邓", 6}, {"曹", 6}, {"彭", 6}, {"曾", 6}, {"肖", 6}, {"田", 5}, {"董", 5}, {"袁", 5}, {"潘", 5},
        {"于", 5}, {"蒋", 5}, {"蔡", 5}, {"余", 5}, {"杜", 5}, {"叶", 5}, {"程", 4}, {"苏", 4}, {"魏", 4}, {"吕", 4},
        {"丁", 4}, {"任", 4}, {"沈", 4}, {"姚", 4}, {"卢", 4}, {"姜", 4}, {"崔", 3}, {"钟", 3}, {"谭", 3}, {"陆", 3},
        {"汪", 3}, {"范", 3}, {"金", 3}, {"石", 3}, {"廖", 3}, {"贾", 3}, {"夏", 2}, {"韦", 2}, {"付", 2}, {"方", 2},
        {"白", 2}, {"邹", 2}, {"孟", 2}, {"熊", 2}, {"秦", 2}, {"邱", 2}, {"江", 2}, {"尹", 2}, {"薛", 2}, {"闫", 2},
        {"段", 2}, {"雷", 2}, {"侯", 1}, {"龙", 1}, {"史", 1}, {"陶", 1}, {"黎", 1}, {"贺", 1}, {"顾", 1}, {"毛", 1},
        {"郝", 1}, {"龚", 1}, {"邵", 1}, {"万", 1}, {"钱", 1}, {"严", 1}, {"覃", 1}, {"武", 1}, {"戴", 1}, {"莫", 1},
        {"孔", 1}, {"向", 1}, {"汤", 1}, {"俞", 1}, {"应", 1}, {"邬", 1}, {"虞", 1}, {"楼", 1}, {"鲍", 1}, {"童", 1},
        {"舒", 1}, {"竺", 1}, {"励", 1}, {"欧阳", 1}};

    /** Rarer surnames, 2 per mille each, so that the listed ones cover their real share of the population. */
    private static final String RARE_SURNAMES = "柯祝葛翁申岳包尤卓柴施骆聂章伍齐庞颜倪温易喻左甘饶祁涂储柏乔牛靳车滕屠蓝殷耿焦单"
            + "季宁纪管阮奚裘边桑冉佘甄宗凌游裴路梅谷盛樊兰关巩符康常蒙苗鲁詹揭项吉祖娄霍芮卞闵窦全赖巫伏缪毕岑晏屈";

    /** Whole given names that are very common, with a relative weight. */
    private static final Object[][] POPULAR_MALE = {
        {"伟", 30}, {"强", 18}, {"磊", 18}, {"军", 17}, {"勇", 15}, {"杰", 15}, {"涛", 13}, {"明", 12}, {"超", 12},
        {"刚", 11}, {"平", 10}, {"辉", 10}, {"鹏", 9}, {"华", 9}, {"飞", 9}, {"斌", 8}, {"波", 8}, {"浩", 8},
        {"建华", 8}, {"建国", 7}, {"建军", 7}, {"志强", 7}, {"海波", 6}, {"国平", 5}, {"宇", 6}, {"峰", 6},
        {"俊杰", 5}, {"子豪", 4}, {"浩然", 4}, {"一鸣", 3}};
    private static final Object[][] POPULAR_FEMALE = {
        {"芳", 26}, {"娜", 22}, {"敏", 20}, {"静", 20}, {"秀英", 16}, {"丽", 16}, {"艳", 14}, {"娟", 13},
        {"霞", 11}, {"桂英", 10}, {"秀兰", 10}, {"燕", 10}, {"玲", 9}, {"婷", 9}, {"红", 8}, {"琳", 7}, {"雪", 6},
        {"丹", 6}, {"萍", 6}, {"慧", 6}, {"晓燕", 5}, {"丽华", 5}, {"美玲", 4}, {"佳怡", 4}, {"欣怡", 4},
        {"雨涵", 3}, {"梓涵", 3}, {"思琪", 3}, {"婉婷", 3}, {"海燕", 5}};

    private static final String MALE_CHARS = "伟强磊军勇杰涛明超刚平辉鹏华飞斌波浩宇峰建国志海文东林亮成俊晨阳兵松博凯旭龙江永"
            + "忠振德毅祥荣兴宏新庆昊天鸣健安军洪亚卫民";
    private static final String FEMALE_CHARS = "芳娜敏静英丽艳娟霞燕玲婷红琳雪丹萍慧兰秀梅莉颖洁晶倩琴云凤佳怡欣雨涵思琪婉月"
            + "春晓露瑶璐蕾薇妍茜菲";

    /** How often the given name comes from the popular list rather than free combination. */
    private static final double POPULAR_SHARE = 0.45;
    /** How often a freely combined given name has one character instead of two. */
    private static final double SINGLE_CHAR_SHARE = 0.2;

    private static final Weighted SURNAME_TABLE = Weighted.of(withRare(SURNAMES, RARE_SURNAMES, 2));
    private static final Weighted MALE_TABLE = Weighted.of(POPULAR_MALE);
    private static final Weighted FEMALE_TABLE = Weighted.of(POPULAR_FEMALE);

    private ChineseNames() {
    }

    static String next(SplittableRandom random, Gender gender) {
        return surname(random) + givenName(random, gender);
    }

    private static String surname(SplittableRandom random) {
        return SURNAME_TABLE.draw(random);
    }

    private static String givenName(SplittableRandom random, Gender gender) {
        boolean male = gender == Gender.MALE;
        if (random.nextDouble() < POPULAR_SHARE) {
            return (male ? MALE_TABLE : FEMALE_TABLE).draw(random);
        }
        String chars = male ? MALE_CHARS : FEMALE_CHARS;
        char first = chars.charAt(random.nextInt(chars.length()));
        if (random.nextDouble() < SINGLE_CHAR_SHARE) {
            return String.valueOf(first);
        }
        return String.valueOf(first) + chars.charAt(random.nextInt(chars.length()));
    }

    private static Object[][] withRare(Object[][] common, String rare, int weight) {
        Object[][] all = new Object[common.length + rare.length()][];
        System.arraycopy(common, 0, all, 0, common.length);
        for (int i = 0; i < rare.length(); i++) {
            all[common.length + i] = new Object[] {String.valueOf(rare.charAt(i)), weight};
        }
        return all;
    }

    /** A table of values with integer weights, drawn by binary search over the cumulative weights. */
    static final class Weighted {

        private final String[] values;
        private final int[] cumulative;

        private Weighted(String[] values, int[] cumulative) {
            this.values = values;
            this.cumulative = cumulative;
        }

        static Weighted of(Object[][] rows) {
            String[] values = new String[rows.length];
            int[] cumulative = new int[rows.length];
            int sum = 0;
            for (int i = 0; i < rows.length; i++) {
                values[i] = (String) rows[i][0];
                sum += (Integer) rows[i][1];
                cumulative[i] = sum;
            }
            return new Weighted(values, cumulative);
        }

        String draw(SplittableRandom random) {
            int x = random.nextInt(cumulative[cumulative.length - 1]);
            int low = 0;
            int high = cumulative.length - 1;
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (cumulative[mid] > x) {
                    high = mid;
                } else {
                    low = mid + 1;
                }
            }
            return values[low];
        }
    }
}
