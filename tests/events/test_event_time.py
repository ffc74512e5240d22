"""The time of an event (issue 16, 'the event's own time'): a time of its own sentence
unless it only names what follows it, else one just told before it."""

from __future__ import annotations

import pytest

import newsie
from newsie.events.models import Trigger
from newsie.events.timing import _told_as_background

PUBLISHED = "2025-06-17T14:00:00+08:00"


@pytest.fixture(scope="module")
def nlp():
    return newsie.load()


# (text, event type, the time text of the event or None, its start YYYY-MM-DD or None)
CASES = [
    # a sentence without a time goes on in the year or month told in the sentence before
    ("2024年全国游泳锦标赛在杭州举行。张三以50秒9的成绩夺得冠军。", "championship", "2024年", "2024-01-01"),
    # ... but not across a paragraph
    ("2024年全国游泳锦标赛在杭州举行。\n张三以50秒9的成绩夺得冠军。", "championship", None, None),
    # a year of an account or an award names what follows it
    ("市长今（17）日出席活动，表扬荣获112年度志愿服务金质徽章的志工。", "praise", "今（17）日", "2025-06-17"),
    ("市长今（17）日出席活动，表扬荣获2024年度志愿服务金质徽章的志工。", "praise", "今（17）日", "2025-06-17"),
    # a time that starts a span to now (…開工迄今) is no time of what ends it
    ("新營運動中心110年12月開工迄今終於完工啟用。", "opening", None, None),
    ("新營運動中心今(17)日完工啟用。", "opening", "今(17)日", "2025-06-17"),
    # a time of a saying dates the saying, not what is said ...
    ("2月18日，穆伊兹表示，马尔代夫和印度签署了合作协议。", "partnership", None, None),
    ("2月18日，马尔代夫和印度签署了合作协议。", "partnership", "2月18日", "2025-02-18"),
    # ... and a day of published figures dates the figures, not the deaths they count
    ("菲律宾减灾委今天发布的数据，台风已导致该国至少188人死亡。", "death", None, None),
    # ... unless the event is the saying itself, or a bulletin's 称 right after its day
    ("11月17日晚，演员杜某发布视频表示，对不当言行表示歉意。", "apology", "11月17日晚", "2024-11-17"),
    ("俄罗斯国防部24日称，俄军对乌军目标实施打击。", "attack", "24日", "2025-06-24"),
    # a year in a document's title names the document
    ("省发展改革委编制完成《安徽省2021年重点项目投资计划》并印发实施。", "policy_launch", None, None),
    ("東陽國小作品《藍色任務：第14號海洋村的行動》勇奪國小組特優。", "award", None, None),
    # a saying told with no time of its own takes its story's day (the lead's); what it
    # tells does not
    ("李强会见敏昂莱\n2日，李强在北京会见缅甸领导人敏昂莱。\n敏昂莱表示，感谢中方迅速提供援助。", "thanks",
     "2日", "2025-06-02"),
    ("李强会见敏昂莱\n2日，李强在北京会见缅甸领导人敏昂莱。\n敏昂莱表示，两国签署了合作协议。", "partnership",
     None, None),
    # a word of a title is no saying
    ("2015年，两办印发《领导干部干预司法活动的记录、通报和责任追究规定》。", "policy_launch", "2015年",
     "2015-01-01"),
    # a year in the name of a gathering is the gathering's, not the visit's
    ("伊朗总统来华出席2025年上海合作组织峰会。", "visit", None, None),
    ("伊朗总统16日来华出席2025年上海合作组织峰会。", "visit", "16日", "2025-06-16"),
    # the time words of the time stage reach the event
    ("去年春天，警方宣布逮捕了5名嫌疑人。", "arrest", "去年春天", "2024-03-01"),
    # a span after a verb counts from that happening, not from the publication
    ("6月10日，失联20天后，一名男孩被发现身亡。", "death", "6月10日", "2025-06-10"),
    ("该公司将于20天后发布新品。", "product_launch", "20天后", "2025-07-07"),
    # a span counted from the trigger's own happening is after it, not its time
    ("双方承诺从今天12时起实施停火。在停火执行72小时后，泰方释放被扣押的士兵。", "ceasefire",
     "今天12时起", "2025-06-17"),
    # the period a report of results covers is no time of the report; its day is
    ("6月16日，网易发布2025年一季度财报，净收入273亿元。", "earnings", "6月16日", "2025-06-16"),
    ("网易2025年一季度营收273亿元。", "earnings", "2025年一季度", "2025-01-01"),
    # ... and the period of results told before another event dates that event not
    ("立昂微等股一季度业绩下降，半导体板块继续下挫；嘉凯城3连跌停。", "limit_down", None, "2025-06-17"),
    # a market report's undated limit move took place on the publication day; a dated
    # one keeps its own day
    ("算力概念受关注，鸿博股份、铭普光磁涨停。", "limit_up", None, "2025-06-17"),
    ("延华智能跌停，因涉嫌信息披露违法违规。", "limit_down", None, "2025-06-17"),
    ("上周五该股尾盘拉升涨停。", "limit_up", "上周五", "2025-06-13"),
    # a Taiwan press release's 今(N)日 in its lead is its dateline
    ("臺南市警察局於今(17)日上午舉行交接典禮。\n本局副局長莊勝雄，調任警政署保安警察第七總隊長。", "appointment",
     "今(17)日上午", "2025-06-17"),
    ("臺南市警察局於今日上午舉行交接典禮。\n本局副局長莊勝雄，調任警政署保安警察第七總隊長。", "appointment",
     None, None),
    # a title's news is dated by its lead's first day
    ("欧盟对社交媒体平台X罚款1.2亿欧元\n欧盟委员会5日宣布，因X违反《数字服务法》，对其罚款。", "fine",
     "5日", "2025-06-05"),
    ("欧盟对社交媒体平台X罚款1.2亿欧元\n欧盟委员会宣布，因X违反《数字服务法》，对其罚款。", "fine", None, None),
    # a time right after 被控 dates the act alleged, not the charge
    ("上訴人陳凱文被控於前年11月6日與他人襲擊一名男子。", "lawsuit", None, None),
    # ... and one after 涉嫌 or 承认 in an earlier clause dates that act, not the charge or
    # the sentence that follows
    ("范國威涉嫌前年在立法會與建制派議員起衝突，被控違反《立法會條例》。", "lawsuit", None, None),
    ("郭永健承認於去年6月4日在維園參與未經批准集結，被判囚8個月。", "imprisonment", None, None),
    ("张三涉嫌前年袭击他人。", "attack", "前年", "2023-01-01"),
    # a day in a quoted name dates what the name names (the riot of 「6.26包围警总」),
    # not a sentence passed in its case, nor the events of the sentences after it
    ("阿麟是日前在「6.26包围警总」暴动案中被判囚4年的地盘工人。", "imprisonment", "日前", None),
    ("阿麟是日前在「6.26包围警总」暴动案中被判囚4年的地盘工人。", "riot", "6.26", "2025-06-26"),
    ("市民在「6.12集会」中受伤。他其后被警方拘捕。", "arrest", None, None),
    # a time right after 因 dates the cause, not the event of the clause after it
    ("张三因3年前殴打他人，被警方拘留。", "arrest", None, None),
    ("张三3年前被警方拘留。", "arrest", "3年前", "2022-01-01"),
    # an event named as the matter of a response is not dated by the response
    ("12月14日，针对张三被警方拘留一事，学校回应称已作处分。", "arrest", None, None),
    ("12月14日，张三被警方拘留。", "arrest", "12月14日", "2024-12-14"),
    # a headline inside a page is dated by the story under it, not by the item before it
    (("国际联播快讯\n央视网消息（新闻联播）：\n美国对多名欧洲人员实施签证限制\n"
      "美国国务院16日发布公告，禁止布雷东等5人进入美国。"), "sanctions", "16日", "2025-06-16"),
    (("日本北海道15日发生5.1级地震。\n美国对多名欧洲人员实施签证限制\n"
      "美国国务院16日发布公告，禁止布雷东等5人进入美国。"), "sanctions", "16日", "2025-06-16"),
    # an outlet's own day before 消息 is a dateline; another outlet's report (据…消息) is not
    ("金融界6月16日消息\n中瓷电子宣布裁员200人。", "layoff", "6月16日", "2025-06-16"),
    ("据澎湃新闻6月16日消息\n中瓷电子宣布裁员200人。", "layoff", None, None),
    # the period of a plan is not when it was adopted
    ("中共二十届四中全会审议通过“十五五”规划建议。", "policy_launch", None, None),
    # nor is a case named by it when the case is tried
    ("3月27日，重庆姐弟坠亡案二审开庭。", "death", None, None),
    # a dateline dates the happenings of the lead told after it, across its paragraph
    ("新华社北京6月16日电 公告\n湖南省人大常委会决定罢免雷冬竹的全国人大代表职务。", "dismissal",
     "6月16日", "2025-06-16"),
    # a founding told by its age took place that many years before; a vague age names no year
    ("习近平指出，上海合作组织成立24年来，始终秉持“上海精神”。", "founding", "24年来", "2001-01-01"),
    ("习近平指出，亚太经合组织成立30多年来，引领亚太地区发展。", "founding", "30多年来", None),
    # so is an opening told by the age of what opened (開業15年的X), before any other time
    ("還有位於火炭西熟食市場、開業15年的「御膳廚房」。", "opening", "15年", "2010-01-01"),
    ("位於火炭西熟食市場、開業15年的「御膳廚房」今日結業。", "opening", "15年", "2010-01-01"),
    # a happening that describes a noun is background: the time told before does not date it
    ("该案去年6月开审。她被控在任时以高价向农民收购大米。", "lawsuit", None, None),
    ("该案去年6月开审。检方加控她一项滥用职权罪。", "lawsuit", "去年6月", "2024-06-01"),
    ("南市今(17)日举办健康月活动。此外，南市推出的「響動‧享動 全民來運動」運動健康護照APP也是据点。",
     "product_launch", None, None),
    ("南市今(17)日举办健康月活动。此外，南市推出「運動健康護照」APP。", "product_launch", "今(17)日",
     "2025-06-17"),
    # a step told as later than the time before it (其后, 及后, 后来) is not dated by it ...
    ("余澎杉2015年在新加坡被控「意圖傷害宗教感情」，其後判監六星期。", "imprisonment", None, None),
    ("去年7月，許章潤遭公安帶走，及後被清華大學開除法學院教授一職。", "dismissal", None, None),
    # ... but one told right after (随后) is, and 后来79日的 is no such word
    ("3月5日，警方接到报警，随后将嫌疑人张某抓获。", "arrest", "3月5日", "2025-03-05"),
    ("三年前，他們重奪公民廣場，才開啟後來79日的佔領運動。", "protest", "三年前", "2022-01-01"),
    # a day counted from it (出台的第二天) is not its own day
    ("然而减持新规出台的第二天，东方时尚控股股东便减持股份。", "policy_launch", None, None),
    # a meeting named by what it agreed is a reference, which its sentence does not date
    ("5月12日，双方就落实两国领导人巴厘岛会晤重要共识等议题进行交流。", "meeting", None, None),
    # a day written with a dot names the incident of the case named after it, not the
    # sentence passed in that case (8.31太子站…案件宣判); it dates the incident itself
    ("8.31太子站首宗案件宣判，被告在九龍城裁判法院被裁定兩項罪名成立，即時監禁12個月。", "imprisonment", None, None),
    ("【9.14屯門集會】認拍跌休班警手機　男教師求情", "protest", "9.14", "2024-09-14"),
    # ... nor a day named right after it by counting from it (开庭前一天)
    ("亲属证实，开庭前一天，刘学州养家亲属已经抵达北京。", "hearing", None, None),
    # ... nor a span counted from it later in its clause (上任…后5日)
    ("聶德權上任公務員事務局後5日，勞工處開晉升會議。", "taking_office", None, None),
    # a guest's coming told in the clause that describes whom a host meets is not dated by
    # the meeting's day (会见来华出席…的X)
    ("国务院总理李强13日在京会见来华出席全球妇女峰会的斯里兰卡总理阿马拉苏里亚。", "visit", None, None),
    ("斯里兰卡总理13日来华访问。", "visit", "13日", "2025-06-13"),
    # ... nor the day after it named with its object between (就任马尔代夫总统的第二天)
    ("在穆伊兹正式就任马尔代夫总统的第二天，马尔代夫政府正式要求印度撤军。", "appointment", None, None),
    # a counted span within which it happened (一小时内) is no time of it: the day is
    ("也门胡塞武装5日在一小时内向以色列发动了4次无人机袭击。", "attack", "5日", "2025-06-05"),
    # a span to now (创会110年以来) dates nothing in it; an age right after a founding does
    ("成为律师会创会110年以来首位女会长，刚卸任会长的苏绍聪则留任理事。", "retention", None, None),
    ("上海合作组织成立24年以来，成员国不断增加。", "founding", "24年以来", "2001-01-01"),
    # an opening's run of days starts on its first (即日起至…试营运)
    ("南區全民運動中心即日起至6月25日提供七天試營運免費入場。", "opening", "即日起至6月25日", "2025-06-17"),
    # a weekday in brackets joins a date to its hours
    ("2023年4月28日（星期五）13时至16时许，谢某在商店内赌博，被公安机关当场查获，受到行政拘留十日。",
     "arrest", "2023年4月28日（星期五）13时至16时许", "2023-04-28"),
]


@pytest.mark.parametrize(
    ("text", "trigger", "background"),
    [
        ("聽到被捕的陳虹秀社工大叫", "被捕", True),
        ("另一名提早退休的前工程總監周大滄", "退休", True),
        ("黄之锋等20人被控藐视法庭", "控", True),
        ("她被指控在任时收购大米", "控", True),
        # a noun that is its day or time, or 的话: the happening is dated by it
        ("减持新规出台的第二天，该公司便宣布减持", "出台", False),
        ("李文亮离世的日子", "离世", False),
        ("新规发布的前一天", "发布", False),
        ("他去世的时候", "去世", False),
        ("如果公司破产的话", "破产", False),
        # a charge added, a charge pressed: dated
        ("12人被加控暴动罪", "控", False),
        ("警方控告他", "控告", False),
    ],
)
def test_told_as_background(text, trigger, background):
    start = text.index(trigger)
    mention = Trigger(start=start, end=start + len(trigger), text=trigger)
    assert _told_as_background(text, mention) is background


def test_a_press_release_day_dates_the_whole_release(nlp):
    """今(17)日 in a Taiwan release's lead dates its happenings far down the release too
    (a news agency's dateline dates only its lead)."""
    filler = "警察同仁持續做好治安、交通、打詐等重點工作，守護民眾生命、財產安全。" * 12
    text = f"臺南市警察局於今(17)日上午舉行交接典禮。\n{filler}\n本局副局長莊勝雄，調任警政署保安警察第七總隊長。"
    (event,) = [e for e in nlp(text, published=PUBLISHED).all_events if e.type == "appointment"]
    assert event.time is not None and event.time.start.date().isoformat() == "2025-06-17"


@pytest.mark.parametrize(("text", "event_type", "time_text", "start"), CASES)
def test_event_time(nlp, text, event_type, time_text, start):
    (event,) = [e for e in nlp(text, published=PUBLISHED).all_events if e.type == event_type]
    assert event.time_text == time_text
    assert (event.time.start.date().isoformat() if event.time else None) == start


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        # a vague word gives no date: the event has none, and borrows none
        ("3月5日，市里召开会议。近日，该公司宣布裁员200人。", "layoff"),
        ("目前效力于湖人队的张三预计将在赛季结束后飞往北京。", "visit"),
        ("不久前，两国领导人举行了会谈。", "meeting"),
    ],
)
def test_a_vague_time_is_no_event_time(nlp, text, event_type):
    (event,) = [e for e in nlp(text, published=PUBLISHED).all_events if e.type == event_type]
    assert event.time is None


def test_an_age_counts_back_only_from_a_publication_time(nlp):
    (event,) = [e for e in nlp("還有開業15年的「御膳廚房」。").events if e.type == "opening"]
    assert event.time is None


def test_a_limit_move_has_no_day_without_a_publication_time(nlp):
    (event,) = [e for e in nlp("鸿博股份涨停。").all_events if e.type == "limit_up"]
    assert event.time is None


def test_a_tenure_dates_the_taking_of_the_post(nlp):
    # 2007年5月至2011年6月任…: the appointment took place in May 2007, not over four years
    doc = nlp("张海文于2007年5月至2011年6月任吕梁市纪委宣传教育室主任。", published=PUBLISHED)
    (event,) = [e for e in doc.all_events if e.type == "appointment"]
    assert (event.time.start.date().isoformat(), event.time.end.date().isoformat()) == ("2007-05-01", "2007-06-01")
    assert event.time.grain == "month" and event.time.kind == "point"


def test_an_opening_is_dated_by_the_first_day_of_its_run(nlp):
    # 即日起至6月25日提供七天试营运: it opened today, it does not take nine days to open
    doc = nlp("南區全民運動中心即日起至6月25日提供七天試營運免費入場。", published=PUBLISHED)
    (event,) = [e for e in doc.all_events if e.type == "opening"]
    assert (event.time.start.date().isoformat(), event.time.end.date().isoformat()) == ("2025-06-17", "2025-06-18")
    assert event.time.kind == "point"
