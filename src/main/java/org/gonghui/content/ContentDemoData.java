package org.gonghui.content;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.gonghui.member.MemberType;
import org.gonghui.organisation.OrganisationView;
import org.gonghui.organisation.Organisations;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.security.Role;
import org.gonghui.shared.time.PlatformTime;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo articles on a fresh platform ({@code gonghui.demo=true}): the city's news and weekly column for everyone, a
 * policy for retirees, a welfare notice for 海曙区 only, one scheduled for tomorrow and one waiting in the review
 * queue. Written and approved by two demo editors, as the city's rule wants.
 */
@Component
@Order(40)
@ConditionalOnProperty(name = "gonghui.demo", havingValue = "true")
class ContentDemoData implements ApplicationRunner {

    private final Articles articles;
    private final Organisations organisations;
    private final JdbcClient jdbc;
    private final PlatformTime time;

    ContentDemoData(Articles articles, Organisations organisations, JdbcClient jdbc, PlatformTime time) {
        this.articles = articles;
        this.organisations = organisations;
        this.jdbc = jdbc;
        this.time = time;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("select count(*) from content_article").query(Integer.class).single() > 0) {
            return;
        }
        OrganisationView city = organisations.findByCode("NB").orElse(null);
        OrganisationView haishu = organisations.findByCode("NB-HS").orElse(null);
        if (city == null || haishu == null) {
            return;
        }
        CurrentUser writer = editor(city, -1, "市总工会宣传部");
        CurrentUser reviewer = editor(city, -2, "市总工会办公室");
        Set<MemberType> everyone = EnumSet.allOf(MemberType.class);
        publish(writer, reviewer, new ArticleForm(ArticleCategory.NEWS, "2026年职工疗休养报名开始",
                "一线职工疗休养名额已下达各区县（市）工会。",
                "<p>今年的一线职工疗休养名额已下达各区县（市）工会，请有意向的会员向所在单位工会报名。</p>"
                        + "<ul><li>对象：一线职工、劳动模范</li><li>时间：5 天</li></ul>",
                city.id(), everyone, false));
        publish(writer, reviewer, new ArticleForm(ArticleCategory.COLUMN, "你造吗：加班费怎么算？", null,
                "<h3>工作日加班</h3><p>不低于工资的 150%。</p><h3>休息日加班</h3><p>不能安排补休的，不低于 200%。</p>"
                        + "<h3>法定节假日</h3><p>不低于 300%。</p><p>有疑问？拨打 <strong>12351</strong> 职工服务热线。</p>",
                city.id(), everyone, false));
        publish(writer, reviewer, new ArticleForm(ArticleCategory.POLICY, "退休职工住院互助保障续保须知",
                "连续参保的退休职工无需重新计算等待期。",
                "<p>退休职工在到期前 30 天内续保的，保障连续，不重新计算等待期。</p>",
                city.id(), EnumSet.of(MemberType.RETIRED), false));
        CurrentUser district = editor(haishu, -3, "海曙区总工会");
        publish(district, district, new ArticleForm(ArticleCategory.WELFARE, "海曙区：夏季高温慰问发放通知",
                "海曙区户外作业职工高温慰问品本周发放。",
                "<p>海曙区总工会本周向户外作业职工发放防暑降温慰问品，请到所在街道工会领取。</p>",
                haishu.id(), everyone, false));
        ArticleView later = articles.create(writer, new ArticleForm(ArticleCategory.NEWS, "职工运动会将于下月举行", null,
                "<p>全市职工运动会将于下月举行，设健步走、拔河等项目。</p>", city.id(), everyone, false));
        articles.submit(writer, later.id());
        articles.approve(reviewer, later.id(), time.now().plus(Duration.ofDays(1)));
        ArticleView waiting = articles.create(writer, new ArticleForm(ArticleCategory.POLICY, "关于做好金秋助学工作的通知",
                null, "<p>今年金秋助学申请将于 8 月开始，请各级工会做好摸底。</p>", city.id(), everyone, false));
        articles.submit(writer, waiting.id());
    }

    private void publish(CurrentUser writer, CurrentUser reviewer, ArticleForm form) {
        ArticleView article = articles.create(writer, form);
        articles.submit(writer, article.id());
        articles.approve(reviewer, article.id(), null);
    }

    private static CurrentUser editor(OrganisationView org, long accountId, String name) {
        return new CurrentUser(accountId, "demo-editor" + accountId, name, null, org.id(), org.path(), null,
                EnumSet.of(Role.STAFF), false, true);
    }
}
