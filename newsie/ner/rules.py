"""Hand-written recognition rules, anchored on lexicon matches where possible.

* transliterated full names with a middle dot (埃隆·马斯克) -> PERSON
* Latin-script sequences -> PERSON / ORG / PRODUCT by form and context
* a job title followed by a name (第二次官柳济明, 创始人Max Tegmark) -> PERSON
* a source noun followed by a name (消息人士遠坂小町在...) -> PERSON
* nested organisations (国家能源局综合司, 韩国科学技术信息通信部, 杭州市中医院)
* businesses right after an organisation (北京燕莎中心 + 凯宾美食廊)
* districts and estates after a place (香港 + 大埔区 + 宏福苑)
* companies no lexicon knows, at the start of a clause (远望科技宣布..., 晨光机器人公司首席...)
* hospitals of a city and labs after the word for them (江南市人民医院, 研究机构青岚实验室)
* businesses after the word for their kind (老字号餐厅福满楼将...)
* a model code after such a company's name (星辰电子 ... 星辰X10)
* a listed company named with its stock code (易成新能(300080), 恒隆地产（101）)
* a withheld name: a surname and 某 (张某, 李某某, 曹某英)
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from newsie._matcher import WordMatcher
from newsie.ner.candidates import Candidate
from newsie.ner.lexicon import Lexicon, Match, starts_with_surname, surnames

HAN = "\u4e00-\u9fff\u3400-\u4dbf"
#: Characters that end a name or cannot be inside one.
STOP = set(
    "的了在和与及是对向将把被从为等并也已于就都而或但其该此这那个之以由让给跟同各每所"
    "一二三四五六七八九十百千万两几多首第年月日时分某过们着"
)
#: Characters that may follow a person name ("...柳济明携手", "...遠坂小町在").
AFTER_NAME = set(
    "携表说称指在与和及等的认透介强也已曾将对于是向率会出接宣日发回坦告提希呼主亦则就都还则报严涉，,。、；;：:！!？?（(）)“”\"' \n"
)
#: Characters of transliterated foreign names (for the part before a middle dot).
TRANSLIT = set(
    "阿埃艾爱安奥巴拜班邦保鲍贝本比彼毕波伯博布查达戴丹道德登迪蒂丁东杜顿多厄恩尔法范菲费"
    "芬丰弗福盖甘戈格古哈海汉豪赫亨胡华霍基吉加贾杰金卡凯坎康科克肯库拉莱赖兰朗劳勒雷蕾里理"
    "丽利莉连林琳卢鲁伦罗洛马玛迈麦曼梅门蒙米密明莫姆穆纳娜奈南内尼宁纽努诺欧帕潘佩彭皮珀"
    "普奇齐乔切琼丘萨塞桑瑟森沙莎尚舍圣施什史斯松苏索塔泰汤唐特提汀图托瓦万威韦维温沃乌伍"
    "西希锡谢辛休雅亚延扬耶伊因英尤约泽扎詹兹佐翰惠霍杰珍黛娅琪薇妮丝茜露莲纳哲乔治杰森"
    "埃隆萨姆斯蒂芬克里夫罗杰佛朗索瓦奥利弗夫娃柯霍舒朱茨曾贝赛季士热儿契耶维娃基洛罗夫"
    "昂敏朔默龙冯济申"
)
DOTS = "·•‧・"
#: Characters that do not start a name after a source noun (人士组成, 人士参加).
NOT_NAME_START = set("组参进到来去前对也都纷普推认觉表称说反发")

LATIN_WORD = r"[A-Za-z][A-Za-z0-9]*(?:[&'’.\-][A-Za-z0-9]+)*"
LATIN_SEQ = re.compile(rf"(?<![A-Za-z0-9]){LATIN_WORD}(?: {LATIN_WORD})*")
NAME_WORD = re.compile(r"^[A-Z][a-z]+(?:-[A-Z][a-z]+)?$")
MODEL_CODE = re.compile(r"^(?=.*[0-9])(?=.*[A-Za-z])[A-Za-z0-9\-]+$")
ORG_WORDS = set(
    ["Ventures", "Labs", "Lab", "Inc", "Inc.", "Corp", "Corp.", "Corporation", "Ltd", "Ltd.", "LLC", "Group", "Technologies", "Technology", "Partners", "Holdings", "Foundation", "Institute", "University", "Capital", "Systems", "Networks", "Robotics", "Motors", "Bank", "Fund", "Studios", "Games", "Company", "Co.", "Research", "Media", "Therapeutics"]
)
ACRONYMS = set(
    ["AI", "AGI", "API", "APP", "App", "GPU", "CPU", "NPU", "TPU", "PC", "IT", "5G", "4G", "6G", "VR", "AR", "XR", "IPO", "GDP", "CPI", "PMI", "ETF", "ESG", "USB", "LED", "OLED", "LCD", "token", "Token", "ID", "OK", "VS", "vs", "PRO", "Pro", "PK", "SUV", "EV", "KOL", "UP", "LLM", "NFT", "TV", "DNA", "RNA", "WiFi", "Wi-Fi", "X"]
)
PRODUCT_AFTER = re.compile(
    r"^(?:手表|手机|耳机|平板|电脑|笔记本|显卡|芯片|处理器|系列|跑鞋|球鞋|游戏|应用|模型|大模型|汽车|系统|眼镜)"
)
PRODUCT_BEFORE = re.compile(r"(?:跑鞋|显卡|芯片|手机|型号|新款|推出|发布|发售|上市|款)$")
PERSON_BEFORE = re.compile(r"(?:名为|网友|博主|用户|人士|爆料人|创始人|先生|女士|选手|球员|棋手|车手|队员)$")

#: What follows a name introduced by a source noun: 在, 称, 表示, 透露, 发布, 爆料, 说, 指出.
SOURCE_AFTER = set("在称表透发爆说指")
SOURCE_CUES = re.compile("消息人士|知情人士|业内人士|人士|网友|博主|爆料人|名为")

ORG_SUBUNIT = re.compile(
    rf"[{HAN}]{{1,6}}?(?:研究所|研究院|研究中心|实验室|办公厅|办公室|分院|学院|分行|支行|分公司|子公司|事业部|委员会|司|局|处|厅|所)"
)
#: A government body named by its place: 北京市人民政府, 南昌市新建区人民政府.
GPE_GOVERNMENT = re.compile(rf"(?:[{HAN}]{{1,4}}?[区县市])?(?:人民政府|人民法院|人民检察院|人民医院)")
GPE_ORG = re.compile(
    rf"[{HAN}]{{1,10}}?(?:中医院|医院|研究所|研究院|大学|学院|银行|中心|协会|学会|基金会|法院|检察院|电视台|报社|日报|实验室|商会|联合会|交易所|委员会|部|局|署|省)"
)
BUSINESS = re.compile(
    rf"[{HAN}]{{2,4}}?(?:美食廊|餐厅|酒楼|饭店|大酒店|酒店|咖啡馆|书店|超市|商场|百货)"
)
DISTRICT = re.compile(rf"[{HAN}]{{2,3}}?(?:区|县|镇|乡)")
DISTRICT_BAD = tuple(
    ["地区", "社区", "园区", "景区", "灾区", "山区", "矿区", "城区", "市区", "郊区", "片区", "辖区", "专区", "校区", "厂区", "营区", "战区", "禁区", "特区", "湾区", "街区", "城镇", "乡镇", "小镇", "新区"]
)
ESTATE = re.compile(
    rf"[{HAN}]{{1,3}}?(?:苑|花园|小区|大厦|广场|公寓|新村|山庄|度假区|小镇|乐园|公园|景区|机场|火车站|高铁站|码头|大桥|体育馆|体育场|会展中心)"
)


#: Facility names that keep their place prefix: 澳门国际机场, 北京图书大厦.
_GENERIC_FACILITY = re.compile(
    r"(?:国际|首都|图书|体育|中央|国家|火车|会展)?(?:机场|火车站|高铁站|大厦|体育馆|体育场|广场|公园|会展中心)$"
)


_CORP_SUFFIX = re.compile(r"(?:股份有限公司|有限责任公司|有限公司|公司|集团)")


_ORDINAL = re.compile(r"第[一二三四五六七八九十0-9]+")


def _clean(text: str, start: int, end: int) -> bool:
    """True when text[start:end] has no stop characters (ordinals such as 第一 allowed)."""
    return not any(c in STOP for c in _ORDINAL.sub("", text[start:end]))


def dotted_names(text: str, titles_end: set[int] = frozenset()) -> list[Candidate]:
    """Transliterated names joined by a middle dot: 埃隆·马斯克, 泰勒·斯威夫特."""
    out = []
    last_end = 0
    for m in re.finditer(rf"[{DOTS}]", text):
        i = m.start()
        start = i
        while (
            start > 0 and text[start - 1] in TRANSLIT and i - start < 5 and start not in titles_end
        ):
            start -= 1
        if start == i:
            continue
        end = i + 1
        while end < len(text) and (text[end] in DOTS or text[end] in TRANSLIT) and end - i <= 12:
            end += 1
        while end > i + 1 and text[end - 1] in DOTS:
            end -= 1
        if text[end - 1] == "夫" and text[end : end + 1] in ("人", "妇"):
            end -= 1  # 夫人, 夫妇
        # earlier names start before this dot, so they overlap iff one ends after ``start``
        if end > i + 1 and start >= last_end:
            out.append(Candidate(start, end, "PERSON", "rule", weak=True))
            last_end = end
    return out


def latin_names(text: str, lexicon: Lexicon, titles_end: set[int]) -> list[Candidate]:
    """Classify Latin-script sequences not fully covered by the lexicon."""
    out = []
    for m in LATIN_SEQ.finditer(text):
        start, end, seq = m.start(), m.end(), m.group()
        entry = lexicon.get(seq)
        if entry is not None or seq in ACRONYMS:
            continue
        words = seq.split(" ")
        head = lexicon.get(words[0])
        before, after = text[max(0, start - 6) : start], text[end : end + 4]
        label = None
        if any(MODEL_CODE.match(w) for w in words) or (
            head is not None and head.label == "PRODUCT"
        ):
            label = "PRODUCT"
        elif len(words) > 1 and words[-1] in ORG_WORDS:
            label = "ORG"
        elif PRODUCT_AFTER.match(after) or PRODUCT_BEFORE.search(before):
            label = "PRODUCT"
        elif all(NAME_WORD.match(w) for w in words) and (2 <= len(words) <= 3 or start in titles_end):
            label = "PERSON"
        elif len(words) <= 3 and PERSON_BEFORE.search(before):
            label = "PERSON"  # 选手HeRoMaRinE: a handle after the word for a person
        if label:
            out.append(Candidate(start, end, label, "rule"))
    return out


def _name_after(text: str, pos: int, need_surname: bool) -> int:
    """End of a 2-4 character Chinese name starting at ``pos`` (0 if none)."""
    family = surnames()
    for size in (3, 2, 4):
        end = pos + size
        if size == 4 and need_surname and text[pos : pos + 2] not in family:
            continue
        if end > len(text) or not _clean(text, pos, end):
            continue
        name = text[pos:end]
        if not re.fullmatch(rf"[{HAN}]+", name) or name[0] in AFTER_NAME:
            continue
        if need_surname and not starts_with_surname(name):
            continue
        if end == len(text) or text[end] in AFTER_NAME:
            return end
    return 0


def _transliterated_after(text: str, pos: int) -> int:
    """End of a 2-6 character transliterated name starting at ``pos`` (0 if none): 总统敏昂莱在."""
    end = pos
    while end < len(text) and end - pos < 6 and text[end] in TRANSLIT:
        end += 1
    if end - pos >= 2 and (end == len(text) or text[end] in AFTER_NAME):
        return end
    return 0


def title_persons(text: str, titles: list[Match]) -> list[Candidate]:
    """A name right after a job title: 第二次官柳济明 -> 柳济明, 代总统敏昂莱 -> 敏昂莱."""
    out = []
    for t in titles:
        end = _name_after(text, t.end, need_surname=True) or _transliterated_after(text, t.end)
        if end:
            out.append(Candidate(t.end, end, "PERSON", "rule", weak=True))
    return out


def source_persons(text: str) -> list[Candidate]:
    """A name right after a source noun: 消息人士遠坂小町在 -> 遠坂小町."""
    out = []
    for m in SOURCE_CUES.finditer(text):
        end = _name_after(text, m.end(), need_surname=False)
        if (
            end
            and end < len(text)
            and text[end] in SOURCE_AFTER
            and text[m.end()] not in NOT_NAME_START
        ):
            out.append(Candidate(m.end(), end, "PERSON", "rule", weak=True))
    return out


_WITHHELD = re.compile(rf"(?P<surname>[{HAN}]{{1,2}}?)某(?:某|(?P<given>[{HAN}])(?![{HAN}]))?")
_MOU = re.compile("某")  # what every match of _WITHHELD holds
#: Characters after X某 that do not end the name (某地, 某公司: 某 as "a certain")
_NOT_WITHHELD_NEXT = set("地处些种类市县省区国公企单机部家校人天日月年时次项件个")


def withheld_names(text: str) -> list[Candidate]:
    """A name the news withholds: a surname and 某 (张某, 李某某, 曹某英) -> PERSON."""
    names = surnames()
    out = []
    for m in _anchored_finditer(_WITHHELD, _MOU, 2, text):  # 某 after one or two characters
        surname, given = m["surname"], m["given"]
        if surname not in names and surname[-1:] in names:  # 河南王某: the surname is 王
            start = m.start() + len(surname) - 1
        elif surname in names:
            start = m.start()
        else:
            continue
        end = m.end()
        if given is not None and (given in STOP or given in AFTER_NAME or given in _NOT_WITHHELD_NEXT):
            end -= 1  # 李某称: the name is 李某
        after = text[end : end + 1]
        if after in _NOT_WITHHELD_NEXT and end == m.start("surname") + len(surname) + 1:
            continue  # 王某地 is no name
        if start > 0 and text[start - 1] == "某":
            continue
        out.append(Candidate(start, end, "PERSON", "rule"))
    return out


#: Endings that look like an organisation suffix but are not (西部, 当局, 部门).
_FAKE_SUFFIX = re.compile(r"(?:[东南西北中内外全本总各]部|当局|[东南西北中]区)$")


SPEECH = re.compile(r"表示|说|称|指出|认为|介绍|强调|透露|告诉|坦言|回忆|解释|呼吁|宣布")
_BEFORE_NAME = set("，,。、；;：:“”\"'（(）) \n")


def _name_ending_at(text: str, end: int, fits: Callable[[int, str], bool]) -> int | None:
    """The start of the surname-initial name of three, else two, Han characters that ends
    at ``end`` and that ``fits(start, name)`` accepts, or None."""
    for size in (3, 2):
        start = end - size
        if start < 0:
            continue
        name = text[start:end]
        if re.fullmatch(rf"[{HAN}]+", name) and starts_with_surname(name) and fits(start, name):
            return start
    return None


def speaker_persons(text: str, titles_end: set[int]) -> list[Candidate]:
    """A surname-initial name right before a speech verb: ...，王建国表示 -> 王建国 (weak)."""

    def fits(start: int, name: str) -> bool:
        return _clean(text, start, start + len(name)) and (
            start == 0 or text[start - 1] in _BEFORE_NAME or start in titles_end
        )

    out = []
    for m in SPEECH.finditer(text):
        start = _name_ending_at(text, m.start(), fits)
        if start is not None:
            out.append(Candidate(start, m.start(), "PERSON", "rule", weak=True))
    return out


#: Verbs of taking a post, which a career history tells right after a name (贺荣任…, 贺荣重回…).
_POST_VERB = re.compile(r"(?:出任|担任|兼任|调任|升任|改任|转任|获任|重回|履新|当选|任)(?![何务职期命免重意教课性])")
_BEFORE_HISTORY_NAME = _BEFORE_NAME | set("年月日")
_ADVERB_BEFORE_POST = frozenset("曾已将再又也均还并仍正现后先即")


def history_persons(text: str) -> list[Candidate]:
    """A surname-initial name opening a clause right before a verb of taking a post: a
    career history names its subject so (2017年3月，贺荣出任…; 同年3月，贺荣任…) and the
    model, trained on other text, misses the unknown name there (weak)."""

    def fits(start: int, name: str) -> bool:
        if name[-1] in _ADVERB_BEFORE_POST or "先后" in name:
            return False  # 吕老曾|任, 曾先后|担任: an adverb, no part of a name
        return start == 0 or text[start - 1] in _BEFORE_HISTORY_NAME

    out = []
    for m in _POST_VERB.finditer(text):
        start = _name_ending_at(text, m.start(), fits)
        if start is not None:
            out.append(Candidate(start, m.start(), "PERSON", "rule", weak=True))
    return out


#: Verbs of saying, and of acts done to someone, which no name holds (a span across one
#: joins a subject and what it said or did: 保利协鑫能源宣布与隆基股份, 清華大學開除法學院).
NO_NAME_VERBS = re.compile(
    r"宣布|表示|宣称|指出|透露|称将|称已|开除|解雇|辞退|解聘|起诉|逮捕|拘捕|拘留|判处|击败|会见|任命"
    r"|開除|解僱|辭退|起訴|判處|擊敗|會見"  # the same in Traditional script
)


def _following(pattern: re.Pattern, text: str, pos: int) -> int:
    """End of ``pattern`` matched at ``pos`` with stop-free text and no verb, else 0."""
    m = pattern.match(text, pos)
    if not m or not _clean(text, pos, m.end()) or _FAKE_SUFFIX.search(m.group()):
        return 0
    if NO_NAME_VERBS.search(m.group()):
        return 0  # 清华大学|开除法学院: a name, a verb and another name
    if m.group() in ("公司", "集团") or (m.end() < len(text) and text[m.end()] in "门论"):
        return 0  # 教育部门, 社论
    return m.end()


def anchored(text: str, anchors: list[Match], lexicon: Lexicon) -> list[Candidate]:
    """Organisations and places built on an adjacent lexicon entity."""
    out: list[Candidate] = []
    starts = {a.start for a in anchors}
    gpe_starts = {a.start for a in anchors if a.entry.label == "GPE"}
    #: start offset -> furthest end of a GPE (district) candidate found so far
    district_end: dict[int, int] = {}
    for a in anchors:
        label = a.entry.label
        if label == "ORG":
            corp = _CORP_SUFFIX.match(text, a.end)
            if corp:
                out.append(
                    Candidate(
                        a.start, corp.end(), "ORG", "rule", a.entry.canonical, a.entry.entity_id
                    )
                )
                continue
            end = _following(ORG_SUBUNIT, text, a.end)
            if end and not any(s in starts for s in range(a.end, end)):
                out.append(Candidate(a.start, end, "ORG", "rule"))
                a_end = end
            else:
                a_end = a.end
            end = _following(BUSINESS, text, a_end)
            if end:
                out.append(Candidate(a_end, end, "ORG", "rule"))
        elif label == "GPE":
            end = _following(GPE_GOVERNMENT, text, a.end) or _following(GPE_ORG, text, a.end)
            if end and text[end - 2 : end] != "医院" and end - a.end < 4:
                end = 0  # 山西干部, 日本败局: too short to be a name
            if end and not any(s in starts for s in range(a.end + 1, end)):
                rest = lexicon.get(text[a.end : end])
                if rest is not None and rest.label == "ORG":
                    out.append(
                        Candidate(a.start, end, "ORG", "rule", rest.canonical, rest.entity_id)
                    )
                else:
                    out.append(Candidate(a.start, end, "ORG", "rule"))
                shop = _following(BUSINESS, text, end)
                if shop:
                    out.append(Candidate(end, shop, "ORG", "rule"))
                continue
            end = _following(DISTRICT, text, a.end)
            if (
                end
                and a.end not in starts
                and text[a.end] not in "省市县区州镇乡"
                and not text[a.end : end].endswith(DISTRICT_BAD)
            ):
                out.append(Candidate(a.end, end, "GPE", "rule"))
                district_end[a.end] = max(district_end.get(a.end, 0), end)
        if label in ("GPE", "LOC"):
            pos = max(a.end, district_end.get(a.end, 0))
            if pos in gpe_starts:
                continue  # the next GPE anchors the estate itself
            end = _following(ESTATE, text, pos)
            if end and pos not in starts:
                generic = _GENERIC_FACILITY.match(text, pos, end)
                start = a.start if label == "LOC" or generic else pos
                out.append(Candidate(start, end, "LOC", "rule"))
    return out


#: What a company names itself after: 远望科技, 晨光机器人公司, 星辰电子.
_INDUSTRY = (
    "科技|技术|电子|微电子|机器人|汽车|新能源|能源|医药|制药|药业|生物|智能|网络|信息|软件|"
    "传媒|影业|文化|证券|保险|地产|置业|航空|物流|食品|电器|通信|半导体|光电|控股|实业|重工|"
    "机械|电气|化工|材料|乳业|酒业|互娱|娱乐|游戏"
)
_CORPORATE = ("股份有限公司", "有限责任公司", "有限公司", "公司", "集团")


@cache
def _company_words() -> tuple[WordMatcher, int]:
    """The industry words, then the corporate suffixes, in one automaton (and how many
    industry words come first)."""
    industry = _INDUSTRY.split("|")
    return WordMatcher([*industry, *_CORPORATE]), len(industry)


#: What follows a bare "<name><industry>" that is a company: a company doing something.
_COMPANY_CUE = re.compile(
    "宣布|推出|发布|今日|今天|近日|近期|日前|昨日|昨天|此前|表示|声明|称|旗下|创始人|"
    "董事长|首席|总裁|副总裁|总经理|CEO|股价|完成|获得|捐赠|捐款|正在|计划|将于|官宣|回应|"
    "涨停|跌停|涨超|跌超|涨逾|跌逾|大涨|大跌|收涨|收跌|公告"
)
#: Words a run of characters before the industry word may start with, which are not
#: part of the name (据悉远望科技 -> 远望科技).
_LEAD_WORDS = re.compile(r"据悉|据了解|据报道|此外|另外|同时|其中|随后|目前|近日|日前|今日|如今")
#: Runs that describe a company rather than name it (上市公司, 国有企业, 一家科技公司).
_GENERIC_NAME = re.compile(
    rf"^(?:{_INDUSTRY}|上市|控股|关联|目标|标的|涉事|涉案|空壳|国有|民营|外资|合资|上游|下游|"
    "大型|小型|中小|跨国|头部|龙头|互联网|房地产|快递|电商|平台|咨询|管理|投资|建筑|贸易|"
    "母|子|分|新|老|原|前|现|本|该|此|某|人工智能|数字|高新|新兴|传统|知名|全球|国内|国外)+$"
)


def companies(text: str, lexicon: Lexicon) -> list[Candidate]:
    """A company named by a short run of characters and what it does, at the start of a
    clause, followed by a company doing something: 晨光机器人公司首席技术官...,
    远望科技宣布..., 星辰电子今日推出...  The run (2-4 characters, no stop characters)
    must start the clause and not describe a kind of company (上市公司, 保险公司)."""
    matcher, industries = _company_words()
    hits = matcher.find(text)  # every industry word and suffix: most are no company
    industry_at = {}  # end offset -> start of the longest industry word ending there
    for k, a, b in hits:
        if k < industries:
            industry_at[b] = min(industry_at.get(b, a), a)
    out = []
    for k, a, b in hits:
        end = b + 2 if text.startswith("公司", b) else b  # 大连化工集团公司
        if not _COMPANY_CUE.match(text, end):
            continue  # the cue first: it rules out nearly all of them, cheaply
        corporate = k >= industries
        start = industry_at.get(a, a) if corporate else a
        # 远望科技有限公司, 大连化工集团: an industry word and a suffix make a name
        full = (corporate and start < a) or (not corporate and end > b)
        run = _run_before(text, start, 6)
        lead = _LEAD_WORDS.match(text, run, start)
        if lead:
            run = lead.end()
        elif run > 0 and text[run - 1] not in _CLAUSE_START:
            continue  # 还有联想集团, 否则保险公司: the run may not be a name
        name = text[run:start]
        if not 2 <= len(name) <= 4 or _GENERIC_NAME.match(name):
            continue
        entry = lexicon.get(name)
        if entry is not None and entry.label in ("GPE", "TITLE", "PERSON") and not full:
            continue  # 美国科技, 美国公司: a country's industry (大连化工集团 is a name)
        if not out or (out[-1].start, out[-1].end) != (run, end):  # 微电子 / 电子: one name
            out.append(Candidate(run, end, "ORG", "rule"))
    return out


#: An institution after a place named by its own run of characters (江南市人民医院,
#: 青岚人工智能实验室 after 研究机构), for places and labs the lexicon does not know.
_INSTITUTION = re.compile(r"人民医院|中医院|医院|实验室|研究院|研究所")
#: Words that introduce a name: kept out of it (研究机构青岚实验室 -> 青岚实验室).
_CATEGORY_WORDS = re.compile(r"^.*?(?:研究机构|机构|组织|企业|公司)")


def institutions(text: str) -> list[Candidate]:
    """A hospital of a city (``<run>市人民医院``) or a lab or institute whose name
    follows a word for what it is (研究机构青岚人工智能实验室)."""
    out = []
    for m in _INSTITUTION.finditer(text):
        start = m.start()
        run = _run_before(text, start, 12)
        if run > 0 and _name_char(text[run - 1]):
            continue
        name = text[run:start]
        if m.group().endswith("医院"):
            if 3 <= len(name) <= 5 and name[-1] in "市县区":
                out.append(Candidate(run, m.end(), "ORG", "rule"))
            continue
        category = _CATEGORY_WORDS.match(name)
        if category and 2 <= len(name) - category.end() <= 8:
            out.append(Candidate(run + category.end(), m.end(), "ORG", "rule"))
    return out


#: A school of Taiwan named by two characters and its grade (官田國中, 億載國小); the two
#: characters must not be a country or a set of them with 国 (美国中部, 全国中小学), nor a
#: verb, a function word or a common noun before a grade (荣获国小组, 年度国中, 会员国中).
_SCHOOL = re.compile(rf"[{HAN}]{{2}}(?:国中|国小|国民中学|国民小学)")
_SCHOOL_GRADE = re.compile("国[中小民]")  # what every match of _SCHOOL holds
_NOT_A_SCHOOL = re.compile(
    r"^(?:.[美中英法德韩泰俄意日印全各本两三我他外该邻大强诸万王帝民合共祖爱建治救]国"
    r"|[拿在能到于是和及与的了为从向对把被让给将已也都就还又升读上进考念每该本全]"
    r"|.[在下到读上进入了的及与和是度员事立近励得获迎值校子为夺设市])"
)


#: A vocational high school of Taiwan named by two characters and its kind (臺南高商,
#: 曾文家商); 高中 alone is too often a grade (考上高中).
_VOCATIONAL = re.compile(rf"[{HAN}]{{2}}(?:高商|高工|高农|家商|商工|商职|工职)")
_VOCATIONAL_KIND = re.compile("高[商工农]|家商|商[工职]|工职")  # what every match holds


def schools(text: str, matches: list[Match]) -> list[Candidate]:
    """A school named by two characters and its grade or kind (官田國中, 中山國中,
    臺南高商), where no lexicon name runs across its edge (副总理刘国中)."""
    known = [(m.start, m.end) for m in matches]
    found = [
        *_anchored_finditer(_SCHOOL, _SCHOOL_GRADE, 2, text),
        *_anchored_finditer(_VOCATIONAL, _VOCATIONAL_KIND, 2, text),
    ]
    return [
        Candidate(m.start(), m.end(), "ORG", "rule")
        for m in found
        if not _NOT_A_SCHOOL.match(m.group())
        and text[m.end() : m.end() + 1] not in "部心央"
        and not any(s < m.end() and m.start() < e and not m.start() <= s < e <= m.end() for s, e in known)
    ]


#: A business named right after what it is: 老字号餐厅福满楼将..., 酒楼同福居在...
_NAMED_BUSINESS = re.compile(
    rf"(?:老字号|餐厅|酒楼|饭店|酒家|茶馆|书店|门店)(?P<name>[{HAN}]{{2,4}}?)"
    r"(?=将|在|于|宣布|正式|重新|近日|日前|今日|已|开业|停业|关闭|歇业|迎来)"
)
_NOT_A_BUSINESS_NAME = re.compile(r"^(?:正式|重新|近日|日前|今日|已经|目前|于是|内外|门口|员工|老板|人均|喜庆)")


def named_businesses(text: str) -> list[Candidate]:
    """A business named after the word for its kind (老字号餐厅福满楼将重新开业)."""
    out = []
    for m in _NAMED_BUSINESS.finditer(text):
        start, end = m.span("name")
        if _clean(text, start, end) and not _NOT_A_BUSINESS_NAME.match(m["name"]):
            out.append(Candidate(start, end, "ORG", "rule"))
    return out


#: A stock code in brackets: (300080), （101）, (02327-HK), (01810.HK), (AAPL.O).
_CODE = (
    r"[（(](?:\d{6}(?:\.S[HZ])?|\d{1,5}(?:[.\-]HK)?|[A-Z]{1,5}(?:\.[A-Z]{1,2})?)[)）]"
    r"(?!日|号|年|月)"  # 今(3)日, 本(14)日: a day; 於去(112)年底: a Taiwan year, no stock code
)
_STOCK_CODE = re.compile(_CODE)
#: A listed company named with its stock code: 易成新能(300080), 恒隆地产（101）,
#: 美瑞健康国际(02327-HK), 小米集团-W(01810.HK), ST椰岛(600238)
_LISTED = re.compile(rf"(?P<name>(?:\*?ST)?[{HAN}A-Za-z]{{2,12}}?(?:-[A-Z]{{1,2}})?)\s?{_CODE}")
#: The most characters the name part of ``_LISTED`` (*ST, 12 characters, -W, a space)
#: puts before the code.
_LISTED_REACH = 19


def _anchored_finditer(pattern: re.Pattern, anchor: re.Pattern, reach: int, text: str):
    """``pattern.finditer(text)`` for a pattern whose every match holds a match of
    ``anchor`` starting at most ``reach`` characters after its own start: only those
    starts are tried (a scan of the whole text tries each character)."""
    tried = 0  # every start before this one has been tried
    for a in anchor.finditer(text):
        for start in range(max(tried, a.start() - reach), a.start()):
            m = pattern.match(text, start)
            if m:
                yield m
                tried = m.end()
                break
        else:
            tried = max(tried, a.start())


def listed_companies(text: str) -> list[Candidate]:
    """A company named with its stock code in brackets (易成新能(300080)): the name as
    far back as the clause or the name characters go."""
    out = []
    for m in _anchored_finditer(_LISTED, _STOCK_CODE, _LISTED_REACH, text):
        end = m.end("name")
        start = _run_before(text, end, 12) if _name_char(text[end - 1]) else m.start("name")
        start = max(start, m.start("name")) if text[m.start("name")].isascii() else start
        if end - start >= 2 and _clean(text, start, end):
            out.append(Candidate(start, end, "ORG", "rule"))
    return out


def brand_products(text: str, products: list[Candidate], brands: set[str]) -> list[Candidate]:
    """A model code right after the name of a company found in the text (星辰电子 ...
    星辰X10 -> 星辰X10): the product keeps its brand."""
    out = []
    for p in products:
        for brand in brands:
            if text.startswith(brand, p.start - len(brand)):
                out.append(Candidate(p.start - len(brand), p.end, "PRODUCT", "rule"))
                break
    return out


#: What a clause may start after: a name at the start of a clause.
_CLAUSE_START = set("，,。；;：:！!？?、“”\"'（()）【】《》 \n\t")


def _run_before(text: str, start: int, limit: int) -> int:
    """Where the run of name characters ending at ``start`` begins: at most ``limit`` + 1
    characters back (a longer run is cut there, and the caller sees a name character
    before it)."""
    run = start
    while run > 0 and start - run <= limit and _name_char(text[run - 1]):
        run -= 1
    return run


def _name_char(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff" and char not in STOP


def apply_rules(
    text: str, lexicon: Lexicon, matches: list[Match], recall_rules: bool = False
) -> list[Candidate]:
    """All rule candidates for ``text`` given its non-overlapping lexicon ``matches``.

    ``recall_rules`` adds guesses a statistical model would make better (speaker names);
    the rules-only preset turns it on."""
    titles = [m for m in matches if m.entry.label == "TITLE"]
    titles_end = {m.end for m in titles}
    out = dotted_names(text, titles_end)
    out += latin_names(text, lexicon, titles_end)
    out += title_persons(text, titles)
    out += source_persons(text)
    out += anchored(text, matches, lexicon)
    found = companies(text, lexicon)
    out += found + institutions(text) + schools(text, matches) + named_businesses(text)
    out += listed_companies(text)
    out += withheld_names(text)
    out += history_persons(text)
    brands = {text[c.start : c.start + 2] for c in found}
    out += brand_products(text, [c for c in out if c.label == "PRODUCT"], brands)
    if recall_rules:
        out += speaker_persons(text, titles_end)
    return out
