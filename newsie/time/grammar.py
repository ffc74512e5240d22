"""The token grammar: one regex of named atoms, and the mention regex built from it.

Atoms are single tokens (``2025年``, ``11月``, ``周三``, ``下午``, ``3点半``, ``次日`` ...).
A *mention* is a run of atoms (optionally joined by a space or a comma) and,
optionally, a range connector and a second run.  Every repetition is bounded and
every run is an atomic group, so matching is linear in the input length.
"""

from __future__ import annotations

import re
from functools import cache

from .rules import load

CN_DIGIT = "零〇○一二两三四五六七八九"
# A small Chinese number (0..99) or Arabic 1-2 digits.
CN_SMALL = r"(?:[二三四五]?十[一二三四五六七八九]?|廿[一二三四五六七八九]?|卅一?|[零〇○一二两三四五六七八九])"
NUM = rf"(?:\d{{1,4}}(?:\.\d{{1,2}})?|[{CN_DIGIT}十百千廿]{{1,6}})"
# a count before a unit or after 第 / 最后 / 前 (1-99)
COUNT = r"(?:\d{1,2}|[一二两三四五六七八九十]{1,3})"
UNIT = r"(?:秒钟?|分半钟?|分钟|小时|钟头|钟|天|日|周(?![年岁])|星期|礼拜|工作日|季度|月|年)"
CONNECTOR = r"(?:起至|起到|至|到|——|-|~|—|–|－|～)"
# what may follow a time for 前 / 后 / 起 / 内 to mark an open interval (not 前往, 后来,
# 起飞, 内容 ...)
NOT_AFTER_QIAN = "往进来去者身景途列线沿方面台排夕后所辈任期天日年半个一二两三四五六七八九十0-9"
NOT_AFTER_HOU = "来面者方果台勤备卫退悔裔人盾门世续期半劲座排天日年援撤个一二两三四五六七八九十0-9"
NOT_AFTER_QI = "飞草诉床来身步航跑义火点源码色伏降重见势因立落名居用锚爆跳兵事家舞价誓算止讫至到"
NOT_AFTER_NEI = "容部外地需政阁核涵在心行陆河蒙网存测"


def alt(words) -> str:
    """A regex for a set of literal words, as a trie (longest match first), so that a
    failing attempt costs one branch per character rather than one per word."""
    words = sorted(set(words))
    if not words:
        return "(?!)"
    return _trie(words)


def _trie(words: list[str]) -> str:
    groups: dict[str, list[str]] = {}
    ends = False
    for w in words:
        if w:
            groups.setdefault(w[0], []).append(w[1:])
        else:
            ends = True
    branches = []
    for c in sorted(groups, key=lambda c: -max(len(x) for x in groups[c])):
        rest = groups[c]
        sub = _trie(rest) if any(rest) else ""
        if sub and "" in rest:
            branches.append(f"{re.escape(c)}(?:{sub})?")
        elif sub:
            branches.append(f"{re.escape(c)}(?:{sub})" if "|" in sub else f"{re.escape(c)}{sub}")
        else:
            branches.append(re.escape(c))
    body = "|".join(branches)
    if ends:
        return body  # the caller makes the group optional
    return body


@cache
def _guard(pattern: str) -> str:
    """Prefix a pattern with a one-character lookahead of its possible first characters."""
    chars = _first_chars(pattern)
    cls = "".join(sorted(re.escape(c) for c in chars))
    return f"(?=[{cls}])(?:{pattern})"


@cache
def _atoms() -> tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]:
    """(head atoms, tail atoms) as (name, pattern): built once, shared by every regex."""
    head, tail = _atom_lists()
    return tuple(head), tuple(tail)


def _atom_lists() -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    from .rules import table

    lex = load("lexicon")
    zones = load("zones")["zones"]
    holidays = load("holidays")
    hol_names = [n for h in holidays.values() for n in h["names"]]
    eras = [row["name"] for row in table("eras")]
    pods = lex["parts_of_day"]
    long_pods = [p for p, v in pods.items() if not v.get("clock_only")]
    weekday = "[一二三四五六日天末]"
    day_words = list(lex["day_words"])
    guarded = {"后天", "后日", "前天", "前日", "前晚", "前晨"}
    plain_days = [w for w in day_words if w not in guarded]
    year_words = list(lex["year_words"])
    plain_years = [w for w in year_words if w not in ("后年", "前年")]
    vague = [w for w in lex["vague"] if w not in ("日前", "最近", "年内", "月内")]
    # what makes a two-digit number before 年 a year (18年底, 零六年九月, 25年除夕, 19年第50周)
    yy_next = (
        r"(?=\s?(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九正腊冬])月"
        r"|[底初末]|中(?=[，。、；,.;!?！？\s])|[上下前后]半年|(?:第|前|后|头|最后)" + COUNT
        + r"?个?(?:季度|月|周|星期)|的第|首月|首周|[一二三四1-4]季度|[Qq][1-4]|[Hh][12]|全年"
        + r"|" + alt(hol_names) + r")"
    )

    head = [
        ("hol", alt(hol_names)),
        ("danian", r"大年初(?P<dnn>[二三四五六七八九十]|[2-9]|10)(?![\d])"),
        ("zone", rf"(?:{alt(zones)})(?P<zoff>[+-]\d{{1,2}}(?::?\d{{2}})?)?(?![A-Za-z])"),
        ("lunar", r"农历|阴历|旧历"),
        ("era", r"公元(?=\s?(?:\d|[零〇○一二三四五六七八九]{4}))|(?P<bce>公元前)\s?\d{1,4}年?"),
        ("reign", rf"(?P<rgn>{alt(eras)})(?P<rgy>元|\d{{1,3}}|[一二三四五六七八九十百零〇]{{1,4}})年"),
        ("ganzhi", r"(?P<gzs>[甲乙丙丁戊己庚辛壬癸])(?P<gzb>[子丑寅卯辰巳午未申酉戌亥])年"),
        (
            "fyp",
            r"(?:“(?P<fyq>十[一二三四五六七八九]?|[三四五六七八九])五”"
            r"|(?<![\d一二三四五六七八九十])(?P<fyn>十[一二三四五六七八九]|[八九])五”?"
            r"(?=规划|计划|期间|时期|末|初|中期|以来|开局|收官))(?:(?:规划|计划)(?:期(?!间))?)?",
        ),
        (
            "decade",
            r"(?P<decc>上个?世纪|本世纪|(?P<decn>19|20|二十|十九)世纪)?"
            r"(?<![\d.])(?P<decd>(?:1[5-9]|20)?[0-9]0|[一二三四五六七八九]十)年代",
        ),
        (
            "century",
            r"(?P<cenw>上个?|本|下个?)世纪"
            r"|(?<![\d.])(?P<cenn>1\d|2[01]|[1-9]|十[一二三四五六七八九]?|二十一?|[一二三四五六七八九])世纪",
        ),
        (
            "isot",
            r"(?<![\d.])(?P<ty>\d{4})[-/.](?P<tm>1[0-2]|0?[1-9])[-/.](?P<td>[0-3]\d)T?"
            r"(?P<tch>[01]\d|2[0-4])[:：](?P<tcm>[0-5]\d)(?:[:：](?P<tcs>[0-5]\d))?"
            r"(?:\.\d{1,6})?(?P<toff>Z|[+-](?:0\d|1[0-4]):?[0-5]\d)?(?![\d:])",
        ),
        ("iso", r"(?<![\d.])(?P<iy>\d{4})[-/.](?P<im>\d{1,2})[-/.](?P<id>\d{1,2})(?![\d])"),
        (
            "ymd8",
            r"(?<![\d.A-Za-z])(?P<c8y>(?:19|20)\d\d)(?P<c8m>0[1-9]|1[0-2])(?P<c8d>0[1-9]|[12]\d|3[01])"
            r"(?![\d.%A-Za-z])",
        ),
        (
            "ymd2",
            r"(?<![\d.\-/:])(?P<sy>\d\d)-(?P<sm>0[1-9]|1[0-2])-(?P<sd2>0[1-9]|[12]\d|3[01])(?![\d\-:])",
        ),
        ("ym", r"(?<![\d.])(?P<ymy>(?:19|20)\d\d)[-/.](?P<ymm>1[0-2]|0?[1-9])(?![\d.%])"),
        (
            "us",
            r"(?<![\d./:])(?P<um>3[01]|[12]\d|0?[1-9])/(?P<ud>3[01]|[12]\d|0?[1-9])"
            r"(?:/(?P<uy>\d{4}|\d\d))?(?![\d/%])",
        ),
        (
            "dot",  # “7·15”, 9·11事件: a date names an event; 1·2 alone is a score
            r"(?<![\d.·•・])(?P<dtm>1[0-2]|[1-9])[·•・](?P<dtd>3[01]|[12]\d|[1-9])(?![\d·•・])"
            r"(?:(?<=[“\"「『]\d[·•・]\d)|(?<=[“\"「『]\d[·•・]\d\d)|(?<=[“\"「『]\d\d[·•・]\d)"
            r"|(?<=[“\"「『]\d\d[·•・]\d\d)"
            r"|(?=[”\"」』]|事件|事故|案|惨案|晚会|特大|爆炸|地震|暴雨|洪水|火灾|专案|阅兵|纪念|$))",
        ),
        (
            # 10.1在荃湾, 【9.14屯门集会】, 5.12汶川地震: month.day written with a full stop
            # before the words of the happening, opening a phrase, or after a word that
            # opens a setting or a list (早在6.12就, 于7.1冲入), 直播, a year, 到 or 至
            # (直播7.21元朗站, 去年8.11, 被问到8.18游行); not 增长10.1%, 降至4.15以下, 3.5万,
            # 6.3级, 7.21元: a number before a measure
            "pointdate",
            (
                r"(?<![^【「“\"（(，,。；;：:\s在于於自从及和与、播年到至])(?P<pdtm>1[0-2]|[1-9])\.(?P<pdtd>3[01]|[12]\d|[1-9])"
                r"(?=[\u4e00-\u9fff])(?![级倍万亿米公千厘毫克秒分度折寸尺斤吨升码英美港人次个家年月日号"
                r"股点只头辆架艘条项名位小天成星版期代届周岁斤两萬億級個點頭輛條項歲週屆以左%％])(?!元(?!朗))"
            ),
        ),
        # a Republic of China year (113年 in a Taiwanese text, 今(113)年): find_times has
        # written its digits as private-use characters U+E000-U+E009 (see extract.py)
        ("roc", r"(?:今\()?(?P<rocd>[\ue000-\ue009]{2,3})\)?\s?年(?:度(?!\d))?"),
        (
            "year",
            r"(?<![\d.])(?:(?P<y4>\d{4})|(?P<ycn>[零〇○一二三四五六七八九]{4})"
            r"|(?P<ycn2>[一二两]千零?(?:[一二三四五六七八九]?十[一二三四五六七八九]?|[一二三四五六七八九])))"
            r"\s?年(?:度(?!\d))?"
            r"(?!代|级|龄|纪|薪|金|息|化|均|利)",
        ),
        (
            "fy",
            r"(?<![\d.])(?P<fyy>\d{4}|\d\d)\s?财年|(?<![A-Za-z])FY\s?(?P<fyy2>\d{4}|\d\d)(?![\d])",
        ),
        (
            "yy",
            r"(?<![\d.])(?:(?P<y0>0\d)年(?!代|级|龄|纪|薪|金|息|化|均|利)"
            rf"|(?P<y2>\d\d)年{yy_next}"
            rf"|(?<=[在于从自])(?P<y2s>\d\d)年(?=[，,。；;、]|起|至|到|以来)"
            rf"|(?P<y2cn>[零〇○一二三四五六七八九]{{2}})年{yy_next})",
        ),
        (
            "relyear",
            rf"{alt(plain_years)}|(?<![今此以之其最然随落背先而往])(?:后年)|(?<![之以此提])前年",
        ),
        ("relmonth", alt(lex["month_words"])),
        # 今春, 今冬 (今冬明春), 去冬 (去冬今春): a season of this or last year (去夏, 去秋
        # are rare and mostly 免去夏某, 失去秋天)
        (
            "seasonword",
            r"(?:(?<![如至而迄现当古从自于])今(?P<sws>[春夏秋冬])"
            r"|(?<![过失回出进上下来离除死归前往而免抹删减撤])去(?P<swd>冬))(?![天季节运联风雨装日])",
        ),
        (
            "relweek",
            rf"(?P<wp>{alt(lex['week_prefix'])})(?:周|星期|礼拜)"
            rf"(?:(?P<wpd>{weekday})(?![次遍回趟])|(?!期|年|刊|岁|报|边|围|转|全|密|长|到))",
        ),
        ("weekday", rf"(?:星期|礼拜|周)(?P<wd>{weekday})(?![次遍回趟年])"),
        # 今(17)日 / 昨(16)晚 (Taiwan): a day word with its day of the month in brackets
        ("pday", r"(?P<pdw>[今昨明])\((?P<pdn>3[01]|[12]\d|0?[1-9])\)(?P<pdu>[日天晚早])"),
        ("pair", r"(?P<pra>今明|明后|昨今)两?(?P<pru>天|日|年)|明后天"),
        (
            "relday",
            # 今日头条, 今日俄罗斯 (RT), 今日美国 (USA Today), 今日说法: names, not today
            r"(?!今日(?:头条|俄罗斯|美国|说法))"
            rf"(?:{alt(plain_days)})|(?<![今此以之其最然随落背先而往])(?:后天|后日)"
            r"|(?<![之以此提目当眼])(?:前天|前日|前晚|前晨)",
        ),
        ("now", rf"(?<![展出体实表呈发再])(?:{alt(lex['now_words']['words'])})"),
        (
            "vague",
            rf"{alt(vague)}|(?<![节生期止末周今昨每假工作念])日前"
            r"|最近(?!的|距离|处|点|\d|[一二两三四五六七八九十几半数])"
            r"|(?<![\d几数多一二两三四五六七八九十百半个])[年月]内",
        ),
        (
            "half",
            r"(?P<hrel>上个|下个|这个|本)半年"
            r"|(?P<hp>[上下前后])半(?P<hu>年|月|周|星期)"
            r"|(?<![A-Za-z])(?P<hy>(?:19|20)\d\d)?[Hh](?P<hn>[12])(?![A-Za-z0-9])",
        ),
        ("relq", r"(?P<rqp>本|这个|上个|下个|上|下)季度"),
        (
            "quarter",
            r"前?第?(?P<q>[一二三四1-4])季度"
            r"|(?<![A-Za-z])(?:(?P<qy>(?:19|20)\d\d)\s?)?[Qq](?P<q2>[1-4])(?![A-Za-z0-9])",
        ),
        (
            "edgeword",
            r"(?P<ew>年|月)(?:(?P<ewe>初|底|末)(?![步次期级衷心中赛选审稿见具创始代版线层部气牌座盘薪价])"
            r"|(?P<ewm>中)(?=[，。、；,.;!?！？\s]|$))",
        ),
        ("xun", r"[上中下]旬"),
        (
            "month",
            r"(?<![\d.个两几数])(?P<mo>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九]|正|腊|冬)月"
            r"(?P<mofen>份)?",
        ),
        (
            "few",
            r"(?<![\d.第])(?P<fn>好几|十几|几十|几|数|多)(?P<fg>个)?(?P<fu>天|日|周(?![年岁])|星期|礼拜|月|年|小时)"
            r"(?:(?:之|以)?(?P<fd>前|后)(?![天日年期者台端面方排辈后所线沿列景])|(?P<fl>以来|来(?![自看说到源])))?",
        ),
        ("anaph", rf"(?:此后|之后|其后|随后)(?P<an>{NUM})\s?(?P<ang>个)?(?P<anu>{UNIT})"),
        (
            "relsuf",
            rf"(?<![\d.第数几多余月])(?P<sn>{NUM}|半)\s?(?P<sg>个)?(?P<sx>半|多)?(?P<su>{UNIT})(?<!\d日)(?P<sh>半)?"
            r"(?:之|以)?(?P<sd>前|后)(?![天日年期者台端面方排辈后所线沿列景])",
        ),
        (
            "day",
            r"(?<![\d.])(?P<dd>3[01]|[12]\d|0?[1-9])\s?(?P<ddu>日|号)(?!元|币|内|以内|之内)"
            r"|(?P<dcn>三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|廿[一二三四五六七八九]?"
            r"|卅一?|[一二三四五六七八九])(?P<dcu>日|号)"
            r"|(?P<ld>初(?:[一二三四五六七八九十]|10|[1-9](?!\d)))(?![步次期级衷心中赛选审稿见具创始代版恋露])"
            r"|(?<=月)(?P<ldn>二十[一二三四五六七八九]?|十[一二三四五六七八九]|廿[一二三四五六七八九]|三十)"
            r"(?![\d万亿元个%])"
            r"|(?<=[正腊冬一二三四五六七八九十]月)(?P<ldd>[一二三四五六七八九])"
            r"(?![日号十百千万亿个年月系些直定起样边方同旦度致切共律])"
            r"|(?<=月)(?<!每月|个月)(?P<dmd>3[01]|[12]\d|0?[1-9])"
            r"(?![\d.%‰:：/万亿千百元角分个只件家名人位次项条篇辆台架艘套部本册所座栋户岁天周年月时点秒期届号日批例星礼]"
            r"|[,，]\d)",
        ),
        (
            "clock",
            r"(?<![\d.:])(?P<ch>[01]?\d|2[0-4])[:：](?P<cm>[0-5]\d)(?:[:：](?P<cs>[0-5]\d))?(?![\d:])"
            r"(?:\s?(?P<cap>[AaPp]\.?[Mm]\.?(?![A-Za-z])|[AaPp](?![A-Za-z])))?",
        ),
        ("ampm", r"(?<![\d.:])(?P<ah>1[0-2]|0?[1-9])\s?(?P<aap>[AaPp]\.?[Mm]\.?)(?![A-Za-z])"),
        (
            "hour",
            rf"(?<![\d.第])(?P<kh>2[0-4]|[01]?\d|二十[一二三四]?|十[一二三四五六七八九]?|[零一二两三四五六七八九])"
            r"(?P<kp>点钟?|时)"
            r"(?P<kmin>半|[一二两三1-3]刻|整|多钟?|[踏搭]半|差(?:一刻|[1-9]分钟?|[一二三四五六七八九十]分钟?|1[0-9]分钟?)"
            rf"|(?:[踏搭过])?(?:[0-5]?\d|零[一二三四五六七八九]|{CN_SMALL})(?:分钟?|个字)?)?"
            rf"(?:(?P<ksec>[0-5]?\d|{CN_SMALL})秒)?"
            r"(?!间|期|代|候|常|尚|髦|光|空|节|段|效|机|事|局|装|速|针|差|区|态|令|隔|儿|滴|子|击|赞|评|名|位|数|钟头|[\d.%万亿个]"
            r"|建议|意见|要求|希望|共识|主张|倡议|看法|措施|举措|做法|内容|原则|理由|启示|经验|体会|成果"
            r"|收获|变化|理念|原因|思考|考虑|目标|任务|方面|部署|安排|工作|遵循|认识|体现|优势|特点)",
        ),
        (
            "hpair",
            r"(?<![\d.第十])(?P<hpa>[一二三四五六七八九])(?P<hpb>[二三四五六七八九十])(?:点|时)钟?"
            r"(?!间|期|代|候|建议|意见|要求|共识|措施|内容|原则|经验|体会|成果|变化|原因|目标|任务)",
        ),
        (
            "pod",
            rf"{alt(long_pods)}|(?<=[日号天])[早晚](?![上间饭餐会宴报点稻市些了安年])|(?P<podc>[早晚])(?=\s?(?:\d{{1,2}}|二十[一二三四]?|十[一二]?|[一二三四五六七八九])[点时:：])",
        ),
        (
            "relpre",
            r"(?P<rnd>过去|未来|最近|接下来|今后|(?<![接靠附将临])近|(?<![之以此提目当空史元])前"
            r"|(?<![最之此然以其落背先而往今前])后|(?<![线以之向])上|(?<![线以之])下)"
            rf"[ ]?(?P<rnn>{NUM})\s?(?P<rng>个)?(?P<rnu>{UNIT})"
            r"(?P<rnl>来)?(?![前后以])",
        ),
        (
            "set",
            r"每(?:个|一)?(?P<setu>年|月|周|星期|礼拜|天|日|晚|早|小时|季度)(?:(?P<setwd>[一二三四五六日天])(?![次遍回趟]))?",
        ),
        (
            "dur",
            rf"(?<![\d.第数几多余])(?P<dn>{NUM}|半)\s?(?P<dg>个)?(?P<dx>多|半)?(?P<du>{UNIT})(?P<dh>半)?"
            r"(?P<dl>以来|来(?![自看说到源]))?",
        ),
        (
            "bare",
            r"(?<![\d.])(?P<bn>\d{1,4})(?=\s?" + CONNECTOR + r"\s?\d{1,4}\s?(?:年|月|日|号|点|时))"
            r"|(?P<bcn>" + CN_SMALL + r")(?=(?:至|到|-|——)" + CN_SMALL + r"(?:月|日|号|点|时|季度))",
        ),
    ]
    approx = lex["fuzzy"]["approx"]
    since = lex["fuzzy"]["since"]
    tail = [
        (
            "pedge",
            r"(?P<pe>初期|中期|末期|初叶|中叶|末叶|上半叶|下半叶|前半叶|后半叶|前期|后期)",
        ),
        (
            "edge",
            r"(?P<e>初|底|末)(?![步次期级衷心中赛选审稿见具创始代版线层部气牌座盘薪价恋露端尾班日世梢位流])|(?P<em>中)(?=[，。、；,.;!?！？\s)）」”]|$)",
        ),
        ("since", alt(since)),
        # 2022年春天, 去年秋季, 2019年春，: a season of the year before it
        ("season", r"(?P<ssn>[春夏秋冬])(?:天|季(?!度)|(?=[，。、；,;\s]))"),
        # 当年的3月20日: 的 between a year and its month
        ("de", r"(?<=年)的(?=(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])月)"),
        # 本周早些时候, 今天稍晚时候: the part of a period before / after the reference
        ("early", r"(?P<ely>早些|稍早|较早|晚些|稍晚|较晚)时候"),
        ("approx", alt(approx)),
        (
            "nth",
            r"的?(?:第(?P<nthn>[一二三四五1-5])|(?P<nthl>最后一?|倒数第一))个?(?:星期|周|礼拜)"
            r"(?P<nthd>[一二三四五六日天])",
        ),
        (
            "sel",
            rf"的?(?:第(?P<seln>{COUNT})个?|(?P<sell>最后)(?P<selln>{COUNT})?个?|(?P<self>首|头)(?P<selfn>{COUNT})?个?)"
            r"(?P<selu>季度|周(?![年岁期])|星期|礼拜|月|天|日)",
        ),
        ("same", r"同期"),
        (
            "open",
            rf"(?P<ob>以前|之前|前(?![{NOT_AFTER_QIAN}]|\s[\d一二两三四五六七八九十]))"
            rf"|(?P<oa>或之后|或以后|及以后|及之后|以后|之后|后(?![{NOT_AFTER_HOU}]))"
            rf"|(?P<os>起(?![{NOT_AFTER_QI}]))|(?P<ok>开始)"
            rf"|(?P<ow>以内|之内|内(?![{NOT_AFTER_NEI}]))|(?P<ou>为止)",
        ),
        ("gong", r"公历|阳历|期间|时期|之间|(?<=年)间|全年|全天|全月|假期|小长假|长假|黄金周|节气"),
    ]
    return head, tail


_NAMED = re.compile(r"\(\?P<\w+>")
_BACKREF = re.compile(r"\(\?P=\w+\)")


def _unname(pattern: str) -> str:
    assert not _BACKREF.search(pattern)
    return _NAMED.sub("(?:", pattern)


@cache
def atom_regex() -> re.Pattern:
    """One alternation of all atoms, each a named group (``m.lastgroup`` is its kind)."""
    head, tail = _atoms()
    # head atoms first so that e.g. 年初 (edgeword) beats 初 (edge tail)
    return re.compile("|".join(f"(?P<{n}>{_guard(p)})" for n, p in head + tail))


@cache
def atom_table() -> dict[str, re.Pattern]:
    """For each character an atom can start with, the alternation of those atoms only
    (in the order of :func:`atom_regex`, so a match is the one it would give)."""
    head, tail = _atoms()
    by_char: dict[str, list[tuple[str, str]]] = {}
    for name, pattern in head + tail:
        for c in _first_chars(pattern):
            by_char.setdefault(c, []).append((name, pattern))
    compiled: dict[tuple, re.Pattern] = {}
    out = {}
    for c, atoms in by_char.items():
        key = tuple(name for name, _ in atoms)
        if key not in compiled:
            compiled[key] = re.compile("|".join(f"(?P<{n}>{p})" for n, p in atoms))
        out[c] = compiled[key]
    return out


class Mention:
    """Spans of a matched mention: the left run and, for a range, the right run."""

    __slots__ = ("left", "right", "end")

    def __init__(self, left: tuple[int, int], right: tuple[int, int] | None) -> None:
        self.left, self.right = left, right
        self.end = right[1] if right else left[1]


#: A weekday in brackets after a date names that date again (4月28日（星期五）13时): it joins
#: the date to a time of day as a space would, and gives no time of its own.
WEEKDAY_APPOSITION = r"[（(](?:星期|周|礼拜)[一二三四五六日天][)）]"


@cache
def continuation() -> re.Pattern:
    """After the first atom: more atoms, then optionally a connector and a second run.

    Both runs are atomic groups and the repetition is bounded, so this is linear.
    """
    head, tail = _atoms()
    head_alt = _any_guard(head) + "(?:" + "|".join(_guard(_unname(p)) for _, p in head) + ")"
    any_alt = (
        _any_guard(head + tail) + "(?:" + "|".join(_guard(_unname(p)) for _, p in head + tail) + ")"
    )
    # 昨日下午近1時, 下午约3点: a word of approximation may stand before an hour
    sep = (
        r"(?:[ \t]|[,，][ \t]?|(?:将近|大约|近|约)(?=(?:\d{1,2}|[一二两三四五六七八九十]{1,3})[点时時])"
        rf"|(?<=[日号]){WEEKDAY_APPOSITION})?"
    )
    seq = rf"(?>(?:{head_alt})(?:{sep}(?:{any_alt})){{0,10}})"
    return re.compile(
        rf"(?>(?:{sep}(?:{any_alt})){{0,10}})(?P<le>)"
        rf"(?:[ \t]?(?:{CONNECTOR}|(?P<and>[和与]))[ \t]?(?P<right>{seq})(?(and)(?<=之间)))?"
    )


def _any_guard(atoms) -> str:
    """A lookahead for the characters any of ``atoms`` can start with: where none can, the
    alternation fails at once instead of trying every atom's own guard."""
    chars = set().union(*(_first_chars(p) for _, p in atoms))
    return "(?=[" + "".join(sorted(re.escape(c) for c in chars)) + "])"


@cache
def _first(names: tuple[str, ...]) -> re.Pattern:
    """The first atom of a mention, restricted to the atoms ``names``."""
    head, _ = _atoms()
    return re.compile("|".join(_guard(_unname(p)) for n, p in head if n in names))


@cache
def dispatch() -> dict[str, _Dispatch]:
    """Map each possible first character to a matcher whose first-atom regex holds only
    the atoms that can start with it, so that a false candidate fails after a few branches."""
    head, _ = _atoms()
    by_char: dict[str, list[str]] = {}
    for name, pattern in head:
        for c in _first_chars(pattern):
            by_char.setdefault(c, []).append(name)
    return {c: _Dispatch(tuple(names)) for c, names in by_char.items()}


class _Dispatch:
    """First atom (regex compiled on first use) + the shared continuation regex."""

    __slots__ = ("names", "pattern")

    def __init__(self, names: tuple[str, ...]) -> None:
        self.names, self.pattern = names, None

    def match(self, text: str, pos: int) -> Mention | None:
        if self.pattern is None:
            self.pattern = _first(self.names)
        m = self.pattern.match(text, pos)
        if m is None:
            return None
        c = continuation().match(text, m.end())
        if c.group("right") is None:
            return Mention((pos, c.end()), None)
        return Mention((pos, c.start("le")), c.span("right"))

    def fullmatch(self, text: str) -> Mention | None:
        if self.pattern is None:
            self.pattern = _first(self.names)
        m = self.pattern.match(text)
        if m is not None and m.end() == len(text):  # one atom: no continuation needed
            return Mention((0, m.end()), None)
        found = self.match(text, 0)
        return found if found is not None and found.end == len(text) else None


@cache
def prefilter_regex() -> re.Pattern:
    """Where a mention may start: a character that can start one, followed (when the
    grammar bounds what may follow it, see :func:`second_chars`) by a character that
    can follow some first character.  A cheap necessary condition, checked in C; the
    exact second-character check follows in Python."""
    second = second_chars()
    any_next = "".join(sorted(re.escape(c) for c, follow in second.items() if follow is None))
    bounded = "".join(sorted(re.escape(c) for c, follow in second.items() if follow is not None))
    nexts = set().union(*(follow for follow in second.values() if follow is not None))
    union = "".join(sorted(re.escape(c) for c in nexts))
    return re.compile(f"[{any_next}]|[{bounded}](?=[{union}])")


def _first_chars(pattern: str) -> set[str]:
    """Over-approximate the set of characters a pattern can start with.

    Uses sre's parser on the pattern; falls back to 'any CJK/ASCII char we know'.
    """
    from re import _constants as C  # type: ignore[attr-defined]
    from re import _parser as sre_parse  # type: ignore[attr-defined]

    def first(items) -> tuple[set[str], bool]:
        """Return (chars, can_be_empty)."""
        out: set[str] = set()
        for op, av in items:
            chars, empty = first_op(op, av)
            out |= chars
            if not empty:
                return out, False
        return out, True

    def first_op(op, av) -> tuple[set[str], bool]:
        if op is C.LITERAL:
            return {chr(av)}, False
        if op is C.IN:
            out: set[str] = set()
            for iop, iav in av:
                if iop is C.LITERAL:
                    out.add(chr(iav))
                elif iop is C.RANGE:
                    out |= {chr(c) for c in range(iav[0], iav[1] + 1)}
                elif iop is C.CATEGORY:
                    out |= set("0123456789") if iav is C.CATEGORY_DIGIT else set(" \t\n")
                else:
                    raise ValueError(iop)
            return out, False
        if op is C.BRANCH:
            out, empty = set(), False
            for b in av[1]:
                ch, e = first(b)
                out |= ch
                empty |= e
            return out, empty
        if op is C.SUBPATTERN:
            return first(av[-1])
        if op is C.ATOMIC_GROUP:
            return first(av)
        if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            lo, _hi, sub = av
            ch, e = first(sub)
            return ch, e or lo == 0
        if op in (C.ASSERT, C.ASSERT_NOT, C.AT, C.GROUPREF):
            return set(), True
        if op is C.CATEGORY and av is C.CATEGORY_DIGIT:
            return set("0123456789"), False
        raise ValueError(op)

    chars, empty = first(sre_parse.parse(pattern))
    if empty:
        raise ValueError(f"atom may match the empty string: {pattern[:40]}")
    return chars


@cache
def second_chars() -> dict[str, frozenset[str] | None]:
    """For each first character, the characters that may follow it in a mention
    (None: any).  A cheap check that rejects most false candidates before the regex."""
    head, _ = _atoms()
    out: dict[str, set[str] | None] = {}
    for _, pattern in head:
        try:
            prefixes = _prefixes(pattern, 2)
        except ValueError:
            prefixes = {c for c in _first_chars(pattern)}
        for p in prefixes:
            c = p[0]
            if len(p) == 1:
                out[c] = None
            elif out.get(c, set()) is not None:
                out.setdefault(c, set()).add(p[1])
    return {c: (None if v is None else frozenset(v)) for c, v in out.items()}


def _prefixes(pattern: str, k: int) -> set[str]:
    """All strings of length <= k that a match of ``pattern`` can start with (shorter
    ones: the match may end there).  Raises ValueError for constructs it cannot bound."""
    from re import _constants as C  # type: ignore[attr-defined]
    from re import _parser as sre_parse  # type: ignore[attr-defined]

    def seq(items, k: int) -> set[str]:
        results = {""}
        for op, av in items:
            nxt: set[str] = set()
            for r in results:
                if len(r) >= k:
                    nxt.add(r)
                    continue
                for e in one(op, av, k - len(r)):
                    nxt.add(r + e)
            results = nxt
            if len(results) > 20000:
                raise ValueError("too many prefixes")
        return results

    def one(op, av, k: int) -> set[str]:
        if op is C.LITERAL:
            return {chr(av)}
        if op is C.IN:
            out: set[str] = set()
            for iop, iav in av:
                if iop is C.LITERAL:
                    out.add(chr(iav))
                elif iop is C.RANGE:
                    out |= {chr(c) for c in range(iav[0], iav[1] + 1)}
                elif iop is C.CATEGORY and iav is C.CATEGORY_DIGIT:
                    out |= set("0123456789")
                else:
                    raise ValueError(iop)
            return out
        if op is C.BRANCH:
            return set().union(*(seq(b, k) for b in av[1]))
        if op is C.SUBPATTERN:
            return seq(av[-1], k)
        if op is C.ATOMIC_GROUP:
            return seq(av, k)
        if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            lo, hi, sub = av
            results, acc = {""}, set()
            for i in range(min(hi, k) + 1):
                if i >= lo:
                    acc |= results
                if i == min(hi, k):
                    break
                results = {r + e for r in results for e in seq(sub, k) if len(r) < k} | {
                    r for r in results if len(r) >= k
                }
            return {r[:k] for r in acc}
        if op in (C.ASSERT, C.ASSERT_NOT, C.AT):
            return {""}
        if op is C.CATEGORY and av is C.CATEGORY_DIGIT:
            return set("0123456789")
        raise ValueError(op)

    return {p[:k] for p in seq(sre_parse.parse(pattern), k) if p}
