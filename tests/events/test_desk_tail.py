"""The tail of the news-desk happenings the coverage pass found untyped (issue 20,
``corpora/templates/ace/desk_tail.toml``): each type is found in the phrasings news uses
and not in another sense of its words, a negation, a rule, a wish or a generic statement.
The sentences are made up in the style of the news they were tuned on."""

from __future__ import annotations

import pytest

from tests.events.conftest import news_events

#: (text, type, the trigger of its first event of that type)
FOUND = [
    # quarantine: people isolated in a sentence about an infection, or tested
    ("医院出现感染个案，62名病人隔离。", "quarantine", "隔离"),
    ("与患者有过接触的120名医护人员将接受病毒检测。", "quarantine", "接受病毒检测"),
    ("受疫情影响，该市宣布封城。", "quarantine", "封城"),
    ("嫌疑人张某行凶后潜逃，警方悬赏3万元缉拿。", "fugitive", "潜逃"),
    ("该案另一名被告已流亡海外。", "fugitive", "流亡海外"),
    ("法院对未到庭的被告发出通缉令。", "fugitive", "通缉"),
    ("2012年4月，该基金会更名为河北足球发展基金会。", "renaming", "更名为"),
    ("宣传海报上的品牌名称改为“星途问界”。", "renaming", "改为"),
    ("司法厅拟对其作出吊销律师执业证书的行政处罚。", "administrative_penalty", "吊销"),
    ("该协会被民政部列入涉嫌非法社会组织名单。", "administrative_penalty", "列入"),
    ("3名工作人员因违反考勤规定，被通报批评。", "administrative_penalty", "通报批评"),
    ("通报称，他违规帮助亲属承揽工程。", "misconduct", "违规帮助"),
    ("经查，刘某未经许可经营网约车平台业务。", "misconduct", "未经许可"),
    ("旅行团上车后要求每名游客再交300元。", "misconduct", "要求"),
    ("三家公司涉嫌串通投标，被财政部门调查。", "misconduct", "串通投标"),
    ("一名司机酒驾被查时拒捕。", "obstruction", "拒捕"),
    ("多名议员被指在委员会会议上阻碍议会运作。", "obstruction", "阻碍议会"),
    ("多名示威者被控违反禁制令。", "obstruction", "违反禁制令"),
    ("一名男子涉嫌砸毁路边的交通灯，被警方带走。", "vandalism", "砸毁"),
    ("法院驳回上诉，维持原判。", "court_ruling", "驳回上诉"),
    ("政府在这宗司法复核案中终审败诉。", "court_ruling", "终审败诉"),
    ("辩方获准撤销被告在本案的保释。", "court_ruling", "撤销"),
    ("当地警方通报，经调查，排除刑事案件。", "investigation_finding", "排除刑事案件"),
    ("死因研讯的陪审团裁定死因存疑。", "investigation_finding", "裁定死因"),
    ("调查人员在闭路电视中发现关键影像。", "investigation_finding", "发现"),
    ("她获得女子单人10米台亚军。", "sports_result", "亚军"),
    ("他以2小时01分09秒的成绩刷新马拉松世界纪录。", "sports_result", "刷新"),
    ("这名15岁小将获得外卡，将首次参加正赛。", "sports_result", "外卡"),
    ("已有数十名外籍选手报名参赛。", "sports_result", "报名参赛"),
    ("受台风影响，铁路部门安排部分旅客列车停运。", "transport_disruption", "列车停运"),
    ("全省两万多艘渔船回港避风。", "transport_disruption", "回港避风"),
    ("火车站公交3月7日起调整停靠站位。", "transport_disruption", "调整停靠站位"),
    ("美国6月消费者价格指数同比上涨2.7%。", "economic_data", "上涨"),
    ("福建电网负荷再创历史新高。", "economic_data", "创历史新高"),
    ("一名家长发视频称，孩子在学校遭到体罚。", "online_exposure", "发视频称"),
    ("这位家长当晚把聊天截图发到了自己的朋友圈。", "online_exposure", "发到"),
    ("记者再次查看时，这段视频已被删除。", "content_removal", "删除"),
    ("这位家长因在班级群发言被老师踢出群聊。", "content_removal", "踢出群聊"),
    ("涉事商家称已赔偿完毕。", "compensation", "已赔偿"),
    ("涉事企业向每户村民赔偿2万元。", "compensation", "赔偿"),
    ("执法人员缴获了一支自动步枪和30发子弹。", "seizure", "缴获"),
    ("警方在其背包中搜出两把铁锤。", "seizure", "搜出"),
    ("当地对12处革命旧址加以修复保护。", "building_works", "修复保护"),
    ("市图书馆今年新增阅览坐席300个。", "building_works", "新增"),
    ("这名美籍球员的归化手续已开始办理。", "naturalization", "归化"),
    ("他获得了美国政治庇护。", "naturalization", "政治庇护"),
    ("该公司承诺2030年前实现碳中和。", "climate_pledge", "碳中和"),
    ("集团将在年内启动控股平台的碳盘查。", "climate_pledge", "启动"),
    ("她于1995年取得执业律师资格。", "qualification", "取得"),
    ("球迷集资定制了一面巨幅横幅。", "fundraising", "集资"),
    ("家属发起网络众筹，筹集医疗费。", "fundraising", "网络众筹"),
    ("两名乘客在车厢内因座位发生争执。", "altercation", "发生争执"),
    ("他与建制派议员在会议上起冲突。", "altercation", "起冲突"),
    ("这名女星在机场遭粉丝疯狂跟拍。", "harassment", "疯狂跟拍"),
    ("一名副校长涉性骚扰女教师。", "harassment", "性骚扰"),
    ("防暴警察午夜后开始清场。", "crowd_dispersal", "清场"),
    ("防暴警察施放催泪弹驱散示威者。", "crowd_dispersal", "施放催泪弹"),
    ("公司董事会同意向交易所申请撤销退市风险警示。", "risk_warning", "申请撤销"),
    ("该项目预计8月公告招商。", "tender", "公告招商"),
    ("该案预计下月公告上网。", "tender", "公告"),
    ("三家企业中标该市的集中采购项目。", "tender", "中标"),
    ("该国在联合国四处游说其他国家。", "lobbying", "四处游说"),
    ("该公司就产品安全问题开展全球公关。", "lobbying", "全球公关"),
]

#: (text, type) that must yield no event of that type
NOT_FOUND = [
    # another sense of the word, a negation, a rule, a wish or a generic statement
    ("工人在路中央设置了隔离带。", "quarantine"),
    ("这款隔离霜适合干性皮肤。", "quarantine"),
    ("部分旅客入境后没有进行强制隔离。", "quarantine"),
    ("资本外逃令该国货币承压。", "fugitive"),
    ("法官认为被告的潜逃风险不高。", "fugitive"),
    ("养殖户应加固网箱，防止鱼苗逃逸。", "fugitive"),
    ("流亡德国的诗人在网上发表文章。", "fugitive"),
    ("办理更名手续需要携带身份证。", "renaming"),
    ("驾驶证经吊销后两年内不得重新申领。", "administrative_penalty"),
    ("各部门要严肃查处违规行为。", "misconduct"),
    ("物业将违规施工列为巡查重点。", "misconduct"),
    ("警察执法时遇到了很多困难。", "obstruction"),
    ("台风造成大量房屋损毁。", "vandalism"),
    ("律师认为这场官司胜诉的可能很小。", "court_ruling"),
    ("他对取得胜诉充满信心。", "court_ruling"),
    ("家属拒绝尸检。", "investigation_finding"),
    ("调查结果显示，多数受访者支持该方案。", "investigation_finding"),
    ("这部电影位列周末票房榜亚军。", "sports_result"),
    ("他的成绩距离前人创造的世界纪录还差2秒。", "sports_result"),
    ("大家都期待有人能够打破全国纪录。", "sports_result"),
    ("他创造了吉尼斯世界纪录。", "sports_result"),
    ("这家新闻网站宣布停运。", "transport_disruption"),
    ("民航局对空中交通管制服务开展调查。", "transport_disruption"),
    ("该公司净利润同比增长30%。", "economic_data"),
    ("新兴市场在全球GDP中所占的份额不断增长。", "economic_data"),
    ("力争实现GDP增长6%。", "economic_data"),
    ("这张照片曝光过度，画面发白。", "online_exposure"),
    ("外交部长在社交媒体发文称，双方将继续对话。", "online_exposure"),
    ("用户可以申请删除个人信息。", "content_removal"),
    ("受害者家属向法院提出索赔。", "compensation"),
    ("去年各地办理的案件涉及赔偿金额约300亿元。", "compensation"),
    ("他在博物馆看到了缴获的武器。", "seizure"),
    ("卫生人员在市场周边查获多处阳性容器。", "seizure"),
    ("该企业被当场查获。", "seizure"),
    ("数字技术正在改造提升传统产业。", "building_works"),
    ("当局正研究重建这批旧工业大厦。", "building_works"),
    ("外籍配偶是否取得本国国籍，影响其能否领取补助。", "naturalization"),
    ("该基金专注于碳中和主题的投资。", "climate_pledge"),
    ("为实现碳达峰碳中和目标，各地加快能源转型。", "climate_pledge"),
    ("未取得执业资格的人员不得从事法律服务。", "qualification"),
    ("警方提醒市民警惕非法集资。", "fundraising"),
    ("这家公司此次配股集资总额约50亿港元。", "fundraising"),
    ("两国军队在边境地区发生冲突。", "altercation"),
    ("执法人员与抗议者发生冲突，多人被捕。", "altercation"),
    ("中美在这一问题上的争执由来已久。", "altercation"),
    ("这家婚纱店提供婚礼跟拍服务。", "harassment"),
    ("各单位要防止性骚扰事件的发生。", "harassment"),
    ("他安装了骚扰电话拦截软件。", "harassment"),
    ("商场年底清场甩卖，全场五折。", "crowd_dispersal"),
    ("警方无需发射催泪弹。", "crowd_dispersal"),
    ("投资者应注意市场风险。", "risk_warning"),
    ("该县已有50个贫困村脱贫摘帽。", "risk_warning"),
    ("招标投标法规定了招标的程序。", "tender"),
    ("美国的游说集团势力庞大。", "lobbying"),
    ("希望各国读者能游说他们的政府。", "lobbying"),
]


@pytest.mark.parametrize(
    ("text", "event_type", "trigger"),
    FOUND + [(text, event_type, None) for text, event_type in NOT_FOUND],
)
def test_first_trigger_of_the_type(nlp, text, event_type, trigger):
    """The trigger of the first event of ``event_type``, or no event at all (None)."""
    found = [e.trigger.text for e in news_events(nlp, text, event_type)]
    assert found[:1] == ([trigger] if trigger else []), found


def test_harassment_roles_trade_places_in_the_passive(nlp):
    (active,) = news_events(nlp, "男子张某多次尾随骚扰女子李某。", "harassment")
    assert (active.get("perpetrator"), active.get("victim")) == ("张某", "李某")
    (passive,) = news_events(nlp, "网球运动员李娜在机场遭粉丝疯狂跟拍。", "harassment")
    assert passive.get("victim") == "李娜" and passive.get("perpetrator") is None


def test_economic_data_roles(nlp):
    (event,) = news_events(
        nlp,
        "美国劳工统计局15日公布的数据显示，美国6月消费者价格指数同比上涨2.7%。",
        "economic_data",
    )
    assert (event.get("issuer"), event.get("item"), event.get("change")) == (
        "美国劳工统计局",
        "消费者价格指数",
        "2.7%",
    )


def test_each_group_quarantined_is_an_event_of_its_own(nlp):
    text = (
        "医院出现感染个案，62名病人隔离。"
        "医院亦会安排120名医护人员接受病毒检测。"
        "一名护士被界定为密切接触者，会进入隔离营接受隔离检疫。"
    )
    events = news_events(nlp, text, "quarantine")
    assert [e.trigger.text for e in events] == ["隔离", "接受病毒检测", "接受隔离检疫"]
    assert {e.emergency_class for e in events} == {"public_health"}


def test_codes(nlp):
    (seizure,) = news_events(nlp, "执法人员缴获了一支自动步枪和30发子弹。", "seizure")
    assert (seizure.cameo, seizure.quad_class) == ("171", 4)
    (penalty,) = news_events(nlp, "该协会被民政部列入涉嫌非法社会组织名单。", "administrative_penalty")
    assert (penalty.cameo, penalty.get("authority")) == ("172", "民政部")
    (paid,) = news_events(nlp, "涉事企业向每户村民赔偿2万元。", "compensation")
    assert (paid.ace, paid.get("amount")) == ("Transaction:Transfer-Money", "2万元")
