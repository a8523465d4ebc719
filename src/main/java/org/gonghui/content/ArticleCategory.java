package org.gonghui.content;

/** What kind of article: 资讯 news, 政策 policy, 福利通知 welfare notice, the weekly column "你造吗". */
public enum ArticleCategory {
    NEWS, POLICY, WELFARE, COLUMN
}
