"""The happenings a third coverage pass left untyped (``corpora/templates/ace/desk_steps.toml``):
each type is found in the phrasings news uses and not in advice, a wish, a rule, a tally
or a noun in another sense (申请人, 和解决, 工作证明, 住院成本, 培训机构). The sentences
are made up in the style of the news they were tuned on."""

from __future__ import annotations

import pytest

from tests.events.conftest import news_events

#: (text, type, the text of the trigger of the first event of that type)
FOUND = [
    ("阿斯麦已向荷兰政府提出出口许可证申请。", "application", "申请"),
    ("慶委會於3月15日向康文署遞交申請。", "application", "申請"),
    ("美国空军为该项目申请了约4.23亿美元的研发资金。", "application", "申请"),
    ("市府将接续提报内政部办理区段征收评估审议作业。", "application", "提报"),
    ("字节跳动与美国用户达成和解，同意支付9200万美元。", "settlement", "达成和解"),
    ("该教师最后与家长和解，学校亦不再追究。", "settlement", "和解"),
    ("控方传召督察叶志成出庭作证。", "testimony", "出庭作证"),
    ("辯方傳召港大語言學教授梁曉姿作供。", "testimony", "作供"),
    ("法官裁定案件表证成立，谭得志不自辩。", "testimony", "不自辩"),
    ("国泰航空今早停牌。", "trading_halt", "停牌"),
    ("日本股市今日休市。", "trading_halt", "休市"),
    ("A股假期休市，港股通暂停，无南向资金。", "trading_halt", "休市"),
    ("国泰航空宣布高层减薪一成。", "pay_change", "减薪"),
    ("前工程總監周大滄獲發590萬元薪金及津貼。", "pay_change", "薪金"),
    ("谷歌CEO皮查伊的薪酬总额暴跌至743万美元。", "pay_change", "薪酬"),
    ("欧盟委员会宣布把启动对美反制措施推迟到8月初。", "postponement", "推迟"),
    ("派发现金券计划最终被搁置。", "postponement", "搁置"),
    ("投稿延长至10月20日。", "postponement", "延长至"),
    ("王建国获续聘为公司总经理。", "retention", "获续聘"),
    ("刚卸任会长的苏绍聪则留任理事。", "retention", "留任"),
    ("中国最高票连任国际海事组织A类理事国。", "retention", "连任"),
    ("委内瑞拉武装部队宣布新征召5600名士兵。", "recruitment", "征召"),
    ("宜昌市在暑期开设托管班，并招募志愿者。", "recruitment", "招募"),
    ("教育部举办2026届毕业生首场跨区域联合招聘会。", "recruitment", "招聘"),
    ("王建国因肺炎入院。", "hospitalization", "入院"),
    ("93歲老人因為中風入住博愛醫院。", "hospitalization", "入住"),
    ("王建国因为发烧及呕吐，再次入住博爱医院。", "hospitalization", "入住"),
    ("受台风影响，香港所有学校今天停课。", "class_suspension", "停课"),
    ("各间大学宣布今天继续停课。", "class_suspension", "停课"),
    ("融创中国宣布境外债务重组正在实施。", "debt_restructuring", "境外债务重组"),
    ("遵义道桥贷款展期后，融资压力有所缓解。", "debt_restructuring", "贷款展期"),
    ("阿斯麦首席执行官温宁克日前接受彭博社专访。", "interview", "专访"),
    ("美國國務卿蓬佩奧接受傳媒訪問，指華為與政府關係密切。", "interview", "訪問"),
    ("《高端访谈》今晚播出对冰岛总统托马斯多蒂尔的独家专访。", "interview", "独家专访"),
    ("台南市政府今年6月培训45位导览志工。", "training", "培训"),
    ("南市政风处举办专业研习，强化公职人员防贪意识。", "training", "研习"),
    ("6万余名赛会志愿者已完成培训。", "training", "培训"),
]


@pytest.mark.parametrize(("text", "event_type", "trigger"), FOUND)
def test_found(nlp, text, event_type, trigger):
    found = news_events(nlp, text, event_type)
    assert found, text
    assert found[0].trigger.text == trigger


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("符合资格的农民请于7月9日前向各区公所提出申请。", "application"),
        ("卓健其后会约见申请人。", "application"),
        ("恒大此前向美国法院申请破产保护。", "application"),  # a bankruptcy filing
        ("要在加强民生建设和解决群众急难愁盼问题上多办实事。", "settlement"),
        ("侯志强被问到是否代表与民建联和解。", "settlement"),
        ("申请人须出示以往的工作证明。", "testimony"),
        ("立法会议员可行使职权，传召有关人士出席作证。", "testimony"),
        ("北交所实行临时停牌机制。", "trading_halt"),
        ("沪深股市午间休市。", "trading_halt"),
        ("预算案宽减薪俸税上限。", "pay_change"),
        ("铜牌队伍各可获得6000元奖金。", "pay_change"),
        ("他建议推迟小学放学时间。", "postponement"),
        ("美国多地机场航班延误。", "postponement"),  # transport_disruption's
        ("法官将案件押后至本周四再审理。", "postponement"),  # a hearing adjourned
        ("中联办希望梁君彦可以继续留任。", "retention"),
        ("拜登将正式宣布竞选连任。", "retention"),
        ("陈茂波称，目标是要稳住经济，保住打工仔的工作。", "retention"),
        ("诈骗集团透过社群软件发布征才广告。", "recruitment"),
        ("公立医院住院成本持续增加。", "hospitalization"),
        ("伤者被送院治疗。", "hospitalization"),  # an injury
        ("专家建议，如果检测者最终确诊，住院期间可获发工资。", "hospitalization"),
        ("教育局将检讨恶劣天气下的停课标准。", "class_suspension"),
        ("法规允许平台公司采取展期、债务重组等方式维持资金周转。", "debt_restructuring"),
        ("第二期线下展五天展期里将集中展出建材。", "debt_restructuring"),
        ("史维未有接受传媒访问。", "interview"),
        ("黄立冲在接受记者采访时说，重组机会渺茫。", "interview"),  # the story's own reporter
        ("他之前接受英國傳媒訪問表示，他們飄放氣球。", "interview"),  # the frame of a quote
        ("陈时中曾在接受英国BBC访问时指出，我们需要WHO。", "interview"),
        ("警方查处了一家违规培训机构。", "training"),
        ("沈阳中小学校、校外培训机构全部停课。", "training"),
    ],
)
def test_not_found(nlp, text, event_type):
    assert not news_events(nlp, text, event_type), text
