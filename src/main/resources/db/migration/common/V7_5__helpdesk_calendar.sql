-- Help desk: China's working calendar. Any Saturday or Sunday is a rest day and any other day a working day,
-- except the days listed here: statutory holidays (HOLIDAY) and make-up working weekends (WORKDAY, 调休上班).
-- The city's admins keep it in the console (/console/helpdesk/calendar) or through the API; shipped with the
-- State Council's notice for 2026 (国务院办公厅关于2026年部分节假日安排的通知, 2025-11-04,
-- https://www.gov.cn/zhengce/content/202511/content_7047090.htm). 2027's notice was not yet published.
-- "day" is quoted: it is a keyword in H2.
create table helpdesk_calendar_day (
  "day" date        not null primary key,
  kind  varchar(16) not null,
  name  varchar(50) not null,
  constraint helpdesk_calendar_day_kind check (kind in ('HOLIDAY', 'WORKDAY'))
);

insert into helpdesk_calendar_day ("day", kind, name) values
  (date '2026-01-01', 'HOLIDAY', '元旦'),
  (date '2026-01-02', 'HOLIDAY', '元旦'),
  (date '2026-01-03', 'HOLIDAY', '元旦'),
  (date '2026-01-04', 'WORKDAY', '元旦'),
  (date '2026-02-14', 'WORKDAY', '春节'),
  (date '2026-02-15', 'HOLIDAY', '春节'),
  (date '2026-02-16', 'HOLIDAY', '春节'),
  (date '2026-02-17', 'HOLIDAY', '春节'),
  (date '2026-02-18', 'HOLIDAY', '春节'),
  (date '2026-02-19', 'HOLIDAY', '春节'),
  (date '2026-02-20', 'HOLIDAY', '春节'),
  (date '2026-02-21', 'HOLIDAY', '春节'),
  (date '2026-02-22', 'HOLIDAY', '春节'),
  (date '2026-02-23', 'HOLIDAY', '春节'),
  (date '2026-02-28', 'WORKDAY', '春节'),
  (date '2026-04-04', 'HOLIDAY', '清明节'),
  (date '2026-04-05', 'HOLIDAY', '清明节'),
  (date '2026-04-06', 'HOLIDAY', '清明节'),
  (date '2026-05-01', 'HOLIDAY', '劳动节'),
  (date '2026-05-02', 'HOLIDAY', '劳动节'),
  (date '2026-05-03', 'HOLIDAY', '劳动节'),
  (date '2026-05-04', 'HOLIDAY', '劳动节'),
  (date '2026-05-05', 'HOLIDAY', '劳动节'),
  (date '2026-05-09', 'WORKDAY', '劳动节'),
  (date '2026-06-19', 'HOLIDAY', '端午节'),
  (date '2026-06-20', 'HOLIDAY', '端午节'),
  (date '2026-06-21', 'HOLIDAY', '端午节'),
  (date '2026-09-20', 'WORKDAY', '国庆节'),
  (date '2026-09-25', 'HOLIDAY', '中秋节'),
  (date '2026-09-26', 'HOLIDAY', '中秋节'),
  (date '2026-09-27', 'HOLIDAY', '中秋节'),
  (date '2026-10-01', 'HOLIDAY', '国庆节'),
  (date '2026-10-02', 'HOLIDAY', '国庆节'),
  (date '2026-10-03', 'HOLIDAY', '国庆节'),
  (date '2026-10-04', 'HOLIDAY', '国庆节'),
  (date '2026-10-05', 'HOLIDAY', '国庆节'),
  (date '2026-10-06', 'HOLIDAY', '国庆节'),
  (date '2026-10-07', 'HOLIDAY', '国庆节'),
  (date '2026-10-10', 'WORKDAY', '国庆节');
